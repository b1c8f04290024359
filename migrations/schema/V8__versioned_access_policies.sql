-- Access policies move out of the entitlement row into versioned documents. A change is
-- proposed by one admin and confirmed by another; only confirmed versions are ever active.
-- Requests and grants record the version that decided them.

CREATE TABLE policy_change (
    id                   UUID         PRIMARY KEY,
    state                VARCHAR(16)  NOT NULL
                             CHECK (state IN ('PROPOSED', 'APPLIED', 'REJECTED', 'WITHDRAWN')),
    summary              TEXT         NOT NULL,
    source_format        VARCHAR(8)   NOT NULL CHECK (source_format IN ('JSON', 'YAML')),
    source               TEXT         NOT NULL,
    author_subject       VARCHAR(255) NOT NULL,
    author_username      VARCHAR(255) NOT NULL,
    proposed_at          TIMESTAMPTZ  NOT NULL,
    decided_by_subject   VARCHAR(255),
    decided_by_username  VARCHAR(255),
    decided_at           TIMESTAMPTZ,
    decision_comment     TEXT,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT policy_change_second_admin CHECK (decided_by_subject IS NULL
        OR state = 'WITHDRAWN' OR decided_by_subject <> author_subject)
);

CREATE INDEX policy_change_state_idx ON policy_change (state, proposed_at);

-- One entry per entitlement a change touches; base_version is the active version it replaces.
CREATE TABLE policy_change_item (
    change_id        UUID        NOT NULL REFERENCES policy_change (id),
    entitlement_key  VARCHAR(64) NOT NULL REFERENCES entitlement (entitlement_key),
    base_version     INT,
    document         JSONB       NOT NULL,
    PRIMARY KEY (change_id, entitlement_key)
);

CREATE TABLE policy_version (
    id                     BIGSERIAL    PRIMARY KEY,
    entitlement_key        VARCHAR(64)  NOT NULL REFERENCES entitlement (entitlement_key),
    version                INT          NOT NULL CHECK (version >= 1),
    state                  VARCHAR(16)  NOT NULL CHECK (state IN ('ACTIVE', 'SUPERSEDED')),
    document               JSONB        NOT NULL,
    differences            JSONB        NOT NULL DEFAULT '[]',
    change_id              UUID         REFERENCES policy_change (id),
    author_username        VARCHAR(255) NOT NULL,
    confirmed_by_username  VARCHAR(255) NOT NULL,
    activated_at           TIMESTAMPTZ  NOT NULL,
    superseded_at          TIMESTAMPTZ,
    CONSTRAINT policy_version_number UNIQUE (entitlement_key, version)
);

CREATE UNIQUE INDEX policy_version_one_active ON policy_version (entitlement_key)
    WHERE state = 'ACTIVE';

-- Existing entitlements become version 1 of their policy, carrying over what the row held.
INSERT INTO policy_version (entitlement_key, version, state, document, author_username,
                            confirmed_by_username, activated_at)
SELECT e.entitlement_key, 1, 'ACTIVE',
       jsonb_build_object(
           'entitlement', e.entitlement_key,
           'risk', 'medium',
           'requesters', jsonb_build_object(
               'groups', COALESCE((SELECT jsonb_agg(a.name ORDER BY a.name)
                   FROM entitlement_audience a WHERE a.entitlement_key = e.entitlement_key
                   AND a.purpose = 'REQUEST' AND a.kind = 'GROUP'), '[]'::jsonb),
               'roles', COALESCE((SELECT jsonb_agg(a.name ORDER BY a.name)
                   FROM entitlement_audience a WHERE a.entitlement_key = e.entitlement_key
                   AND a.purpose = 'REQUEST' AND a.kind = 'ROLE'), '[]'::jsonb)),
           'duration', jsonb_build_object(
               'min', 'PT' || e.min_duration_seconds || 'S',
               'default', 'PT' || e.default_duration_seconds || 'S',
               'max', 'PT' || e.max_duration_seconds || 'S'),
           'pendingTimeout', 'PT' || e.pending_timeout_seconds || 'S',
           'ticketRequired', e.ticket_required,
           'steps', jsonb_build_array(jsonb_build_object(
               'name', 'approvers',
               'approvers', jsonb_build_object(
                   'groups', COALESCE((SELECT jsonb_agg(a.name ORDER BY a.name)
                       FROM entitlement_audience a WHERE a.entitlement_key = e.entitlement_key
                       AND a.purpose = 'APPROVE' AND a.kind = 'GROUP'), '[]'::jsonb),
                   'roles', COALESCE((SELECT jsonb_agg(a.name ORDER BY a.name)
                       FROM entitlement_audience a WHERE a.entitlement_key = e.entitlement_key
                       AND a.purpose = 'APPROVE' AND a.kind = 'ROLE'), '[]'::jsonb)),
               'approvals', e.required_approvals)),
           'conflicts', '[]'::jsonb,
           'approversMustNotHold', FALSE,
           'autoApproval', '[]'::jsonb,
           'maxStartDelay', 'P7D'),
       'migration', 'migration', now()
FROM entitlement e;

ALTER TABLE access_request ADD COLUMN policy_version_id BIGINT REFERENCES policy_version (id);
UPDATE access_request r SET policy_version_id = v.id
    FROM policy_version v WHERE v.entitlement_key = r.entitlement_key;
ALTER TABLE access_request ALTER COLUMN policy_version_id SET NOT NULL;
ALTER TABLE access_request ADD COLUMN starts_at TIMESTAMPTZ;

ALTER TABLE access_grant ADD COLUMN policy_version_id BIGINT REFERENCES policy_version (id);
UPDATE access_grant g SET policy_version_id = r.policy_version_id
    FROM access_request r WHERE r.id = g.request_id;
ALTER TABLE access_grant ALTER COLUMN policy_version_id SET NOT NULL;

-- What each approver counted for when they decided, and how they had signed in.
ALTER TABLE approval ADD COLUMN steps VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE approval ADD COLUMN auth_acr VARCHAR(64);
ALTER TABLE approval ADD COLUMN auth_time TIMESTAMPTZ;

DROP TABLE entitlement_audience;
ALTER TABLE entitlement DROP CONSTRAINT entitlement_durations_ordered;
ALTER TABLE entitlement
    DROP COLUMN min_duration_seconds,
    DROP COLUMN default_duration_seconds,
    DROP COLUMN max_duration_seconds,
    DROP COLUMN required_approvals,
    DROP COLUMN ticket_required,
    DROP COLUMN pending_timeout_seconds;

-- Auto-approval rules act through their own channel, named in the audit trail.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_channel_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_channel_check
    CHECK (channel IN ('web', 'api', 'slack-link', 'scheduler', 'rule'));
