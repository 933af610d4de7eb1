package de.kim.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's own refusals, and its explanations when a service cannot answer, as RFC 9457
 * problem details, in German unless the client asks for English; the same problem types the
 * services use.
 */
final class Problems {

    /** Writes Spring's {@link ProblemDetail} as RFC 9457 says (its mix-in comes with the builder). */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private Problems() {
    }

    enum Kind {
        UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized",
                "Anmeldung erforderlich", "Bitte melden Sie sich an. Ein gültiges Zugangstoken fehlt oder ist abgelaufen.",
                "Sign-in required", "Please sign in. A valid access token is missing or has expired."),
        FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden",
                "Keine Berechtigung", "Ihre Rolle erlaubt diese Aktion nicht.",
                "Not permitted", "Your role does not permit this action."),
        TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                "Anfrage zu groß", "Der Inhalt der Anfrage ist größer als erlaubt.",
                "Request too large", "The request body is larger than allowed."),
        TOO_MANY(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Zu viele Anfragen", "Sie haben in kurzer Zeit zu viele Anfragen gesendet. Bitte warten Sie einen Moment.",
                "Too many requests", "You sent too many requests in a short time. Please wait a moment."),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "Dienst nicht erreichbar", "Der zuständige Dienst ist gerade nicht erreichbar. Es wurde nichts "
                        + "geändert; bitte versuchen Sie es in einigen Sekunden erneut.",
                "Service unavailable", "The responsible service cannot be reached right now. Nothing was changed; "
                        + "please try again in a few seconds."),
        CONNECTION_BROKEN(HttpStatus.BAD_GATEWAY, "connection-broken",
                "Verbindung zum Dienst abgebrochen", "Der Dienst hat die Verbindung abgebrochen, bevor er antwortete. "
                        + "Ob Ihre Änderung gespeichert wurde, ist offen: bitte prüfen Sie das, bevor Sie sie wiederholen.",
                "Connection to the service broken", "The service dropped the connection before it answered. Your "
                        + "change may or may not have been saved: please check before you repeat it."),
        NO_ANSWER_IN_TIME(HttpStatus.GATEWAY_TIMEOUT, "no-answer-in-time",
                "Keine Antwort des Dienstes", "Der Dienst hat nicht rechtzeitig geantwortet. Ob Ihre Änderung "
                        + "gespeichert wurde, ist offen: bitte prüfen Sie das, bevor Sie sie wiederholen.",
                "No answer from the service", "The service did not answer in time. Your change may or may not "
                        + "have been saved: please check before you repeat it.");

        final HttpStatus status;
        final String type;
        final String[] german;
        final String[] english;

        Kind(HttpStatus status, String type, String title, String detail, String titleEn, String detailEn) {
            this.status = status;
            this.type = type;
            this.german = new String[]{title, detail};
            this.english = new String[]{titleEn, detailEn};
        }
    }

    static Mono<Void> write(ServerWebExchange exchange, Kind kind) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        String[] text = english(exchange) ? kind.english : kind.german;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status, text[1]);
        problem.setType(URI.create("urn:kim:problem:" + kind.type));
        problem.setTitle(text[0]);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value().replaceAll("[^A-Za-z0-9/_.~-]", "")));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem detail that Jackson cannot write", e);
        }
        response.setStatusCode(kind.status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        // A request refused before routing has its body read and dropped first (a too large one
        // excepted), so that the client, still sending, gets the answer instead of a reset connection.
        // A routed request's body has gone to the service already.
        Mono<Void> drained = kind.status.value() >= 500 || kind == Kind.TOO_LARGE ? Mono.empty()
                : exchange.getRequest().getBody().map(DataBufferUtils::release).then().onErrorResume(e -> Mono.empty());
        return drained.then(response.writeWith(Mono.just(buffer)));
    }

    private static boolean english(ServerWebExchange exchange) {
        String accepted = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
        try {
            return accepted != null && Locale.lookup(Locale.LanguageRange.parse(accepted),
                    List.of(Locale.GERMAN, Locale.ENGLISH)) == Locale.ENGLISH;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
