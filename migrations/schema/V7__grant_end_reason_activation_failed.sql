-- A grant whose activation kept failing is ended too (its role may have been applied on a
-- call that timed out), so it needs an end reason of its own.

ALTER TABLE access_grant DROP CONSTRAINT access_grant_end_reason_check;
ALTER TABLE access_grant ALTER COLUMN end_reason TYPE VARCHAR(32);
ALTER TABLE access_grant ADD CONSTRAINT access_grant_end_reason_check
    CHECK (end_reason IN ('EXPIRY', 'EARLY', 'ACTIVATION_FAILED'));
