package de.kim.cases.config;

import de.kim.cases.api.AssessNeedCommand;
import de.kim.cases.api.EraseClientCommand;
import de.kim.cases.api.ExpireConsentCommand;
import de.kim.cases.api.ReceiveHandoverCommand;
import de.kim.cases.api.RecordResidenceLinkAnswerCommand;
import de.kim.cases.api.RecordStatusCheckAnswerCommand;
import de.kim.cases.api.RecordHandoverAddedCommand;
import de.kim.cases.api.RecordReferralAnswerCommand;
import de.kim.cases.command.HandoverIntakeSaga;
import de.kim.cases.messaging.ImmigrationEventsListener;
import de.kim.cases.messaging.PartnerEventsListener;
import de.kim.cases.privacy.ConsentExpiryJob;
import de.kim.cases.privacy.RetentionJob;
import de.kim.platform.security.AccessRules;
import de.kim.platform.security.ServiceGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static de.kim.platform.domain.Role.ADMINISTRATOR;
import static de.kim.platform.domain.Role.CASE_MANAGEMENT_LEAD;
import static de.kim.platform.domain.Role.CASE_MANAGER;

/**
 * Case files are for case management alone; which case a case manager works, the case decides.
 * The service's own principals may send only the commands granted here.
 */
@Configuration
public class CaseServiceAccess {

    @Bean
    public AccessRules caseServiceAccessRules() {
        return AccessRules.builder()
                // Erasure and legal hold are the lead's decisions; a dispute any case manager of the case records.
                .allow(HttpMethod.POST, "/api/cases/*/erasure", CASE_MANAGEMENT_LEAD)
                .allow(HttpMethod.PUT, "/api/cases/*/legal-hold", CASE_MANAGEMENT_LEAD)
                .allow("/api/cases/**", CASE_MANAGER, CASE_MANAGEMENT_LEAD)
                .allow("/api/cases", CASE_MANAGER, CASE_MANAGEMENT_LEAD)
                .allow("/api/follow-ups/**", CASE_MANAGER, CASE_MANAGEMENT_LEAD)
                .allow("/api/work-basket", CASE_MANAGER, CASE_MANAGEMENT_LEAD)
                .allow("/api/work-basket/**", CASE_MANAGER, CASE_MANAGEMENT_LEAD)
                .allow("/api/handovers/**", CASE_MANAGER, CASE_MANAGEMENT_LEAD)
                .allow(HttpMethod.GET, "/api/staff", CASE_MANAGER, CASE_MANAGEMENT_LEAD)
                .allow("/api/audit/**", ADMINISTRATOR)
                .allow("/api/read-models/**", ADMINISTRATOR);
    }

    /** What case-service's own principals may do: each exactly the commands of its work. */
    @Bean
    public ServiceGrants caseServiceGrants() {
        return ServiceGrants.builder()
                .grant(PartnerEventsListener.PRINCIPAL, RecordReferralAnswerCommand.class)
                .grant(ImmigrationEventsListener.PRINCIPAL, ReceiveHandoverCommand.class, RecordStatusCheckAnswerCommand.class,
                        RecordResidenceLinkAnswerCommand.class)
                .grant(HandoverIntakeSaga.PRINCIPAL, AssessNeedCommand.class, RecordHandoverAddedCommand.class)
                .grant(RetentionJob.PRINCIPAL, EraseClientCommand.class)
                .grant(ConsentExpiryJob.PRINCIPAL, ExpireConsentCommand.class);
    }
}
