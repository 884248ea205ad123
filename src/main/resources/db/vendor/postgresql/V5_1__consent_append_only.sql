-- Consent texts, records, revocations and exceptions are never changed or removed.
CREATE TRIGGER consent_text_append_only BEFORE UPDATE OR DELETE ON consent_text
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER consent_text_no_truncate BEFORE TRUNCATE ON consent_text
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER consent_record_append_only BEFORE UPDATE OR DELETE ON consent_record
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER consent_record_no_truncate BEFORE TRUNCATE ON consent_record
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER consent_revocation_append_only BEFORE UPDATE OR DELETE ON consent_revocation
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER consent_revocation_no_truncate BEFORE TRUNCATE ON consent_revocation
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER consent_exception_append_only BEFORE UPDATE OR DELETE ON consent_exception
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER consent_exception_no_truncate BEFORE TRUNCATE ON consent_exception
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
