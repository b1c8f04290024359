-- Messages to people, stored with the change that caused them and delivered afterwards.

CREATE TABLE notification_outbox (
    id             BIGSERIAL    PRIMARY KEY,
    created_at     TIMESTAMPTZ  NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    request_id     UUID         REFERENCES access_request (id),
    summary        TEXT         NOT NULL,
    link           TEXT,
    payload        TEXT         NOT NULL,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED',
                                                          'NOT_CONFIGURED')),
    attempts       INT          NOT NULL DEFAULT 0,
    last_error     TEXT,
    sent_at        TIMESTAMPTZ
);

CREATE INDEX notification_outbox_created_idx ON notification_outbox (created_at);
