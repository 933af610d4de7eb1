-- Runs once, when the postgres container initialises an empty data volume.
-- Each service keeps its event store in its OWN database, owned by the POSTGRES_USER (kim).
CREATE DATABASE kim_case OWNER kim;
CREATE DATABASE kim_partner OWNER kim;
CREATE DATABASE kim_immigration OWNER kim;
CREATE DATABASE kim_steering OWNER kim;
-- The key store of crypto-shredding (one key per person), apart from every event store.
CREATE DATABASE kim_keys OWNER kim;
