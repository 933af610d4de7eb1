package de.kim.immigration.query;

import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.ClosureReason;
import de.kim.immigration.api.PersonalDetails;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;
import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * @param identity           who the record is about (names, Aktenzeichen, AZR number); null once erased, and
 *                           for records opened before names were asked for
 * @param searchTokens       the blind index of names, date of birth and Aktenzeichen ({@code BlindIndex}, keys of {@code RecordSearchIndex}):
 *                           keyed hashes a search can match, never answered; empty once erased
 * @param statusChecks       case management's requests for a status check, open until the officer completes them
 * @param caseLinks          case management's requests to link a case to the record, and the officer's answers
 * @param officer            the officer responsible for the record; null while nobody is assigned
 * @param currentValidUntil  the end of the current status, kept apart so that deadlines can be queried
 * @param chancenClockEndsOn the end of a § 104c permit's 18 months, if the person holds one
 * @param closedOn           the day the record was closed; null while it is open
 * @param closureReason      why it was closed
 * @param legalHold          whether a legal hold keeps the record from being erased
 * @param erasedOn           the day its personal data was erased; from then on identity, date of birth,
 *                           nationality, entry date, household and screening are null
 * @param screening          the screening as of the day of the record's last event; kept in the store only, never
 *                           answered: the API screens afresh as of the day asked ({@code …/pathways?asOf=})
 * @param version            the sequence number of the last event applied
 */
