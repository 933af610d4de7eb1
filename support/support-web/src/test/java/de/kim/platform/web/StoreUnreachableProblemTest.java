package de.kim.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A store out of reach in the middle of a request is a 503 the client may retry, never a 500. */
class StoreUnreachableProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(messages());

    @org.junit.jupiter.api.BeforeEach
    void inGerman() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.GERMAN);
    }

    @org.junit.jupiter.api.AfterEach
    void reset() {
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void a_read_model_store_that_went_away_answers_503_with_retry_after() {
        ResponseEntity<ProblemDetail> answer = advice.storeUnreachable(
                new DataAccessResourceFailureException("Prematurely reached end of stream"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:kim:problem:unavailable");
        assertThat(answer.getBody().getDetail()).isEqualTo("Der Dienst ist gerade nicht erreichbar.");
    }

    @Test
    void a_store_that_timed_out_answers_503_too() {
        assertThat(advice.storeUnreachable(new QueryTimeoutException("timed out")).getStatusCode().value()).isEqualTo(503);
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("kim.unavailable", Locale.GERMAN, "Der Dienst ist gerade nicht erreichbar.");
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }
}
