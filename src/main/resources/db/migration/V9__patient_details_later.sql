-- Alert first: an emergency is launched with its complication alone, and the injector adds the
-- patient's reference and initials while waiting for the director (PATCH /api/emergencies/{id}).
ALTER TABLE emergency ALTER COLUMN patient_ref DROP NOT NULL;
ALTER TABLE emergency ALTER COLUMN patient_initials DROP NOT NULL;
