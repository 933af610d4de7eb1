package de.kim.cases.command;

import de.kim.cases.api.AchievementId;
import de.kim.cases.api.AchievementSharedEvent;
import de.kim.cases.api.ConsentExpiredEvent;
import de.kim.cases.api.ConsentId;
import de.kim.cases.api.ConsentRecordedEvent;
import de.kim.cases.api.ConsentRevokedEvent;
import de.kim.cases.api.ExpireConsentCommand;
import de.kim.cases.api.RecordConsentCommand;
import de.kim.cases.api.RevokeConsentCommand;
import de.kim.cases.api.SharedAchievementsWithdrawnEvent;
import de.kim.cases.privacy.CaseTexts;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The consents of a case (who may receive which data, for what, from when to when) and what went
 * to the immigration office under each. Referrals and the immigration office's part ask it which
 * consent covers them; when a consent ends, what went under it is withdrawn.
 */
class Consents {

    private final CaseRef caseRef;
    private final Map<ConsentId, Consent> consents = new HashMap<>();
    /** Achievements the immigration office holds: the consent they went under and the record they went to. */
    private final Map<AchievementId, Shared> sharedAchievements = new LinkedHashMap<>();

    /** A consent as the rules need it: whether it covers a recipient and purpose on a day. */
    record Consent(ConsentId id, String recipient, Set<ConsentPurpose> purposes, Set<DataCategory> categories,
                   LocalDate givenOn, LocalDate validUntil, boolean revoked, boolean expired) {
        boolean covers(String partner, ConsentPurpose purpose, LocalDate day) {
            return !revoked && !expired && recipient.equals(partner) && purposes.contains(purpose)
                    && !day.isBefore(givenOn) && !day.isAfter(validUntil);
        }

        Consent ended(boolean byRevocation) {
            return new Consent(id, recipient, purposes, categories, givenOn, validUntil, revoked || byRevocation,
                    expired || !byRevocation);
        }
    }

    /** An achievement the immigration office holds: the consent it went under and the record it went to. */
    record Shared(ConsentId consent, String residenceRecordId) {
    }

    Consents(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(RecordConsentCommand command, Clock clock, CaseTexts texts) {
        LocalDate today = LocalDate.now(clock);
        if (consents.containsKey(command.consentId())) {
            throw new ConflictException("case.consent.exists");
        }
        if (command.givenOn().isAfter(today)) {
            throw new InvalidInputException("givenOn", "case.consent.given-in-future");
        }
        if (!command.validUntil().isAfter(command.givenOn())) {
            throw new InvalidInputException("validUntil", "case.consent.ends-before-it-starts");
        }
        if (CaseAggregate.IMMIGRATION_OFFICE.equals(command.recipient())
                && command.dataCategories().contains(DataCategory.YOUTH_WELFARE_ENTRUSTED)) {
            throw new RuleViolationException("youth_welfare_data_never_goes_to_the_immigration_office",
                    "case.consent.youth-welfare-to-immigration-office");
        }
        apply(new ConsentRecordedEvent(caseRef.id(), command.consentId(), command.recipient(),
                Set.copyOf(command.purposes()), Set.copyOf(command.dataCategories()), command.form(),
                command.givenOn(), command.validUntil(), caseRef.seal(texts, command.evidenceReference())));
    }

    @CommandHandler
    void handle(RevokeConsentCommand command, Clock clock) {
        Consent consent = consent(command.consentId());
        if (consent.revoked()) {
            throw new ConflictException("case.consent.already-revoked");
        }
        if (consent.expired()) {
            throw new ConflictException("case.consent.expired");
        }
        LocalDate today = LocalDate.now(clock);
        apply(new ConsentRevokedEvent(caseRef.id(), command.consentId(), consent.recipient(), today));
        withdrawSharedAchievements(command.consentId(), today);
    }

    /**
     * Ends a consent the day after its last day of validity, as a revocation would: its recipient
     * learns it (the same Kafka path) and deletes what it holds under it. Also for a closed or
     * erased case: the recipient's copy has to go all the same.
     */
    @CommandHandler
    void handle(ExpireConsentCommand command, Clock clock) {
        Consent consent = consent(command.consentId());
        if (consent.revoked() || consent.expired()) {
            throw new ConflictException("case.consent.ended");
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(consent.validUntil())) {
            throw new RuleViolationException("a_consent_expires_after_its_last_valid_day", "case.consent.still-valid");
        }
        apply(new ConsentExpiredEvent(caseRef.id(), command.consentId(), consent.recipient(), today));
        withdrawSharedAchievements(command.consentId(), today);
    }

    /** The consents that cover the recipient for the purpose on the day. */
    Stream<Consent> covering(String recipient, ConsentPurpose purpose, LocalDate day) {
        return consents.values().stream().filter(c -> c.covers(recipient, purpose, day));
    }

    /** The consent, if it has neither been revoked nor expired and is valid on the day. */
    Optional<Consent> inForce(ConsentId consentId, LocalDate day) {
        return Optional.ofNullable(consents.get(consentId))
                .filter(c -> !c.revoked() && !c.expired() && !day.isBefore(c.givenOn()) && !day.isAfter(c.validUntil()));
    }

    /** Where the immigration office holds the achievement, and under which consent. */
    Optional<Shared> sharedAchievement(AchievementId achievement) {
        return Optional.ofNullable(sharedAchievements.get(achievement));
    }

    private Consent consent(ConsentId consentId) {
        Consent consent = consents.get(consentId);
        if (consent == null) {
            throw new NotFoundException("case.consent.not-found");
        }
        return consent;
    }

    /**
     * The immigration office removes what it received under a consent that ended: one event per
     * record the achievements went to (a case may have been linked to another record since).
     */
    private void withdrawSharedAchievements(ConsentId consent, LocalDate today) {
        Map<String, List<AchievementId>> byRecord = new LinkedHashMap<>();
        sharedAchievements.forEach((achievement, shared) -> {
            if (shared.consent().equals(consent)) {
                byRecord.computeIfAbsent(shared.residenceRecordId(), r -> new ArrayList<>()).add(achievement);
            }
        });
        byRecord.forEach((record, underIt) ->
                apply(new SharedAchievementsWithdrawnEvent(caseRef.id(), consent, record, underIt, today)));
    }

    @EventSourcingHandler
    void on(ConsentRecordedEvent e) {
        consents.put(e.consentId(), new Consent(e.consentId(), e.recipient(), e.purposes(), e.dataCategories(),
                e.givenOn(), e.validUntil(), false, false));
    }

    @EventSourcingHandler
    void on(ConsentRevokedEvent e) {
        consents.computeIfPresent(e.consentId(), (k, c) -> c.ended(true));
    }

    @EventSourcingHandler
    void on(ConsentExpiredEvent e) {
        consents.computeIfPresent(e.consentId(), (k, c) -> c.ended(false));
    }

    @EventSourcingHandler
    void on(AchievementSharedEvent e) {
        sharedAchievements.put(e.achievementId(), new Shared(e.consentId(), e.residenceRecordId()));
    }

    @EventSourcingHandler
    void on(SharedAchievementsWithdrawnEvent e) {
        e.achievementIds().forEach(sharedAchievements::remove);
    }
}
