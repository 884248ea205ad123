-- The clinical record's ticks, orders, read-backs, signed records and addenda are never changed
-- or removed; a correction is an addendum.
CREATE TRIGGER checklist_tick_append_only BEFORE UPDATE OR DELETE ON checklist_tick
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER checklist_tick_no_truncate BEFORE TRUNCATE ON checklist_tick
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER medication_order_append_only BEFORE UPDATE OR DELETE ON medication_order
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER medication_order_no_truncate BEFORE TRUNCATE ON medication_order
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER medication_given_append_only BEFORE UPDATE OR DELETE ON medication_given
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER medication_given_no_truncate BEFORE TRUNCATE ON medication_given
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER incident_signature_append_only BEFORE UPDATE OR DELETE ON incident_signature
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER incident_signature_no_truncate BEFORE TRUNCATE ON incident_signature
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER incident_addendum_append_only BEFORE UPDATE OR DELETE ON incident_addendum
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER incident_addendum_no_truncate BEFORE TRUNCATE ON incident_addendum
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
