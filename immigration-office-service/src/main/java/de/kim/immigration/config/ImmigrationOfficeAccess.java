package de.kim.immigration.config;

import de.kim.immigration.api.EraseResidenceRecordCommand;
import de.kim.immigration.api.RecordAchievementCommand;
import de.kim.immigration.api.WithdrawSharedAchievementsCommand;
import de.kim.immigration.api.RecordStatusCheckRequestCommand;
import de.kim.immigration.api.RequestCaseLinkCommand;
import de.kim.immigration.messaging.CaseEventsListener;
import de.kim.immigration.privacy.RecordRetentionJob;
import de.kim.platform.config.Schemas;
import de.kim.platform.security.AccessRules;
import de.kim.platform.security.ServiceGrants;
import de.kim.platform.web.StaffNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.Set;

import static de.kim.platform.domain.Role.ADMINISTRATOR;
import static de.kim.platform.domain.Role.CASE_MANAGEMENT_LEAD;
import static de.kim.platform.domain.Role.CASE_MANAGER;
import static de.kim.platform.domain.Role.IMMIGRATION_OFFICER;

/** Residence records are the immigration office's; the rule sets are law, readable by all who advise. */
@Configuration
public class ImmigrationOfficeAccess {

    @Bean
    public AccessRules immigrationOfficeAccessRules() {
        return AccessRules.builder()
                .allow("/api/residence-records/**", IMMIGRATION_OFFICER)
                .allow("/api/residence-records", IMMIGRATION_OFFICER)
                .allow("/api/pathway-candidates/**", IMMIGRATION_OFFICER)
                .allow("/api/pathway-candidates", IMMIGRATION_OFFICER)
                .allow(HttpMethod.GET, "/api/officers", IMMIGRATION_OFFICER)
                .allow(HttpMethod.GET, "/api/rule-sets/**", IMMIGRATION_OFFICER, CASE_MANAGER, CASE_MANAGEMENT_LEAD,
                        ADMINISTRATOR)
                .allow("/api/audit/**", ADMINISTRATOR)
                .allow("/api/read-models/**", ADMINISTRATOR);
    }

    /**
     * What case management's events may do here: record what it shared and what it asked, nothing
     * else; the retention job may erase a record and nothing else.
     */
    @Bean
    public ServiceGrants immigrationOfficeGrants() {
        return ServiceGrants.builder().grant(CaseEventsListener.PRINCIPAL,
                RecordAchievementCommand.class, RecordStatusCheckRequestCommand.class,
                WithdrawSharedAchievementsCommand.class, RequestCaseLinkCommand.class)
                .grant(RecordRetentionJob.PRINCIPAL, EraseResidenceRecordCommand.class);
    }

    /**
     * The officers' names, for the files that name an officer ({@code CandidateFiles}): learned from
     * the officers' own tokens. Names learned before they moved to {@link StaffNames}' table are moved
     * into it once ({@code db/kim/officer-names}).
     */
    @Bean
    public StaffNames officerNames(JdbcTemplate jdbc, Clock clock) {
        StaffNames names = new StaffNames(jdbc, Set.of(IMMIGRATION_OFFICER), clock);
        Schemas.migrate(jdbc.getDataSource(), "officer-names");
        return names;
    }
}
