-- Consent (issue 5): versioned consent texts, consent records and their revocations, the
-- emergency exception and the follow-up task it opens. Texts, records, revocations and
-- exceptions are append-only (triggers in db/vendor/<database>/V5_1, grants in SchemaMigration):
-- a revocation or a new text version is a new row, never an edit.

CREATE TABLE consent_text (
    id          UUID PRIMARY KEY,
    clinic_id   UUID NOT NULL REFERENCES clinic (id),
    kind        VARCHAR(32) NOT NULL,
    version     INTEGER NOT NULL,
    body        VARCHAR(20000) NOT NULL,
    sha256      CHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID NOT NULL REFERENCES app_user (id),
    CONSTRAINT consent_text_kind CHECK (kind IN ('TELEHEALTH_CONSULT', 'PHOTO_CAPTURE_AND_SHARING')),
    CONSTRAINT consent_text_version UNIQUE (clinic_id, kind, version)
);

CREATE TABLE consent_record (
    id                     UUID PRIMARY KEY,
    clinic_id              UUID NOT NULL REFERENCES clinic (id),
    patient_ref            VARCHAR(64) NOT NULL,
    kind                   VARCHAR(32) NOT NULL,
    consent_text_id        UUID NOT NULL REFERENCES consent_text (id),
    text_sha256            CHAR(64) NOT NULL,
    given_by_name          VARCHAR(200) NOT NULL,
    given_by_relationship  VARCHAR(64) NOT NULL,
    method                 VARCHAR(32) NOT NULL,
    witness                VARCHAR(200),
    signature_name         VARCHAR(200),
    signature_image        VARCHAR(60000),
    obtained_by            UUID NOT NULL REFERENCES app_user (id),
    obtained_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT consent_record_kind CHECK (kind IN ('TELEHEALTH_CONSULT', 'PHOTO_CAPTURE_AND_SHARING')),
    CONSTRAINT consent_record_method CHECK (method IN ('VERBAL_ATTESTED', 'WRITTEN', 'ELECTRONIC_SIGNATURE')),
    CONSTRAINT consent_record_witness CHECK (method <> 'VERBAL_ATTESTED' OR witness IS NOT NULL),
    CONSTRAINT consent_record_signature CHECK (
        method <> 'ELECTRONIC_SIGNATURE' OR signature_name IS NOT NULL OR signature_image IS NOT NULL)
);
CREATE INDEX consent_record_patient ON consent_record (clinic_id, patient_ref, kind);

CREATE TABLE consent_revocation (
    id          UUID PRIMARY KEY,
    consent_id  UUID NOT NULL UNIQUE REFERENCES consent_record (id),
    reason      VARCHAR(500) NOT NULL,
    revoked_by  UUID NOT NULL REFERENCES app_user (id),
    revoked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consent_exception (
    id            UUID PRIMARY KEY,
    emergency_id  UUID NOT NULL UNIQUE REFERENCES emergency (id),
    clinic_id     UUID NOT NULL REFERENCES clinic (id),
    patient_ref   VARCHAR(64) NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    recorded_by   UUID NOT NULL REFERENCES app_user (id),
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Open until someone completes it; completion is the only change a task sees.
CREATE TABLE follow_up_task (
    id            UUID PRIMARY KEY,
    clinic_id     UUID NOT NULL REFERENCES clinic (id),
    emergency_id  UUID NOT NULL REFERENCES emergency (id),
    patient_ref   VARCHAR(64) NOT NULL,
    kind          VARCHAR(40) NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    completed_by  UUID REFERENCES app_user (id),
    note          VARCHAR(2000),
    version       BIGINT NOT NULL,
    CONSTRAINT follow_up_task_kind CHECK (kind IN ('INFORM_PATIENT_AND_OBTAIN_CONSENT'))
);
CREATE INDEX follow_up_task_open ON follow_up_task (clinic_id, completed_at);
