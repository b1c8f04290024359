-- A person holds at most one open request per entitlement. The application checks this too;
-- the index makes it hold when two submissions race.

CREATE UNIQUE INDEX access_request_one_open_per_entitlement
    ON access_request (requester_subject, entitlement_key)
    WHERE state IN ('PENDING', 'APPROVED', 'ACTIVE', 'REVOKING');
