-- The clinic's own time zone and opening hours (PATCH /api/clinics/{id}). The compliance flags
-- read them: "after hours" means outside this clinic's hours in its own zone, not a server-wide
-- setting in UTC. A weekday without a row is a closed day; a day may have several spans (a lunch
-- break), none crossing midnight.
ALTER TABLE clinic ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;

CREATE TABLE clinic_hours (
    clinic_id   UUID NOT NULL REFERENCES clinic (id),
    day_of_week VARCHAR(9) NOT NULL,
    opens       TIME NOT NULL,
    closes      TIME NOT NULL,
    PRIMARY KEY (clinic_id, day_of_week, opens),
    CHECK (opens < closes)
);

-- Existing clinics keep what the former server-wide defaults said: Monday to Saturday, 07:00-19:00.
INSERT INTO clinic_hours (clinic_id, day_of_week, opens, closes) SELECT id, 'MONDAY', TIME '07:00', TIME '19:00' FROM clinic;
INSERT INTO clinic_hours (clinic_id, day_of_week, opens, closes) SELECT id, 'TUESDAY', TIME '07:00', TIME '19:00' FROM clinic;
INSERT INTO clinic_hours (clinic_id, day_of_week, opens, closes) SELECT id, 'WEDNESDAY', TIME '07:00', TIME '19:00' FROM clinic;
INSERT INTO clinic_hours (clinic_id, day_of_week, opens, closes) SELECT id, 'THURSDAY', TIME '07:00', TIME '19:00' FROM clinic;
INSERT INTO clinic_hours (clinic_id, day_of_week, opens, closes) SELECT id, 'FRIDAY', TIME '07:00', TIME '19:00' FROM clinic;
INSERT INTO clinic_hours (clinic_id, day_of_week, opens, closes) SELECT id, 'SATURDAY', TIME '07:00', TIME '19:00' FROM clinic;