@CompoundIndex(name = "tenant_permit_until", def = "{'tenant': 1, 'currentValidUntil': 1}")
@CompoundIndex(name = "tenant_file_number", def = "{'tenant': 1, 'identity.fileNumber': 1}")
@CompoundIndex(name = "tenant_family_name", def = "{'tenant': 1, 'identity.familyName': 1}")
@CompoundIndex(name = "tenant_chancen_ends", def = "{'tenant': 1, 'chancenClockEndsOn': 1}")
@CompoundIndex(name = "tenant_officer", def = "{'tenant': 1, 'officer': 1}")
@CompoundIndex(name = "tenant_search_tokens", def = "{'tenant': 1, 'searchTokens': 1}")
@CompoundIndex(name = "tenant_status", def = "{'tenant': 1, 'currentStatus': 1}")
@CompoundIndex(name = "retention_due", def = "{'closedOn': 1, 'erasedOn': 1}")
@Document("residence_records")
public record ResidenceRecordView(@Id String id, String tenant, Identity identity,
                                  @JsonIgnore List<String> searchTokens, LocalDate dateOfBirth, String nationality,
                                  LocalDate entryDate, Boolean minorChildInHousehold, List<StatusEntry> statuses,
                                  List<AchievementEntry> achievements, List<HandoverEntry> handovers,
                                  List<StatusCheckEntry> statusChecks, List<CaseLinkEntry> caseLinks, String officer,
                                  ResidenceStatusType currentStatus, LocalDate currentValidUntil,
                                  LocalDate chancenClockEndsOn, @JsonIgnore Screening screening, LocalDate closedOn,
                                  ClosureReason closureReason, boolean legalHold, LocalDate erasedOn, long version) {

    public ResidenceRecordView {
        statuses = statuses == null ? new ArrayList<>() : new ArrayList<>(statuses);
        achievements = achievements == null ? new ArrayList<>() : new ArrayList<>(achievements);
        handovers = handovers == null ? new ArrayList<>() : new ArrayList<>(handovers);
        statusChecks = statusChecks == null ? new ArrayList<>() : new ArrayList<>(statusChecks);
        caseLinks = caseLinks == null ? new ArrayList<>() : new ArrayList<>(caseLinks);
        searchTokens = searchTokens == null ? new ArrayList<>() : new ArrayList<>(searchTokens);
    }

    /**
     * Who the record is about, as the officer reads it.
     *
     * @param fileNumber the Aktenzeichen of the Ausländerbehörde
     * @param azrNumber  the AZR number, or null
     */
    public record Identity(String familyName, String givenName, String fileNumber, String azrNumber) {

        /** The Aktenzeichen and the name, as a line the officer reads: {@code ABH 4711 – Haddad, Lina}. */
        public String label() {
            return fileNumber + " – " + familyName + ", " + givenName;
        }

        static Identity of(PersonalDetails person) {
            return person == null || person.fileNumber() == null && person.familyName() == null ? null
                    : new Identity(person.familyName(), person.givenName(), person.fileNumber(), person.azrNumber());
        }
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

    /**
     * A case linked to the record, or asked to be: {@code state} REQUESTED until the officer
     * answers, then CONFIRMED or REFUSED ({@code byHandover}: confirmed at once after a hand-over).
     * {@code requestedBy} is the case manager's user id, for the officer to ask back.
     */
    public record CaseLinkEntry(String caseId, String requestedBy, LocalDate requestedOn, String state,
                                boolean byHandover, LocalDate answeredOn) {

        public boolean open() {
            return "REQUESTED".equals(state);
        }
    }

    /** A record just opened; {@code person} is null when its key is gone (the record was erased). */
    static ResidenceRecordView opened(String id, String tenant, PersonalDetails person, List<String> searchTokens) {
        return new ResidenceRecordView(id, tenant, Identity.of(person), searchTokens, person == null ? null : person.dateOfBirth(),
                person == null ? null : person.nationality(), person == null ? null : person.entryDate(),
                person == null ? null : person.minorChildInHousehold(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                null, null, null, null, null, null, false, null, -1);
    }

    /** Whether the record's personal data was erased. */
    public boolean erased() {
        return erasedOn != null;
    }

    /** Whether the screening can run: it needs the person's date of birth, gone once the record is erased. */
    public boolean screenable() {
        return !erased() && dateOfBirth != null;
    }

    /** The same record with another officer responsible. */
    ResidenceRecordView withOfficer(String newOfficer) {
        return new ResidenceRecordView(id, tenant, identity, searchTokens, dateOfBirth, nationality, entryDate, minorChildInHousehold, statuses,
                achievements, handovers, statusChecks, caseLinks, newOfficer, currentStatus, currentValidUntil, chancenClockEndsOn,
                screening, closedOn, closureReason, legalHold, erasedOn, version);
    }

    ResidenceRecordView closed(LocalDate on, ClosureReason reason) {
        return new ResidenceRecordView(id, tenant, identity, searchTokens, dateOfBirth, nationality, entryDate, minorChildInHousehold, statuses,
                achievements, handovers, statusChecks, caseLinks, officer, currentStatus, currentValidUntil, chancenClockEndsOn,
                screening, on, reason, legalHold, erasedOn, version);
    }

    ResidenceRecordView withLegalHold(boolean active) {
        return new ResidenceRecordView(id, tenant, identity, searchTokens, dateOfBirth, nationality, entryDate, minorChildInHousehold, statuses,
                achievements, handovers, statusChecks, caseLinks, officer, currentStatus, currentValidUntil, chancenClockEndsOn,
                screening, closedOn, closureReason, active, erasedOn, version);
    }

    /** The record after erasure: ids, codes and the dates of the process steps stay, nothing of the person. */
    ResidenceRecordView erased(LocalDate on) {
        return new ResidenceRecordView(id, tenant, null, List.of(), null, null, null, null, statuses, achievements, handovers,
                statusChecks, caseLinks, officer, currentStatus, currentValidUntil, chancenClockEndsOn, null, closedOn,
                closureReason, legalHold, on, version);
    }

    /** What the screening reads of this record (only while {@link #screenable()}). */
    public RecordFacts facts() {
        return new RecordFacts(dateOfBirth, Boolean.TRUE.equals(minorChildInHousehold),
                statuses.stream().map(s -> new RecordFacts.StatusFact(s.type(), s.legalBasis(), s.validFrom(),
                        s.validUntil())).toList(),
                achievements.stream().map(a -> new RecordFacts.AchievementFact(a.kind(), a.level(), a.achievedOn(),
                        a.until(), a.months())).toList());
    }

    /**
     * The record with its current status, a new screening and the § 104c clock. An erased record
     * has no screening (null), but keeps its clock, a deadline of the process.
     */
    ResidenceRecordView withScreening(Screening newScreening, ChancenClock clock, long newVersion) {
        StatusEntry current = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        return new ResidenceRecordView(id, tenant, identity, searchTokens, dateOfBirth, nationality, entryDate, minorChildInHousehold,
                statuses, achievements, handovers, statusChecks, caseLinks, officer, current == null ? null : current.type(),
                current == null ? null : current.validUntil(), clock == null ? null : clock.endsOn(), newScreening,
                closedOn, closureReason, legalHold, erasedOn, newVersion);
    }
}
