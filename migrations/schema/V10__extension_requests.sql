-- An active grant asks for more time. Extensions the policy lets through at once are recorded
-- APPROVED straight away; the others wait for approvers, who decide them like requests.

CREATE TABLE grant_extension (
    id                  UUID         PRIMARY KEY,
    request_id          UUID         NOT NULL REFERENCES access_grant (request_id),
    duration_seconds    BIGINT       NOT NULL CHECK (duration_seconds > 0),
    reason              TEXT         NOT NULL,
    state               VARCHAR(16)  NOT NULL
                            CHECK (state IN ('PENDING', 'APPROVED', 'DENIED', 'WITHDRAWN',
                                             'EXPIRED')),
    requested_at        TIMESTAMPTZ  NOT NULL,
    requested_by        VARCHAR(255) NOT NULL,
    decided_at          TIMESTAMPTZ,
    -- The grant's end once this extension applied.
    expires_at_after    TIMESTAMPTZ,
    CONSTRAINT grant_extension_decided_whole CHECK ((state = 'PENDING') = (decided_at IS NULL)),
    CONSTRAINT grant_extension_applied_whole
        CHECK ((state = 'APPROVED') = (expires_at_after IS NOT NULL)),
    CONSTRAINT grant_extension_of_request UNIQUE (id, request_id)
);

-- One extension waits at a time, so approvers never weigh two at once.
CREATE UNIQUE INDEX grant_extension_one_pending ON grant_extension (request_id)
    WHERE state = 'PENDING';
CREATE INDEX grant_extension_request_idx ON grant_extension (request_id, requested_at);

-- Decisions on an extension are approvals too, but count only for that extension.
ALTER TABLE approval ADD COLUMN extension_id UUID;
-- An extension's decisions belong to the same request as the extension.
ALTER TABLE approval ADD CONSTRAINT approval_extension_of_request
    FOREIGN KEY (extension_id, request_id) REFERENCES grant_extension (id, request_id);
ALTER TABLE approval DROP CONSTRAINT approval_one_per_person;
CREATE UNIQUE INDEX approval_one_per_person ON approval (request_id, approver_subject)
    WHERE extension_id IS NULL;
CREATE UNIQUE INDEX approval_one_per_person_per_extension
    ON approval (extension_id, approver_subject) WHERE extension_id IS NOT NULL;
