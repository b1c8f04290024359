-- Break-glass use: granted at once, then a second person must review it before due_at.

CREATE TABLE break_glass_review (
    request_id         UUID         PRIMARY KEY REFERENCES access_request (id),
    activated_at       TIMESTAMPTZ  NOT NULL,
    due_at             TIMESTAMPTZ  NOT NULL,
    reviewed_at        TIMESTAMPTZ,
    reviewer_subject   VARCHAR(255),
    reviewer_username  VARCHAR(255),
    outcome            VARCHAR(16)  CHECK (outcome IN ('JUSTIFIED', 'UNJUSTIFIED')),
    comment            TEXT,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT break_glass_reviewed_whole CHECK ((reviewed_at IS NULL) = (outcome IS NULL))
);

CREATE INDEX break_glass_review_open_idx ON break_glass_review (due_at) WHERE reviewed_at IS NULL;

-- A scheduled start re-checks eligibility and approvers; a failed check ends the request.
ALTER TABLE access_grant DROP CONSTRAINT access_grant_end_reason_check;
ALTER TABLE access_grant ADD CONSTRAINT access_grant_end_reason_check
    CHECK (end_reason IN ('EXPIRY', 'EARLY', 'ACTIVATION_FAILED', 'START_REFUSED'));

-- How often a grant was extended; the policy caps it.
ALTER TABLE access_grant ADD COLUMN extensions INT NOT NULL DEFAULT 0;
