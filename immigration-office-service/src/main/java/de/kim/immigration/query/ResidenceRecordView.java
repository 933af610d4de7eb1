package de.kim.immigration.query;

import de.kim.immigration.api.AchievementKind;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.screening.ChancenClock;
import de.kim.immigration.screening.RecordFacts;
import de.kim.immigration.screening.Screening;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A residence record as the officer sees it, with its latest screening: the read model behind
 * {@code GET /api/residence-records/{id}} and its pathways.
 *
 * @param statusChecks       case management's requests for a status check, open until the officer completes them
 * @param officer            the officer responsible for the record; null while nobody is assigned
 * @param currentValidUntil  the end of the current status, kept apart so that deadlines can be queried
 * @param chancenClockEndsOn the end of a § 104c permit's 18 months, if the person holds one
 * @param version            the sequence number of the last event applied
 */
@CompoundIndex(name = "tenant_permit_until", def = "{'tenant': 1, 'currentValidUntil': 1}")
@CompoundIndex(name = "tenant_chancen_ends", def = "{'tenant': 1, 'chancenClockEndsOn': 1}")
@CompoundIndex(name = "tenant_officer", def = "{'tenant': 1, 'officer': 1}")
@Document("residence_records")
public record ResidenceRecordView(@Id String id, String tenant, LocalDate dateOfBirth, String nationality,
                                  LocalDate entryDate, boolean minorChildInHousehold, List<StatusEntry> statuses,
                                  List<AchievementEntry> achievements, List<HandoverEntry> handovers,
                                  List<StatusCheckEntry> statusChecks, String officer,
                                  ResidenceStatusType currentStatus, LocalDate currentValidUntil,
                                  LocalDate chancenClockEndsOn, Screening screening, long version) {

    public ResidenceRecordView {
        statuses = statuses == null ? new ArrayList<>() : new ArrayList<>(statuses);
        achievements = achievements == null ? new ArrayList<>() : new ArrayList<>(achievements);
        handovers = handovers == null ? new ArrayList<>() : new ArrayList<>(handovers);
        statusChecks = statusChecks == null ? new ArrayList<>() : new ArrayList<>(statusChecks);
    }

    /** One status of the record. */
    public record StatusEntry(String id, ResidenceStatusType type, String legalBasis, LocalDate validFrom,
                              LocalDate validUntil, Pathway pathway) {
    }

    /** One integration achievement of the record. */
    public record AchievementEntry(String id, AchievementKind kind, LanguageLevel level, LocalDate achievedOn,
                                   LocalDate until, Integer months) {
    }

    /** One hand-over to case management. */
    public record HandoverEntry(String id, FieldOfAction fieldOfAction, String reasonCode, Pathway pathway,
                                LocalDate handedOverOn) {
    }

    /** A status check case management asked for; open while {@code completedOn} is null. */
    public record StatusCheckEntry(String id, String caseId, LocalDate requestedOn, LocalDate completedOn) {

        public boolean open() {
            return completedOn == null;
        }
    }

    /** The same record with another officer responsible. */
    ResidenceRecordView withOfficer(String newOfficer) {
        return new ResidenceRecordView(id, tenant, dateOfBirth, nationality, entryDate, minorChildInHousehold, statuses,
                achievements, handovers, statusChecks, newOfficer, currentStatus, currentValidUntil, chancenClockEndsOn,
                screening, version);
    }

    /** What the screening reads of this record. */
    public RecordFacts facts() {
        return new RecordFacts(dateOfBirth, minorChildInHousehold,
                statuses.stream().map(s -> new RecordFacts.StatusFact(s.type(), s.legalBasis(), s.validFrom(),
                        s.validUntil())).toList(),
                achievements.stream().map(a -> new RecordFacts.AchievementFact(a.kind(), a.level(), a.achievedOn(),
                        a.until(), a.months())).toList());
    }

    ResidenceRecordView withScreening(Screening newScreening, long newVersion) {
        StatusEntry current = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        ChancenClock clock = newScreening.chancenClock();
        return new ResidenceRecordView(id, tenant, dateOfBirth, nationality, entryDate, minorChildInHousehold,
                statuses, achievements, handovers, statusChecks, officer, current == null ? null : current.type(),
                current == null ? null : current.validUntil(), clock == null ? null : clock.endsOn(), newScreening,
                newVersion);
    }
}
