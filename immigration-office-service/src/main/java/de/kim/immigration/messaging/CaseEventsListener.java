package de.kim.immigration.messaging;

import de.kim.contracts.Topics;
import de.kim.contracts.cases.AchievementShared;
import de.kim.immigration.api.AchievementId;
import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.RecordAchievementCommand;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.KimException;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code kim.case.v1} for what case management shares with the office under a consent:
 * an achievement lands on the residence record (once, however often it is delivered) and the
 * screening runs again. Case management only sends it where the client's consent covers the
 * office; nothing else of the case is read here.
 */
@Component
public class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    private final EnvelopeCodec codec;
    private final CommandGateway commands;

    public CaseEventsListener(EnvelopeCodec codec, CommandGateway commands) {
        this.codec = codec;
        this.commands = commands;
    }

    @KafkaListener(id = "immigration-case-events", topics = Topics.CASE)
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = codec.decode(record.value());
        if (!event.is(AchievementShared.TYPE)) {
            return;
        }
        AchievementShared shared = event.data(AchievementShared.class);
        RecordAchievementCommand command = new RecordAchievementCommand(new ResidenceRecordId(shared.residenceRecordId()),
                new AchievementId(shared.achievementId()), AchievementKind.valueOf(shared.kind()),
                shared.level() == null ? null : LanguageLevel.valueOf(shared.level()), shared.achievedOn(), null, null);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                    MetaData.with(Actor.TENANT, event.envelope().tenant()).and(Actor.USER, event.envelope().actor())));
        } catch (KimException | AggregateNotFoundException e) {
            // No such record for this tenant, or the achievement does not fit it: retrying cannot help.
            log.warn("achievement {} for record {} not recorded: {}", shared.achievementId(), shared.residenceRecordId(),
                    e.getMessage());
        }
    }
}
