-- What can be requested: one row per entitlement, and who may request or approve it.

CREATE TABLE entitlement (
    entitlement_key          VARCHAR(64)  PRIMARY KEY,
    name                     VARCHAR(200) NOT NULL,
    description              TEXT         NOT NULL DEFAULT '',
    connector                VARCHAR(64)  NOT NULL,
    target                   VARCHAR(255) NOT NULL,
    min_duration_seconds     BIGINT       NOT NULL CHECK (min_duration_seconds > 0),
    default_duration_seconds BIGINT       NOT NULL,
    max_duration_seconds     BIGINT       NOT NULL,
    required_approvals       INT          NOT NULL CHECK (required_approvals >= 1),
    ticket_required          BOOLEAN      NOT NULL DEFAULT FALSE,
    pending_timeout_seconds  BIGINT       NOT NULL CHECK (pending_timeout_seconds > 0),
    enabled                  BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT entitlement_durations_ordered CHECK (
        min_duration_seconds <= default_duration_seconds
        AND default_duration_seconds <= max_duration_seconds)
);

-- purpose REQUEST or APPROVE; kind ROLE (a realm role in the token) or GROUP (a group path).
CREATE TABLE entitlement_audience (
    entitlement_key VARCHAR(64)  NOT NULL REFERENCES entitlement (entitlement_key),
    purpose         VARCHAR(16)  NOT NULL CHECK (purpose IN ('REQUEST', 'APPROVE')),
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('ROLE', 'GROUP')),
    name            VARCHAR(255) NOT NULL,
    PRIMARY KEY (entitlement_key, purpose, kind, name)
);
