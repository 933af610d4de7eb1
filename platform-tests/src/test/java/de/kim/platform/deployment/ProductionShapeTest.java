package de.kim.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape is safe as written: docker-compose.yml and the production realm carry no
 * password, secret or demo login, every secret is required from the environment (never a
 * default), Keycloak runs in production mode, Kafka is authenticated with one principal per
 * service and ACLs that match the events each service publishes and consumes, and the demo
 * realm with its users comes only with docker-compose.demo.yml. CI also runs
 * {@code docker-compose config} without and with the secrets (.ci/compose-check).
 */
class ProductionShapeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)([^}]*)}");
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PWD).*");
    /** Not secrets: where the ports are published, and the Kafka principals' names (for a rotation by a second principal). */
    static final Set<String> MAY_HAVE_DEFAULT = Set.of("KIM_BIND_ADDRESS", "KIM_KAFKA_CASE_SERVICE_USERNAME",
            "KIM_KAFKA_PARTNER_SERVICE_USERNAME", "KIM_KAFKA_IMMIGRATION_OFFICE_SERVICE_USERNAME",
            "KIM_KAFKA_STEERING_SERVICE_USERNAME");
    static final List<String> SERVICES = List.of("case-service", "partner-service", "immigration-office-service",
            "steering-service");
    static final Set<String> ONE_SHOT = Set.of("postgres-setup", "mongo-setup", "kafka-setup");
    static final String REALM_IN_CONTAINER = "/opt/keycloak/data/import/kim-realm.json";

    final ObjectMapper json = new ObjectMapper();

    @Test
    void every_secret_is_required_from_the_environment_and_none_has_a_default() throws IOException {
        List<String> defaulted = new ArrayList<>();
        for (Path file : productionFiles()) {
            Matcher variable = VARIABLE.matcher(Files.readString(file));
            while (variable.find()) {
                String name = variable.group(1);
                String modifier = variable.group(2);
                boolean required = modifier.startsWith(":?");
                if (!required && !modifier.isEmpty() && !MAY_HAVE_DEFAULT.contains(name)) {
                    defaulted.add(ROOT.relativize(file) + ": " + variable.group());
                }
                if (file.endsWith("docker-compose.yml") && SECRET_NAME.matcher(name).matches() && !required) {
                    defaulted.add(ROOT.relativize(file) + ": " + variable.group() + " (a secret must be ${NAME:?…})");
                }
            }
        }
        assertThat(defaulted).isEmpty();
    }

    @Test
    void no_password_or_secret_is_written_into_the_compose_file() {
        List<String> literal = new ArrayList<>();
        services(compose()).forEach((service, definition) -> environment(definition).forEach((name, value) -> {
            String text = String.valueOf(value);
            if (SECRET_NAME.matcher(name).matches() && !text.matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}")) {
                literal.add(service + "." + name + " = " + text);
            }
            Matcher userInfo = Pattern.compile("://[^:/@]+:([^@]*)@").matcher(text);
            if (userInfo.find() && !userInfo.group(1).matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}")) {
                literal.add(service + "." + name + " has a password in its URI");
            }
        }));
        assertThat(literal).isEmpty();
        assertThat(services(compose())).containsKeys("postgres", "mongo", "kafka", "keycloak", "web", "gateway");
    }

    @Test
    void keycloak_runs_a_supported_release_in_production_mode_with_health_and_a_hostname_from_the_environment() {
        Map<String, Object> keycloak = services(compose()).get("keycloak");
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) keycloak.get("command");
        assertThat(command).contains("start").doesNotContain("start-dev");
        assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:26.")
                .doesNotStartWith("quay.io/keycloak/keycloak:26.0");
        Map<String, Object> env = environment(keycloak);
        assertThat(env.get("KC_HEALTH_ENABLED")).isEqualTo("true");
        assertThat(String.valueOf(env.get("KC_HOSTNAME"))).startsWith("${KIM_KEYCLOAK_URL:?");
        assertThat(env).containsEntry("KC_DB", "postgres").doesNotContainKey("KEYCLOAK_ADMIN_PASSWORD");
        assertThat(keycloak).containsKey("healthcheck");
        assertThat(volumes(keycloak)).containsExactly("./docker/keycloak/kim-realm.json:" + REALM_IN_CONTAINER + ":ro");
    }

    @Test
    void the_production_realm_has_no_users_no_password_grant_and_only_the_platforms_client_with_its_audience() throws IOException {
        JsonNode realm = json.readTree(ROOT.resolve("docker/keycloak/kim-realm.json").toFile());
        assertThat(realm.path("users").size()).as("users").isZero();
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            clients.add(id);
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(id + " password grant").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false)).as(id + " implicit flow").isFalse();
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as(id + " secret").matches("\\$\\{[A-Z0-9_]+}");
            }
            assertCarriesThePlatformAudience(client);
            client.path("redirectUris").forEach(uri -> assertThat(uri.asText()).startsWith("${KIM_PUBLIC_URL}/"));
        }
        assertThat(clients).containsExactly("kim-web");
        assertThat(realm.toString()).doesNotContain("\"password\"", "demo.kim.invalid", "kim-web-demo");
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)");
    }

    @Test
    void the_demo_override_adds_the_demo_realm_with_the_users_the_readme_lists() throws IOException {
        Map<String, Map<String, Object>> demo = services(load("docker-compose.demo.yml"));
        List<String> realmMounts = volumes(demo.get("keycloak")).stream()
                .filter(volume -> volume.contains(REALM_IN_CONTAINER)).toList();
        assertThat(realmMounts).containsExactly("./docker/keycloak/demo/kim-realm.json:" + REALM_IN_CONTAINER + ":ro");

        JsonNode production = json.readTree(ROOT.resolve("docker/keycloak/kim-realm.json").toFile());
        JsonNode realm = json.readTree(ROOT.resolve("docker/keycloak/demo/kim-realm.json").toFile());
        Set<String> users = new TreeSet<>();
        realm.path("users").forEach(user -> users.add(user.path("username").asText()));
        assertThat(users).containsAll(readmeDemoUsers()).hasSize(readmeDemoUsers().size());

        // The same realm and client as in production, plus kim-cli for scripts; every token names the platform.
        assertThat(realm.path("realm")).isEqualTo(production.path("realm"));
        assertThat(realm.path("roles")).isEqualTo(production.path("roles"));
        assertThat(realm.path("clients").get(0)).isEqualTo(production.path("clients").get(0));
        for (JsonNode client : realm.path("clients")) {
            assertCarriesThePlatformAudience(client);
        }
    }

    @Test
    void kafka_is_authenticated_with_one_principal_per_service_and_acls_for_what_each_publishes_and_consumes() throws IOException {
        String broker = Files.readString(ROOT.resolve("docker/kafka/server.properties"));
        assertThat(broker).contains("listener.security.protocol.map=SASL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "listener.name.sasl.sasl.enabled.mechanisms=SCRAM-SHA-512",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false", "super.users=User:admin\n", "auto.create.topics.enable=false");
        assertThat(broker).doesNotContainPattern("(?m)^listeners=.*PLAINTEXT://");

        // principal <user> <password> <own topic> <group prefix> <consumed topics…>, as docs/ARCHITECTURE.md's "Events by service".
        Map<String, List<String>> grants = new LinkedHashMap<>();
        Matcher principal = Pattern.compile("(?m)^principal \"\\$\\{KIM_KAFKA_([A-Z_]+)_USERNAME:\\?}\" "
                + "\"\\$\\{KIM_KAFKA_\\1_PASSWORD:\\?}\" \\\\\\n\\s+(.+)$").matcher(Files.readString(ROOT.resolve("docker/kafka/setup.sh")));
        while (principal.find()) {
            grants.put(principal.group(1), List.of(principal.group(2).trim().split("\\s+")));
        }
        assertThat(grants).containsExactly(
                Map.entry("CASE_SERVICE", List.of("kim.case.v1", "case-service", "kim.partner.v1", "kim.immigration.v1")),
                Map.entry("PARTNER_SERVICE", List.of("kim.partner.v1", "partner-service", "kim.case.v1")),
                Map.entry("IMMIGRATION_OFFICE_SERVICE", List.of("kim.immigration.v1", "immigration-office-service", "kim.case.v1")),
                Map.entry("STEERING_SERVICE", List.of("kim.reporting.v1", "steering-service", "kim.case.v1", "kim.partner.v1", "kim.immigration.v1")));

        Map<String, Map<String, Object>> services = services(compose());
        for (String service : SERVICES) {
            Map<String, Object> env = environment(services.get(service));
            String prefix = "KIM_KAFKA_" + service.toUpperCase().replace('-', '_');
            assertThat(env).as(service)
                    .containsEntry("KIM_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("KIM_KAFKA_USERNAME", "${" + prefix + "_USERNAME:-" + service + "}");
            assertThat(String.valueOf(env.get("KIM_KAFKA_PASSWORD"))).startsWith("${" + prefix + "_PASSWORD:?");
            assertThat(environment(services.get("kafka-setup"))).containsKey(prefix + "_PASSWORD");
        }
    }

    @Test
    void stores_are_authenticated_ports_are_on_the_loopback_and_every_container_restarts_and_reports_its_health() {
        Map<String, Map<String, Object>> services = services(compose());
        services.forEach((name, definition) -> {
            if (ONE_SHOT.contains(name)) {
                assertThat(definition.get("restart")).as(name).isEqualTo("on-failure");
            } else {
                assertThat(definition.get("restart")).as(name).isEqualTo("unless-stopped");
                assertThat(definition).as(name).containsKey("healthcheck");
            }
        });
        for (String service : SERVICES) {
            Map<String, Object> env = environment(services.get(service));
            assertThat(String.valueOf(env.get("KIM_MONGO_URI"))).as(service)
                    .startsWith("mongodb://kim:${KIM_MONGO_PASSWORD:?").contains("w=majority", "journal=true");
            assertThat(env).as(service)
                    .containsEntry("KIM_KEYSTORE_USER", "kim_keys")
                    .containsEntry("KIM_PUBLIC_API_DOCS", "false");
            assertThat(String.valueOf(env.get("KIM_KEYSTORE_PASSWORD"))).startsWith("${KIM_KEYSTORE_PASSWORD:?");
            assertThat(String.valueOf(env.get("KIM_EVENTSTORE_PASSWORD"))).startsWith("${KIM_EVENTSTORE_PASSWORD:?");
            assertThat(services.get(service).get("depends_on").toString())
                    .contains("postgres-setup", "mongo-setup", "kafka-setup");
        }
        services.forEach((name, definition) -> ((List<?>) definition.getOrDefault("ports", List.of())).forEach(port ->
                assertThat(String.valueOf(port)).as(name + " is published on the loopback interface unless told otherwise")
                        .startsWith("${KIM_BIND_ADDRESS:-127.0.0.1}:")));
        assertThat(environment(services.get("gateway"))).containsEntry("KIM_PUBLIC_API_DOCS", "false");
        assertThat(environment(services.get("web"))).containsEntry("SERVER_SERVLET_SESSION_COOKIE_SECURE", "true");
        assertThat(String.valueOf(environment(services.get("mongo")).get("MONGO_INITDB_ROOT_PASSWORD")))
                .startsWith("${KIM_MONGO_ROOT_PASSWORD:?");
    }

    private static void assertCarriesThePlatformAudience(JsonNode client) {
        List<String> audiences = new ArrayList<>();
        client.path("protocolMappers").forEach(mapper -> {
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && mapper.path("config").path("access.token.claim").asText().equals("true")) {
                audiences.add(mapper.path("config").path("included.custom.audience").asText());
            }
        });
        assertThat(audiences).as(client.path("clientId").asText() + " audience").containsExactly("kim-platform");
    }

    /** The demo users of the README's "Sign in" table. */
    private static Set<String> readmeDemoUsers() throws IOException {
        Set<String> users = new TreeSet<>();
        Matcher user = Pattern.compile("`([a-z0-9]+\\.(?:mettmann|musterland))`").matcher(Files.readString(ROOT.resolve("README.md")));
        while (user.find()) {
            users.add(user.group(1));
        }
        assertThat(users).isNotEmpty();
        return users;
    }

    /** docker-compose.yml and the scripts and configuration it mounts, without the demo's. */
    private static List<Path> productionFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("docker-compose.yml")));
        try (Stream<Path> docker = Files.walk(ROOT.resolve("docker"))) {
            docker.filter(Files::isRegularFile).filter(file -> !file.startsWith(ROOT.resolve("docker/keycloak/demo")))
                    .forEach(files::add);
        }
        return files;
    }

    private static Map<String, Object> compose() {
        return load("docker-compose.yml");
    }

    private static Map<String, Object> load(String file) {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        return environment == null ? Map.of() : (Map<String, Object>) environment;
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        return (List<String>) service.getOrDefault("volumes", List.of());
    }
}
