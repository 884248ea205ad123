-- The chain's head only moves forward (see the PostgreSQL migration of the same version).

CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE, DELETE ON audit_chain_head
    FOR EACH ROW CALL 'com.directorline.chain.control.ChainHeadTrigger';
