package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The self-disclosure a client reads: words, dates dd.MM.yyyy, times in Berlin; no code, id or null. */
class SelfDisclosurePageTest {

    static final String DISCLOSURE = """
            {"createdAt":"2026-11-02T23:30:00Z",
             "caseFile":{"id":"0e6a8a1e-2b7c-4a55-8f0e-3a9b1c2d4e5f","tenant":"kreis-mettmann",
               "client":{"givenName":"Amina","familyName":"Beispiel","dateOfBirth":"1990-04-12","nationality":"SYR",
                         "languages":["ar","de"],"town":"Velbert","contact":{"phone":null,"email":"amina@example.org"}},
               "targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER","assignee":"cm-anna","status":"OPEN",
               "openedOn":"2026-10-01","closedOn":null,
               "consents":[{"id":"c-1","recipient":"p-vhs","purposes":["REFERRAL"],"dataCategories":["CONTACT_DATA"],
                            "givenOn":"2026-10-02","validUntil":"2027-10-02","revokedOn":null}],
               "needs":[{"id":"n-1","fieldOfAction":"LANGUAGE","priority":"HIGH","description":"Deutschkurs mit Kinderbetreuung",
                         "status":"OPEN"}],
               "plan":{"agreedOn":"2026-10-03","goals":[{"id":"g-1","fieldOfAction":"LANGUAGE","description":"B1 erreichen",
                        "targetDate":"2027-06-30","status":"OPEN"}]},
               "referrals":[{"id":"r-1","partnerId":"p-vhs","fieldOfAction":"LANGUAGE","status":"ACCEPTED","madeOn":"2026-10-04"}],
               "measures":[],"achievements":[{"id":"a-1","kind":"LANGUAGE_CERTIFICATE","level":"B1","achievedOn":"2026-12-01"}],
               "contacts":[{"id":"k-1","contactOn":"2026-10-06","kind":"HOME_VISIT","durationMinutes":45,
                            "interpreterLanguage":"ar","participants":"Ehemann","note":"Wohnung besichtigt","entrusted":false}]},
             "history":[{"sequence":0,"time":"2026-10-01T08:05:00Z","actor":"cm-anna","type":"CaseOpenedEvent",
                         "text":"Fall eröffnet"}],
             "accesses":[{"id":"e-1","at":"2026-07-01T22:10:00Z","tenant":"kreis-mettmann","actor":"cm-anna",
                          "roles":"CASE_MANAGER","action":"READ","operation":"GET /api/cases/{id}",
                          "subject":"0e6a8a1e-2b7c-4a55-8f0e-3a9b1c2d4e5f","status":200,"purpose":"CASE_MANAGEMENT"}],
             "otherServices":{"partner-service":[{"id":"e-2","at":"2026-10-05T07:00:00Z","tenant":"kreis-mettmann",
                          "actor":"vhs-maria","roles":"PARTNER_STAFF","action":"READ",
                          "operation":"GET /api/partners/{id}/referrals","subject":"r-1","status":200,"purpose":"REFERRAL"}],
                              "immigration-office-service":[]}}
            """;

    final ResourceBundleMessageSource messages = messages();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void the_page_shows_words_and_german_dates_and_berlin_times_and_no_code_id_or_null() throws Exception {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        SelfDisclosurePage.Page page = page(Locale.GERMAN);
        String visible = visibleText(page);

        assertThat(page.createdAt()).as("23:30 UTC is 00:30 the next day in Berlin (winter)").isEqualTo("03.11.2026, 00:30");
        assertThat(page.person()).extracting(SelfDisclosurePage.Field::value)
                .contains("Amina", "Beispiel", "12.04.1990", "Syrien", "Arabisch, Deutsch", "Velbert", "amina@example.org");
        assertThat(visible).contains("VHS Velbert", "Deutschkurs mit Kinderbetreuung", "Sprache", "02.10.2027",
                "Fall eröffnet", "01.10.2026, 10:05", "02.07.2026, 00:10", "vhs-maria", "Lesen",
                "Kontakte", "06.10.2026 | Hausbesuch | 45 Minuten | Arabisch | Ehemann | Wohnung besichtigt");
        assertThat(visible).doesNotContain("null", "LANGUAGE", "OPEN", "SYR", "JOBCENTER", "READ", "REFERRAL",
                "PARTNER_STAFF", "CASE_MANAGEMENT", "p-vhs", "r-1", "c-1", "0e6a8a1e", "/api/", "2026-10", "T08:05",
                "HOME_VISIT", "k-1");
    }

    @Test
    void in_english_the_labels_are_english() throws Exception {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        SelfDisclosurePage.Page page = page(Locale.ENGLISH);

        assertThat(page.person()).extracting(SelfDisclosurePage.Field::label).contains("Nationality", "Languages");
        assertThat(page.person()).extracting(SelfDisclosurePage.Field::value).contains("Syria", "Arabic, German");
    }

    private SelfDisclosurePage.Page page(Locale locale) throws Exception {
        JsonNode disclosure = new ObjectMapper().readTree(DISCLOSURE);
        return new SelfDisclosurePage(new Labels(messages), key -> messages.getMessage(key, null, key, locale),
                Map.of("p-vhs", "VHS Velbert"), locale).of(disclosure);
    }

    /** Everything the template prints: the labels of the headings, the person and every cell. */
    private String visibleText(SelfDisclosurePage.Page page) {
        List<String> text = new ArrayList<>(List.of(page.createdAt()));
        page.person().forEach(field -> text.add(field.label() + " " + field.value()));
        List<SelfDisclosurePage.Table> tables = new ArrayList<>(page.file());
        tables.addAll(page.accesses());
        for (SelfDisclosurePage.Table table : tables) {
            text.add(messages.getMessage(table.title(), null, Locale.GERMAN));
            table.columns().forEach(column -> text.add(messages.getMessage(column, null, Locale.GERMAN)));
            table.rows().forEach(row -> text.add(String.join(" | ", row)));
        }
        return String.join("\n", text);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "kim-vocabulary");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
