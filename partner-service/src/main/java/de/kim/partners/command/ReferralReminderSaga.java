package de.kim.partners.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.kim.partners.api.PartnerId;
import de.kim.partners.api.ReferralAcceptedEvent;
import de.kim.partners.api.ReferralDeclinedEvent;
import de.kim.partners.api.ReferralId;
import de.kim.partners.api.ReferralReceivedEvent;
import de.kim.partners.api.ReferralWithdrawnEvent;
import de.kim.partners.api.RemindReferralCommand;
import de.kim.platform.domain.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import de.kim.platform.domain.TenantId;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

/**
 * Watches each referral until the partner answers: when no answer came within the agreed
 * number of days ({@code kim.partner.reminder-days}), a reminder is raised. The deadline is
 * persistent, so a restart does not lose it. The saga's state is stored as JSON; the
 * injected resources are transient.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReferralReminderSaga {

    static final String DEADLINE = "referral-reminder";
    static final String SYSTEM_ACTOR = "system.reminder";
    /** The principal the saga reminds as: it may raise a referral's reminder and nothing else. */
    public static final String PRINCIPAL = "partner-service.referral-reminders";

    private PartnerId partnerId;
    private String tenant;
    private String deadlineId;
    private int days;

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient ReminderPolicy policy;

    @StartSaga
    @SagaEventHandler(associationProperty = "referralId")
    void on(ReferralReceivedEvent event, @MetaDataValue(Actor.TENANT) String tenant) {
        this.partnerId = event.partnerId();
        this.tenant = tenant;
        this.days = policy.days();
        this.deadlineId = deadlines.schedule(Duration.ofDays(days), DEADLINE, event.referralId());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "referralId")
    void on(ReferralAcceptedEvent event) {
        deadlines.cancelSchedule(DEADLINE, deadlineId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "referralId")
    void on(ReferralDeclinedEvent event) {
        deadlines.cancelSchedule(DEADLINE, deadlineId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "referralId")
    void on(ReferralWithdrawnEvent event) {
        deadlines.cancelSchedule(DEADLINE, deadlineId);
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void remind(ReferralId referralId) {
        commands.send(GenericCommandMessage.asCommandMessage(new RemindReferralCommand(partnerId, referralId, days))
                .andMetaData(Actor.servicePrincipal(new TenantId(tenant), SYSTEM_ACTOR, PRINCIPAL).asMetaData()));
        SagaLifecycle.end();
    }
}
