# One Dockerfile for every KIM service and the gateway; pick the module with the build argument MODULE:
#   docker build --build-arg MODULE=case-service -t kim/case-service .
# (docker-compose.yml passes MODULE for each service.)

# ---- build: the module and the modules it depends on (-am), tests skipped ----
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
RUN test -n "${MODULE}" || (echo "Build argument MODULE is required, e.g. --build-arg MODULE=case-service" >&2; exit 1)
WORKDIR /build
COPY . .
RUN mvn -B -DskipTests package -pl "${MODULE}" -am

# ---- runtime: JRE only, non-root ----
FROM eclipse-temurin:17-jre
ARG MODULE
# The user kim has the fixed uid 10001: the key-encryption key, a file secret bind-mounted from the
# host, must be readable by it (README, Production: chown 10001, mode 400).
# curl serves the container health check (GET /actuator/health/readiness) that docker-compose.yml defines.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 kim \
 && useradd --system --uid 10001 --gid kim --home-dir /app --shell /usr/sbin/nologin kim \
 && mkdir -p /app \
 && chown kim:kim /app
WORKDIR /app
COPY --from=build --chown=kim:kim /build/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER kim
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-XX:+ExitOnOutOfMemoryError","-jar","/app/app.jar"]
