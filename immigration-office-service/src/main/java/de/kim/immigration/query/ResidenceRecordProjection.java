package de.kim.immigration.query;

import de.kim.platform.readmodel.BoundedResults;
import de.kim.platform.readmodel.ReadModelIndexes;
import de.kim.immigration.api.AchievementRecordedEvent;
import de.kim.immigration.api.AchievementWithdrawnEvent;
import de.kim.immigration.api.CaseLinkAnsweredEvent;
import de.kim.immigration.api.CaseLinkRequestedEvent;
import de.kim.immigration.api.HandedOverToCaseManagementEvent;
import de.kim.immigration.api.LegalHoldChangedEvent;
import de.kim.immigration.api.OfficerAssignedEvent;
import de.kim.immigration.api.PersonalDetails;
import de.kim.immigration.api.ResidenceRecordClosedEvent;
import de.kim.immigration.api.ResidenceRecordCreatedEvent;
import de.kim.immigration.api.ResidenceRecordErasedEvent;
import de.kim.immigration.api.ResidenceStatusProgressedEvent;
import de.kim.immigration.api.StatusCheckCompletedEvent;
import de.kim.immigration.api.StatusCheckRequestedEvent;
import de.kim.immigration.screening.ChancenClock;
import de.kim.immigration.screening.PathwayScreener;
import de.kim.platform.domain.Actor;
import de.kim.immigration.privacy.RecordSearchIndex;
import de.kim.platform.privacy.BlindIndex;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps the residence records in MongoDB up to date (with the responsible officer and case
 * management's status check requests) and re-runs the pathway screening whenever a status or an
 * achievement changes. Each event is applied once: an event whose sequence is
 * not newer than the stored version is a redelivery and changes nothing. The person's details
 * are opened with the record's key while it exists; after erasure (and in a rebuild after it)
 * the record holds no personal data, no search tokens and no screening, only ids, codes and process
 * dates: with the key gone, a rebuild cannot make the tokens again.
 */
@Component
@ProcessingGroup("residence-records")
public class ResidenceRecordProjection {

    private final ReadModelDatabase database;
    private final PathwayScreener screener;
    private final Clock clock;
    private final PersonalDataVault vault;
    private final BlindIndex index;

    public ResidenceRecordProjection(ReadModelDatabase database, PathwayScreener screener, Clock clock,
                                     PersonalDataVault vault, BlindIndex index) {
        this.database = database;
        this.screener = screener;
        this.clock = clock;
        this.vault = vault;
        this.index = index;
    }

    @EventHandler
    void on(ResidenceRecordCreatedEvent event, @SequenceNumber long sequence) {
        if (mongo().findById(event.recordId().value(), ResidenceRecordView.class) != null) {
            return;
        }
        PersonalDetails person = vault.open(event.tenant(), event.person(), PersonalDetails.class).orElse(null);
        save(ResidenceRecordView.opened(event.recordId().value(), event.tenant(), person,
                tokensOf(event.tenant(), person)), sequence);
    }

    @EventHandler
    void on(ResidenceRecordClosedEvent event, @SequenceNumber long sequence) {
        replace(event.recordId().value(), sequence, view -> view.closed(event.closedOn(), event.reason()));
    }

    @EventHandler
    void on(LegalHoldChangedEvent event, @SequenceNumber long sequence) {
        replace(event.recordId().value(), sequence, view -> view.withLegalHold(event.active()));
    }

    @EventHandler
    void on(ResidenceRecordErasedEvent event, @SequenceNumber long sequence) {
        replace(event.recordId().value(), sequence, view -> view.erased(event.erasedOn()));
    }

    @EventHandler
    void on(ResidenceStatusProgressedEvent event, @SequenceNumber long sequence) {
        update(event.recordId().value(), sequence, view -> view.statuses().add(new ResidenceRecordView.StatusEntry(
                event.statusId().value(), event.to(), event.legalBasis(), event.validFrom(), event.validUntil(),
                event.pathway())));
    }

    @EventHandler
    void on(AchievementRecordedEvent event, @SequenceNumber long sequence) {
        update(event.recordId().value(), sequence, view -> view.achievements().add(
                new ResidenceRecordView.AchievementEntry(event.achievementId().value(), event.kind(), event.level(),
                        event.achievedOn(), event.until(), event.months())));
    }

    /** The achievement and its details leave the record; the screening runs again without it. */
    @EventHandler
    void on(AchievementWithdrawnEvent event, @SequenceNumber long sequence) {
        update(event.recordId().value(), sequence, view -> view.achievements()
                .removeIf(a -> a.id().equals(event.achievementId().value())));
    }

    @EventHandler
    void on(HandedOverToCaseManagementEvent event, @SequenceNumber long sequence) {
        update(event.recordId().value(), sequence, view -> view.handovers().add(new ResidenceRecordView.HandoverEntry(
                event.handoverId().value(), event.fieldOfAction(), event.reasonCode(), event.pathway(),
                event.handedOverOn())));
    }

    @EventHandler
    void on(OfficerAssignedEvent event, @SequenceNumber long sequence) {
        replace(event.recordId().value(), sequence, view -> view.withOfficer(event.officer()));
    }

    @EventHandler
    void on(StatusCheckRequestedEvent event, @SequenceNumber long sequence) {
        update(event.recordId().value(), sequence, view -> view.statusChecks().add(
                new ResidenceRecordView.StatusCheckEntry(event.statusCheckId().value(), event.caseId(),
                        event.requestedOn(), null)));
    }

    @EventHandler
    void on(StatusCheckCompletedEvent event, @SequenceNumber long sequence) {
        update(event.recordId().value(), sequence, view -> view.statusChecks().replaceAll(c ->
                c.id().equals(event.statusCheckId().value())
                        ? new ResidenceRecordView.StatusCheckEntry(c.id(), c.caseId(), c.requestedOn(), event.completedOn())
                        : c));
    }

    @EventHandler
    void on(CaseLinkRequestedEvent event, @SequenceNumber long sequence, @MetaDataValue(Actor.USER) String requestedBy) {
        update(event.recordId().value(), sequence, view -> {
            view.caseLinks().removeIf(link -> link.caseId().equals(event.caseId()));
            view.caseLinks().add(new ResidenceRecordView.CaseLinkEntry(event.caseId(), requestedBy, event.requestedOn(),
                    "REQUESTED", false, null));
        });
    }

    @EventHandler
    void on(CaseLinkAnsweredEvent event, @SequenceNumber long sequence) {
        update(event.recordId().value(), sequence, view -> view.caseLinks().replaceAll(link ->
                link.caseId().equals(event.caseId())
                        ? new ResidenceRecordView.CaseLinkEntry(link.caseId(), link.requestedBy(), link.requestedOn(),
                        event.confirmed() ? "CONFIRMED" : "REFUSED", event.byHandover(), event.answeredOn())
                        : link));
    }

    @QueryHandler
    Optional<ResidenceRecordView> handle(FindResidenceRecordQuery query) {
        return Optional.ofNullable(mongo().findOne(Query.query(Criteria.where("_id").is(query.recordId())
                .and("tenant").is(query.tenant())), ResidenceRecordView.class));
    }

    @QueryHandler
    List<ResidenceRecordView> handle(FindExpiringQuery query) {
        Criteria permit = Criteria.where("currentValidUntil").gte(query.from()).lte(query.until());
        Criteria chancen = Criteria.where("chancenClockEndsOn").gte(query.from()).lte(query.until());
        Criteria criteria = Criteria.where("tenant").is(query.tenant());
        if (query.officer() != null) {
            criteria = criteria.and("officer").is(query.officer());
        }
        return BoundedResults.find(mongo(), Query.query(criteria.orOperator(permit, chancen)), ResidenceRecordView.class);
    }

    @QueryHandler
    List<ResidenceRecordView> handle(FindRecordsOfOfficerQuery query) {
        return BoundedResults.find(mongo(), Query.query(Criteria.where("tenant").is(query.tenant()).and("officer").is(query.officer())),
                ResidenceRecordView.class);
    }

    @ResetHandler
    void reset() {
        ReadModelIndexes.dropAndRecreate(mongo(), ResidenceRecordView.class);
    }

    private void update(String recordId, long sequence, Consumer<ResidenceRecordView> change) {
        ResidenceRecordView view = mongo().findById(recordId, ResidenceRecordView.class);
        if (view == null || sequence <= view.version()) {
            return;
        }
        change.accept(view);
        save(view, sequence);
    }

    private void replace(String recordId, long sequence, UnaryOperator<ResidenceRecordView> change) {
        ResidenceRecordView view = mongo().findById(recordId, ResidenceRecordView.class);
        if (view == null || sequence <= view.version()) {
            return;
        }
        save(change.apply(view), sequence);
    }

    private void save(ResidenceRecordView view, long sequence) {
        LocalDate today = LocalDate.now(clock);
        if (view.screenable()) {
            var screening = screener.screen(view.facts(), today);
            mongo().save(view.withScreening(screening, screening.chancenClock(), sequence));
        } else {
            mongo().save(view.withScreening(null, ChancenClock.of(view.facts(), today).orElse(null), sequence));
        }
    }

    private MongoTemplate mongo() {
        return database.template();
    }

    /** The tokens a record is found by: names, date of birth and the whole Aktenzeichen; none without details. */
    private List<String> tokensOf(String tenant, PersonalDetails person) {
        if (person == null) {
            return List.of();
        }
        List<String> tokens = new java.util.ArrayList<>(
                index.personTokens(tenant, person.familyName(), person.givenName(), person.dateOfBirth()));
        if (person.fileNumber() != null) {
            tokens.add(index.wholeValueToken(tenant, RecordSearchIndex.FILE_NUMBER, person.fileNumber()));
        }
        return tokens;
    }
}
