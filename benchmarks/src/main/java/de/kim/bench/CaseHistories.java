package de.kim.bench;

import de.kim.cases.api.*;
import de.kim.contracts.cases.SharedClientData;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.ContactKind;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.platform.privacy.Sealed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static de.kim.bench.InventedPeople.pick;

/**
 * The history of one invented case as case-service's events, in the order a case manager's work
 * would have made them: opening, consent, needs, integration plan, referrals and the partners'
 * answers, measures, counselling contacts with follow-ups, sometimes a hand-over, a generative
 * theme, goals reached, and closure for most cases older than a year and a half. About twenty
 * events per case; the history of a case still open stops at the seeding's day. Everything
 * follows from the case's plan and its own seeded random, so that a seed gives the same data
 * set whatever the number of threads. Personal data and typed texts are sealed with the case's
 * key through the {@link Sealer}, as the service seals them.
 */
final class CaseHistories {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Where case-service's answers of partners come from (its listener's principal). */
    static final String PARTNER_ANSWERS = "case-service.partner-answers";
    /** The actor of the consent expiry job (case-service's {@code ConsentExpiryJob}). */
    static final String CONSENT_EXPIRY = "consent-expiry-job";
    static final int CONSENT_YEARS = 2;
    /** What a client's consent releases to the partner; a referral under it shares all of it, as the service does. */
    static final java.util.Set<DataCategory> CONSENTED = EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT,
            DataCategory.LANGUAGES, DataCategory.NEEDS);
    static final List<String> THEMES = List.of("NO_LANGUAGE_COURSE_WITH_CHILDCARE", "NO_AFFORDABLE_HOUSING",
            "LONG_WAIT_FOR_RECOGNITION", "NO_CHILDCARE_PLACE", "DIGITAL_ACCESS_BARRIER", "POOR_PUBLIC_TRANSPORT",
            "NO_INTERPRETER", "WAITING_FOR_APPOINTMENT");
    private static final List<String> NOTES = List.of("Gespräch zur Wohnsituation, Unterlagen für den Wohnberechtigungsschein besprochen.",
            "Rückmeldung zum Sprachkurs: regelmäßige Teilnahme, Prüfung B1 geplant.",
            "Termin beim Jobcenter vorbereitet, Lebenslauf gemeinsam überarbeitet.",
            "Kita-Anmeldung für das jüngere Kind, Wartelistenplatz bestätigt.",
            "Anerkennung des Berufsabschlusses: Unterlagen zur Übersetzung gegeben.",
            "Hausbesuch: Familie gut angekommen, Fragen zur Schulanmeldung geklärt.",
            "Telefonat: Bescheid der Ausländerbehörde erläutert, nächste Schritte vereinbart.");

    /** Seals a value with the key of a person (the case), as {@code PersonalDataVault#seal} does. */
    interface Sealer {
        Sealed seal(String tenant, String subject, Object value);
    }

    /** What is decided of a case before its history is written: whose it is, when it opened and closed, its number. */
    record Plan(long seed, String caseId, String tenant, String caseNumber, String town, LocalDate openedOn,
                LocalDate closedOn, String assignee, String firstAssignee, int contacts, String familyName) {

        boolean open() {
            return closedOn == null;
        }
    }

    /** One event of the history: its payload, who made it, and when. */
    record Event(Object payload, String actor, Instant at) {
    }

    /** How cases ended, as often as case managers record them: most reach their goals. */
    private static final List<CaseOutcome> OUTCOMES = List.of(CaseOutcome.GOALS_REACHED, CaseOutcome.GOALS_REACHED,
            CaseOutcome.GOALS_REACHED, CaseOutcome.MOVED_AWAY, CaseOutcome.NO_CONTACT, CaseOutcome.HANDED_TO_REGULAR_SERVICE);

    private final Sealer sealer;
    private final LocalDate today;
    private final String partnerOf;
    private final boolean closedBriefly;

    /**
     * @param partnerOf     the partner the tenant's consents and referrals name, e.g. {@code demo-partner-}
     *                      followed by the tenant's short name
     * @param closedBriefly whether a closed case gets only its opening and closure (a large store whose
     *                      lists and searches are measured, seeded in a fraction of the time); open cases
     *                      always get their whole history
     */
    CaseHistories(Sealer sealer, LocalDate today, String partnerOf, boolean closedBriefly) {
        this.sealer = sealer;
        this.today = today;
        this.partnerOf = partnerOf;
        this.closedBriefly = closedBriefly;
    }

    /** A case id that looks like the service's (a random UUID), drawn from the seeded random. */
    static String uuid(Random random) {
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The events of the planned case, oldest first, none after today. */
    List<Event> history(Plan plan) {
        if (closedBriefly && !plan.open()) {
            return openedAndClosed(plan);
        }
        Random random = new Random(plan.seed());
        String tenant = plan.tenant();
        CaseId caseId = new CaseId(plan.caseId());
        LocalDate end = plan.open() ? today : plan.closedOn();
        List<Pending> pending = new ArrayList<>();
        int[] order = {0};
        java.util.function.BiConsumer<LocalDate, Supplier<Event>> at = (day, event) -> {
            if (!day.isAfter(end)) {
                pending.add(new Pending(day, order[0]++, event));
            }
        };
        String manager = plan.firstAssignee();
        LocalDate opened = plan.openedOn();
        ClientProfile client = client(random, plan.town(), opened, plan.familyName());
        TargetGroup targetGroup = pick(random, List.of(TargetGroup.values()));
        AccessRoute route = pick(random, List.of(AccessRoute.values()));
        at.accept(opened, () -> event(random, manager, opened, new CaseOpenedEvent(caseId, tenant, plan.caseNumber(),
                sealer.seal(tenant, caseId.value(), client), plan.town(), targetGroup, route, manager, opened)));

        String partner = partnerOf + tenant.substring(tenant.indexOf('-') + 1);
        ConsentId consent = new ConsentId(uuid(random));
        LocalDate consentOn = opened.plusDays(random.nextInt(4));
        at.accept(consentOn, () -> event(random, manager, consentOn, new ConsentRecordedEvent(caseId, consent, partner,
                EnumSet.of(ConsentPurpose.REFERRAL, ConsentPurpose.COORDINATION),
                EnumSet.copyOf(CONSENTED), random.nextBoolean() ? ConsentForm.WRITTEN : ConsentForm.ELECTRONIC, consentOn, consentOn.plusYears(CONSENT_YEARS),
                text(tenant, caseId, "Einwilligung vom " + consentOn + ", Original in der Papierakte"))));

        List<FieldOfAction> fields = new ArrayList<>(List.of(FieldOfAction.values()));
        java.util.Collections.shuffle(fields, random);
        int needCount = 2 + random.nextInt(2);
        List<NeedId> needs = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        LocalDate assessedOn = consentOn.plusDays(1 + random.nextInt(7));
        for (int n = 0; n < needCount; n++) {
            NeedId need = new NeedId(uuid(random));
            FieldOfAction field = fields.get(n);
            String description = "Bedarf im Handlungsfeld " + field + ": " + pick(random, NOTES);
            needs.add(need);
            descriptions.add(description);
            at.accept(assessedOn, () -> event(random, manager, assessedOn, new NeedAssessedEvent(caseId, need, field,
                    pick(random, List.of(Priority.values())), text(tenant, caseId, description), assessedOn)));
        }
        LocalDate agreedOn = assessedOn.plusDays(3 + random.nextInt(12));
        List<IntegrationPlanAgreedEvent.AgreedGoal> goals = new ArrayList<>();
        for (int n = 0; n < needCount; n++) {
            goals.add(new IntegrationPlanAgreedEvent.AgreedGoal(new GoalId(uuid(random)), fields.get(n), null,
                    agreedOn.plusMonths(6 + random.nextInt(7))));
        }
        at.accept(agreedOn, () -> event(random, manager, agreedOn, new IntegrationPlanAgreedEvent(caseId,
                goals.stream().map(g -> new IntegrationPlanAgreedEvent.AgreedGoal(g.goalId(), g.fieldOfAction(),
                        text(tenant, caseId, "Ziel: " + g.fieldOfAction() + " bis " + g.targetDate()), g.targetDate()))
                        .toList(), agreedOn)));

        int referrals = 1 + (random.nextInt(3) == 0 ? 1 : 0);
        for (int n = 0; n < referrals; n++) {
            SharedClientData shared = new SharedClientData(client.givenName(), client.familyName(),
                    client.dateOfBirth(), client.languages(), client.contact().phone(), client.contact().email(),
                    client.contact().address(), client.town(), descriptions.get(n));
            referral(random, at, manager, tenant, caseId, partner, consent, needs.get(n), fields.get(n), shared,
                    agreedOn.plusDays(2 + random.nextInt(20)));
        }
        LocalDate day = agreedOn;
        long step = Math.max(plan.contacts() > 50 ? 1 : 7, java.time.temporal.ChronoUnit.DAYS.between(agreedOn, end) / (plan.contacts() + 1));
        for (int n = 0; n < plan.contacts(); n++) {
            day = day.plusDays(step / 2 + random.nextInt((int) Math.min(step, 365)));
            contact(random, at, manager, tenant, caseId, day, plan.assignee());
        }
        if (!plan.assignee().equals(manager)) {
            LocalDate handedOn = opened.plusDays(30 + random.nextInt(120));
            at.accept(handedOn, () -> event(random, manager, handedOn, new CaseHandedOverEvent(caseId, manager,
                    plan.assignee(), text(tenant, caseId, "Übergabe wegen Zuständigkeitswechsel"))));
        }
        if (random.nextInt(7) == 0) {
            LocalDate taggedOn = agreedOn.plusDays(random.nextInt(60));
            at.accept(taggedOn, () -> event(random, plan.assignee(), taggedOn,
                    new ThemeTaggedEvent(caseId, pick(random, THEMES), null)));
        }
        CaseOutcome outcome = plan.open() ? null : pick(random, OUTCOMES);
        if (outcome == CaseOutcome.GOALS_REACHED || (plan.open() && random.nextBoolean())) {
            IntegrationPlanAgreedEvent.AgreedGoal goal = goals.get(0);
            LocalDate planned = plan.open() ? goal.targetDate() : plan.closedOn().minusDays(1 + random.nextInt(20));
            LocalDate achievedOn = planned.isAfter(agreedOn) ? planned : agreedOn.plusDays(1);
            at.accept(achievedOn, () -> event(random, plan.assignee(), achievedOn,
                    new GoalAchievedEvent(caseId, goal.goalId(), goal.fieldOfAction(), achievedOn)));
        }
        // The consent expiry job ends a consent past its last day, in a closed case too.
        LocalDate expiredOn = consentOn.plusYears(CONSENT_YEARS).plusDays(1);
        Supplier<Event> expiry = () -> event(random, CONSENT_EXPIRY, expiredOn,
                new ConsentExpiredEvent(caseId, consent, partner, expiredOn));
        at.accept(expiredOn, expiry);
        pending.sort(Comparator.comparing(Pending::day).thenComparingInt(Pending::order));
        List<Event> events = new ArrayList<>(pending.size() + 1);
        pending.forEach(p -> events.add(p.event().get()));
        if (!plan.open()) {
            LocalDate closedOn = plan.closedOn();
            events.add(event(random, plan.assignee(), closedOn, new CaseClosedEvent(caseId, outcome,
                    text(tenant, caseId, "Abschluss: " + outcome), closedOn)));
        }
        if (!plan.open() && expiredOn.isAfter(plan.closedOn()) && !expiredOn.isAfter(today)) {
            events.add(expiry.get());
        }
        return inOrderOfTime(events);
    }

    /** A closed case's opening and closure, nothing in between. */
    private List<Event> openedAndClosed(Plan plan) {
        Random random = new Random(plan.seed());
        String tenant = plan.tenant();
        CaseId caseId = new CaseId(plan.caseId());
        String manager = plan.firstAssignee();
        LocalDate opened = plan.openedOn();
        ClientProfile client = client(random, plan.town(), opened, plan.familyName());
        TargetGroup targetGroup = pick(random, List.of(TargetGroup.values()));
        AccessRoute route = pick(random, List.of(AccessRoute.values()));
        CaseOutcome outcome = pick(random, OUTCOMES);
        LocalDate closedOn = plan.closedOn();
        return inOrderOfTime(new ArrayList<>(List.of(
                event(random, manager, opened, new CaseOpenedEvent(caseId, tenant, plan.caseNumber(),
                        sealer.seal(tenant, caseId.value(), client), plan.town(), targetGroup, route, manager, opened)),
                event(random, manager, closedOn, new CaseClosedEvent(caseId, outcome,
                        text(tenant, caseId, "Abschluss: " + outcome), closedOn)))));
    }

    private void referral(Random random, java.util.function.BiConsumer<LocalDate, Supplier<Event>> at, String manager,
                          String tenant, CaseId caseId, String partner, ConsentId consent, NeedId need,
                          FieldOfAction field, SharedClientData shared, LocalDate madeOn) {
        ReferralId referral = new ReferralId(uuid(random));
        String offer = "offer-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        at.accept(madeOn, () -> event(random, manager, madeOn, new ReferralMadeEvent(caseId, referral, partner, offer,
                need, field, consent, EnumSet.copyOf(CONSENTED), sealer.seal(tenant, caseId.value(), shared),
                text(tenant, caseId, "Bitte um Kontaktaufnahme, Sprachmittlung erwünscht"), madeOn)));
        int answer = random.nextInt(10);
        LocalDate answeredOn = madeOn.plusDays(2 + random.nextInt(9));
        if (answer < 7) {
            at.accept(answeredOn, () -> event(random, PARTNER_ANSWERS, answeredOn,
                    new ReferralAcceptedEvent(caseId, referral, partner, instant(random, answeredOn))));
            MeasureId measure = new MeasureId(uuid(random));
            LocalDate from = answeredOn.plusDays(7 + random.nextInt(21));
            at.accept(answeredOn.plusDays(1), () -> event(random, manager, answeredOn.plusDays(1),
                    new MeasureRecordedEvent(caseId, measure, measureFor(field), need, pick(random,
                            List.of(LegalDomain.SGB_II, LegalDomain.SGB_II, LegalDomain.SGB_III, LegalDomain.AUFENTHG,
                                    LegalDomain.SGB_VIII)), from, from.plusMonths(3 + random.nextInt(6)),
                            text(tenant, caseId, "Träger der Maßnahme"), false)));
            if (random.nextInt(10) < 6) {
                LocalDate completedOn = from.plusMonths(3 + random.nextInt(4));
                at.accept(completedOn, () -> event(random, PARTNER_ANSWERS, completedOn, new ReferralCompletedEvent(
                        caseId, referral, partner, text(tenant, caseId, "Maßnahme erfolgreich abgeschlossen"),
                        instant(random, completedOn))));
            }
        } else if (answer < 9) {
            at.accept(answeredOn, () -> event(random, PARTNER_ANSWERS, answeredOn, new ReferralDeclinedEvent(caseId,
                    referral, partner, text(tenant, caseId, "Kein freier Platz vor dem nächsten Quartal"),
                    instant(random, answeredOn))));
        }
    }

    /** A counselling contact; every other one leaves a follow-up, done on its day unless it lies ahead. */
    private void contact(Random random, java.util.function.BiConsumer<LocalDate, Supplier<Event>> at, String manager,
                         String tenant, CaseId caseId, LocalDate day, String assignee) {
        ContactKind kind = pick(random, List.of(ContactKind.IN_PERSON, ContactKind.IN_PERSON, ContactKind.PHONE,
                ContactKind.PHONE, ContactKind.VIDEO, ContactKind.HOME_VISIT, ContactKind.ACCOMPANIMENT, ContactKind.EMAIL));
        boolean interpreter = random.nextInt(3) == 0;
        at.accept(day, () -> event(random, manager, day, new ContactRecordedEvent(caseId, new ContactId(uuid(random)),
                day, kind, 15 + 15 * random.nextInt(6),
                interpreter ? sealer.seal(tenant, caseId.value(), pick(random, InventedPeople.LANGUAGES)) : null,
                text(tenant, caseId, "Klientin/Klient" + (random.nextInt(4) == 0 ? ", Familienangehörige" : "")),
                text(tenant, caseId, pick(random, NOTES)))));
        if (random.nextBoolean()) {
            FollowUpId followUp = new FollowUpId(uuid(random));
            LocalDate due = day.plusDays(7 + random.nextInt(21));
            at.accept(day, () -> event(random, manager, day, new FollowUpScheduledEvent(caseId, followUp, due,
                    text(tenant, caseId, "Nachfassen: " + pick(random, NOTES)), assignee)));
            if (!due.isAfter(today)) {
                at.accept(due, () -> event(random, assignee, due, new FollowUpCompletedEvent(caseId, followUp, due)));
            }
        }
    }

    private static MeasureKind measureFor(FieldOfAction field) {
        return switch (field) {
            case LANGUAGE -> MeasureKind.LANGUAGE_COURSE;
            case TRAINING_WORK -> MeasureKind.JOB_COACHING;
            case HOUSING -> MeasureKind.HOUSING_SUPPORT;
            case HEALTH -> MeasureKind.HEALTH_SUPPORT;
            case FAMILY_CHILDREN -> MeasureKind.CHILDCARE;
            case EDUCATION_SCHOOL -> MeasureKind.VOCATIONAL_TRAINING;
            default -> MeasureKind.COUNSELLING;
        };
    }

    private ClientProfile client(Random random, String town, LocalDate opened, String familyName) {
        String drawn = pick(random, InventedPeople.FAMILY_NAMES);
        String family = familyName != null ? familyName : drawn;
        String given = pick(random, InventedPeople.GIVEN_NAMES);
        LocalDate born = opened.minusYears(16 + random.nextInt(50)).minusDays(random.nextInt(365));
        List<String> languages = new ArrayList<>(List.of(pick(random, InventedPeople.LANGUAGES)));
        if (random.nextBoolean()) {
            languages.add(random.nextBoolean() ? "de" : "en");
        }
        String handle = InventedPeople.fold(given) + "." + InventedPeople.fold(family);
        return new ClientProfile(given, family, born, pick(random, InventedPeople.NATIONALITIES), languages, town,
                new ClientProfile.Contact("0" + (2100 + random.nextInt(100)) + " " + (100000 + random.nextInt(900000)),
                        random.nextInt(3) == 0 ? handle + "@example.org" : null,
                        pick(random, InventedPeople.STREETS) + " " + (1 + random.nextInt(120)) + ", " + town));
    }

    /** Events of one day come in the order of the work; their moments are made to follow each other so. */
    private static List<Event> inOrderOfTime(List<Event> events) {
        List<Event> ordered = new ArrayList<>(events.size());
        Instant last = Instant.MIN;
        for (Event e : events) {
            Instant at = e.at().isAfter(last) ? e.at() : last.plusSeconds(60);
            ordered.add(at == e.at() ? e : new Event(e.payload(), e.actor(), at));
            last = at;
        }
        return ordered;
    }

    private Sealed text(String tenant, CaseId caseId, String text) {
        return sealer.seal(tenant, caseId.value(), text);
    }

    private static Event event(Random random, String actor, LocalDate day, Object payload) {
        return new Event(payload, actor, instant(random, day));
    }

    /** A moment of office hours on that day. */
    private static Instant instant(Random random, LocalDate day) {
        return day.atTime(LocalTime.of(8 + random.nextInt(9), random.nextInt(60), random.nextInt(60)))
                .atZone(BERLIN).toInstant();
    }

    private record Pending(LocalDate day, int order, Supplier<Event> event) {
    }
}
