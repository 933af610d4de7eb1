-- The audit trail: who read or changed what, when, in which role and for which purpose.
CREATE TABLE IF NOT EXISTS kim_audit_entry (
    id        VARCHAR(36)  PRIMARY KEY,
    at        TIMESTAMP    NOT NULL,
    tenant    VARCHAR(64)  NOT NULL,
    actor     VARCHAR(64)  NOT NULL,
    roles     VARCHAR(300) NOT NULL,
    action    VARCHAR(10)  NOT NULL,
    operation VARCHAR(300) NOT NULL,
    subject   VARCHAR(300),
    status    INT          NOT NULL,
    purpose   VARCHAR(40)  NOT NULL
);
