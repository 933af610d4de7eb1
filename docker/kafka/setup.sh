#!/bin/sh
# Runs at every `docker-compose up` once the broker is healthy, as the admin principal:
# creates the topics (and the dead-letter topics of those that are consumed), sets each service
# principal's SCRAM-SHA-512 credential from the environment, and grants each one exactly what
# it needs (docs/ARCHITECTURE.md, "Events by service"):
#   - WRITE on its own topic, READ on the topics it consumes, WRITE on their <topic>.DLT;
#   - READ on consumer groups whose id starts with its service name;
#   - DESCRIBE on the four kim topics (every service declares them at start; no read, no write).
# Everything here is idempotent: running it again changes nothing but a changed password.
# Passwords must not contain '"', ',', '=' or ']' (use hex).
set -eu
: "${KIM_KAFKA_ADMIN_PASSWORD:?KIM_KAFKA_ADMIN_PASSWORD is not set}"
BOOTSTRAP=kafka:9092
BIN=/opt/kafka/bin
umask 077
ADMIN=/tmp/kim-admin.properties
cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KIM_KAFKA_ADMIN_PASSWORD}";
PROPERTIES

topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
    --topic "$1" --partitions 3 --replication-factor 1 --config retention.ms=-1
}

# principal <user> <password> <own topic> <group prefix> <consumed topic>...
principal() {
  user=$1 password=$2 own=$3 group=$4
  shift 4
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter \
    --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]"
  acl() { "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add --allow-principal "User:$user" "$@"; }
  acl --operation Describe --topic kim.case.v1 --topic kim.partner.v1 --topic kim.immigration.v1 --topic kim.reporting.v1
  acl --operation Write --topic "$own"
  acl --operation Read --group "$group" --resource-pattern-type prefixed
  reads="" dead_letters=""
  for consumed in "$@"; do
    reads="$reads --topic $consumed"
    dead_letters="$dead_letters --topic $consumed.DLT"
  done
  # Topic names have no spaces: the lists split into options on purpose.
  # shellcheck disable=SC2086
  acl --operation Read $reads
  # shellcheck disable=SC2086
  acl --operation Write --operation Describe $dead_letters
}

for t in kim.case.v1 kim.partner.v1 kim.immigration.v1 kim.reporting.v1 \
         kim.case.v1.DLT kim.partner.v1.DLT kim.immigration.v1.DLT; do
  topic "$t"
done

principal "${KIM_KAFKA_CASE_SERVICE_USERNAME:?}" "${KIM_KAFKA_CASE_SERVICE_PASSWORD:?}" \
  kim.case.v1 case-service kim.partner.v1 kim.immigration.v1
principal "${KIM_KAFKA_PARTNER_SERVICE_USERNAME:?}" "${KIM_KAFKA_PARTNER_SERVICE_PASSWORD:?}" \
  kim.partner.v1 partner-service kim.case.v1
principal "${KIM_KAFKA_IMMIGRATION_OFFICE_SERVICE_USERNAME:?}" "${KIM_KAFKA_IMMIGRATION_OFFICE_SERVICE_PASSWORD:?}" \
  kim.immigration.v1 immigration-office-service kim.case.v1
principal "${KIM_KAFKA_STEERING_SERVICE_USERNAME:?}" "${KIM_KAFKA_STEERING_SERVICE_PASSWORD:?}" \
  kim.reporting.v1 steering-service kim.case.v1 kim.partner.v1 kim.immigration.v1
echo "Kafka topics, principals and ACLs are set."
