-- The chain's head only moves forward (issue 12): the application's own role could set it back,
-- after which sealing failed every 200 ms while verification still said OK. Positions, the floor
-- and the last checkpoint never decrease, and a position keeps its hash. The row is never deleted.
-- A superuser can switch the trigger off; what that allows the outside checkpoint copies detect.

CREATE FUNCTION refuse_chain_head_backwards() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_chain_head cannot be deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.seq < OLD.seq OR NEW.floor_event_id < OLD.floor_event_id
       OR NEW.checkpoint_seq < OLD.checkpoint_seq
       OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
        RAISE EXCEPTION 'audit_chain_head only moves forward' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION refuse_chain_head_backwards();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
