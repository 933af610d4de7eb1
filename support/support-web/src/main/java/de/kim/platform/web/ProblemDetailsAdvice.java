package de.kim.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.KimException;
import de.kim.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Turns every failure of a request into an RFC 9457 problem: bad input into 400 naming the
 * field, domain rules into 404/409/422, a store out of reach into 503, anything unexpected into a
 * 500 that reveals nothing.
 * Titles and details are German unless the client asks for English (Accept-Language).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:kim:problem:";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    public ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(KimException.class)
    public ResponseEntity<ProblemDetail> domain(KimException e) {
        ProblemDetail problem = problem(e.status(), e.problemType(), text(e.messageKey(), e.arguments()));
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", List.of(fieldError(invalid.field(), problem.getDetail())));
        }
        if (e instanceof RuleViolationException violation) {
            problem.setProperty("rule", violation.rule());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
        if (e.getCause() instanceof KimException cause) {
            return domain(cause);
        }
        return unexpected(e);
    }

    /** A query handler's refusal (e.g. too many results) reaches the controller wrapped by the query bus and the future. */
    @ExceptionHandler({CompletionException.class, QueryExecutionException.class})
    public ResponseEntity<ProblemDetail> wrappedQuery(Exception e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof KimException cause) {
                return domain(cause);
            }
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return ResponseEntity.status(404).body(problem(404, "not-found", text("kim.not-found")));
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class})
    public ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return ResponseEntity.status(409).body(problem(409, "conflict", text("kim.concurrent-change")));
    }

    @ExceptionHandler(EventStoreException.class)
    public ResponseEntity<ProblemDetail> store(EventStoreException e) {
        log.error("event store failure", e);
        return ResponseEntity.status(503).body(problem(503, "unavailable", text("kim.unavailable")));
    }

    /**
     * A store that cannot be reached (the read models' MongoDB restarting, a connection reset in
     * the middle of a request): the request may be sent again, so 503, never 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    public ResponseEntity<ProblemDetail> storeUnreachable(RuntimeException e) {
        log.warn("store unreachable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(503, "unavailable", text("kim.unavailable")));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // The exception goes to the log (it holds no request body); the client learns nothing internal.
        log.error("unexpected failure", e);
        return ResponseEntity.status(500).body(problem(500, "internal", text("kim.internal")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> fieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(400, "invalid-input", text("kim.invalid-input.fields",
                e.getBindingResult().getFieldErrors().stream().map(FieldError::getField).distinct()
                        .collect(Collectors.joining(", "))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (causedBy(e, StreamReadException.class)) {
            problem = problem(400, "malformed-json", text("kim.malformed-json"));
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            problem = problem(400, "invalid-input", text("kim.invalid-input.value", field));
            problem.setProperty("errors", List.of(fieldError(field, text("kim.invalid-input.value", field))));
        } else if (e.getCause() instanceof JsonProcessingException) {
            problem = problem(400, "malformed-json", text("kim.malformed-json"));
        } else {
            problem = problem(400, "malformed-json", text("kim.missing-body"));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_PREFIX + "http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ProblemDetail problem(int status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(text("kim.problem." + type));
        return problem;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "" : message);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
