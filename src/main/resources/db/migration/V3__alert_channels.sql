-- Per-clinic webhooks for SMS and pager gateways, and every delivery attempt on every channel.

CREATE TABLE clinic_webhook (
    clinic_id   UUID PRIMARY KEY REFERENCES clinic (id),
    url         VARCHAR(2000) NOT NULL,
    secret      VARCHAR(200) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID REFERENCES app_user (id)
);

CREATE TABLE alert_delivery (
    id           UUID PRIMARY KEY,
    alert_seq    BIGINT NOT NULL REFERENCES alert (seq),
    clinic_id    UUID NOT NULL REFERENCES clinic (id),
    channel      VARCHAR(16) NOT NULL,
    target       VARCHAR(2000) NOT NULL,
    attempt      INTEGER NOT NULL,
    outcome      VARCHAR(16) NOT NULL,
    status_code  INTEGER,
    error        VARCHAR(200),
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_delivery_channel CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    CONSTRAINT alert_delivery_outcome CHECK (outcome IN ('SENT', 'FAILED', 'SKIPPED'))
);
CREATE INDEX alert_delivery_clinic ON alert_delivery (clinic_id, attempted_at);
