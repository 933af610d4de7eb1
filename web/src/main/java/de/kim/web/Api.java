package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/**
 * The platform's APIs, through the gateway, as the signed-in user: every call carries their
 * access token, so the services decide what they may see exactly as for any other client.
 */
@Component
public class Api {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Api.class);

    private final RestClient http;
    private final OAuth2AuthorizedClientManager clients;
    private final ObjectMapper json;

    public Api(@Value("${kim.gateway-url}") String gateway, OAuth2AuthorizedClientManager clients, ObjectMapper json) {
        this.http = RestClient.builder().baseUrl(gateway).build();
        this.clients = clients;
        this.json = json;
    }

    /** What a call answered: its status and body, and for a problem its German (or English) detail. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String id() {
            return body.path("id").asText();
        }

        /** Tells the next page how it went: "saved", or the problem. */
        public void flash(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            if (ok()) {
                redirect.addFlashAttribute("notice", "saved");
            } else {
                redirect.addFlashAttribute("error", problem());
            }
        }

        /**
         * Tells the next page how it went, and for a problem which fields of which form it names,
         * so that the page shows each message next to its field ({@code formErrors[form][field]}).
         */
        public void flash(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String form) {
            flash(redirect);
            if (!ok()) {
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                for (JsonNode error : body.path("errors")) {
                    fields.putIfAbsent(error.path("field").asText().replaceAll("\\[\\d+]", ""),
                            error.path("message").asText());
                }
                redirect.addFlashAttribute("formErrors", Map.of(form, fields));
            }
        }

        /** The problem's detail, with the fields it names. */
        public String problem() {
            StringBuilder text = new StringBuilder(body.path("detail").asText(body.path("title").asText("Fehler " + status)));
            for (JsonNode error : body.path("errors")) {
                text.append(" ").append(error.path("field").asText()).append(": ").append(error.path("message").asText());
            }
            return text.toString();
        }
    }

    public Answer get(String path) {
        return call(HttpMethod.GET, path, Map.of(), null);
    }

    /**
     * A GET with values the user typed: the template names them ({@code ?actor={actor}}) and each
     * value is encoded on its own, so that a character such as {@code &} or {@code #} stays a character.
     */
    public Answer get(String template, Map<String, ?> variables) {
        return call(HttpMethod.GET, template, variables, null);
    }

    /** A JSON object as maps and lists, for the templates; empty when the call failed. */
    public Map<?, ?> read(String path) {
        return map(get(path));
    }

    /** A JSON list as maps, for the templates; empty when the call failed. */
    public List<?> list(String path) {
        return list(get(path));
    }

    /** The most pages {@link #all} reads of one list: 2,000 entries, far beyond a Kommune's partners or offers. */
    static final int MAX_PAGES_READ_WHOLE = 10;
    /** The largest page the services give ({@code size}). */
    static final int LARGEST_PAGE = 200;

    /**
     * Every item of a paged list ({@code {items, total, page, size}}), page after page of
     * {@value #LARGEST_PAGE}, for a choice or a lookup that needs them all (the partners to choose
     * from, a partner's names by id); at most {@value #MAX_PAGES_READ_WHOLE} pages (more is logged). What a user
     * reads as a list is shown a page at a time instead. Empty when the first call failed.
     */
    public List<?> all(String path) {
        List<Object> items = new java.util.ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        long total = 0;
        for (int page = 0; page < MAX_PAGES_READ_WHOLE; page++) {
            Map<?, ?> answer = map(get(path + separator + "page=" + page + "&size=" + LARGEST_PAGE));
            List<?> found = answer.get("items") instanceof List<?> list ? list : List.of();
            items.addAll(found);
            total = answer.get("total") instanceof Number number ? number.longValue() : 0;
            if (found.isEmpty() || items.size() >= total) {
                return items;
            }
        }
        // Far beyond a Kommune's partners or colleagues: said in the log, not hidden.
        log.warn("{} lists {} entries; a choice offers the first {} only", path, total, items.size());
        return items;
    }

    /** The answer's object as maps and lists, empty when the call failed. */
    public Map<?, ?> map(Answer answer) {
        return answer.ok() && answer.body().isObject() ? json.convertValue(answer.body(), Map.class) : Map.of();
    }

    /** The answer's list as maps, empty when the call failed. */
    public List<?> list(Answer answer) {
        return answer.ok() && answer.body().isArray() ? json.convertValue(answer.body(), List.class) : List.of();
    }

    /** One field of each item of a list (as {@link #list} reads it) by the item's {@code id}: a partner's name, an offer's title. */
    public static Map<Object, Object> fieldById(List<?> items, String field) {
        Map<Object, Object> byId = new java.util.HashMap<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> fields) {
                byId.put(fields.get("id"), fields.get(field));
            }
        }
        return byId;
    }

    /** The {@code version} of a record (its ETag), -1 while it cannot be read. */
    public long version(String path) {
        Answer answer = get(path);
        return answer.ok() ? answer.body().path("version").asLong(-1) : -1;
    }

    /**
     * Waits (up to five seconds) until the record's version is past {@code before}: read models
     * follow commands within moments, and the page shown next should hold the change.
     */
    public void awaitChange(String path, long before) {
        awaitUntil(path, body -> body.path("version").asLong(-1) > before);
    }

    /**
     * Waits (up to five seconds) until what the path answers meets the condition: for read models
     * without a version, e.g. until a new entry's id is in them.
     */
    public void awaitUntil(String path, java.util.function.Predicate<JsonNode> condition) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            Answer answer = get(path);
            if (answer.ok() && condition.test(answer.body())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public Answer send(HttpMethod method, String path, Object body) {
        return call(method, path, Map.of(), body);
    }

    public ResponseEntity<byte[]> download(String path) {
        return http.get().uri(path).headers(this::authorise).retrieve().onStatus(status -> true, (request, response) -> { })
                .toEntity(byte[].class);
    }

    private Answer call(HttpMethod method, String path, Map<String, ?> variables, Object body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path, variables).headers(this::authorise);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            return new Answer(response.getStatusCode().value(), node == null ? json.createObjectNode() : node);
        });
    }

    private void authorise(HttpHeaders headers) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("kim")
                .principal(user).build());
        if (client != null) {
            headers.setBearerAuth(client.getAccessToken().getTokenValue());
        }
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().getLanguage());
    }
}
