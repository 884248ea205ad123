-- Issue 15. What happens on the call and after it, as a medical record keeps it: ticks of the
-- protocol's checklist, the director's orders and the injector's read-back that each was given,
-- the incident record (a draft until the accepting director signs it; the signed content is
-- kept apart, whole, with its SHA-256) and dated addenda after signing. Everything but the draft
-- is append-only (triggers in db/vendor/<database>/V15_1, grants in SchemaMigration).

CREATE TABLE checklist_tick (
    id            UUID PRIMARY KEY,
    emergency_id  UUID NOT NULL REFERENCES emergency (id),
    protocol_id   UUID NOT NULL REFERENCES protocol (id),
    position      INTEGER NOT NULL,
    finding       VARCHAR(500),
    ticked_by     UUID NOT NULL REFERENCES app_user (id),
    ticked_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX checklist_tick_emergency ON checklist_tick (emergency_id, ticked_at);

CREATE TABLE medication_order (
    id            UUID PRIMARY KEY,
    emergency_id  UUID NOT NULL REFERENCES emergency (id),
    number        INTEGER NOT NULL,
    medication    VARCHAR(200) NOT NULL,
    dose          NUMERIC(12, 4) NOT NULL,
    dose_unit     VARCHAR(16) NOT NULL,
    route         VARCHAR(32) NOT NULL,
    site          VARCHAR(200),
    note          VARCHAR(500),
    ordered_by    UUID NOT NULL REFERENCES app_user (id),
    ordered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT medication_order_number UNIQUE (emergency_id, number),
    CONSTRAINT medication_order_dose CHECK (dose > 0)
);

-- The read-back: the person who gave the order confirms it, with the time it was given.
CREATE TABLE medication_given (
    order_id      UUID PRIMARY KEY REFERENCES medication_order (id),
    given_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_by  UUID NOT NULL REFERENCES app_user (id),
    confirmed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE incident_record (
    emergency_id      UUID PRIMARY KEY REFERENCES emergency (id),
    procedure_done    VARCHAR(500),
    product           VARCHAR(200),
    lot               VARCHAR(100),
    volume            VARCHAR(100),
    sites             VARCHAR(500),
    treated_at        TIMESTAMP WITH TIME ZONE,
    onset_at          TIMESTAMP WITH TIME ZONE,
    signs             VARCHAR(4000),
    actions_taken     VARCHAR(8000),
    patient_informed  BOOLEAN,
    informed_by       VARCHAR(200),
    disposition       VARCHAR(32),
    follow_up_plan    VARCHAR(2000),
    notes             VARCHAR(8000),
    version           INTEGER NOT NULL,
    updated_by        UUID NOT NULL REFERENCES app_user (id),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The record as signed, whole and never changed: the chart and the FHIR bundle are made from it.
-- Every field at its limit, written in characters JSON escapes (quotes), stays under 50,000.
CREATE TABLE incident_signature (
    emergency_id  UUID PRIMARY KEY REFERENCES emergency (id),
    content       VARCHAR(100000) NOT NULL,
    sha256        CHAR(64) NOT NULL,
    signed_by     UUID NOT NULL REFERENCES app_user (id),
    signed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE incident_addendum (
    id            UUID PRIMARY KEY,
    emergency_id  UUID NOT NULL REFERENCES incident_signature (emergency_id),
    body          VARCHAR(4000) NOT NULL,
    written_by    UUID NOT NULL REFERENCES app_user (id),
    written_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_addendum_emergency ON incident_addendum (emergency_id, written_at);
