-- Clinics, users, roles, sessions, login throttling and the security event log.
-- Portable between PostgreSQL and H2 (MODE=PostgreSQL), the embedded default.

CREATE TABLE clinic (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE app_user (
    id                   UUID PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(200) NOT NULL,
    email                VARCHAR(254),
    phone                VARCHAR(40),
    password_hash        VARCHAR(512) NOT NULL,
    active               BOOLEAN      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT app_user_username_unique UNIQUE (username)
);

CREATE TABLE user_role (
    user_id  UUID        NOT NULL REFERENCES app_user (id),
    role     VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_known CHECK (role IN ('INJECTOR', 'DIRECTOR', 'COMPLIANCE_OFFICER', 'ADMIN'))
);

-- A director may supervise several clinics; every user belongs to at least one clinic.
CREATE TABLE clinic_membership (
    user_id    UUID NOT NULL REFERENCES app_user (id),
    clinic_id  UUID NOT NULL REFERENCES clinic (id),
    PRIMARY KEY (user_id, clinic_id)
);
CREATE INDEX clinic_membership_clinic ON clinic_membership (clinic_id);

-- One row per sign-in; the token's jti. Idle and absolute expiry and logout live here, so a
-- token stops working the moment its session ends.
CREATE TABLE user_session (
    id            UUID PRIMARY KEY,
    user_id       UUID NOT NULL REFERENCES app_user (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    end_reason    VARCHAR(32),
    client_ip     VARCHAR(64),
    user_agent    VARCHAR(512)
);
CREATE INDEX user_session_user ON user_session (user_id);

-- Failed sign-ins per username, known or not, so a lockout answer never reveals whether an
-- account exists.
CREATE TABLE login_throttle (
    username           VARCHAR(64) PRIMARY KEY,
    failures           INTEGER NOT NULL,
    window_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE
);

-- Sign-ins, failures, lockouts, logouts and account changes. The audit trail (issue 4) folds
-- these into its tamper-evident chain.
CREATE TABLE security_event (
    id               UUID PRIMARY KEY,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    type             VARCHAR(40) NOT NULL,
    actor_user_id    UUID,
    actor_username   VARCHAR(64),
    subject_user_id  UUID,
    clinic_id        UUID,
    client_ip        VARCHAR(64),
    user_agent       VARCHAR(512),
    correlation_id   VARCHAR(64),
    detail           VARCHAR(200)
);
CREATE INDEX security_event_time ON security_event (occurred_at);
CREATE INDEX security_event_subject ON security_event (subject_user_id);
