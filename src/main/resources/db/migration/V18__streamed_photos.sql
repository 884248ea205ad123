-- Issue 16. Photos are streamed: cleaned, hashed and encrypted as they arrive (Tink StreamingAead,
-- AES-256-GCM-HKDF in 64 KiB segments), their ciphertext stored in chunks of 1 MiB that are
-- written and read one at a time, so no photo is ever whole in memory. Photos stored before keep
-- their whole ciphertext in photo_content and stay readable: format says which is which.

ALTER TABLE photo_content ADD COLUMN format SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE photo_content ALTER COLUMN ciphertext DROP NOT NULL;
ALTER TABLE photo_content ADD CONSTRAINT photo_content_format
    CHECK ((format = 1 AND ciphertext IS NOT NULL) OR (format = 2 AND ciphertext IS NULL));

CREATE TABLE photo_chunk (
    photo_id  UUID NOT NULL REFERENCES photo_content (photo_id),
    seq       INTEGER NOT NULL,
    bytes     BYTEA NOT NULL,
    PRIMARY KEY (photo_id, seq),
    CONSTRAINT photo_chunk_seq CHECK (seq >= 0)
);
