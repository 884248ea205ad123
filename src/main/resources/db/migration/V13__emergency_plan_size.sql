-- An emergency keeps its plan as frozen at launch, as JSON: since roster steps resolve to every
-- director of a clinic (up to 50 a step, 10 steps) and the clinic's transfer plan lines are frozen
-- with it, the plan can outgrow 8,000 characters (quotes in a transfer plan count twice once
-- escaped). A launch then failed with a 500: an admin's settings could stop every emergency of
-- the clinic. The largest plan the API admits is under 40,000 characters.
ALTER TABLE emergency ALTER COLUMN policy SET DATA TYPE VARCHAR(100000);
