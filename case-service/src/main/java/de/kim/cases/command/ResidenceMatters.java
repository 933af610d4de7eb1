package de.kim.cases.command;

import de.kim.cases.api.*;
import de.kim.contracts.vocabulary.AchievementKind;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the case has to do with the immigration office: the client's residence record it is
 * linked to, the achievements recorded (shared with that record where a consent allows it) and
 * the status checks asked of the office and whether it answered them. The office confirms the
 * link (or refuses it); only a confirmed link carries achievements and status checks. Recording
 * an achievement and asking for a check need the consents and the entrusted marks, which the
 * case's other parts hold and hand in.
 */
class ResidenceMatters {

    private static final Set<String> LANGUAGE_LEVELS = Set.of("A1", "A2", "B1", "B2", "C1", "C2");

    private final CaseRef caseRef;
    private final Consents consents;
    private final Entrusted entrusted;
    private final BooleanSupplier erased;
    private String residenceRecordId;
    /** Whether the office confirmed that the linked record is the client's (TRUE), refused it (FALSE) or has not answered (null). */
    private Boolean linkAnswer;
    private final Map<AchievementId, AchievementRecordedEvent> achievements = new LinkedHashMap<>();
    private final Set<StatusCheckId> statusChecks = new HashSet<>();
    private final Set<StatusCheckId> answered = new HashSet<>();

    ResidenceMatters(CaseRef caseRef, Consents consents, Entrusted entrusted, BooleanSupplier erased) {
        this.caseRef = caseRef;
        this.consents = consents;
        this.entrusted = entrusted;
        this.erased = erased;
    }

    /** Records the achievement and shares it with the immigration office where a consent allows it today. */
    @CommandHandler
    AchievementOutcome handle(RecordAchievementCommand command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (hasAchievement(command.achievementId())) {
            throw new ConflictException("case.achievement.exists");
        }
        boolean language = command.kind() == AchievementKind.LANGUAGE_CERTIFICATE;
        if (language != (command.level() != null)) {
            throw new InvalidInputException("level", "case.achievement.level-for-language-only");
        }
        if (language && !LANGUAGE_LEVELS.contains(command.level())) {
            throw new InvalidInputException("level", "case.achievement.level-unknown", command.level());
        }
        if (command.achievedOn().isAfter(today)) {
            throw new InvalidInputException("achievedOn", "case.achievement.in-future");
        }
        apply(new AchievementRecordedEvent(caseRef.id(), command.achievementId(), command.kind(), command.level(),
                command.achievedOn()));
        if (command.entrusted()) {
            apply(new MarkedEntrustedEvent(caseRef.id(), EntrustedItem.ACHIEVEMENT, command.achievementId().value(), today));
            return new AchievementOutcome(false);
        }
        return new AchievementOutcome(share(command.achievementId(), command.kind(), command.level(),
                command.achievedOn(), today));
    }

    /** Shares an achievement with the office over a confirmed link, under a consent that releases achievements. */
    private boolean share(AchievementId achievement, AchievementKind kind, String level, LocalDate achievedOn,
                          LocalDate today) {
        String residenceRecordId = residenceRecordId();
        if (residenceRecordId == null || !linkConfirmed()) {
            return false;
        }
        return consents.covering(CaseAggregate.IMMIGRATION_OFFICE, ConsentPurpose.RESIDENCE_MATTERS, today)
                .filter(consent -> consent.categories().contains(DataCategory.ACHIEVEMENTS))
                .findFirst()
                .map(consent -> {
                    apply(new AchievementSharedEvent(caseRef.id(), residenceRecordId, achievement, kind, level, achievedOn,
                            consent.id()));
                    return true;
                })
                .orElse(false);
    }

    /**
     * The office's answer to the link: confirmed, the achievements recorded so far go to the record
     * as far as a consent releases them and none is entrusted; refused, nothing goes. An answer about
     * a record the case is no longer linked to, or given already, changes nothing.
     */
    @CommandHandler
    void handle(RecordResidenceLinkAnswerCommand command, Clock clock) {
        if (!command.residenceRecordId().equals(residenceRecordId())
                || linkAnswered(command.confirmed())) {
            return;
        }
        if (!command.confirmed()) {
            apply(new ResidenceRecordLinkRefusedEvent(caseRef.id(), command.residenceRecordId(), command.answeredOn()));
            return;
        }
        apply(new ResidenceRecordLinkConfirmedEvent(caseRef.id(), command.residenceRecordId(), command.answeredOn()));
        LocalDate today = LocalDate.now(clock);
        for (AchievementRecordedEvent a : achievements()) {
            if (!entrusted.contains(EntrustedItem.ACHIEVEMENT, a.achievementId().value())
                    && consents.sharedAchievement(a.achievementId()).isEmpty()) {
                share(a.achievementId(), a.kind(), a.level(), a.achievedOn(), today);
            }
        }
    }

