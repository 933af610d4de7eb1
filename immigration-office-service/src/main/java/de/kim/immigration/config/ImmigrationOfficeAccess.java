package de.kim.immigration.config;

import de.kim.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static de.kim.platform.security.Role.ADMINISTRATOR;
import static de.kim.platform.security.Role.CASE_MANAGEMENT_LEAD;
import static de.kim.platform.security.Role.CASE_MANAGER;
import static de.kim.platform.security.Role.IMMIGRATION_OFFICER;

/** Residence records are the immigration office's; the rule sets are law, readable by all who advise. */
@Configuration
public class ImmigrationOfficeAccess {

    @Bean
    public AccessRules immigrationOfficeAccessRules() {
        return AccessRules.builder()
                .allow("/api/residence-records/**", IMMIGRATION_OFFICER)
                .allow("/api/residence-records", IMMIGRATION_OFFICER)
                .allow(HttpMethod.GET, "/api/rule-sets/**", IMMIGRATION_OFFICER, CASE_MANAGER, CASE_MANAGEMENT_LEAD,
                        ADMINISTRATOR)
                .allow("/api/audit/**", ADMINISTRATOR);
    }
}
