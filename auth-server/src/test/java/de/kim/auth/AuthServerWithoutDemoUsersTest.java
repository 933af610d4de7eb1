package de.kim.auth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Started as anything but the local demo (no {@code kim.auth.demo-users}): nobody gets in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServerWithoutDemoUsersTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("kim-auth");
        registry.add("kim.auth.signing-key", () -> dir.resolve("signing-key.json").toString());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ServletWebServerApplicationContext server;

    @Test
    void no_demo_user_gets_a_token() {
        for (String user : new String[] {"leitung.mettmann", "admin.mettmann", "partner.musterland"}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBasicAuth(user, "demo");
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");

            assertThat(http.postForEntity("/oauth2/token", new HttpEntity<>(form, headers), String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void no_demo_user_can_sign_in_on_the_sign_in_page() {
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";", 2)[0]);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "leitung.mettmann");
        form.add("password", "demo");
        form.add("_csrf", page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));

        ResponseEntity<String> answer = http.postForEntity("/login", new HttpEntity<>(form, headers), String.class);

        // Redirects are followed: back on the sign-in page, which says the sign-in failed.
        assertThat(answer.getBody()).contains("Benutzername oder Passwort ist falsch.");
    }

    @Test
    void it_listens_on_the_loopback_interface_only() {
        InetAddress address = (InetAddress) ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector()
                .getProperty("address");
        assertThat(address.isLoopbackAddress()).isTrue();
    }
}
