package de.kim.partners.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.kim.partners.api.EraseEndedReferralDataCommand;
import de.kim.partners.api.PartnerId;
import de.kim.partners.api.ReferralCompletedEvent;
import de.kim.partners.api.ReferralDeclinedEvent;
import de.kim.partners.api.ReferralId;
import de.kim.partners.api.ReferralWithdrawnEvent;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.TenantId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once a referral has ended (declined, withdrawn or completed), the partner keeps the client's
 * data received with it for the grace period ({@link SharedDataGrace}) and no longer: then it is
 * erased from the partner's inbox. The deadline is persistent (db-scheduler's {@code scheduled_tasks}
 * in the service's own database), so a restart does not lose it. The saga holds ids only.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class SharedDataGraceSaga {

    static final String DEADLINE = "shared-data-grace";
    static final String SYSTEM_ACTOR = "system.shared-data-grace";
    /** The principal the saga erases as: it may erase an ended referral's shared data and nothing else. */
    public static final String PRINCIPAL = "partner-service.shared-data-grace";

    private PartnerId partnerId;
    private String tenant;

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient SharedDataGrace grace;

    @StartSaga
    @SagaEventHandler(associationProperty = "referralId")
    void on(ReferralDeclinedEvent event, @MetaDataValue(Actor.TENANT) String tenant) {
        ended(event.partnerId(), event.referralId(), tenant);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "referralId")
    void on(ReferralWithdrawnEvent event, @MetaDataValue(Actor.TENANT) String tenant) {
        ended(event.partnerId(), event.referralId(), tenant);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "referralId")
    void on(ReferralCompletedEvent event, @MetaDataValue(Actor.TENANT) String tenant) {
        ended(event.partnerId(), event.referralId(), tenant);
    }

    private void ended(PartnerId partner, ReferralId referral, String tenant) {
        this.partnerId = partner;
        this.tenant = tenant;
        deadlines.schedule(grace.period(), DEADLINE, referral);
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void erase(ReferralId referralId) {
        commands.send(GenericCommandMessage.asCommandMessage(new EraseEndedReferralDataCommand(partnerId, referralId))
                .andMetaData(Actor.servicePrincipal(new TenantId(tenant), SYSTEM_ACTOR, PRINCIPAL).asMetaData()));
        SagaLifecycle.end();
    }
}
