#!/bin/sh
# Runs at every `docker-compose up` once PostgreSQL is healthy, as the superuser: creates the
# databases and their owners if they are missing and sets each owner's password from the
# environment, so that a changed password takes effect with the next `up` (see README, Production).
#   kim       the four event stores (kim_case, kim_partner, kim_immigration, kim_steering)
#   kim_keys  the key store of crypto-shredding (kim_keys), apart from every event store
#   keycloak  Keycloak's own database
# No other role may connect to these databases.
set -eu
: "${PGPASSWORD:?PGPASSWORD (the superuser's password) is not set}"
: "${KIM_EVENTSTORE_PASSWORD:?KIM_EVENTSTORE_PASSWORD is not set}"
: "${KIM_KEYSTORE_PASSWORD:?KIM_KEYSTORE_PASSWORD is not set}"
: "${KIM_KEYCLOAK_DB_PASSWORD:?KIM_KEYCLOAK_DB_PASSWORD is not set}"
export PGHOST=postgres PGUSER=postgres PGDATABASE=postgres
psql -v ON_ERROR_STOP=1 -q \
  -v events_password="$KIM_EVENTSTORE_PASSWORD" \
  -v keys_password="$KIM_KEYSTORE_PASSWORD" \
  -v keycloak_password="$KIM_KEYCLOAK_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', name) FROM (VALUES ('kim'), ('kim_keys'), ('keycloak')) AS wanted(name)
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) \gexec
ALTER ROLE kim LOGIN PASSWORD :'events_password';
ALTER ROLE kim_keys LOGIN PASSWORD :'keys_password';
ALTER ROLE keycloak LOGIN PASSWORD :'keycloak_password';
SELECT format('CREATE DATABASE %I OWNER %I', db, owner)
  FROM (VALUES ('kim_case', 'kim'), ('kim_partner', 'kim'), ('kim_immigration', 'kim'), ('kim_steering', 'kim'),
               ('kim_keys', 'kim_keys'), ('keycloak', 'keycloak')) AS wanted(db, owner)
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = db) \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', db)
  FROM (VALUES ('kim_case'), ('kim_partner'), ('kim_immigration'), ('kim_steering'), ('kim_keys'), ('keycloak')) AS all_dbs(db) \gexec
SQL
echo "PostgreSQL databases and roles are set."