    /**
     * Asks the immigration office to check the client's residence status: only for a case linked
     * to a residence record, and only under a consent for the office with purpose
     * {@code RESIDENCE_MATTERS} valid today that releases the residence status (data category
     * {@code RESIDENCE_STATUS}): the check exchanges exactly that with the office.
     */
    @CommandHandler
    void handle(RequestStatusCheckCommand command, Clock clock) {
        if (hasStatusCheck(command.statusCheckId())) {
            throw new ConflictException("case.status-check.exists");
        }
        String residenceRecordId = residenceRecordId();
        if (residenceRecordId == null) {
            throw new RuleViolationException("status_check_needs_a_linked_residence_record",
                    "case.status-check.no-residence-record");
        }
        if (!linkConfirmed()) {
            throw new RuleViolationException("status_check_needs_a_confirmed_link", "case.status-check.link-not-confirmed");
        }
        LocalDate today = LocalDate.now(clock);
        List<Consents.Consent> forResidenceMatters =
                consents.covering(CaseAggregate.IMMIGRATION_OFFICE, ConsentPurpose.RESIDENCE_MATTERS, today).toList();
        if (forResidenceMatters.isEmpty()) {
            throw new RuleViolationException("status_check_needs_consent_for_the_immigration_office",
                    "case.status-check.no-consent");
        }
        ConsentId consent = forResidenceMatters.stream()
                .filter(c -> c.categories().contains(DataCategory.RESIDENCE_STATUS))
                .findFirst()
                .map(Consents.Consent::id)
                .orElseThrow(() -> new RuleViolationException("status_check_needs_consent_releasing_the_residence_status",
                        "case.status-check.no-residence-status-category"));
        apply(new StatusCheckRequestedEvent(caseRef.id(), command.statusCheckId(), residenceRecordId, consent, today));
    }

    /**
     * Takes in the office's answer to a status check of this case, once. The answer is kept only
     * while a consent for the office's residence matters still releases the residence status and
     * the client is not erased; else only the fact that it came is recorded. An answer sealed for
     * another subject than this case's client is not this client's and is not kept either.
     */
    @CommandHandler
    void handle(RecordStatusCheckAnswerCommand command, Clock clock) {
        if (!hasStatusCheck(command.statusCheckId())) {
            throw new NotFoundException("case.status-check.not-found");
        }
        if (answered(command.statusCheckId())) {
            return;
        }
        boolean released = !erased.getAsBoolean() && command.answer() != null && command.answer().subject().equals(caseRef.id().value())
                && consents.covering(CaseAggregate.IMMIGRATION_OFFICE, ConsentPurpose.RESIDENCE_MATTERS, LocalDate.now(clock))
                .anyMatch(c -> c.categories().contains(DataCategory.RESIDENCE_STATUS));
        apply(new StatusCheckAnsweredEvent(caseRef.id(), command.statusCheckId(), released ? command.answer() : null,
                command.answeredOn()));
    }


    /** Links the record and asks the office to confirm it; a link not confirmed yet may be asked again. */
    @CommandHandler
    void handle(LinkResidenceRecordCommand command) {
        if (command.residenceRecordId().equals(residenceRecordId) && linkConfirmed()) {
            throw new ConflictException("case.residence-record.already-linked");
        }
        apply(new ResidenceRecordLinkedEvent(caseRef.id(), command.residenceRecordId()));
    }

    /** Whether the office confirmed the link to the record now linked. */
    boolean linkConfirmed() {
        return Boolean.TRUE.equals(linkAnswer);
    }

    /** Whether the office gave this answer to the link already. */
    boolean linkAnswered(boolean confirmed) {
        return linkAnswer != null && linkAnswer == confirmed;
    }

    /** The achievements recorded on the case, in the order recorded. */
    Iterable<AchievementRecordedEvent> achievements() {
        return achievements.values();
    }

    /** The residence record the case is linked to; {@code null} for none. */
    String residenceRecordId() {
        return residenceRecordId;
    }

    boolean hasAchievement(AchievementId achievementId) {
        return achievements.containsKey(achievementId);
    }

    boolean hasStatusCheck(StatusCheckId statusCheckId) {
        return statusChecks.contains(statusCheckId);
    }

    boolean answered(StatusCheckId statusCheckId) {
        return answered.contains(statusCheckId);
    }

    @EventSourcingHandler
    void on(ResidenceRecordLinkedEvent e) {
        linkAnswer = linkConfirmed() && e.residenceRecordId().equals(residenceRecordId) ? Boolean.TRUE : null;
        residenceRecordId = e.residenceRecordId();
    }

    @EventSourcingHandler
    void on(ResidenceRecordLinkConfirmedEvent e) {
        linkAnswer = Boolean.TRUE;
    }

    @EventSourcingHandler
    void on(ResidenceRecordLinkRefusedEvent e) {
        linkAnswer = Boolean.FALSE;
    }

    @EventSourcingHandler
    void on(AchievementRecordedEvent e) {
        achievements.put(e.achievementId(), e);
    }

    @EventSourcingHandler
    void on(StatusCheckRequestedEvent e) {
        statusChecks.add(e.statusCheckId());
    }

    @EventSourcingHandler
    void on(StatusCheckAnsweredEvent e) {
        answered.add(e.statusCheckId());
    }
}
