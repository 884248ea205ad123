-- Consoles on every instance hear of new alerts at once (issue 17): each statement that inserts
-- alerts notifies the channel every instance's AlertNotices listens on. PostgreSQL delivers the
-- notice when the transaction commits, and not at all when it rolls back; identical notices of one
-- transaction arrive once. The notice carries nothing: listeners read what is new from the table.

CREATE FUNCTION notify_alerts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('directorline_alerts', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER alert_notify AFTER INSERT ON alert
    FOR EACH STATEMENT EXECUTE FUNCTION notify_alerts();
