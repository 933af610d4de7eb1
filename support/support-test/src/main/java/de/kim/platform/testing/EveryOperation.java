package de.kim.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.domain.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every operation of a service's own OpenAPI document, so that a test can show a kind of
 * token is refused everywhere, not only on the paths someone thought of.
 */
public final class EveryOperation {

    private EveryOperation() {
    }

    /**
     * Tokens of the tenant naming every role, but in ways that must grant none: the roles as one
     * space-separated string, an empty array, only unknown names, an object.
     */
    public static Map<String, String> tokensWithUnreadableRoles() {
        List<String> all = Arrays.stream(Role.values()).map(Role::name).toList();
        Map<String, Object> base = TestTokens.claimsNamingRoles(TestTokens.TENANT, "mallory", all);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("roles as a space-separated string", TestTokens.sign(with(base, "roles", String.join(" ", all))));
        tokens.put("roles empty", TestTokens.sign(with(base, "roles", List.of())));
        tokens.put("roles unknown", TestTokens.sign(with(base, "roles", List.of("SUPERUSER", "admin"))));
        tokens.put("roles as an object", TestTokens.sign(with(base, "roles", Map.of("CASE_MANAGEMENT_LEAD", true))));
        return tokens;
    }

    /** Tokens naming every role, but made for another audience or for none. */
    public static Map<String, String> tokensForAnotherAudience() {
        List<String> all = Arrays.stream(Role.values()).map(Role::name).toList();
        Map<String, Object> base = TestTokens.claimsNamingRoles(TestTokens.TENANT, "mallory", all);
        Map<String, Object> none = new LinkedHashMap<>(base);
        none.remove("aud");
        return Map.of("another audience", TestTokens.sign(with(base, "aud", List.of("another-application"))),
                "no audience", TestTokens.sign(none));
    }

    /**
     * No operation opens for a token whose roles cannot be read (403 everywhere) or that was made
     * for another audience or none (401 everywhere).
     */
    public static void assertClosedToUnreadableRolesAndOtherAudiences(TestRestTemplate http, ObjectMapper json)
            throws Exception {
        for (Map.Entry<String, String> token : tokensWithUnreadableRoles().entrySet()) {
            assertEachAnswers(http, json, token.getValue(), HttpStatus.FORBIDDEN, token.getKey());
        }
        for (Map.Entry<String, String> token : tokensForAnotherAudience().entrySet()) {
            assertEachAnswers(http, json, token.getValue(), HttpStatus.UNAUTHORIZED, token.getKey());
        }
    }

    /** Sends the token to every {@code /api/} operation; each must answer {@code expected}. */
    public static void assertEachAnswers(TestRestTemplate http, ObjectMapper json, String token, HttpStatus expected,
                                         String why) throws Exception {
        JsonNode paths = json.readTree(http.getForObject("/v3/api-docs", String.class)).path("paths");
        List<String> called = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                HttpMethod method = HttpMethod.valueOf(methods.next().toUpperCase());
                HttpHeaders headers = TestTokens.bearer(token);
                headers.setContentType(MediaType.APPLICATION_JSON);
                HttpStatus status = HttpStatus.valueOf(http.exchange(concrete, method, new HttpEntity<>("{}", headers),
                        String.class).getStatusCode().value());
                assertThat(status).as(why + ": " + method + " " + path.getKey()).isEqualTo(expected);
                called.add(method + " " + path.getKey());
            }
        }
        assertThat(called).as("operations in the OpenAPI document").isNotEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put(name, value);
        return changed;
    }
}
