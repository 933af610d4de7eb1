package de.kim.partners.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.partners.query.InboxReferral;
import de.kim.partners.query.OfferView;
import de.kim.partners.query.PartnerView;
import de.kim.platform.domain.Role;
import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner list, the offer search and a partner's inbox page on the server, as case-service's
 * lists do: a page of at most 200 with the total that match, the filters applied before the paging,
 * sorted as asked with no entry repeated or skipped between pages; bad paging is a German 400.
 * Invented partners, offers and referrals, written to the read model under a town and a partner of
 * this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerListPagingIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadModelDatabase partnerViewsDatabase;
    @Autowired
    ObjectMapper json;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    /** A town no other test's partner serves (the read model holds any; only commands check the Kommune's towns). */
    private final String town = "Testort-" + marker;
    private final String partnerId = "paging-" + marker;
    private final LocalDate firstDay = LocalDate.of(2026, 3, 2);

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "admin-test", Role.ADMINISTRATOR));
    }

    @AfterEach
    void removeWhatTheTestWrote() {
        MongoTemplate mongo = partnerViewsDatabase.template();
        mongo.remove(Query.query(Criteria.where("towns").is(town)), PartnerView.class);
        mongo.remove(Query.query(Criteria.where("id").is(partnerId)), PartnerView.class);
        mongo.remove(Query.query(Criteria.where("partnerId").is(partnerId)), OfferView.class);
        mongo.remove(Query.query(Criteria.where("partnerId").is(partnerId)), InboxReferral.class);
    }

    @Test
    void partners_come_a_page_at_a_time_by_name_the_next_page_holding_the_next_ones_and_the_filters_still_apply()
            throws Exception {
        List<String> names = List.of("Awo Velbert", "Bildungswerk", "Caritas", "Caritas", "Diakonie", "Jobcenter",
                "VHS Velbert");
        List<PartnerView> partners = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Set<FieldOfAction> fields = i % 2 == 0 ? Set.of(FieldOfAction.LANGUAGE)
                    : Set.of(FieldOfAction.HOUSING, FieldOfAction.LANGUAGE);
            partners.add(partner("p-" + marker + "-" + i, names.get(i), fields));
        }
        Collections.shuffle(partners);
        partnerViewsDatabase.template().insert(partners, PartnerView.class);

        JsonNode first = get("/api/partners?town=" + town + "&size=3");
        assertThat(first.path("total").asLong()).isEqualTo(7);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(3);
        assertThat(first.path("items").findValuesAsText("name")).containsExactly("Awo Velbert", "Bildungswerk", "Caritas");
        JsonNode second = get("/api/partners?town=" + town + "&size=3&page=1");
        assertThat(second.path("items").findValuesAsText("name")).containsExactly("Caritas", "Diakonie", "Jobcenter");
        assertThat(get("/api/partners?town=" + town + "&size=3&page=2").path("items").findValuesAsText("name"))
                .containsExactly("VHS Velbert");
        assertThat(get("/api/partners?town=" + town + "&size=3&page=3").path("items")).isEmpty();

        // Two partners of the same name: each is on exactly one page, whatever the page size.
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            ids.addAll(get("/api/partners?town=" + town + "&size=2&page=" + page).path("items").findValuesAsText("id"));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(7);

        JsonNode housing = get("/api/partners?town=" + town + "&field=HOUSING&size=2");
        assertThat(housing.path("total").asLong()).isEqualTo(3);
        assertThat(housing.path("items").findValuesAsText("name")).containsExactly("Bildungswerk", "Caritas");
        assertThat(get("/api/partners?town=" + town + "&sort=name,desc&size=1").path("items").findValuesAsText("name"))
                .containsExactly("VHS Velbert");
        assertThat(get("/api/partners?town=" + town).path("size").asInt()).as("the default page size").isEqualTo(50);
    }

    @Test
    void the_offer_search_pages_most_free_places_first_counting_only_active_offers_that_match_field_town_language_and_free_places()
            throws Exception {
        List<OfferView> offers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            offers.add(offer("Deutschkurs %02d".formatted(i), FieldOfAction.LANGUAGE, "Velbert", false, 3, true));
        }
        offers.add(offer("Deutschkurs 06 (voll)", FieldOfAction.LANGUAGE, "Velbert", false, 0, true));
        offers.add(offer("Deutschkurs 07 (online)", FieldOfAction.LANGUAGE, "Hilden", true, 2, true));
        offers.add(offer("Deutschkurs 08 (in Hilden)", FieldOfAction.LANGUAGE, "Hilden", false, 2, true));
        offers.add(offer("Deutschkurs 09 (zurückgezogen)", FieldOfAction.LANGUAGE, "Velbert", false, 2, false));
        offers.add(offer("Wohnungssuche", FieldOfAction.HOUSING, "Velbert", false, 1, true));
        Collections.shuffle(offers);
        partnerViewsDatabase.template().insert(offers, OfferView.class);
        String search = "/api/offers?partner=" + partnerId + "&field=LANGUAGE&town=Velbert&available=true";

        JsonNode first = get(search + "&size=4");
        assertThat(first.path("total").asLong()).as("six in Velbert with places, one online").isEqualTo(7);
        assertThat(first.path("items").findValuesAsText("title"))
                .containsExactly("Deutschkurs 00", "Deutschkurs 01", "Deutschkurs 02", "Deutschkurs 03");
        assertThat(get(search + "&size=4&page=1").path("items").findValuesAsText("title"))
                .as("three places each, then the online one with two").containsExactly("Deutschkurs 04", "Deutschkurs 05",
                        "Deutschkurs 07 (online)");
        assertThat(get("/api/offers?partner=" + partnerId + "&field=LANGUAGE").path("items").findValuesAsText("title"))
                .as("three places, then two (by title), then the full one; not the withdrawn one").containsExactly(
                        "Deutschkurs 00", "Deutschkurs 01", "Deutschkurs 02", "Deutschkurs 03", "Deutschkurs 04",
                        "Deutschkurs 05", "Deutschkurs 07 (online)", "Deutschkurs 08 (in Hilden)", "Deutschkurs 06 (voll)");
        assertThat(get("/api/offers?partner=" + partnerId + "&sort=title,desc&size=2").path("items")
                .findValuesAsText("title")).containsExactly("Wohnungssuche", "Deutschkurs 08 (in Hilden)");

        assertThat(get("/api/offers?partner=" + partnerId).path("total").asLong()).as("every active offer").isEqualTo(10);
        assertThat(get("/api/offers?partner=" + partnerId + "&field=HOUSING").path("items").findValuesAsText("title"))
                .containsExactly("Wohnungssuche");
        assertThat(get("/api/offers?partner=" + partnerId + "&language=uk").path("total").asLong()).isZero();
        assertThat(get("/api/offers?partner=" + partnerId + "&sort=freePlaces,asc&size=1").path("items")
                .findValuesAsText("title")).containsExactly("Deutschkurs 06 (voll)");
    }

    @Test
    void an_inbox_shows_the_newest_referrals_first_a_page_at_a_time_and_records_the_read_of_those_shown_only()
            throws Exception {
        partnerViewsDatabase.template().insert(partner(partnerId, "Sprachschule Paging", Set.of(FieldOfAction.LANGUAGE)));
        List<InboxReferral> referrals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            referrals.add(referral(firstDay.plusDays(i), i == 1 || i == 3 ? "ACCEPTED" : "RECEIVED"));
        }
        partnerViewsDatabase.template().insert(new ArrayList<>(referrals), InboxReferral.class);
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-paging", partnerId));
        String inbox = "/api/partners/" + partnerId + "/referrals";

        JsonNode first = get(inbox + "?size=2");
        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(first.path("items").findValuesAsText("id")).containsExactly(referrals.get(4).id(), referrals.get(3).id());
        // The read is recorded for each referral the page showed, and for no other.
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGER));
        assertThat(disclosures(referrals.get(4).id()).findValuesAsText("actor")).containsOnly("partner-paging");
        assertThat(disclosures(referrals.get(3).id()).findValuesAsText("actor")).containsOnly("partner-paging");
        assertThat(disclosures(referrals.get(2).id())).isEmpty();
        assertThat(disclosures(referrals.get(0).id())).isEmpty();

        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-paging", partnerId));
        assertThat(get(inbox + "?size=2&page=1").path("items").findValuesAsText("id"))
                .containsExactly(referrals.get(2).id(), referrals.get(1).id());
        assertThat(get(inbox + "?size=2&page=2").path("items").findValuesAsText("id"))
                .containsExactly(referrals.get(0).id());
        JsonNode accepted = get(inbox + "?status=ACCEPTED&size=1");
        assertThat(accepted.path("total").asLong()).isEqualTo(2);
        assertThat(accepted.path("items").findValuesAsText("id")).containsExactly(referrals.get(3).id());
        assertThat(get(inbox + "?status=ACCEPTED&size=1&page=1").path("items").findValuesAsText("id"))
                .containsExactly(referrals.get(1).id());
        assertThat(get(inbox + "?sort=madeOn,asc&size=1").path("items").findValuesAsText("id"))
                .containsExactly(referrals.get(0).id());
    }

    @Test
    void bad_paging_is_answered_400_in_german_or_english_naming_the_parameter_and_the_lists_stay_as_they_were()
            throws Exception {
        partnerViewsDatabase.template().insert(partner(partnerId, "Sprachschule Paging", Set.of(FieldOfAction.LANGUAGE)));
        partnerViewsDatabase.template().insert(List.of(referral(firstDay, "RECEIVED"), referral(firstDay, "RECEIVED")),
                InboxReferral.class);
        String inbox = "/api/partners/" + partnerId + "/referrals";

        assertBadParameter("/api/partners?size=201", "size", "Die Seitengröße muss eine ganze Zahl von 1 bis 200 sein.");
        assertBadParameter("/api/partners?size=0", "size", "Die Seitengröße muss eine ganze Zahl von 1 bis 200 sein.");
        assertBadParameter("/api/partners?page=-1", "page", "Die Seite muss eine ganze Zahl ab 0 sein (höchstens 100.000).");
        assertBadParameter("/api/partners?sort=towns", "sort",
                "Sortiert werden kann nach: name, kind, jeweils mit \",asc\" oder \",desc\".");
        assertBadParameter("/api/offers?page=zwei", "page", "Die Seite muss eine ganze Zahl ab 0 sein (höchstens 100.000).");
        assertBadParameter("/api/offers?sort=title,sideways", "sort", "Sortiert werden kann nach: freePlaces, title, "
                + "partnerName, town, jeweils mit \",asc\" oder \",desc\".");
        assertBadParameter("/api/offers?size=500&field=LANGUAGE", "size", null);

        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-paging", partnerId));
        assertBadParameter(inbox + "?size=201", "size", "Die Seitengröße muss eine ganze Zahl von 1 bis 200 sein.");
        assertBadParameter(inbox + "?sort=client", "sort",
                "Sortiert werden kann nach: madeOn, status, jeweils mit \",asc\" oder \",desc\".");
        HttpHeaders english = new HttpHeaders();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<String> inEnglish = http.exchange(inbox + "?size=0", HttpMethod.GET, new HttpEntity<>(english),
                String.class);
        assertThat(inEnglish.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(inEnglish.getBody()).path("detail").asText())
                .isEqualTo("The page size must be a whole number from 1 to 200.");

        // Nothing was changed by the refused requests: the inbox still shows both referrals.
        JsonNode after = get(inbox);
        assertThat(after.path("total").asLong()).isEqualTo(2);
        assertThat(after.path("items")).hasSize(2);
        // Partner staff of another partner learn nothing, not even that the paging was bad.
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-other", "another-" + marker));
        assertThat(http.exchange(inbox + "?size=201", HttpMethod.GET, HttpEntity.EMPTY, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertBadParameter(String path, String field, String detail) throws Exception {
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, HttpEntity.EMPTY, String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.at("/errors/0/field").asText()).as(path).isEqualTo(field);
        if (detail != null) {
            assertThat(problem.path("detail").asText()).as(path).isEqualTo(detail);
        }
    }

    private JsonNode get(String path) throws Exception {
        return get(path, HttpStatus.OK);
    }

    private JsonNode get(String path, HttpStatus expected) throws Exception {
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, HttpEntity.EMPTY, String.class);
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(expected);
        return expected == HttpStatus.OK ? json.readTree(answer.getBody()) : null;
    }

    private JsonNode disclosures(String referralId) throws Exception {
        return get("/api/audit/partner-service/disclosure?subject=" + referralId);
    }

    private PartnerView partner(String id, String name, Set<FieldOfAction> fields) {
        return new PartnerView(TestTokens.TENANT + ":" + id, id, TestTokens.TENANT, name,
                PartnerKind.WELFARE_ORGANISATION, Set.of(LegalDomain.AUFENTHG), fields, Set.of(town), null, null, true,
                null);
    }

    private OfferView offer(String title, FieldOfAction field, String offerTown, boolean online, int freePlaces,
                            boolean active) {
        return new OfferView(UUID.randomUUID().toString(), TestTokens.TENANT, partnerId, "Sprachschule Paging", title,
                field, Set.of("de", "ar"), offerTown, online, Set.of(), 3, 3 - freePlaces, freePlaces, active);
    }

    private InboxReferral referral(LocalDate madeOn, String status) {
        return new InboxReferral(UUID.randomUUID().toString(), TestTokens.TENANT, partnerId, UUID.randomUUID().toString(),
                "offer-" + marker, FieldOfAction.LANGUAGE, UUID.randomUUID().toString(), Set.of(), null, null, madeOn,
                status, null, null, null, null, false, false, 0);
    }
}
