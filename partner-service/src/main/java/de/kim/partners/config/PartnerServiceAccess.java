package de.kim.partners.config;

import de.kim.partners.api.EraseEndedReferralDataCommand;
import de.kim.partners.api.EraseSharedClientDataCommand;
import de.kim.partners.api.RectifySharedClientDataCommand;
import de.kim.partners.api.ReceiveReferralCommand;
import de.kim.partners.api.RemindReferralCommand;
import de.kim.partners.api.WithdrawReferralCommand;
import de.kim.partners.command.ReferralReminderSaga;
import de.kim.partners.command.SharedDataGraceSaga;
import de.kim.partners.messaging.CaseEventsListener;
import de.kim.platform.security.AccessRules;
import de.kim.platform.security.ServiceGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static de.kim.platform.domain.Role.ADMINISTRATOR;
import static de.kim.platform.domain.Role.CASE_MANAGEMENT_LEAD;
import static de.kim.platform.domain.Role.CASE_MANAGER;
import static de.kim.platform.domain.Role.PARTNER_STAFF;

/**
 * The partner network is a reference list: case management searches it, the administration
 * keeps it, partner staff keep their own offers. Referrals carry client data: only the
 * partner they were sent to sees them (checked where the referral is read).
 */
@Configuration
public class PartnerServiceAccess {

    @Bean
    public AccessRules partnerServiceAccessRules() {
        return AccessRules.builder()
                .allow(HttpMethod.GET, "/api/offers/**", CASE_MANAGER, CASE_MANAGEMENT_LEAD, PARTNER_STAFF, ADMINISTRATOR)
                .allow(HttpMethod.GET, "/api/partners/*/referrals", PARTNER_STAFF)
                .allow(HttpMethod.GET, "/api/partners/**", CASE_MANAGER, CASE_MANAGEMENT_LEAD, PARTNER_STAFF, ADMINISTRATOR)
                .allow(HttpMethod.POST, "/api/partners", ADMINISTRATOR, CASE_MANAGEMENT_LEAD)
                .allow(HttpMethod.PUT, "/api/partners/*", ADMINISTRATOR, CASE_MANAGEMENT_LEAD)
                .allow(HttpMethod.POST, "/api/partners/*/deactivation", ADMINISTRATOR, CASE_MANAGEMENT_LEAD)
                .allow("/api/partners/*/offers/**", ADMINISTRATOR, PARTNER_STAFF)
                .allow("/api/referrals/**", PARTNER_STAFF)
                .allow("/api/audit/**", ADMINISTRATOR)
                .allow("/api/read-models/**", ADMINISTRATOR);
    }

    /** What the service's own principals may do: each exactly the commands of its work. */
    @Bean
    public ServiceGrants partnerServiceGrants() {
        return ServiceGrants.builder()
                .grant(CaseEventsListener.PRINCIPAL, ReceiveReferralCommand.class, WithdrawReferralCommand.class,
                        EraseSharedClientDataCommand.class, RectifySharedClientDataCommand.class)
                .grant(ReferralReminderSaga.PRINCIPAL, RemindReferralCommand.class)
                .grant(SharedDataGraceSaga.PRINCIPAL, EraseEndedReferralDataCommand.class);
    }
}
