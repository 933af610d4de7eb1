package de.kim.cases.privacy;

import de.kim.cases.api.CaseId;
import de.kim.cases.api.ConsentId;
import de.kim.cases.api.ExpireConsentCommand;
import de.kim.cases.query.CaseFile;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.TenantId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import de.kim.cases.query.CaseFileDatabase;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Ends every consent whose last day of validity has passed, as the service principal
 * {@link #PRINCIPAL}: shortly after midnight (Europe/Berlin, {@code kim.consent.expiry-schedule})
 * and once at start, so that days the service was down are caught up. Nothing is kept in a timer:
 * which consents are due follows from the case files ({@code validUntil} before today, neither
 * revoked nor expired), so a restart loses nothing, and a consent is ended once, since the case
 * refuses to end it twice. A failed expiry is tried again on the next run.
 */
@Component
public class ConsentExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiryJob.class);
    static final String ACTOR = "consent-expiry-job";
    /** The principal the job acts as: it may end a consent and nothing else. */
    public static final String PRINCIPAL = "case-service.consent-expiry";

    private final CaseFileDatabase caseFiles;
    private final CommandGateway commands;
    private final Clock clock;

    public ConsentExpiryJob(CaseFileDatabase caseFiles, CommandGateway commands, Clock clock) {
        this.caseFiles = caseFiles;
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        run();
    }

    /** Ends what is due; answers how many consents it ended. */
    @Scheduled(cron = "${kim.consent.expiry-schedule}", zone = "Europe/Berlin")
    public int run() {
        LocalDate today = LocalDate.now(clock);
        Criteria due = Criteria.where("validUntil").lt(today).and("revokedOn").is(null).and("expiredOn").is(null);
        Query query = Query.query(Criteria.where("consents").elemMatch(due));
        query.fields().include("tenant").include("consents");
        int ended = 0;
        for (CaseFile file : caseFiles.template().find(query, CaseFile.class)) {
            for (CaseFile.Consent consent : file.consents) {
                if (!consent.validUntil().isBefore(today) || consent.revokedOn() != null || consent.expiredOn() != null) {
                    continue;
                }
                try {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new ExpireConsentCommand(new CaseId(file.id), new ConsentId(consent.id())))
                            .andMetaData(Actor.servicePrincipal(new TenantId(file.tenant), ACTOR, PRINCIPAL).asMetaData()));
                    ended++;
                } catch (RuntimeException e) {
                    log.warn("expiry of consent {} of case {} not done: {}", consent.id(), file.id, e.getMessage());
                }
            }
        }
        return ended;
    }
}
