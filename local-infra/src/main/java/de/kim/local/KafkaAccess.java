package de.kim.local;

import de.kim.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who may do what on the platform's Kafka: one SCRAM principal per service, each allowed to write
 * only its own topic, read only the topics it consumes, use only consumer groups whose names start
 * with its own name, and write the dead-letter topics ({@code <topic>.DLT}) of what it consumes.
 * {@code kim-admin} (a super user) creates the principals, topics and ACLs and is used by the
 * launcher and the test tooling only; {@code kim-broker} is the broker's own principal. The table
 * here is the one docs/ARCHITECTURE.md shows and docker-compose.yml mirrors.
 */
public final class KafkaAccess {

    public static final String ADMIN = "kim-admin";
    public static final String BROKER = "kim-broker";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final int PARTITIONS = 3;

    /** What one service may do: write {@code publishes}, read {@code consumes}, groups named {@code <principal>…}. */
    public record ServiceAccess(String principal, String publishes, List<String> consumes) {

        public List<AclBinding> acls() {
            List<AclBinding> acls = new ArrayList<>();
            // WRITE implies DESCRIBE; CREATE because the service declares its own topic at start. WRITE on
            // any topic is also what an idempotent producer needs for its producer id (KIP-679): no cluster ACL.
            acls.add(allow(ResourceType.TOPIC, publishes, PatternType.LITERAL, AclOperation.WRITE));
            acls.add(allow(ResourceType.TOPIC, publishes, PatternType.LITERAL, AclOperation.CREATE));
            for (String topic : consumes) {
                // READ implies DESCRIBE: metadata, offsets, and steering's rebuild by assignment from offset 0.
                acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
                acls.add(allow(ResourceType.TOPIC, Topics.deadLetterOf(topic), PatternType.LITERAL, AclOperation.WRITE));
            }
            acls.add(allow(ResourceType.GROUP, principal, PatternType.PREFIXED, AclOperation.READ));
            return acls;
        }

        private AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
            return new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
        }
    }

    public static final List<ServiceAccess> SERVICES = List.of(
            new ServiceAccess("case-service", Topics.CASE, List.of(Topics.PARTNER, Topics.IMMIGRATION)),
            new ServiceAccess("partner-service", Topics.PARTNER, List.of(Topics.CASE)),
            new ServiceAccess("immigration-office-service", Topics.IMMIGRATION, List.of(Topics.CASE)),
            new ServiceAccess("steering-service", Topics.REPORTING, List.of(Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION)));

    /** Every principal with a password: the broker, the admin, the services. */
    public static final List<String> PRINCIPALS = Stream.concat(Stream.of(BROKER, ADMIN),
            SERVICES.stream().map(ServiceAccess::principal)).toList();

    private KafkaAccess() {
    }

    public static ServiceAccess of(String principal) {
        return SERVICES.stream().filter(s -> s.principal().equals(principal)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service principal " + principal));
    }

    /** The topics the platform needs: each service's own, and the dead-letter topic of each consumed one. */
    public static Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        SERVICES.forEach(s -> topics.add(s.publishes()));
        SERVICES.forEach(s -> s.consumes().forEach(t -> topics.add(Topics.deadLetterOf(t))));
        return topics;
    }

    /** The client settings that sign in to the client listener as {@code principal} with SCRAM-SHA-512. */
    public static Map<String, Object> clientConfig(String bootstrapServers, String principal, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.scram.ScramLoginModule",
                principal, password));
        return config;
    }

    static String jaas(String loginModule, String user, String password) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /**
     * Makes the broker ready for the services, as the admin: their SCRAM credentials (set again on
     * each call, so a changed password file takes effect), the topics and the ACLs. Safe to repeat;
     * retries until the broker answers or {@code timeout} has passed.
     */
    public static void provision(Map<String, Object> adminConfig, KafkaSecrets secrets, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        while (true) {
            try (Admin admin = Admin.create(config)) {
                provision(admin, secrets);
                return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not set up Kafka's principals, topics and ACLs: " + e, e);
                }
                sleep(500);
            }
        }
    }

    private static void provision(Admin admin, KafkaSecrets secrets) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        admin.alterUserScramCredentials(SERVICES.stream()
                        .<UserScramCredentialAlteration>map(s -> new UserScramCredentialUpsertion(
                                s.principal(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                                secrets.password(s.principal())))
                        .toList())
                .all().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        for (String topic : topics()) {
            if (!existing.contains(topic)) {
                // Unlimited retention: the topics are what a read model is rebuilt from.
                missing.add(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")));
            }
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        admin.createAcls(SERVICES.stream().flatMap(s -> s.acls().stream()).toList()).all().get(30, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
