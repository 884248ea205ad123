-- The on-call roster (issue 14): per clinic, a rotation of directors for a primary and a backup
-- line, handing over at a time of day every so many days on the rotation's own clock, and
-- overrides in which one person covers a line for a time range (a swap, a holiday, "I can't take
-- calls for the next two hours").
CREATE TABLE rotation (
    clinic_id     UUID PRIMARY KEY REFERENCES clinic (id),
    time_zone     VARCHAR(64) NOT NULL,
    handoff_time  TIME NOT NULL,
    length_days   INTEGER NOT NULL,
    starts_on     DATE NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL,
    CONSTRAINT rotation_length CHECK (length_days BETWEEN 1 AND 28)
);

-- The people of each line in turn order; a line may be empty (no backup).
CREATE TABLE rotation_turn (
    clinic_id UUID NOT NULL REFERENCES rotation (clinic_id),
    line      VARCHAR(8) NOT NULL,
    position  INTEGER NOT NULL,
    user_id   UUID NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (clinic_id, line, position),
    CONSTRAINT rotation_turn_line CHECK (line IN ('PRIMARY', 'BACKUP'))
);

CREATE TABLE on_call_override (
    id          UUID PRIMARY KEY,
    clinic_id   UUID NOT NULL REFERENCES clinic (id),
    line        VARCHAR(8) NOT NULL,
    user_id     UUID NOT NULL REFERENCES app_user (id),
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(200),
    created_by  UUID NOT NULL REFERENCES app_user (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT on_call_override_line CHECK (line IN ('PRIMARY', 'BACKUP')),
    CONSTRAINT on_call_override_range CHECK (starts_at < ends_at)
);
CREATE INDEX on_call_override_clinic ON on_call_override (clinic_id, ends_at);

-- Where the clinic is, and the emergency department a patient is transferred to (issue 14).
ALTER TABLE clinic ADD COLUMN address VARCHAR(300);
ALTER TABLE clinic ADD COLUMN nearest_ed_name VARCHAR(200);
ALTER TABLE clinic ADD COLUMN nearest_ed_phone VARCHAR(40);

-- The day a clinic's admins were last warned of gaps in its roster: at most one warning a day,
-- whichever instance checks first claims the day.
CREATE TABLE coverage_warning (
    clinic_id  UUID PRIMARY KEY REFERENCES clinic (id),
    warned_on  DATE NOT NULL
);
