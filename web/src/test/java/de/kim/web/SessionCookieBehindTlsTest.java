package de.kim.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind TLS ({@code server.servlet.session.cookie.secure}, as docker-compose sets it) the
 * browser sends the session cookie over HTTPS only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.servlet.session.cookie.secure=true")
class SessionCookieBehindTlsTest {

    @LocalServerPort
    int port;

    @Test
    void the_session_cookie_is_secure_http_only_and_same_site() throws Exception {
        // Starting to sign in keeps the authorisation request in the session: the first cookie.
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/kim")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Set-Cookie")).get().asString()
                .startsWith("KIM_WEB_SESSION=").contains("; Secure", "; HttpOnly", "SameSite=Lax");
    }
}
