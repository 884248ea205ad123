-- Clinical photos (issue 5): metadata in photo, the encrypted bytes in photo_content (a data key
-- per photo, wrapped by the master keyset that lives outside the database). Plaintext is never
-- stored; sha256 is the plaintext's, checked on every read.

CREATE TABLE photo (
    id              UUID PRIMARY KEY,
    emergency_id    UUID NOT NULL REFERENCES emergency (id),
    clinic_id       UUID NOT NULL REFERENCES clinic (id),
    patient_ref     VARCHAR(64) NOT NULL,
    uploaded_by     UUID NOT NULL REFERENCES app_user (id),
    content_type    VARCHAR(16) NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    size_bytes      INTEGER NOT NULL,
    sha256          CHAR(64) NOT NULL,
    captured_at     TIMESTAMP WITH TIME ZONE,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    caption         VARCHAR(500),
    consent_basis   VARCHAR(32) NOT NULL,
    consent_id      UUID,
    CONSTRAINT photo_content_type CHECK (content_type IN ('image/jpeg', 'image/png')),
    CONSTRAINT photo_consent_basis CHECK (consent_basis IN ('PHOTO_CONSENT', 'EMERGENCY_EXCEPTION'))
);
CREATE INDEX photo_emergency ON photo (emergency_id, received_at);

-- Updated only by key rotation, which re-wraps the data key and leaves the ciphertext alone.
CREATE TABLE photo_content (
    photo_id       UUID PRIMARY KEY REFERENCES photo (id),
    master_key_id  VARCHAR(8) NOT NULL,
    wrapped_key    BYTEA NOT NULL,
    ciphertext     BYTEA NOT NULL
);
