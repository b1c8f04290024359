-- An access request, the approvals cast on it, and the grant that follows an approval.

CREATE TABLE access_request (
    id                   UUID         PRIMARY KEY,
    entitlement_key      VARCHAR(64)  NOT NULL REFERENCES entitlement (entitlement_key),
    requester_subject    VARCHAR(255) NOT NULL,
    requester_username   VARCHAR(255) NOT NULL,
    duration_seconds     BIGINT       NOT NULL CHECK (duration_seconds > 0),
    justification        TEXT         NOT NULL,
    ticket               VARCHAR(100),
    state                VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'DENIED', 'CANCELLED',
                             'TIMED_OUT', 'APPROVED', 'ACTIVE', 'REVOKING', 'EXPIRED', 'REVOKED')),
    required_approvals   INT          NOT NULL,
    submitted_at         TIMESTAMPTZ  NOT NULL,
    pending_until        TIMESTAMPTZ  NOT NULL,
    decided_at           TIMESTAMPTZ,
    ended_at             TIMESTAMPTZ,
    version              BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX access_request_requester_idx ON access_request (requester_subject, submitted_at);
CREATE INDEX access_request_state_idx ON access_request (state);

CREATE TABLE approval (
    id                 BIGSERIAL    PRIMARY KEY,
    request_id         UUID         NOT NULL REFERENCES access_request (id),
    approver_subject   VARCHAR(255) NOT NULL,
    approver_username  VARCHAR(255) NOT NULL,
    decision           VARCHAR(8)   NOT NULL CHECK (decision IN ('APPROVE', 'DENY')),
    comment            TEXT         NOT NULL DEFAULT '',
    channel            VARCHAR(16)  NOT NULL,
    decided_at         TIMESTAMPTZ  NOT NULL,
    -- One person counts once, whatever channel they used.
    CONSTRAINT approval_one_per_person UNIQUE (request_id, approver_subject)
);

-- What the connector was asked to do for an approved request, and how far it got.
CREATE TABLE access_grant (
    request_id          UUID         PRIMARY KEY REFERENCES access_request (id),
    connector           VARCHAR(64)  NOT NULL,
    target              VARCHAR(255) NOT NULL,
    principal_subject   VARCHAR(255) NOT NULL,
    activated_at        TIMESTAMPTZ,
    expires_at          TIMESTAMPTZ,
    end_reason          VARCHAR(16)  CHECK (end_reason IN ('EXPIRY', 'EARLY')),
    ended_by            VARCHAR(255),
    revocation_started_at TIMESTAMPTZ,
    revoked_at          TIMESTAMPTZ,
    attempts            INT          NOT NULL DEFAULT 0,
    last_error          TEXT,
    next_attempt_at     TIMESTAMPTZ
);
