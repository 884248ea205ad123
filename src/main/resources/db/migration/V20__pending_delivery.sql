-- Issue 17. Email and webhook deliveries still to make, as rows any instance picks up (an outbox):
-- one row per outbound alert, written with the alert, for its first attempts (channel NULL: every
-- channel); one row per channel for a retry after a failed attempt. The instance that wrote the
-- alert holds the row until due_at (its claim); should it die, another instance makes the attempt.
CREATE TABLE pending_delivery (
    id         UUID PRIMARY KEY,
    alert_seq  BIGINT NOT NULL REFERENCES alert (seq),
    channel    VARCHAR(16),
    attempt    INTEGER NOT NULL,
    due_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pending_delivery_channel CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    CONSTRAINT pending_delivery_attempt CHECK (attempt >= 1)
);
CREATE INDEX pending_delivery_due ON pending_delivery (due_at);
