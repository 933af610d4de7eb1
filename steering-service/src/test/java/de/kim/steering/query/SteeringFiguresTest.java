package de.kim.steering.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.contracts.EventType;
import de.kim.contracts.Fixtures;
import de.kim.contracts.cases.CaseClosed;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.contracts.cases.ContactRecorded;
import de.kim.contracts.cases.NeedAssessed;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ThemeTagged;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.partners.ReferralAccepted;
import de.kim.contracts.partners.ReferralDeclined;
import de.kim.contracts.partners.ReferralReminderDue;
import de.kim.local.EmbeddedInfra;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.UnprocessableRecordException;
import de.kim.steering.query.SteeringFigures.CaseFigures;
import de.kim.steering.query.SteeringFigures.Gap;
import de.kim.steering.query.SteeringFigures.GroupBy;
import de.kim.steering.query.ReferralFlows.ReferralFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The figures of a small scenario on the real Mongo-wire server, fed with the publishers'
 * pinned fixtures, each expectation computed by hand in the comments.
 */
class SteeringFiguresTest {

    private static final String TENANT = "kreis-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final MongoClient client = MongoClients.create(EmbeddedInfra.shared().mongo().connectionString());
    private final String home = "steering-figures-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final FactsDatabase database = new FactsDatabase(client, new MongoTemplate(client, home));
    private final SteeringProjection projection = new SteeringProjection(database);
    static final java.time.Clock DECEMBER = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T09:00:00Z"),
            java.time.ZoneId.of("Europe/Berlin"));
    private static final ReportingPeriod YEAR = ReportingPeriod.year(2026);
    private final SteeringFigures figures = figures(database, false);
    private final ReferralFlows referralFlows = new ReferralFlows(figures);

    static SteeringFigures figures(FactsDatabase database, boolean workloadByPerson) {
        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new SteeringFigures(database, new FigureLabels(messages), DECEMBER, 5, workloadByPerson);
    }
    private final EnvelopeCodec codec = new EnvelopeCodec(JSON);
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void scenario() {
        events.clear();
        event(PartnerRegistered.TYPE, "p1", 0, "2026-08-01", Map.of("partnerId", "p1", "name", "VHS Velbert"));
        event(OfferPublished.TYPE, "p1", 1, "2026-08-01", Map.of("partnerId", "p1", "offerId", "o1",
                "fieldOfAction", "LANGUAGE", "town", "Velbert", "online", false, "capacity", 1));
        event(OfferPublished.TYPE, "p1", 2, "2026-08-01", Map.of("partnerId", "p1", "offerId", "o2",
                "fieldOfAction", "HOUSING", "town", "Mettmann", "online", true, "capacity", 5));
        // Five cases in Velbert in September, two in Hilden in October.
        for (int i = 1; i <= 5; i++) {
            String c = "c" + i;
            opened(c, "Velbert", LocalDate.of(2026, 9, i));
            event(NeedAssessed.TYPE, c, 1, "2026-09-0" + i, Map.of("caseId", c, "needId", "n" + i,
                    "fieldOfAction", "LANGUAGE", "priority", "HIGH"));
            // First referral 2, 4, 6, 8, 10 days after opening; the first two as older records (version 2) still on the topic.
            event(i <= 2 ? ReferralMade.VERSION_2 : ReferralMade.TYPE, c, 2, "2026-09-20", Map.of("caseId", c, "referralId", "r" + i, "partnerId", "p1",
                    "offerId", "o1", "needId", "n" + i, "fieldOfAction", "LANGUAGE",
                    "madeOn", LocalDate.of(2026, 9, i).plusDays(2L * i).toString()));
        }
        opened("c6", "Hilden", LocalDate.of(2026, 10, 1));
        opened("c7", "Hilden", LocalDate.of(2026, 10, 2));
        event(NeedAssessed.TYPE, "c6", 1, "2026-10-01", Map.of("caseId", "c6", "needId", "n6",
                "fieldOfAction", "HOUSING", "priority", "LOW"));
        event(ReferralAccepted.TYPE, "p1", 3, "2026-09-21", Map.of("referralId", "r1", "caseId", "c1", "partnerId", "p1",
                "offerId", "o1"));
        for (int i = 2; i <= 4; i++) {
            event(ReferralDeclined.TYPE, "p1", 2 + i, "2026-09-22", Map.of("referralId", "r" + i, "caseId", "c" + i,
                    "partnerId", "p1", "reason", "NO_CAPACITY"));
        }
        event(CaseClosed.TYPE, "c1", 3, "2026-10-10", Map.of("caseId", "c1", "outcome", "GOALS_REACHED",
                "closedOn", "2026-10-10"));
        for (int i = 1; i <= 6; i++) {
            event(ThemeTagged.TYPE, "c" + i, 9, "2026-10-11", Map.of("caseId", "c" + i, "themeCode", "NO_AFFORDABLE_HOUSING"));
        }
        event(ThemeTagged.TYPE, "c7", 9, "2026-10-11", Map.of("caseId", "c7", "themeCode", "OTHER"));
        events.forEach(json -> projection.apply(codec.decode(json)));
    }

    @Test
    void cases_opened_by_month_suppress_the_small_month_and_its_complement() {
        CaseFigures f = figures.figures(figures.load(TENANT), YEAR, null, GroupBy.MONTH);
        // 7 opened: September 5, October 2. October is suppressed; September withheld too, or 7 - 5 would
        // reveal it; the row "nicht ausgewiesen" holds both, so the groups add up to the total.
        assertThat(f.casesOpened().total().count()).isEqualTo(7);
        assertThat(f.casesOpened().groups()).extracting(Figure.Group::key)
                .containsExactly("2026-09", "2026-10", Figure.SUPPRESSED);
        assertThat(f.casesOpened().groups()).extracting(Figure.Group::label)
                .containsExactly("September 2026", "Oktober 2026", "nicht ausgewiesen");
        assertThat(f.casesOpened().groups()).extracting(g -> g.value().display()).containsExactly("x", "<5", "7");
        // One case closed: suppressed. Six open at the end of the period (today, 1 December): c2..c7.
        assertThat(f.casesClosed().total().display()).isEqualTo("<5");
        assertThat(f.casesOpen().total().count()).isEqualTo(6);
    }

    @Test
    void days_from_opening_to_first_referral_give_median_and_90th_percentile() {
        // Days 2, 4, 6, 8, 10: median 6; 90th percentile at rank 3.6 between 8 and 10 = 9.2.
        Durations d = figures.figures(figures.load(TENANT), YEAR, null, GroupBy.MONTH).openingToFirstReferral();
        assertThat(d.cases().display()).isEqualTo("mindestens 5");
        assertThat(d.medianDays()).isEqualTo(6.0);
        assertThat(d.p90Days()).isCloseTo(9.2, org.assertj.core.data.Offset.offset(1e-9));
        // Only one case closed: no durations for fewer than five.
        assertThat(figures.figures(figures.load(TENANT), YEAR, null, GroupBy.MONTH).openingToClosure().medianDays()).isNull();
    }

    @Test
    void a_period_and_a_town_cut_the_figures() {
        CaseFigures october = figures.figures(figures.load(TENANT), ReportingPeriod.month(java.time.YearMonth.of(2026, 10)),
                "Hilden", GroupBy.TOWN);
        assertThat(october.casesOpened().total().display()).isEqualTo("<5");
        // Needs: Velbert 5, Hilden 1. The table by town withholds Velbert (else 6 - 5 gives Hilden away),
        // and the filter for Velbert shows that very cell, not its count.
        CaseFigures byTown = figures.figures(figures.load(TENANT), YEAR, null, GroupBy.TOWN);
        assertThat(byTown.needsAssessed().groups()).extracting(Figure.Group::key, g -> g.value().display())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Hilden", "<5"),
                        org.assertj.core.groups.Tuple.tuple("Velbert", "x"),
                        org.assertj.core.groups.Tuple.tuple(Figure.SUPPRESSED, "6"));
        assertThat(figures.figures(figures.load(TENANT), YEAR, "Velbert", GroupBy.TOWN).needsAssessed().total().display())
                .isEqualTo("x");
    }

    @Test
    void referral_flows_count_answers_per_partner_and_field() {
        List<ReferralFlow> flows = referralFlows.of(figures.load(TENANT), YEAR, null);
        assertThat(flows).hasSize(1);
        ReferralFlow flow = flows.get(0);
        assertThat(flow.partnerName()).isEqualTo("VHS Velbert");
        assertThat(flow.made().count()).isEqualTo(5);
        assertThat(flow.accepted().display()).isEqualTo("<5");
        assertThat(flow.declined().display()).isEqualTo("<5");
        assertThat(flow.completed().display()).isEqualTo("0");
        assertThat(flow.fieldLabel()).isEqualTo("Sprache");
    }

    @Test
    void a_town_and_field_without_an_offer_with_a_free_place_is_a_gap() {
        // Velbert LANGUAGE: 4 open needs (c1 is closed), the only offer's one place is taken. Hilden HOUSING is served online.
        List<Gap> gaps = figures.gaps(figures.load(TENANT));
        assertThat(gaps).extracting(Gap::town, Gap::fieldOfAction, Gap::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Velbert", "LANGUAGE", Gap.NO_FREE_OFFER));
        assertThat(gaps.get(0).openNeeds().display()).isEqualTo("<5");
        assertThat(gaps.get(0).declinedReferrals().display()).isEqualTo("<5");
    }

    @Test
    void transitions_out_of_the_chancen_aufenthaltsrecht_are_counted_by_pathway() {
        List<String> more = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String r = "record-" + i;
            more.add(progression(r, 0, null, "DULDUNG", "§ 60a AufenthG", "2022-01-01", null));
            more.add(progression(r, 1, "DULDUNG", "AUFENTHALTSERLAUBNIS", "§ 104c AufenthG", "2023-03-01", "AUFENTHG_104C"));
            more.add(progression(r, 2, "AUFENTHALTSERLAUBNIS", "AUFENTHALTSERLAUBNIS", "§ 25b AufenthG", "2024-08-01",
                    "AUFENTHG_25B"));
        }
        more.forEach(json -> projection.apply(codec.decode(json)));
        more.forEach(json -> projection.apply(codec.decode(json)));
        SteeringFigures.StatusProgressions first = figures.statusProgressions(figures.load(TENANT), ReportingPeriod.year(2022));
        assertThat(first.byTransition().groups()).extracting(Figure.Group::key, Figure.Group::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NONE>DULDUNG", "ohne Status → Duldung"));
        assertThat(first.byPathway().groups()).extracting(Figure.Group::label).containsExactly("ohne Bleibeperspektive");
        SteeringFigures.StatusProgressions p = figures.statusProgressions(figures.load(TENANT), ReportingPeriod.year(2024));
        assertThat(p.byPathway().total().count()).isEqualTo(5);
        assertThat(p.chancenTransitions().total().count()).isEqualTo(5);
        assertThat(p.chancenTransitions().groups()).extracting(Figure.Group::key).containsExactly("AUFENTHG_25B");
    }

    private String progression(String record, long sequence, String from, String to, String basis, String validFrom,
                               String pathway) {
        java.util.Map<String, Object> data = new java.util.HashMap<>();
        data.put("recordId", record);
        data.put("fromStatus", from);
        data.put("toStatus", to);
        data.put("legalBasis", basis);
        data.put("validFrom", validFrom);
        data.put("pathway", pathway);
        event(de.kim.contracts.immigration.ResidenceStatusProgressed.TYPE, record, sequence, validFrom, data);
        return events.remove(events.size() - 1);
    }

    @Test
    void caseload_goals_warnings_and_legal_domain_changes_are_counted_per_case_event_once() throws Exception {
        List<String> more = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            String c = "c" + i;
            more.add(caseEvent(de.kim.contracts.cases.GoalAchieved.TYPE, c, 10, "2026-10-20", Map.of("caseId", c,
                    "goalId", "g" + i, "fieldOfAction", "LANGUAGE", "achievedOn", "2026-10-20")));
            more.add(caseEvent(de.kim.contracts.cases.DoubleFundingWarned.TYPE, c, 11, "2026-10-21", Map.of("caseId", c,
                    "measureId", "m" + i, "kind", "LANGUAGE_COURSE", "fundedBy", "AUFENTHG", "alreadyFundedBy", "SGB_II")));
            more.add(caseEvent(de.kim.contracts.cases.LegalDomainsChanged.TYPE, c, 12, "2026-10-22", Map.of("caseId", c,
                    "previous", List.of("ASYLBLG"), "current", List.of("SGB_II"), "since", "2026-10-22")));
        }
        more.forEach(json -> projection.apply(codec.decode(json)));
        more.forEach(json -> projection.apply(codec.decode(json)));
        CaseFigures f = figures.figures(figures.load(TENANT), YEAR, null, GroupBy.FIELD_OF_ACTION);
        // Goals: c2..c6 reached one each, delivered twice, counted once: 5, all LANGUAGE.
        assertThat(f.goalsReached().total().count()).isEqualTo(5);
        assertThat(f.goalsReached().groups()).extracting(Figure.Group::key, Figure.Group::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LANGUAGE", "Sprache"));
        assertThat(f.doubleFundingWarnings().total().count()).isEqualTo(5);
        // Needs by field: 5 LANGUAGE (c1..c5) and 1 HOUSING (c6): HOUSING suppressed, and LANGUAGE withheld with it.
        assertThat(f.needsAssessed().total().count()).isEqualTo(6);
        assertThat(f.needsAssessed().groups()).extracting(g -> g.value().display()).containsExactly("<5", "x", "6");
        // Caseload: per town, never per case manager (works-council switch off): Hilden 2, Velbert 4.
        assertThat(f.caseload().groups()).extracting(Figure.Group::key).containsExactly("Hilden", "Velbert", Figure.SUPPRESSED);
        assertThat(JSON.writeValueAsString(f)).doesNotContain("cm-anna");
        // Only where the tenant's configuration allows it: the six open cases (c2..c7) are all with cm-anna.
        CaseFigures byPerson = figures(database, true).figures(figures.load(TENANT), YEAR, null, GroupBy.FIELD_OF_ACTION);
        assertThat(byPerson.caseload().groups()).extracting(Figure.Group::key, g -> g.value().count())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cm-anna", 6L));
        CaseFigures byDomain = figures.figures(figures.load(TENANT), YEAR, null, GroupBy.LEGAL_DOMAIN);
        assertThat(byDomain.legalDomainChanges().groups()).extracting(Figure.Group::key, g -> g.value().count())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ASYLBLG>SGB_II", 5L));
    }

    private String caseEvent(EventType type, String caseId, long sequence, String day, Map<String, Object> data) {
        event(type, caseId, sequence, day, data);
        return events.remove(events.size() - 1);
    }

    @Test
    void themes_are_counted_with_free_text_apart() {
        Figure themes = figures.themes(figures.load(TENANT), YEAR);
        assertThat(themes.total().count()).isEqualTo(7);
        assertThat(themes.groups()).extracting(Figure.Group::key).containsExactly("NO_AFFORDABLE_HOUSING", "OTHER",
                Figure.SUPPRESSED);
        assertThat(themes.groups()).extracting(Figure.Group::label).containsExactly("Kein bezahlbarer Wohnraum",
                "Sonstiges Thema (freier Text)", "nicht ausgewiesen");
    }

    @Test
    void counselling_contacts_and_their_hours_are_counted_by_kind_and_a_small_kind_hides_its_hours_too() {
        List<String> contacts = new ArrayList<>();
        events.clear();
        // Six phone calls of 30 minutes in Velbert, two home visits of 90 minutes in Hilden: 8 contacts, 6 hours.
        for (int i = 1; i <= 6; i++) {
            String c = "c" + Math.min(i, 5);
            event(ContactRecorded.TYPE, c, 10 + i, "2026-11-03", Map.of("caseId", c, "contactId", "k" + i,
                    "kind", "PHONE", "durationMinutes", 30, "interpreterUsed", false, "contactOn", "2026-11-03"));
        }
        event(ContactRecorded.TYPE, "c6", 10, "2026-11-04", Map.of("caseId", "c6", "contactId", "k7",
                "kind", "HOME_VISIT", "durationMinutes", 90, "interpreterUsed", true, "contactOn", "2026-11-04"));
        event(ContactRecorded.TYPE, "c7", 10, "2026-11-04", Map.of("caseId", "c7", "contactId", "k8",
                "kind", "HOME_VISIT", "durationMinutes", 90, "interpreterUsed", false, "contactOn", "2026-11-04"));
        contacts.addAll(events);
        contacts.forEach(json -> projection.apply(codec.decode(json)));
        contacts.forEach(json -> projection.apply(codec.decode(json)));
        CounsellingFigures counselling = new CounsellingFigures(figures);

        CounsellingFigures.Counselling byKind = counselling.of(figures.load(TENANT), YEAR, null, "KIND");

        assertThat(byKind.contacts().total().count()).isEqualTo(8);
        assertThat(byKind.hours().total().count()).isEqualTo(6);
        // Two home visits are below 5; the phone calls are withheld with them, else 8 - 6 would give them away.
        assertThat(byKind.contacts().groups()).extracting(g -> g.label() + "=" + g.value().display())
                .containsExactly("Hausbesuch=<5", "Telefonat=x", "nicht ausgewiesen=8");
        assertThat(byKind.hours().groups()).extracting(g -> g.label() + "=" + g.value().display())
                .containsExactly("Hausbesuch=x", "Telefonat=x", "nicht ausgewiesen=6");
        CounsellingFigures.Counselling velbert = counselling.of(figures.load(TENANT), ReportingPeriod.month(
                java.time.YearMonth.of(2026, 11)), "Velbert", "KIND");
        assertThat(velbert.contacts().total().display()).isEqualTo("x");
        assertThat(velbert.hours().total().display()).isEqualTo("x");
    }

    @Test
    void a_contact_of_a_kind_steering_does_not_know_is_refused_and_counts_nothing() {
        events.clear();
        event(ContactRecorded.TYPE, "c1", 20, "2026-11-03", Map.of("caseId", "c1", "contactId", "k1",
                "kind", "CARRIER_PIGEON", "durationMinutes", 30, "interpreterUsed", false, "contactOn", "2026-11-03"));
        assertThatThrownBy(() -> projection.apply(codec.decode(events.get(0))))
                .isInstanceOf(UnprocessableRecordException.class).hasMessageContaining("unknown kind");
        assertThat(new CounsellingFigures(figures).of(figures.load(TENANT), YEAR, null, "KIND").contacts().total()
                .count()).isZero();
    }

    @Test
    void a_corrected_town_moves_the_case_to_it() {
        events.clear();
        event(ClientDataRectified.TYPE, "c7", 20, "2026-11-05", Map.of("caseId", "c7", "town", "Velbert",
                "copies", List.of(), "rectifiedOn", "2026-11-05"));
        projection.apply(codec.decode(events.get(0)));
        // By town before: Velbert 5, Hilden 2; after: Velbert 6, Hilden 1 (the cells as counted, before suppression).
        assertThat(figures.load(TENANT).of(Facts.CaseFact.class)).filteredOn(c -> "Velbert".equals(c.town)).hasSize(6);
        assertThat(figures.load(TENANT).of(Facts.CaseFact.class)).filteredOn(c -> "Hilden".equals(c.town))
                .extracting(c -> c.caseId).containsExactly("c6");
    }

    @Test
    void labels_are_english_when_the_request_asks_for_english() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(figures.themes(figures.load(TENANT), YEAR).groups()).extracting(Figure.Group::label)
                    .containsExactly("No affordable housing", "Other theme (free text)", "not shown");
            assertThat(figures.figures(figures.load(TENANT), YEAR, null, GroupBy.MONTH).casesOpened().groups())
                    .extracting(Figure.Group::label).startsWith("September 2026", "October 2026");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void every_event_delivered_again_changes_no_figure() throws Exception {
        String before = snapshot();
        events.forEach(json -> projection.apply(codec.decode(json)));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_rebuild_from_all_events_gives_the_same_figures() throws Exception {
        String before = snapshot();
        MemoryFactStore memory = new MemoryFactStore();
        events.forEach(json -> projection.apply(codec.decode(json), memory));
        MongoTemplate rebuilt = database.fresh();
        memory.writeTo(rebuilt);
        database.switchTo(rebuilt);
        assertThat(database.activeName()).startsWith(home + "-facts-");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_version_steering_has_no_reader_for_is_refused_and_a_type_it_does_not_read_changes_no_figure() throws Exception {
        String before = snapshot();
        event(ReferralMade.TYPE, "c7", 5, "2026-10-03", Map.of("caseId", "c7", "referralId", "r7", "partnerId", "p1",
                "offerId", "o2", "needId", "n7", "fieldOfAction", "HOUSING", "madeOn", "2026-10-03"));
        // A newer publisher's version of a type steering reads: its shape is not known here.
        ObjectNode newer = (ObjectNode) JSON.readTree(events.get(events.size() - 1));
        newer.put("version", ReferralMade.TYPE.version() + 1);
        ObjectNode reminder = (ObjectNode) JSON.readTree(Fixtures.json(ReferralReminderDue.TYPE));
        reminder.put("tenant", TENANT);

        assertThatThrownBy(() -> projection.apply(codec.decode(JSON.writeValueAsString(newer))))
                .isInstanceOf(UnprocessableRecordException.class)
                .hasMessageContaining("is not one this consumer reads");
        assertThat(projection.apply(codec.decode(JSON.writeValueAsString(reminder)))).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void the_report_to_the_land_lists_the_partners_by_kind_in_words_protected_like_every_table() {
        // p1 of the scenario and five more language course providers, two jobcenters, and one partner
        // known only from a version-1 record (no kind) still on the topic.
        for (int i = 2; i <= 6; i++) {
            partner("p" + i, "LANGUAGE_COURSE_PROVIDER", PartnerRegistered.TYPE);
        }
        partner("p7", "JOBCENTER", PartnerRegistered.TYPE);
        partner("p8", "JOBCENTER", PartnerRegistered.TYPE);
        partner("p9", null, PartnerRegistered.VERSION_1);
        events.subList(events.size() - 8, events.size()).forEach(json -> projection.apply(codec.decode(json)));

        LandReport.Report report = new LandReport(figures, new CounsellingFigures(figures), referralFlows)
                .of(TENANT, "Kreis Test", java.time.Year.of(2026));
        Figure byKind = report.sections().get(4).tables().stream()
                .filter(t -> t.name().equals("activePartnersByKind")).findFirst().orElseThrow().figure();
        assertThat(byKind.total().display()).isEqualTo("9");
        assertThat(byKind.groups()).extracting(Figure.Group::label)
                .containsExactlyInAnyOrder("Sprachkursträger", "Jobcenter", "Art nicht bekannt", "nicht ausgewiesen");
        // Two jobcenters and one partner of unknown kind are small counts: neither is shown.
        assertThat(byKind.groups()).filteredOn(g -> !g.key().equals(Figure.SUPPRESSED))
                .extracting(g -> g.value().display()).doesNotContain("1", "2");
        assertThat(byKind.groups()).filteredOn(g -> g.label().equals("Jobcenter"))
                .extracting(g -> g.value().display()).containsExactly("<5");
        assertThat(byKind.groups().stream().filter(g -> !g.value().suppressed()).mapToLong(g -> g.value().count()).sum())
                .isEqualTo(9);
    }

    private String snapshot() throws Exception {
        return JSON.writeValueAsString(List.of(figures.figures(figures.load(TENANT), YEAR, null, GroupBy.MONTH),
                figures.figures(figures.load(TENANT), YEAR, null, GroupBy.TOWN), referralFlows.of(figures.load(TENANT), YEAR, null),
                figures.gaps(figures.load(TENANT)), figures.themes(figures.load(TENANT), YEAR), figures.statusProgressions(figures.load(TENANT), YEAR)));
    }

    private void partner(String partnerId, String kind, EventType version) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("partnerId", partnerId, "name", "Partner " + partnerId));
        if (kind != null) {
            data.put("kind", kind);
        }
        event(version, partnerId, 0, "2026-08-01", data);
    }

    private void opened(String caseId, String town, LocalDate on) {
        event(CaseOpened.TYPE, caseId, 0, on.toString(), Map.of("caseId", caseId, "town", town,
                "targetGroup", "FAMILIES", "accessRoute", "SELF", "assignee", "cm-anna", "openedOn", on.toString()));
    }

    /** An envelope from the publisher's pinned fixture, with this scenario's ids and values. */
    private void event(EventType type, String aggregateId, long sequence, String day, Map<String, Object> data) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(Fixtures.json(type));
            envelope.put("id", UUID.randomUUID().toString()).put("tenant", TENANT).put("aggregateId", aggregateId)
                    .put("sequence", sequence).put("time", day + "T10:00:00Z");
            ObjectNode payload = (ObjectNode) envelope.path("data");
            data.forEach((key, value) -> payload.set(key, JSON.valueToTree(value)));
            events.add(JSON.writeValueAsString(envelope));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
