-- Escalation policies, emergencies, their timeline and targets, and the alert log that feeds
-- the directors' live streams. Portable between PostgreSQL and H2 (MODE=PostgreSQL).

-- Every change is a new version; an emergency freezes the version in force at launch.
CREATE TABLE escalation_policy (
    id             UUID PRIMARY KEY,
    clinic_id      UUID NOT NULL REFERENCES clinic (id),
    version        INTEGER NOT NULL,
    steps          VARCHAR(8000) NOT NULL,
    repeat_count   INTEGER NOT NULL,
    transfer_plan  VARCHAR(4000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID REFERENCES app_user (id),
    CONSTRAINT escalation_policy_version UNIQUE (clinic_id, version),
    CONSTRAINT escalation_policy_repeat CHECK (repeat_count BETWEEN 0 AND 5)
);

CREATE TABLE emergency (
    id                UUID PRIMARY KEY,
    clinic_id         UUID NOT NULL REFERENCES clinic (id),
    status            VARCHAR(16) NOT NULL,
    complication      VARCHAR(32) NOT NULL,
    patient_ref       VARCHAR(64) NOT NULL,
    patient_initials  VARCHAR(8) NOT NULL,
    note              VARCHAR(2000),
    drill             BOOLEAN NOT NULL,
    launched_by       UUID NOT NULL REFERENCES app_user (id),
    launched_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key   VARCHAR(100),
    policy            VARCHAR(8000) NOT NULL,
    policy_version    INTEGER NOT NULL,
    current_step      INTEGER NOT NULL,
    current_round     INTEGER NOT NULL,
    next_deadline     TIMESTAMP WITH TIME ZONE,
    accepted_by       UUID REFERENCES app_user (id),
    accepted_at       TIMESTAMP WITH TIME ZONE,
    connected_at      TIMESTAMP WITH TIME ZONE,
    ended_at          TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(24),
    summary           VARCHAR(4000),
    room              VARCHAR(64) NOT NULL,
    event_count       INTEGER NOT NULL,
    version           BIGINT NOT NULL,
    CONSTRAINT emergency_status CHECK (status IN ('ALERTING', 'ACCEPTED', 'CONNECTED', 'ENDED', 'CANCELLED', 'UNANSWERED')),
    CONSTRAINT emergency_idempotency UNIQUE (launched_by, idempotency_key),
    CONSTRAINT emergency_room UNIQUE (room)
);
-- The escalation ticker's query: due deadlines of alerting emergencies.
CREATE INDEX emergency_due ON emergency (status, next_deadline);
CREATE INDEX emergency_clinic ON emergency (clinic_id, launched_at);

-- Who was alerted, at which step and round, and who declined.
CREATE TABLE emergency_target (
    emergency_id  UUID NOT NULL REFERENCES emergency (id),
    director_id   UUID NOT NULL REFERENCES app_user (id),
    step          INTEGER NOT NULL,
    round         INTEGER NOT NULL,
    alerted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    declined_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (emergency_id, director_id, round, step)
);

-- The emergency's timeline, in order; never changed once written.
CREATE TABLE emergency_event (
    id            UUID PRIMARY KEY,
    emergency_id  UUID NOT NULL REFERENCES emergency (id),
    ordinal       INTEGER NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    type          VARCHAR(32) NOT NULL,
    actor_id      UUID,
    detail        VARCHAR(4000),
    CONSTRAINT emergency_event_order UNIQUE (emergency_id, ordinal)
);

-- What each director's live console is sent; seq is the server-sent event id, so a console
-- that reconnects with Last-Event-ID gets everything it missed, from any instance.
CREATE SEQUENCE alert_seq;
CREATE TABLE alert (
    seq           BIGINT PRIMARY KEY,
    director_id   UUID NOT NULL REFERENCES app_user (id),
    emergency_id  UUID NOT NULL REFERENCES emergency (id),
    event         VARCHAR(32) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    data          VARCHAR(4000) NOT NULL
);
CREATE INDEX alert_director ON alert (director_id, seq);
