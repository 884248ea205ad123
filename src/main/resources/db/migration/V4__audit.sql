-- The tamper-evident audit trail (issue 4). Requests write audit_event rows in their own
-- transactions; a background sealer chains committed events in a strict sequence (audit_chain)
-- and signs a checkpoint every N events or M minutes (audit_checkpoint). All three tables and
-- audit_review are append-only for the application: grants (SchemaMigration) plus triggers
-- (db/vendor/<database>/V4_1__append_only.sql).

CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_event (
    id              BIGINT PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id         UUID,
    username        VARCHAR(64),
    roles           VARCHAR(100),
    clinic_id       UUID,
    client_ip       VARCHAR(64),
    user_agent      VARCHAR(512),
    action          VARCHAR(16) NOT NULL,
    object_type     VARCHAR(32) NOT NULL,
    object_id       VARCHAR(64),
    patient_ref     VARCHAR(64),
    emergency_id    UUID,
    participant     BOOLEAN,
    outcome         VARCHAR(8) NOT NULL,
    reason          VARCHAR(300),
    detail          VARCHAR(200),
    purpose         VARCHAR(16),
    justification   VARCHAR(500),
    correlation_id  VARCHAR(64),
    CONSTRAINT audit_event_outcome CHECK (outcome IN ('SUCCESS', 'DENIED', 'ERROR')),
    CONSTRAINT audit_event_purpose CHECK (purpose IN ('TREATMENT', 'OPERATIONS', 'BREAK_GLASS')),
    CONSTRAINT audit_event_break_glass CHECK (purpose <> 'BREAK_GLASS' OR justification IS NOT NULL)
);
-- The compliance search filters by clinic and one more field, newest first.
CREATE INDEX audit_event_time ON audit_event (occurred_at);
CREATE INDEX audit_event_clinic ON audit_event (clinic_id, occurred_at);
CREATE INDEX audit_event_user ON audit_event (user_id, occurred_at);
CREATE INDEX audit_event_patient ON audit_event (patient_ref, occurred_at);
CREATE INDEX audit_event_emergency ON audit_event (emergency_id, occurred_at);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at);
CREATE INDEX audit_event_outcome_time ON audit_event (outcome, occurred_at);
CREATE INDEX audit_event_purpose_time ON audit_event (purpose, occurred_at);

-- Position seq (1, 2, 3, ... without gaps) holds hash = SHA-256(hash at seq-1 || canonical form
-- of the event at seq), the genesis predecessor being 32 zero bytes.
CREATE TABLE audit_chain (
    seq       BIGINT PRIMARY KEY,
    event_id  BIGINT NOT NULL UNIQUE REFERENCES audit_event (id),
    hash      CHAR(64) NOT NULL
);

CREATE TABLE audit_checkpoint (
    seq        BIGINT PRIMARY KEY,
    head_hash  CHAR(64) NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     VARCHAR(20) NOT NULL,
    signature  VARCHAR(200) NOT NULL
);

-- The sealer's working state, one row. Its row lock serialises sealers across instances. It is
-- not evidence: verification trusts only the chain and the signed checkpoints.
CREATE TABLE audit_chain_head (
    id              INTEGER PRIMARY KEY,
    seq             BIGINT NOT NULL,
    hash            CHAR(64) NOT NULL,
    floor_event_id  BIGINT NOT NULL,
    checkpoint_seq  BIGINT NOT NULL,
    checkpoint_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, seq, hash, floor_event_id, checkpoint_seq)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, 0);

-- A compliance officer's attestation that a period, a kind of flag or one event was reviewed.
CREATE TABLE audit_review (
    id           UUID PRIMARY KEY,
    clinic_id    UUID NOT NULL REFERENCES clinic (id),
    reviewed_by  UUID NOT NULL REFERENCES app_user (id),
    reviewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    period_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to    TIMESTAMP WITH TIME ZONE NOT NULL,
    flag_kind    VARCHAR(16),
    event_id     BIGINT REFERENCES audit_event (id),
    note         VARCHAR(2000) NOT NULL,
    CONSTRAINT audit_review_period CHECK (period_from < period_to)
);
CREATE INDEX audit_review_clinic ON audit_review (clinic_id, period_from);

-- The Foundation's sign-in and account records become the first audit events, and the trail is
-- from now on the only place they are written.
INSERT INTO audit_event (id, occurred_at, user_id, username, roles, clinic_id, client_ip,
                         user_agent, action, object_type, object_id, outcome, reason, detail,
                         correlation_id)
SELECT NEXTVAL('audit_event_seq'), occurred_at, actor_user_id, actor_username, NULL, clinic_id,
       client_ip, user_agent,
       CASE type
           WHEN 'LOGIN_SUCCEEDED' THEN 'LOGIN'
           WHEN 'LOGIN_FAILED' THEN 'LOGIN'
           WHEN 'LOGIN_REFUSED_LOCKED' THEN 'LOGIN'
           WHEN 'ACCOUNT_LOCKED' THEN 'LOCKOUT'
           WHEN 'LOGOUT' THEN 'LOGOUT'
           WHEN 'SESSION_ENDED' THEN 'LOGOUT'
           WHEN 'CLINIC_CREATED' THEN 'CREATE'
           WHEN 'USER_CREATED' THEN 'CREATE'
           ELSE 'UPDATE'
       END,
       CASE type WHEN 'CLINIC_CREATED' THEN 'CLINIC' ELSE 'USER' END,
       CAST(COALESCE(subject_user_id, clinic_id) AS VARCHAR(64)),
       CASE type
           WHEN 'LOGIN_FAILED' THEN 'DENIED'
           WHEN 'LOGIN_REFUSED_LOCKED' THEN 'DENIED'
           WHEN 'ACCOUNT_LOCKED' THEN 'DENIED'
           ELSE 'SUCCESS'
       END,
       CASE type
           WHEN 'LOGIN_FAILED' THEN 'wrong username or password'
           WHEN 'LOGIN_REFUSED_LOCKED' THEN 'account locked'
           WHEN 'ACCOUNT_LOCKED' THEN 'too many failed sign-ins'
           ELSE NULL
       END,
       type || CASE WHEN detail IS NULL THEN '' ELSE ': ' || detail END,
       correlation_id
FROM security_event
ORDER BY occurred_at;

DROP TABLE security_event;
