-- The embedded database refuses changes to the append-only tables through a Java trigger (H2 has
-- no procedural SQL). H2 refuses TRUNCATE on tables that foreign keys point at or that have
-- triggers, so no statement trigger is needed. The embedded database has one user, so grants add
-- nothing here.

CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE, DELETE ON audit_chain
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE, DELETE ON audit_checkpoint
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
CREATE TRIGGER audit_review_append_only BEFORE UPDATE, DELETE ON audit_review
    FOR EACH ROW CALL 'com.directorline.audit.control.AppendOnlyTrigger';
