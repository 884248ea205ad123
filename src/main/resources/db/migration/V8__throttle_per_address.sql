-- Failed sign-ins are counted per username and client address together (issue 12): five wrong
-- passwords from anywhere used to lock a username for everyone, so anyone could silence an
-- on-call director. Counts are short-lived; the old ones are dropped.

DROP TABLE login_throttle;

CREATE TABLE login_throttle (
    username           VARCHAR(64) NOT NULL,
    client_address     VARCHAR(64) NOT NULL,
    failures           INTEGER NOT NULL,
    window_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, client_address)
);
