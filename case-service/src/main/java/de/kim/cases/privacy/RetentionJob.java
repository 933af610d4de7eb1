package de.kim.cases.privacy;

import de.kim.cases.api.CaseId;
import de.kim.cases.api.EraseClientCommand;
import de.kim.cases.api.ErasureGround;
import de.kim.cases.query.CaseFile;
import de.kim.platform.domain.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import de.kim.platform.domain.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import de.kim.cases.query.CaseFileDatabase;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

/**
 * Erases the clients of cases closed longer ago than the retention period of case files
 * ({@code kim.retention.case-file}, e.g. P3Y), every night. Cases on legal hold or with
 * disputed data are left alone (and the aggregate would refuse them anyway). A failed erasure
 * is tried again the next night.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final String ACTOR = "retention-job";
    /** The principal the job erases as: it may erase a client and nothing else. */
    public static final String PRINCIPAL = "case-service.retention";

    private final CaseFileDatabase caseFiles;
    private final CommandGateway commands;
    private final Period caseFileRetention;
    private final Clock clock;

    public RetentionJob(CaseFileDatabase caseFiles, CommandGateway commands,
                        @Value("${kim.retention.case-file}") Period caseFileRetention, Clock clock) {
        this.caseFiles = caseFiles;
        this.commands = commands;
        this.caseFileRetention = caseFileRetention;
        this.clock = clock;
    }

    /** Erases what is due; answers how many erasures it asked for. */
    @Scheduled(cron = "${kim.retention.schedule}", zone = "Europe/Berlin")
    public int run() {
        LocalDate closedBefore = LocalDate.now(clock).minus(caseFileRetention);
        Query due = Query.query(Criteria.where("status").is("CLOSED").and("erasedOn").is(null)
                .and("legalHold").ne(true).and("disputed").ne(true).and("closedOn").lte(closedBefore));
        int asked = 0;
        for (CaseFile file : caseFiles.template().find(due, CaseFile.class)) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new EraseClientCommand(new CaseId(file.id),
                        ErasureGround.RETENTION_EXPIRED, "Aufbewahrungsfrist " + caseFileRetention + " abgelaufen"))
                        .andMetaData(Actor.servicePrincipal(new TenantId(file.tenant), ACTOR, PRINCIPAL).asMetaData()));
                asked++;
            } catch (RuntimeException e) {
                log.warn("retention erasure of case {} not done: {}", file.id, e.getMessage());
            }
        }
        return asked;
    }
}
