-- Roles belong to a membership (issue 12): a person may be DIRECTOR in one clinic and INJECTOR in
-- another, and an admin's change of roles reaches only the clinics that admin administers. One row
-- per role a person holds in a clinic; the person's clinics are the distinct clinic_id values.
-- Until now roles were the person's own and applied in every clinic: each membership takes them.

CREATE TABLE membership (
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    clinic_id  UUID        NOT NULL REFERENCES clinic (id),
    role       VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, clinic_id, role),
    CONSTRAINT membership_role_known
        CHECK (role IN ('INJECTOR', 'DIRECTOR', 'COMPLIANCE_OFFICER', 'ADMIN'))
);
CREATE INDEX membership_clinic ON membership (clinic_id);

INSERT INTO membership (user_id, clinic_id, role)
SELECT m.user_id, m.clinic_id, r.role
FROM clinic_membership m JOIN user_role r ON r.user_id = m.user_id;

DROP TABLE user_role;
DROP TABLE clinic_membership;
