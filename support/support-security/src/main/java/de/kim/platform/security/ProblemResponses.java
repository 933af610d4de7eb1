package de.kim.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.web.ProblemDetailsAdvice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * 401 and 403 as RFC 9457 problem details, German unless the client asks for English, with
 * the {@code WWW-Authenticate} header OAuth 2.0 bearer clients expect. Neither says why a
 * token was refused beyond what RFC 6750 allows.
 */
final class ProblemResponses {

    private final MessageSource messages;
    private final ObjectMapper json;

    ProblemResponses(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(request, response, 401, "unauthorized", "kim.unauthorized");
        };
    }

    AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(request, response, 403, "forbidden", "kim.forbidden");
        };
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
                       String key) throws IOException {
        String accepted = request.getHeader("Accept-Language");
        Locale locale = accepted != null && Locale.lookup(Locale.LanguageRange.parse(accepted),
                List.of(Locale.GERMAN, Locale.ENGLISH)) == Locale.ENGLISH ? Locale.ENGLISH : Locale.GERMAN;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_PREFIX + type));
        problem.setTitle(messages.getMessage("kim.problem." + type, null, locale));
        problem.setDetail(messages.getMessage(key, null, locale));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
