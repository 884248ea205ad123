-- The clinical record's ticks, orders, read-backs, signed records and addenda are never changed
-- or removed; a correction is an addendum.
CREATE TRIGGER checklist_tick_append_only BEFORE UPDATE, DELETE ON checklist_tick
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER medication_order_append_only BEFORE UPDATE, DELETE ON medication_order
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER medication_given_append_only BEFORE UPDATE, DELETE ON medication_given
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER incident_signature_append_only BEFORE UPDATE, DELETE ON incident_signature
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER incident_addendum_append_only BEFORE UPDATE, DELETE ON incident_addendum
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
