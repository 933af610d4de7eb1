package de.kim.immigration.messaging;

import de.kim.contracts.Topics;
import de.kim.contracts.cases.AchievementShared;
import de.kim.contracts.cases.SharedAchievementsWithdrawn;
import de.kim.contracts.cases.ResidenceRecordLinkRequested;
import de.kim.contracts.cases.StatusCheckRequested;
import de.kim.immigration.api.AchievementId;
import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.RecordAchievementCommand;
import de.kim.immigration.api.RecordStatusCheckRequestCommand;
import de.kim.immigration.api.RequestCaseLinkCommand;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.api.StatusCheckId;
import de.kim.immigration.api.WithdrawSharedAchievementsCommand;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.IntegrationEventHandlers;
import de.kim.platform.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import de.kim.platform.messaging.EventCommandRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

import static de.kim.platform.messaging.RecordFields.code;
import static de.kim.platform.messaging.RecordFields.optionalCode;
import static de.kim.platform.messaging.RecordFields.required;

/**
 * Reads {@code kim.case.v1} for what case management asks of and shares with the office: a
 * request to link a case to a record lands on the record for the officer to confirm (confirmed at
 * once where the office handed the person over). Over a confirmed link and under a consent,
 * an achievement lands on the residence record (once, however often it is delivered) and the
 * screening runs again; when that consent ends (revoked or expired) or the achievement is marked
 * entrusted, case management withdraws it and it leaves the record; a request for a status check
 * lands on the record and in the responsible officer's work list (once as well). Case management
 * only sends either where the client's consent covers the office; nothing else of the case is read
 * here. A record with an unknown code or without a field it needs goes to the dead-letter topic
 * before anything is recorded.
 */
@Component
public class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    /** The principal this listener relays as: it may record link requests, shared achievements and status-check requests. */
    public static final String PRINCIPAL = "immigration-office-service.case-events";

    private final EnvelopeCodec codec;
    private final EventCommandRelay relay;
    private final IntegrationEventHandlers<ReceivedEvent> handlers;

    public CaseEventsListener(EnvelopeCodec codec, EventCommandRelay relay) {
        this.codec = codec;
        this.relay = relay;
        this.handlers = IntegrationEventHandlers.<ReceivedEvent>builder("immigration-case-events")
                .on(AchievementShared.TYPE, AchievementShared.class, this::achievementShared)
                .on(SharedAchievementsWithdrawn.TYPE, SharedAchievementsWithdrawn.class, this::sharedAchievementsWithdrawn)
                .on(StatusCheckRequested.TYPE, StatusCheckRequested.class, this::statusCheckRequested)
                .on(ResidenceRecordLinkRequested.TYPE, ResidenceRecordLinkRequested.class, this::linkRequested)
                .build();
    }

    @KafkaListener(id = "immigration-case-events", groupId = "${spring.kafka.consumer.group-id}-case-events",
            topics = Topics.CASE)
    public void on(ConsumerRecord<String, String> record) {
        IntegrationEventHandlers.read(record, codec, handlers);
    }

    private void achievementShared(ReceivedEvent event, AchievementShared shared) {
        send(event, new RecordAchievementCommand(new ResidenceRecordId(required(shared.residenceRecordId(), "residenceRecordId")),
                new AchievementId(required(shared.achievementId(), "achievementId")),
                code(AchievementKind.class, shared.kind(), "kind"),
                optionalCode(LanguageLevel.class, shared.level(), "level"), required(shared.achievedOn(), "achievedOn"),
                null, null, required(shared.caseId(), "caseId")), "achievement " + shared.achievementId(),
                shared.residenceRecordId());
    }

    private void sharedAchievementsWithdrawn(ReceivedEvent event, SharedAchievementsWithdrawn withdrawn) {
        send(event, new WithdrawSharedAchievementsCommand(
                new ResidenceRecordId(required(withdrawn.residenceRecordId(), "residenceRecordId")),
                required(withdrawn.achievementIds(), "achievementIds").stream().map(AchievementId::new).toList(),
                required(withdrawn.withdrawnOn(), "withdrawnOn")),
                "withdrawal of achievements", withdrawn.residenceRecordId());
    }

    private void statusCheckRequested(ReceivedEvent event, StatusCheckRequested request) {
        send(event, new RecordStatusCheckRequestCommand(
                new ResidenceRecordId(required(request.residenceRecordId(), "residenceRecordId")),
                new StatusCheckId(required(request.statusCheckId(), "statusCheckId")),
                required(request.caseId(), "caseId"), request.requestedOn()),
                "status check " + request.statusCheckId(), request.residenceRecordId());
    }

    private void linkRequested(ReceivedEvent event, ResidenceRecordLinkRequested request) {
        send(event, new RequestCaseLinkCommand(new ResidenceRecordId(required(request.residenceRecordId(), "residenceRecordId")),
                required(request.caseId(), "caseId"),
                LocalDate.ofInstant(required(event.envelope().time(), "time"), ZoneId.of("Europe/Berlin"))),
                "link request of a case", request.residenceRecordId());
    }

    private void send(ReceivedEvent event, Object command, String what, String recordId) {
        // No such record for this tenant, or the message does not fit it: final, retrying cannot help.
        relay.send(PRINCIPAL, command, event).ifPresent(refusal ->
                log.warn("{} for record {} not recorded: {}", what, recordId, refusal.getMessage()));
    }
}
