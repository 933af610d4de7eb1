package de.kim.platform.audit;

import de.kim.platform.web.RequestActorResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** The audit trail of every service: its table, the interceptor that fills it, the endpoint that reads it. */
@AutoConfiguration(after = org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration.class)
@ConditionalOnProperty(name = "kim.audit.enabled", havingValue = "true", matchIfMissing = true)
public class AuditAutoConfiguration {

    @Bean
    public AuditTrail auditTrail(JdbcTemplate jdbc) {
        return new AuditTrail(jdbc);
    }

    /** The other services a self-disclosure gathers entries from: {@code kim.audit.peers.<service>=<base URL>}. */
    @Bean
    public AuditDisclosures auditDisclosures(org.springframework.core.env.Environment environment,
                                             org.springframework.beans.factory.ObjectProvider<org.springframework.web.client.RestClient.Builder> http) {
        java.util.Map<String, String> peers = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("kim.audit.peers", org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(java.util.Map.of());
        return new AuditDisclosures(peers, http.getIfAvailable(org.springframework.web.client.RestClient::builder));
    }

    @Bean
    public AuditController auditController(AuditTrail trail, RequestActorResolver actors) {
        return new AuditController(trail, actors);
    }

    @Bean
    public AuditInterceptor auditInterceptor(AuditTrail trail, RequestActorResolver actors, Clock clock) {
        return new AuditInterceptor(trail, actors, clock);
    }

    /** Records reads before their body is written, so that a read that cannot be recorded sends nothing. */
    @Bean
    public AuditedReads auditedReads(AuditInterceptor interceptor) {
        return new AuditedReads(interceptor);
    }

    @Bean
    public WebMvcConfigurer auditOfPersonalData(AuditInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/api/**");
            }
        };
    }
}
