package de.kim.steering.config;

import de.kim.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static de.kim.platform.domain.Role.ADMINISTRATOR;
import static de.kim.platform.domain.Role.STEERING_MEMBER;

/** Steering sees anonymised figures only; rebuilding the read models is an administrator's task. */
@Configuration
public class SteeringServiceAccess {

    @Bean
    public AccessRules steeringServiceAccessRules() {
        return AccessRules.builder()
                .allow(HttpMethod.POST, "/api/steering/rebuild", ADMINISTRATOR)
                .allow("/api/read-models/**", ADMINISTRATOR)
                .allow("/api/steering/**", STEERING_MEMBER);
    }
}
