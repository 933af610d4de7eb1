package de.kim.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/** Every service's HTTP side: errors as problem details, the acting user of a request, the OpenAPI document's head. */
@AutoConfiguration
public class WebAutoConfiguration {

    @Bean
    public ProblemDetailsAdvice problemDetailsAdvice(MessageSource messages) {
        return new ProblemDetailsAdvice(messages);
    }

    @Bean
    public RequestActorResolver requestActorResolver() {
        return new RequestActorResolver();
    }

    @Bean
    public OpenAPI openApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI().info(new Info().title("KIM " + service).version("v1")
                .description("Kommunales Integrationsmanagement: API of " + service
                        + ". Errors are RFC 9457 problem details, in German unless Accept-Language asks for English."));
    }
}
