-- Issue 15. A clinic's written protocol per complication, versioned like consent texts: a new
-- version never changes an older one, so the version in force when an emergency launched (the
-- newest created before it) stays what that emergency followed.
CREATE TABLE protocol (
    id           UUID PRIMARY KEY,
    clinic_id    UUID NOT NULL REFERENCES clinic (id),
    complication VARCHAR(32) NOT NULL,
    version      INTEGER NOT NULL,
    title        VARCHAR(200) NOT NULL,
    example      BOOLEAN NOT NULL,
    created_by   UUID REFERENCES app_user (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT protocol_version UNIQUE (clinic_id, complication, version),
    CONSTRAINT protocol_version_positive CHECK (version >= 1)
);

-- The steps in order; a step may repeat ("reassess capillary refill every 15 minutes").
CREATE TABLE protocol_step (
    protocol_id    UUID NOT NULL REFERENCES protocol (id),
    position       INTEGER NOT NULL,
    step_text      VARCHAR(1000) NOT NULL,
    repeat_seconds INTEGER,
    PRIMARY KEY (protocol_id, position),
    CONSTRAINT protocol_step_repeat CHECK (repeat_seconds IS NULL OR repeat_seconds BETWEEN 10 AND 86400)
);
