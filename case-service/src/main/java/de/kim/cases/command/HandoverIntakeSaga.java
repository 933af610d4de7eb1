package de.kim.cases.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.kim.cases.api.AssessNeedCommand;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.HandoverId;
import de.kim.cases.api.HandoverReceivedEvent;
import de.kim.cases.api.HandoverRef;
import de.kim.cases.api.NeedId;
import de.kim.contracts.vocabulary.Priority;
import de.kim.cases.api.RecordHandoverAddedCommand;
import de.kim.cases.api.ResidenceRecordLinkedEvent;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.KimException;
import de.kim.platform.messaging.Codes;
import de.kim.platform.messaging.EventCommandRelay;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings one hand-over of the immigration office to the open case linked to the same residence
 * record, whichever comes first. It starts when the hand-over is received and looks for the
 * cases already linked ({@link LinkedCases}, latest link first); until one takes the need, it
 * waits for the next case linked to the record. It ends when the need is added. A closed case or
 * a field of action this service does not know keeps the request open.
 *
 * <p>Associated by tenant-qualified ids ({@link TenantQualifiedAssociation}): the hand-over and
 * the residence record. The need's id is derived from the hand-over id ({@link #needIdOf}), so
 * a repeat adds nothing twice. The saga holds ids, codes and the day only.
 */
@Saga
@ProcessingGroup(HandoverIntakeSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class HandoverIntakeSaga {

    /**
     * The tracking processor of the saga and of the residence links it looks up
     * ({@code query.ResidenceLinksProjection}): one processor, so a link is stored before any
     * later hand-over's saga looks for it.
     */
    public static final String PROCESSING_GROUP = "handover-intake";
    /** The principal the intake sends as: it may add needs to a case and mark its hand-overs added. */
    public static final String PRINCIPAL = "case-service.handover-intake";
    static final String RESIDENCE_RECORD = "residenceRecordId";

    private static final Logger log = LoggerFactory.getLogger(HandoverIntakeSaga.class);

    private String tenant;
    private String handoverId;
    private String fieldOfAction;
    private String reasonCode;
    private String pathway;
    private LocalDate handedOverOn;

    @Autowired
    private transient EventCommandRelay relay;
    @Autowired
    private transient MessageSource messages;
    @Autowired
    private transient LinkedCases linkedCases;

    /** The need id a hand-over becomes on a case: the same for every delivery of the same hand-over. */
    public static NeedId needIdOf(String handoverId) {
        return new NeedId(UUID.nameUUIDFromBytes(("handover:" + handoverId).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "handoverId", associationResolver = TenantQualifiedAssociation.class)
    void on(HandoverReceivedEvent event, @MetaDataValue(Actor.USER) String actor) {
        this.tenant = event.tenant();
        this.handoverId = event.handoverId().value();
        this.fieldOfAction = event.fieldOfAction();
        this.reasonCode = event.reasonCode();
        this.pathway = event.pathway();
        this.handedOverOn = event.handedOverOn();
        SagaLifecycle.associateWith(RESIDENCE_RECORD, TenantQualifiedAssociation.key(tenant, event.residenceRecordId()));
        for (String caseId : linkedCases.casesLinkedTo(tenant, event.residenceRecordId())) {
            if (addTo(caseId, actor)) {
                return;
            }
        }
    }

    /** A case was linked to the hand-over's record: the need goes to it if it takes it. */
    @SagaEventHandler(associationProperty = RESIDENCE_RECORD, associationResolver = TenantQualifiedAssociation.class)
    void on(ResidenceRecordLinkedEvent event, @MetaDataValue(Actor.USER) String actor) {
        addTo(event.caseId().value(), actor);
    }

    /** A code of the office as its German label from the vocabulary's bundle; an unknown code as itself. */
    private String label(String code) {
        return code == null ? "" : messages.getMessage("code." + code, null, code, Locale.GERMAN);
    }

    private boolean addTo(String caseId, String actor) {
        FieldOfAction field = Codes.of(FieldOfAction.class, fieldOfAction).orElse(null);
        if (field == null) {
            // A field this service does not know yet: the case manager picks the request up by hand.
            log.warn("hand-over {} names an unknown field of action; kept open", handoverId);
            return false;
        }
        NeedId needId = needIdOf(handoverId);
        // The need's text is stored German, the working language of the case files.
        String description = messages.getMessage("handover.need.description", new Object[]{label(reasonCode),
                pathway == null ? messages.getMessage("handover.need.no-pathway", null, Locale.GERMAN) : label(pathway),
                handedOverOn == null ? "" : handedOverOn.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))},
                Locale.GERMAN);
        AssessNeedCommand command = new AssessNeedCommand(new CaseId(caseId), needId, field, Priority.HIGH,
                description, null);
        Optional<RuntimeException> refusal = relay.send(PRINCIPAL, command, tenant, actor);
        if (refusal.isPresent()
                && !(refusal.get() instanceof KimException kim && "case.need.exists".equals(kim.messageKey()))) {
            // A closed case or one of another tenant cannot take the need; the request stays open.
            log.info("hand-over {} not added to case {}: {}", handoverId, caseId, refusal.get().getMessage());
            return false;
        }
        // Added now, or by an earlier attempt (the need exists): the hand-over is done.
        relay.send(PRINCIPAL, new RecordHandoverAddedCommand(new HandoverRef(tenant, new HandoverId(handoverId)),
                new CaseId(caseId), needId), tenant, actor).ifPresent(refused -> {
            throw new IllegalStateException("hand-over " + handoverId + " not marked added: " + refused.getMessage());
        });
        SagaLifecycle.end();
        return true;
    }
}
