package de.kim.bench;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a team would build instead of event sourcing, as the yardstick of the platform's
 * throughput: Spring MVC and a JdbcTemplate, {@code POST /crud/cases} validating the body of
 * {@code POST /api/cases} and inserting one row into an H2 file with the event stores'
 * settings (or PostgreSQL with {@code --url}). No gateway, no token, no events: one insert.
 * Same heap and collector as a service when started by {@code bench/run.sh}.
 */
@SpringBootApplication(proxyBeanMethods = false, excludeName = {
        // On the class path for the seeder (SeedCases), not part of this service.
        "de.kim.platform.config.KimPlatformAutoConfiguration", "de.kim.platform.health.HealthAutoConfiguration",
        "de.kim.platform.privacy.PrivacyAutoConfiguration"})
public class CrudService {

    /** The command line that starts it. */
    @Command(name = "crud-service", description = "Starts the CRUD yardstick service.")
    static final class Start implements Callable<Integer> {

        @Option(names = "--port", defaultValue = "8090")
        int port;
        @Option(names = "--url", description = "JDBC URL (default: an H2 file in --dir)")
        String url;
        @Option(names = "--user", defaultValue = "sa")
        String user;
        @Option(names = "--password", defaultValue = "")
        String password;
        @Option(names = "--pool", defaultValue = "10", description = "connections: the services' KIM_EVENTSTORE_POOL")
        int pool;
        @Option(names = "--dir", description = "directory of the H2 file")
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kim-bench", "crud");

        @Override
        public Integer call() {
            start(port, url != null ? url : CrudTable.h2Url(dir), user, password, pool);
            return null;
        }
    }

    static void start(int port, String url, String user, String password, int pool) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(pool));
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.de.kim.bench", "INFO");
        SpringApplication application = new SpringApplication(CrudService.class);
        // As arguments, which rank above the platform's defaults (KimDefaults, on the class path for the seeder).
        application.run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new));
        System.out.println("crud-service ready on port " + properties.get("server.port")
                + " (" + properties.get("spring.datasource.url") + ")");
    }

    @Bean
    ApplicationRunner crudSchema(DataSource dataSource) {
        return arguments -> {
            try (Connection connection = dataSource.getConnection()) {
                CrudTable.create(connection);
            }
        };
    }

    /** The body of {@code POST /api/cases}, with the same constraints as case-service's {@code OpenCaseRequest}. */
    public record OpenCase(@NotNull @Valid Client client, @NotNull TargetGroup targetGroup,
                           @NotNull AccessRoute accessRoute,
                           @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String assignee) {
    }

    /** The client's personal data. */
    public record Client(@NotBlank @Size(max = 100) String givenName,
                         @NotBlank @Size(max = 100) String familyName,
                         @NotNull LocalDate dateOfBirth,
                         @NotBlank @Pattern(regexp = "[A-Z]{3}") String nationality,
                         @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}") String> languages,
                         @NotBlank @Size(max = 100) String town,
                         @Valid Contact contact) {
    }

    /** How to reach the client. */
    public record Contact(@Size(max = 40) @Pattern(regexp = "[0-9 +()/-]*") String phone,
                          @Email @Size(max = 200) String email,
                          @Size(max = 300) String address) {
    }

    /** case-service's target groups. */
    public enum TargetGroup { NEWLY_ARRIVED, ASYLUM_SEEKERS, TOLERATED, YOUNG_ADULTS, FAMILIES, OTHER }

    /** case-service's access routes. */
    public enum AccessRoute {
        SELF, JOBCENTER, EMPLOYMENT_AGENCY, IMMIGRATION_OFFICE, YOUTH_WELFARE_OFFICE, SOCIAL_WELFARE_OFFICE, SCHOOL,
        MIGRATION_COUNSELLING, NETWORK_PARTNER, OTHER
    }

    /** Validates, checks the town against the tenant's (as the case aggregate does), inserts one row. */
    @RestController
    static class Cases {

        private static final String TENANT = "kreis-mettmann";
        private static final Set<String> TOWNS = Set.of("Erkrath", "Haan", "Heiligenhaus", "Hilden", "Langenfeld",
                "Mettmann", "Monheim am Rhein", "Ratingen", "Velbert", "Wülfrath");
        private final JdbcTemplate jdbc;

        Cases(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/crud/cases")
        ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenCase body) {
            Client client = body.client();
            if (!TOWNS.contains(client.town().trim())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "client.town");
            }
            String id = UUID.randomUUID().toString();
            Contact contact = client.contact();
            jdbc.update(CrudTable.INSERT, id, TENANT, client.givenName().trim(), client.familyName().trim(),
                    client.dateOfBirth(), client.nationality(),
                    client.languages() == null ? null : String.join(",", client.languages()), client.town().trim(),
                    contact == null ? null : contact.phone(), contact == null ? null : contact.email(),
                    contact == null ? null : contact.address(), body.targetGroup().name(), body.accessRoute().name(),
                    body.assignee(), "OPEN", LocalDate.now(ZoneId.of("Europe/Berlin")), Timestamp.from(Instant.now()), 0);
            return ResponseEntity.created(URI.create("/crud/cases/" + id)).body(Map.of("id", id));
        }
    }
}
