package de.kim.platform.audit;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Gathers, for a client's self-disclosure (Art. 15 GDPR), the audit entries other services hold
 * about records of that client: {@code GET <service>/api/audit/<service>/disclosure?subject=…}
 * with the token of the person asking, so that each service checks the tenant and the role
 * itself and answers ids, roles and times only. A service that cannot answer fails the whole
 * disclosure ({@link AuditUnavailableException}): an incomplete one would mislead the client.
 */
public class AuditDisclosures {

    private final Map<String, String> peers;
    private final RestClient http;

    /** @param peers the base URL of each service asked, by its application name */
    public AuditDisclosures(Map<String, String> peers, RestClient.Builder http) {
        this.peers = Map.copyOf(peers);
        org.springframework.http.client.SimpleClientHttpRequestFactory factory =
                new org.springframework.http.client.SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(3));
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = http.requestFactory(factory).build();
    }

    /** The services asked, by application name. */
    public Collection<String> services() {
        return peers.keySet();
    }

    /** The service's entries about these records, newest first; none asked for none. */
    public List<AuditEntry> of(String service, Collection<String> subjects) {
        String base = peers.get(service);
        if (base == null) {
            throw new IllegalArgumentException("no address of " + service + " (kim.audit.peers)");
        }
        if (subjects.isEmpty()) {
            return List.of();
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path("/api/audit/{service}/disclosure");
        subjects.forEach(subject -> uri.queryParam("subject", subject));
        try {
            List<AuditEntry> entries = http.get().uri(uri.buildAndExpand(service).encode().toUri())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + callersToken())
                    .retrieve().body(new ParameterizedTypeReference<List<AuditEntry>>() {
                    });
            return entries == null ? List.of() : entries;
        } catch (RestClientException | IllegalStateException e) {
            throw new AuditUnavailableException(e);
        }
    }

    private static String callersToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new IllegalStateException("no signed-in caller whose token could be passed on");
    }
}
