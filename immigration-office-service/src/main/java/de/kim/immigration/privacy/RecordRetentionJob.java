package de.kim.immigration.privacy;

import de.kim.immigration.api.EraseResidenceRecordCommand;
import de.kim.immigration.api.ErasureGround;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.query.ResidenceRecordView;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.TenantId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

/**
 * Erases residence records closed longer ago than {@code kim.retention.residence-record} (e.g.
 * P3Y), every night, as the service principal {@link #PRINCIPAL}. Records on legal hold are left
 * alone (the aggregate would refuse them anyway). A failed erasure is tried again the next night.
 */
@Component
public class RecordRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RecordRetentionJob.class);
    static final String ACTOR = "retention-job";
    /** The principal the job erases as: it may erase a residence record and nothing else. */
    public static final String PRINCIPAL = "immigration-office-service.retention";

    private final ReadModelDatabase database;
    private final CommandGateway commands;
    private final Period retention;
    private final Clock clock;

    public RecordRetentionJob(ReadModelDatabase database, CommandGateway commands,
                              @Value("${kim.retention.residence-record}") Period retention, Clock clock) {
        this.database = database;
        this.commands = commands;
        this.retention = retention;
        this.clock = clock;
    }

    /** Erases what is due; answers how many erasures it asked for. */
    @Scheduled(cron = "${kim.retention.schedule}", zone = "Europe/Berlin")
    public int run() {
        LocalDate closedBefore = LocalDate.now(clock).minus(retention);
        Query due = Query.query(Criteria.where("erasedOn").is(null).and("legalHold").ne(true)
                .and("closedOn").lte(closedBefore));
        int asked = 0;
        for (ResidenceRecordView record : mongo().find(due, ResidenceRecordView.class)) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new EraseResidenceRecordCommand(
                                new ResidenceRecordId(record.id()), ErasureGround.RETENTION_EXPIRED,
                                "Aufbewahrungsfrist " + retention + " abgelaufen"))
                        .andMetaData(Actor.servicePrincipal(new TenantId(record.tenant()), ACTOR, PRINCIPAL).asMetaData()));
                asked++;
            } catch (RuntimeException e) {
                log.warn("retention erasure of residence record {} not done: {}", record.id(), e.getMessage());
            }
        }
        return asked;
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
