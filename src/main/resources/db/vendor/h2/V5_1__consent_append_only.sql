-- Consent texts, records, revocations and exceptions are never changed or removed.
CREATE TRIGGER consent_text_append_only BEFORE UPDATE, DELETE ON consent_text
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER consent_record_append_only BEFORE UPDATE, DELETE ON consent_record
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER consent_revocation_append_only BEFORE UPDATE, DELETE ON consent_revocation
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER consent_exception_append_only BEFORE UPDATE, DELETE ON consent_exception
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
