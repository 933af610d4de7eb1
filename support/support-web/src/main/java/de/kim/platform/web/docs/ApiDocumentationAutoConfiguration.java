package de.kim.platform.web.docs;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The problem responses every service's OpenAPI document shares ({@link ProblemResponsesDocumentation}). */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class ApiDocumentationAutoConfiguration {

    @Bean
    public ProblemResponsesDocumentation problemResponsesDocumentation() {
        return new ProblemResponsesDocumentation();
    }
}
