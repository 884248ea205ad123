-- Issue 16. The audit search pages by keyset (newest first, after the last event's time and id)
-- and looks in the caller's clinics apart from their staff's clinic-less events: this index
-- serves the first half in the order of the page, ties on the time broken by id.
CREATE INDEX audit_event_clinic_keyset ON audit_event (clinic_id, occurred_at, id);
DROP INDEX audit_event_clinic;
