-- Issue 14. Staff set their own password: an admin invites a person (or resets their password)
-- and gets a one-time link to hand over; the database keeps only the SHA-256 of the link's secret
-- and when it expires. While a link is outstanding the account's password is a random one nobody
-- knows, so the person cannot sign in until they choose their own.
ALTER TABLE app_user ADD COLUMN setup_token_sha256 VARCHAR(64);
ALTER TABLE app_user ADD COLUMN setup_expires_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX app_user_setup_token ON app_user (setup_token_sha256);

-- The clinic's transfer plan as ordered lines, each with an optional phone the phone shows
-- tap-to-call ("Call 911", "Transfer to St Mary's ED: +1 555 0100"). It is frozen into each
-- emergency at launch, like the escalation plan, and takes the place of the policy's text.
CREATE TABLE clinic_transfer_line (
    clinic_id UUID NOT NULL REFERENCES clinic (id),
    position  INTEGER NOT NULL,
    line_text VARCHAR(300) NOT NULL,
    phone     VARCHAR(40),
    PRIMARY KEY (clinic_id, position)
);
