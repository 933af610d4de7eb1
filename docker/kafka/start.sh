#!/bin/sh
# Starts the production broker: on an empty data volume it formats the storage with the admin
# principal's SCRAM credential (KRaft keeps credentials in its metadata, so the first one must be
# written before the broker runs), then runs Kafka with docker/kafka/server.properties plus the
# JAAS settings built from KIM_KAFKA_ADMIN_PASSWORD. The files holding the password are readable
# by the broker's user only. The password must not contain '"', ',', '=' or ']' (use hex).
set -eu
: "${KIM_KAFKA_ADMIN_PASSWORD:?KIM_KAFKA_ADMIN_PASSWORD is not set}"
: "${KIM_KAFKA_CLUSTER_ID:?KIM_KAFKA_CLUSTER_ID is not set}"
umask 077
CONFIG=/tmp/kim-server.properties
cp /etc/kim/kafka/server.properties "$CONFIG"
cat >> "$CONFIG" <<PROPERTIES
listener.name.sasl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KIM_KAFKA_ADMIN_PASSWORD}";
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KIM_KAFKA_ADMIN_PASSWORD}" user_admin="${KIM_KAFKA_ADMIN_PASSWORD}";
PROPERTIES
# The health check and an operator's kafka-*.sh calls inside the container use this client configuration.
cat > /tmp/kim-admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KIM_KAFKA_ADMIN_PASSWORD}";
PROPERTIES
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$KIM_KAFKA_CLUSTER_ID" --config "$CONFIG" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=${KIM_KAFKA_ADMIN_PASSWORD}]"
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
