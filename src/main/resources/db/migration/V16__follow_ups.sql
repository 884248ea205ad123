-- Issue 15. Follow-ups after an emergency: a protocol says which (after 24 h, 48 h, a week); ending
-- an emergency schedules them, each assigned to a person; more are added by hand. Reminded once
-- when due (console, email, the clinic's webhook) and recorded as overdue once past the grace, so
-- the compliance officer's flags find it in the trail.

CREATE TABLE protocol_follow_up (
    protocol_id     UUID NOT NULL REFERENCES protocol (id),
    position        INTEGER NOT NULL,
    after_hours     INTEGER NOT NULL,
    follow_up_text  VARCHAR(500) NOT NULL,
    PRIMARY KEY (protocol_id, position),
    CONSTRAINT protocol_follow_up_after CHECK (after_hours BETWEEN 1 AND 2160)
);

CREATE TABLE follow_up (
    id            UUID PRIMARY KEY,
    clinic_id     UUID NOT NULL REFERENCES clinic (id),
    emergency_id  UUID NOT NULL REFERENCES emergency (id),
    what          VARCHAR(500) NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    assignee_id   UUID NOT NULL REFERENCES app_user (id),
    created_by    UUID REFERENCES app_user (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at   TIMESTAMP WITH TIME ZONE,
    overdue_at    TIMESTAMP WITH TIME ZONE,
    completed_at  TIMESTAMP WITH TIME ZONE,
    completed_by  UUID REFERENCES app_user (id),
    outcome       VARCHAR(2000),
    version       INTEGER NOT NULL
);
CREATE INDEX follow_up_open ON follow_up (completed_at, due_at);
CREATE INDEX follow_up_clinic ON follow_up (clinic_id, due_at);
CREATE INDEX follow_up_emergency ON follow_up (emergency_id);
