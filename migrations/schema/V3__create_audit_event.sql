-- The audit trail: append-only, written in the same transaction as each state change.

CREATE TABLE audit_event (
    id                 BIGSERIAL    PRIMARY KEY,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    type               VARCHAR(64)  NOT NULL,
    actor_subject      VARCHAR(255) NOT NULL,
    actor_username     VARCHAR(255) NOT NULL,
    channel            VARCHAR(16)  NOT NULL CHECK (channel IN ('web', 'api', 'slack-link',
                                                                'scheduler')),
    request_id         UUID,
    entitlement_key    VARCHAR(64),
    requester_username VARCHAR(255),
    details            JSONB        NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_event_request_idx ON audit_event (request_id, id);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

-- Enforced here and not only in code: nobody, the application included, rewrites history.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
