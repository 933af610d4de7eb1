package de.kim.platform.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web front end in a real headless Chromium (Debian's package and its chromedriver), signed
 * in through the platform's sign-in page as each role: the administrator registers the partner,
 * the partner's staff publish an offer, the case management lead opens a case, records need and
 * consent, finds the offer and refers; the partner accepts; the case shows it; the steering
 * dashboard counts the case. Every page the walk reaches (each part of the case files too) is
 * checked for codes, ids, ISO dates and "null" in its visible text. Screenshots of each main page:
 * target/screenshots.
 */
@EnabledIf("browserInstalled")
class WebFrontEndBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final StartedPlatform PLATFORM = StartedPlatform.shared();

    private final List<WebDriver> browsers = new ArrayList<>();

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Keeps the last page of each browser (for a failure, what the user saw), then closes them. */
    @AfterEach
    void closeBrowsers() throws IOException {
        for (int i = 0; i < browsers.size(); i++) {
            screenshot(browsers.get(i), "last-page-" + i);
            Files.writeString(SCREENSHOTS.resolve("last-page-" + i + ".html"), browsers.get(i).getPageSource());
            browsers.get(i).quit();
        }
    }

    @Test
    void each_role_walks_its_main_path_in_the_browser() throws Exception {
        WebDriver admin = signIn("admin.mettmann");
        assertThat(admin.findElement(By.tagName("h1")).getText()).isEqualTo("Netzwerkpartner");
        admin.findElement(By.id("p-id")).sendKeys("demo-partner-mettmann");
        admin.findElement(By.id("p-name")).sendKeys("VHS Velbert");
        new Select(admin.findElement(By.id("p-kind"))).selectByValue("LANGUAGE_COURSE_PROVIDER");
        check(admin, "legalDomains", "AUFENTHG");
        check(admin, "fieldsOfAction", "LANGUAGE");
        admin.findElement(By.id("p-towns")).sendKeys("Velbert");
        submit(admin, "register-partner");
        until(admin, base() + "/partner", d -> d.findElement(By.id("partners")).getText().contains("VHS Velbert"));
        screenshot(admin, "admin-partners");

        WebDriver partner = signIn("partner.mettmann");
        assertThat(partner.findElement(By.tagName("h1")).getText()).isEqualTo("Eingang der Verweisungen");
        partner.findElement(By.id("o-title")).sendKeys("Deutsch B1 mit Kinderbetreuung");
        new Select(partner.findElement(By.id("o-field"))).selectByValue("LANGUAGE");
        partner.findElement(By.id("o-town")).sendKeys("Velbert");
        press(partner, partner.findElement(By.cssSelector("form[action='/angebote'] button")));
        assertThat(partner.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");

        // The case manager signs in before the lead assigns her a case: from then on she can be chosen by name.
        WebDriver manager = signIn("fallmanagement.mettmann");
        assertThat(manager.findElement(By.tagName("h1")).getText()).isEqualTo("Mein Arbeitskorb");

        WebDriver lead = signIn("leitung.mettmann");
        assertThat(lead.findElement(By.tagName("h1")).getText()).isEqualTo("Mein Arbeitskorb");
        visit(lead, base() + "/faelle");
        assertThat(lead.findElement(By.tagName("h1")).getText()).as("the lead sees every case of the Kreis").isEqualTo("Alle Fälle");
        screenshot(lead, "case-manager-cases");
        press(lead, lead.findElement(By.linkText("Fall eröffnen")));
        lead.findElement(By.id("givenName")).sendKeys("Mariam");
        lead.findElement(By.id("familyName")).sendKeys("Erfunden");
        ((org.openqa.selenium.JavascriptExecutor) lead).executeScript(
                "document.getElementById('dateOfBirth').value = '1992-03-14'");
        lead.findElement(By.id("nationality")).sendKeys("SYR");
        lead.findElement(By.id("languages")).sendKeys("ar, de");
        lead.findElement(By.id("town")).sendKeys("Velbert");
        new Select(lead.findElement(By.id("assignee"))).selectByVisibleText("Clara Fallmann");
        submit(lead, "open-case");
        assertThat(lead.findElement(By.tagName("h1")).getText()).isEqualTo("Fallakte: Erfunden, Mariam");
        String caseUrl = lead.getCurrentUrl();
        String caseNumber = lead.findElement(By.cssSelector("#case-number strong")).getText();
        assertThat(caseNumber).matches("KIM-\\d{4}-\\d{5}");
        // The case list finds her by the beginning of her name, a page at a time, in words.
        until(lead, base() + "/faelle?suche=erfun+mari", d -> d.findElement(By.id("cases")).getText().contains("Erfunden, Mariam"));
        assertThat(lead.findElement(By.id("cases-range")).getText()).startsWith("Fälle 1–");
        assertThat(lead.findElement(By.id("cases")).getText()).contains(caseNumber, "Clara Fallmann")
                .doesNotContain("fallmanagement.mettmann");
        assertThat(lead.findElement(By.tagName("main")).getText()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-")
                .doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b").doesNotContain("null");
        assertThat(accessibilityViolations(lead)).isEmpty();
        screenshot(lead, "case-list-search");
        // Opening her again warns and names her open case; the user may still open it.
        visit(lead, base() + "/faelle/neu");
        lead.findElement(By.id("givenName")).sendKeys("Mariam");
        lead.findElement(By.id("familyName")).sendKeys("ERFUNDEN");
        date(lead, "dateOfBirth", "1992-03-14");
        lead.findElement(By.id("nationality")).sendKeys("SYR");
        lead.findElement(By.id("town")).sendKeys("Velbert");
        submit(lead, "open-case");
        assertThat(lead.findElement(By.id("duplicate")).getText()).contains("bereits einen offenen Fall",
                "Fall " + caseNumber + " ansehen");
        assertThat(lead.findElement(By.cssSelector("#open-case button[type=submit]")).getText()).isEqualTo("Trotzdem eröffnen");
        assertThat(accessibilityViolations(lead)).isEmpty();
        screenshot(lead, "case-duplicate-warning");
        // A person is opened without a language as well; the file says none is given.
        visit(lead, base() + "/faelle/neu");
        lead.findElement(By.id("givenName")).sendKeys("Lina");
        lead.findElement(By.id("familyName")).sendKeys("Erfunden");
        date(lead, "dateOfBirth", "1988-07-01");
        lead.findElement(By.id("nationality")).sendKeys("AFG");
        lead.findElement(By.id("town")).sendKeys("Velbert");
        new Select(lead.findElement(By.id("assignee"))).selectByVisibleText("Clara Fallmann");
        submit(lead, "open-case");
        assertThat(lead.findElement(By.tagName("h1")).getText()).isEqualTo("Fallakte: Erfunden, Lina");
        assertThat(lead.findElement(By.id("client-languages")).getText()).isEqualTo("keine angegeben");
        assertThat(lead.findElement(By.id("client-nationality")).getText()).isEqualTo("Afghanistan");
        visit(lead, caseUrl + "/bedarfe");
        new Select(reveal(lead, By.id("need-field"))).selectByValue("LANGUAGE");
        submit(lead, "add-need");
        assertThat(lead.getCurrentUrl()).as("a change leads back to its part of the file").isEqualTo(caseUrl + "/bedarfe");
        visit(lead, caseUrl + "/einwilligungen");
        new Select(reveal(lead, By.id("consent-recipient"))).selectByValue("demo-partner-mettmann");
        submit(lead, "add-consent");
        assertThat(lead.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        assertThat(lead.findElement(By.id("consents")).getText()).contains("VHS Velbert", "Verweisung", "Identität");
        press(lead, untilPresent(lead, caseUrl + "/bedarfe", By.cssSelector("a.find-offers")));
        WebElement offers = untilPresent(lead, lead.getCurrentUrl(), By.id("offers"));
        assertThat(offers.getText()).contains("Deutsch B1 mit Kinderbetreuung", "VHS Velbert");
        screenshot(lead, "case-file-offer-search");
        // The demo offer's row: the search shows the most free places first, and other tests add offers.
        press(lead, offers.findElement(By.xpath(".//tr[contains(., 'Deutsch B1 mit Kinderbetreuung')]//button")));
        assertThat(lead.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");

        visit(partner, base() + "/eingang");
        // The partner sees the released data of the client referred to it (and of no other).
        WebElement referral = untilPresent(partner, base() + "/eingang", By.xpath(
                "//article[contains(@class, 'referral')][.//dd[@class='client-name' and text()='Erfunden, Mariam']]"));
        screenshot(partner, "partner-inbox");
        assertThat(referral.findElement(By.tagName("h2")).getText()).as("the referral names the offer it is for")
                .startsWith("Deutsch B1 mit Kinderbetreuung · ");
        press(partner, referral.findElement(By.cssSelector("form.accept button")));
        assertThat(partner.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");

        until(lead, caseUrl + "/verweisungen", d -> d.findElement(By.id("referrals")).getText().contains("angenommen"));
        screenshot(lead, "case-file");

        // The assigned case manager finds the answer on the start page, "Mein Arbeitskorb", and marks it done.
        until(manager, base() + "/arbeitskorb", d -> d.findElement(By.id("work-basket")).getText()
                .contains("Ein Netzwerkpartner hat die Verweisung angenommen."));
        WebElement answer = manager.findElement(By.xpath("//table[@id='work-basket']//tr[td[text()="
                + "'Ein Netzwerkpartner hat die Verweisung angenommen.']]"));
        assertThat(answer.findElement(By.tagName("a")).getText()).isEqualTo("Erfunden, Mariam");
        assertWordsOnly(manager.findElement(By.tagName("body")));
        assertThat(accessibilityViolations(manager)).isEmpty();
        screenshot(manager, "work-basket");
        press(manager, answer.findElement(By.cssSelector("form.work-item-done button")));
        assertThat(manager.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Erledigt.");
        assertThat(manager.getPageSource()).doesNotContain("Ein Netzwerkpartner hat die Verweisung angenommen.");

        // The case manager corrects the client's data: a wrong nationality is named next to its field.
        visit(manager, caseUrl);
        manager.findElement(By.cssSelector("#klientendaten summary")).click();
        manager.findElement(By.id("rc-nationality")).clear();
        manager.findElement(By.id("rc-nationality")).sendKeys("Syrien");
        submit(manager, "rectify-client");
        WebElement nationality = manager.findElement(By.id("rc-nationality"));
        assertThat(nationality.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(manager.findElement(By.id("rc-nationality-error")).getText()).contains("drei Großbuchstaben");
        assertThat(accessibilityViolations(manager)).isEmpty();
        nationality.clear();
        nationality.sendKeys("SYR");
        manager.findElement(By.id("rc-familyName")).clear();
        manager.findElement(By.id("rc-familyName")).sendKeys("Erfunden-Berichtigt");
        submit(manager, "rectify-client");
        assertThat(manager.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Die Angaben sind berichtigt.");
        assertThat(manager.findElement(By.tagName("h1")).getText()).isEqualTo("Fallakte: Erfunden-Berichtigt, Mariam");

        // A counselling contact in the contact log, in words.
        visit(manager, caseUrl + "/kontakte");
        reveal(manager, By.id("add-contact"));
        date(manager, "k-on", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString());
        new Select(manager.findElement(By.id("k-kind"))).selectByValue("HOME_VISIT");
        manager.findElement(By.id("k-minutes")).sendKeys("60");
        manager.findElement(By.id("k-note")).sendKeys("Wohnsituation besprochen");
        submit(manager, "add-contact");
        assertThat(manager.findElement(By.id("contacts")).getText()).contains("Hausbesuch", "60 Minuten",
                "Wohnsituation besprochen");
        assertThat(accessibilityViolations(manager)).isEmpty();
        screenshot(manager, "case-file-contacts");
        visit(lead, caseUrl + "/wiedervorlagen");
        reveal(lead, By.id("f-subject")).sendKeys("Kursbeginn nachfragen");
        ((org.openqa.selenium.JavascriptExecutor) lead).executeScript(
                "document.getElementById('f-due').value = arguments[0]", today());
        press(lead, lead.findElement(By.id("f-subject")).findElement(By.xpath("ancestor::form//button")));
        assertThat(lead.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        // Every part of the file (needs, consent, referral, contact, follow-up): words only, no axe-core violation.
        walkCaseFile(lead, caseUrl, "case-file-1");
        assertThat(textOf(lead, caseUrl, "client-nationality")).isEqualTo("Syrien");
        assertThat(lead.findElement(By.id("client-languages")).getText()).isEqualTo("Arabisch, Deutsch");
        assertThat(textOf(lead, caseUrl + "/verlauf", "history")).contains(
                "Einwilligung für VHS Velbert erfasst", "Verweisung an VHS Velbert: Angebot „Deutsch B1 mit Kinderbetreuung“",
                "Bedarf im Handlungsfeld Sprache erfasst", "Beratungskontakt am ", "Hausbesuch",
                "Lea Leitner", "zuständig: Clara Fallmann", "Netzwerkpartner")
                .doesNotContain("fallmanagement.mettmann", "leitung.mettmann", "partner.mettmann", "case-service.");

        WebDriver officer = signIn("abh.mettmann");
        assertThat(officer.findElement(By.tagName("h1")).getText()).isEqualTo("Aufenthalt");
        screenshot(officer, "immigration-office");

        WebDriver steering = signIn("steuerung.mettmann");
        assertThat(steering.findElement(By.tagName("h1")).getText()).isEqualTo("Steuerung");
        // The dashboard shows the figure steering-service gives for the tenant ("<5" while small).
        until(steering, base() + "/steuerung", d -> d.findElement(By.cssSelector("#figure-casesOpened .total")).getText()
                .equals(Gateway.json(PLATFORM.as("steuerung.mettmann").get("/api/steering/figures"))
                        .at("/casesOpened/total/display").asText()) && !d.findElement(
                        By.cssSelector("#figure-casesOpened .total")).getText().isBlank());
        screenshot(steering, "steering-dashboard");
        steering.findElement(By.id("sg-title")).sendKeys("Mehr Sprachkurse mit Kinderbetreuung");
        press(steering, steering.findElement(By.id("sg-title")).findElement(By.xpath("ancestor::form//button")));
        assertThat(steering.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        until(steering, base() + "/steuerung", d -> d.getPageSource().contains("Mehr Sprachkurse mit Kinderbetreuung"));
        assertThat(steering.getPageSource()).doesNotContain("Mariam", "Erfunden");
    }

    /**
     * The immigration office and case management work one person's matter together: the officer
     * creates the record, records a status and hands over; the case manager takes the hand-over up
     * in a new case and works the whole case file (need, goals, measures with the double-funding
     * warning, referral and its withdrawal, follow-up, consent, achievement, status check, dispute);
     * the officer sees the achievement and the status check and completes it.
     */
    @Test
    void case_management_and_immigration_office_work_a_case_together_in_the_browser() throws Exception {
        Gateway admin = PLATFORM.as("admin.mettmann");
        assertThat(admin.put("/api/partners/demo-partner-mettmann", """
                {"name":"VHS Velbert","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG"],
                 "fieldsOfAction":["LANGUAGE"],"towns":["Velbert"]}""").statusCode()).isIn(201, 204);
        assertThat(PLATFORM.as("partner.mettmann").post("/api/partners/demo-partner-mettmann/offers", """
                {"title":"Alphabetisierungskurs","fieldOfAction":"LANGUAGE","languages":["de"],"town":"Velbert","capacity":5}""")
                .statusCode()).isEqualTo(201);

        WebDriver officer = signIn("abh.mettmann");
        officer.findElement(By.id("r-family")).sendKeys("Beispiel");
        officer.findElement(By.id("r-given")).sendKeys("Samir");
        officer.findElement(By.id("r-file")).sendKeys("ABH-B 2019/42");
        date(officer, "r-dob", "1990-05-02");
        officer.findElement(By.id("r-nat")).sendKeys("AFG");
        date(officer, "r-entry", "2019-03-01");
        submit(officer, "new-record");
        assertThat(officer.findElement(By.tagName("h1")).getText())
                .isEqualTo("Aufenthaltsakte ABH-B 2019/42 – Beispiel, Samir");
        assertThat(officer.findElement(By.id("record-nationality")).getText()).isEqualTo("Afghanistan");
        String recordUrl = officer.getCurrentUrl();
        String recordId = recordUrl.substring(recordUrl.lastIndexOf('/') + 1);
        new Select(officer.findElement(By.id("s-type"))).selectByValue("DULDUNG");
        date(officer, "s-from", "2024-01-01");
        submit(officer, "record-status");
        assertThat(officer.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        assertThat(officer.findElement(By.id("statuses")).getText()).contains("Duldung").doesNotContain("DULDUNG");
        // the screening in words: no verdict, outcome, status or pathway code, no "null"
        assertThat(officer.findElement(By.id("screening")).getText()).contains("Geprüft zum", "Regelwerk Fassung")
                .doesNotContain("REQUIREMENTS_MISSING", "MISSING", "TO_CHECK", "CANDIDATE", "NOT_IN_FORCE",
                        "OTHER_PROVISION", "DULDUNG", "AUFENTHG_", "STAG_10", "null");
        new Select(officer.findElement(By.id("h-field"))).selectByValue("LANGUAGE");
        new Select(officer.findElement(By.id("h-reason"))).selectByValue("LANGUAGE_LEVEL_MISSING");
        submit(officer, "record-handover");
        assertThat(officer.findElement(By.id("record-handovers")).getText()).contains("Sprache", "Sprachniveau fehlt noch");
        screenshot(officer, "immigration-office-record");

        WebDriver manager = signIn("fallmanagement.mettmann");
        By takeUp = By.xpath("//table[@id='handovers']//a[contains(@href, '" + recordId + "')]");
        until(manager, base() + "/faelle", d -> !d.findElements(takeUp).isEmpty());
        assertThat(manager.findElement(By.id("handovers")).getText()).contains("Sprache", "Sprachniveau fehlt noch");
        screenshot(manager, "case-manager-handovers");
        press(manager, manager.findElement(takeUp));
        assertThat(manager.findElement(By.cssSelector("#open-case .notice")).getText()).contains("Übergabe der Ausländerbehörde");
        manager.findElement(By.id("givenName")).sendKeys("Samir");
        manager.findElement(By.id("familyName")).sendKeys("Beispiel");
        date(manager, "dateOfBirth", "1990-05-02");
        manager.findElement(By.id("nationality")).sendKeys("AFG");
        manager.findElement(By.id("town")).sendKeys("Velbert");
        submit(manager, "open-case");
        assertThat(manager.findElement(By.tagName("h1")).getText()).isEqualTo("Fallakte: Beispiel, Samir");
        String caseUrl = manager.getCurrentUrl().replaceAll("/aufenthalt$", "");
        assertThat(textOf(manager, caseUrl + "/aufenthalt", "residence-record")).isEqualTo("verknüpft");
        assertThat(manager.findElement(By.id("residence-record")).getAttribute("data-record")).isEqualTo(recordId);
        // The hand-over becomes a need of the case, and leaves the list of open hand-overs.
        until(manager, caseUrl + "/bedarfe", d -> d.findElement(By.id("needs")).getText().contains("Sprache"));
        until(manager, base() + "/faelle", d -> !d.getPageSource().contains(recordId));

        visit(manager, caseUrl + "/bedarfe");
        WebElement need = manager.findElement(By.cssSelector("#needs tbody tr"));
        need.findElement(By.tagName("summary")).click();
        new Select(need.findElement(By.tagName("select"))).selectByValue("MEDIUM");
        press(manager, need.findElement(By.cssSelector("details button")));
        assertThat(manager.findElement(By.id("needs")).getText()).contains("mittel");

        for (String goal : List.of("Deutsch A2 erreichen", "Führerschein")) {
            new Select(reveal(manager, By.id("g-field"))).selectByValue("LANGUAGE");
            manager.findElement(By.id("g-description")).sendKeys(goal);
            date(manager, "g-date", "2027-06-30");
            press(manager, manager.findElement(By.id("g-description")).findElement(By.xpath("ancestor::form//button")));
        }
        press(manager, goalRow(manager, "Deutsch A2 erreichen").findElement(By.cssSelector("form.achieve-goal button")));
        WebElement license = goalRow(manager, "Führerschein");
        license.findElement(By.tagName("summary")).click();
        license.findElement(By.cssSelector("details input[name=reason]")).sendKeys("Vorerst kein Bedarf");
        press(manager, license.findElement(By.cssSelector("details button")));
        assertThat(goalRow(manager, "Deutsch A2 erreichen").findElement(By.className("goal-status")).getText()).isEqualTo("erreicht");
        assertThat(goalRow(manager, "Führerschein").findElement(By.className("goal-status")).getText()).isEqualTo("aufgegeben");

        visit(manager, caseUrl + "/massnahmen");
        for (String fundedBy : List.of("SGB_II", "AUFENTHG")) {
            new Select(reveal(manager, By.id("m-kind"))).selectByValue("LANGUAGE_COURSE");
            new Select(manager.findElement(By.id("m-funded"))).selectByValue(fundedBy);
            date(manager, "m-from", "2026-12-01");
            date(manager, "m-to", "2027-05-31");
            press(manager, manager.findElement(By.id("m-kind")).findElement(By.xpath("ancestor::form//button")));
        }
        assertThat(manager.findElement(By.cssSelector(".warning")).getText()).contains("Doppelförderung");
        WebElement awaiting = manager.findElement(By.cssSelector("form.confirm-measure"));
        awaiting.findElement(By.name("justification")).sendKeys("Aufbaukurs nach dem Basiskurs, andere Inhalte");
        press(manager, awaiting.findElement(By.tagName("button")));
        assertThat(manager.findElements(By.cssSelector("form.confirm-measure"))).isEmpty();
        WebElement firstMeasure = manager.findElement(By.cssSelector("#measures-h ~ table tbody tr"));
        firstMeasure.findElement(By.tagName("summary")).click();
        firstMeasure.findElement(By.cssSelector("details input[name=reason]")).sendKeys("Kurs fällt aus");
        press(manager, firstMeasure.findElement(By.cssSelector("details button")));
        assertThat(manager.findElement(By.cssSelector("#measures-h ~ table")).getText()).contains("zurückgezogen", "läuft");

        visit(manager, caseUrl + "/einwilligungen");
        new Select(reveal(manager, By.id("consent-recipient"))).selectByValue("demo-partner-mettmann");
        submit(manager, "add-consent");
        press(manager, untilPresent(manager, caseUrl + "/bedarfe", By.cssSelector("a.find-offers")));
        WebElement offer = untilPresent(manager, manager.getCurrentUrl(), By.xpath("//table[@id='offers']//tr[td[text()='Alphabetisierungskurs']]"));
        press(manager, offer.findElement(By.tagName("button")));
        WebElement referral = manager.findElement(By.cssSelector("#referrals tbody tr"));
        referral.findElement(By.tagName("summary")).click();
        referral.findElement(By.cssSelector("details input[name=reason]")).sendKeys("Person hat selbst einen Kurs gefunden");
        press(manager, referral.findElement(By.cssSelector("details button")));
        assertThat(manager.findElement(By.cssSelector("#referrals .referral-status")).getText()).isEqualTo("zurückgezogen");

        visit(manager, caseUrl + "/wiedervorlagen");
        reveal(manager, By.id("f-subject")).sendKeys("Kursbescheinigung anfordern");
        date(manager, "f-due", today());
        press(manager, manager.findElement(By.id("f-subject")).findElement(By.xpath("ancestor::form//button")));
        press(manager, manager.findElement(By.cssSelector("form.complete-follow-up button")));
        assertThat(manager.findElements(By.cssSelector("form.complete-follow-up"))).isEmpty();
        assertThat(manager.findElement(By.id("follow-ups")).getText()).contains("Kursbescheinigung anfordern",
                java.time.LocalDate.parse(today()).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));

        visit(manager, caseUrl + "/kontakte");
        reveal(manager, By.id("add-contact"));
        date(manager, "k-on", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString());
        new Select(manager.findElement(By.id("k-kind"))).selectByValue("PHONE");
        manager.findElement(By.id("k-minutes")).sendKeys("20");
        submit(manager, "add-contact");
        assertThat(manager.findElement(By.id("contacts")).getText()).contains("Telefonat", "20 Minuten");

        visit(manager, caseUrl + "/einwilligungen");
        reveal(manager, By.id("add-consent"));
        new Select(manager.findElement(By.id("consent-recipient"))).selectByValue("immigration-office");
        check(manager, "purposes", "RESIDENCE_MATTERS");
        check(manager, "dataCategories", "ACHIEVEMENTS");
        check(manager, "dataCategories", "RESIDENCE_STATUS");
        submit(manager, "add-consent");
        visit(manager, caseUrl + "/aufenthalt");
        new Select(reveal(manager, By.id("a-kind"))).selectByValue("LANGUAGE_CERTIFICATE");
        new Select(manager.findElement(By.id("a-level"))).selectByValue("B1");
        date(manager, "a-date", "2026-11-02");
        submit(manager, "add-achievement");
        assertThat(manager.findElement(By.id("achievements")).getText()).contains("Sprachzertifikat B1", "ja");
        submit(manager, "request-status-check");
        assertThat(manager.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        assertThat(manager.findElement(By.id("status-checks")).getText()).contains("noch keine Antwort");
        visit(manager, caseUrl + "/datenschutz");
        reveal(manager, By.id("d-reason")).sendKeys("Person bestreitet das Geburtsdatum");
        submit(manager, "dispute");
        assertThat(manager.findElement(By.id("privacy-h")).findElement(By.xpath("..")).getText()).contains("bestritten");
        screenshot(manager, "case-file-complete");

        until(officer, recordUrl, d -> d.findElement(By.id("record-achievements")).getText().contains("Sprachzertifikat B1")
                && !d.findElements(By.cssSelector("form.complete-check")).isEmpty());
        WebElement answer = officer.findElement(By.cssSelector("form.complete-check"));
        new Select(answer.findElement(By.name("pathway"))).selectByValue("AUFENTHG_25B");
        new Select(answer.findElement(By.name("prospect"))).selectByValue("REQUIREMENTS_MET_SOON");
        answer.findElement(By.name("note")).sendKeys("Antrag nach dem Zertifikat möglich");
        screenshot(officer, "immigration-office-status-check-answer");
        press(officer, answer.findElement(By.tagName("button")));
        assertThat(officer.findElements(By.cssSelector("form.complete-check"))).isEmpty();
        until(manager, caseUrl + "/aufenthalt", d -> d.findElement(By.id("status-checks")).getText().contains("Voraussetzungen bald erfüllt"));
        assertThat(manager.findElement(By.id("status-checks")).getText()).contains("Antrag nach dem Zertifikat möglich",
                "§ 25b AufenthG");
        assertThat(manager.findElement(By.id("residence-status")).getText()).contains("Aufenthaltsstatus laut Ausländerbehörde");
        // Every part of the fully worked file: words only, no axe-core violation; the history in sentences.
        walkCaseFile(manager, caseUrl, "case-file-2");
        assertThat(textOf(manager, caseUrl + "/verlauf", "history")).contains("Maßnahme „Sprachkurs“ erfasst, gefördert nach SGB II",
                "Verweisung an VHS Velbert: Angebot „Alphabetisierungskurs“", "Integrationsplan mit");
        // The record goes to an officer chosen by name; the page names her so.
        new Select(officer.findElement(By.id("o-officer"))).selectByVisibleText("Aylin Amtsberg");
        submit(officer, "assign-officer");
        assertThat(officer.findElement(By.id("officer")).getText()).isEqualTo("Aylin Amtsberg");
        screenshot(officer, "immigration-office-record-complete");
    }

    private static WebElement goalRow(WebDriver browser, String goal) {
        return browser.findElement(By.xpath("//table[@id='plan']//tr[td[text()='" + goal + "']]"));
    }

    private static void date(WebDriver browser, String inputId, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", inputId, isoDate);
    }

    /**
     * The steering group keeps its action plan in the browser (goal, measure and its status,
     * indicator, decision) and opens the yearly report, never seeing a person; the administrator
     * finds a read of a case in the audit trail and deactivates a partner registered for the test.
     */
    @Test
    void steering_keeps_its_action_plan_and_the_administrator_audits_and_deactivates() throws Exception {
        // A case read by the lead: what the audit trail has to show, and what steering must never see.
        Gateway lead = PLATFORM.as("leitung.mettmann");
        String caseId = Gateway.json(lead.post("/api/cases", """
                {"client":{"givenName":"Samira","familyName":"Protokolliert","dateOfBirth":"1990-05-02","nationality":"SYR",
                 "languages":["ar"],"town":"Velbert"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF",
                 "assignee":"fallmanagement.mettmann"}""")).path("id").asText();
        assertThat(caseId).isNotBlank();
        lead.get("/api/cases/" + caseId);

        WebDriver steering = signIn("steuerung.mettmann");
        assertThat(steering.findElement(By.tagName("h1")).getText()).isEqualTo("Steuerung");
        String goal = "Sprachkurse in jedem Ort";
        steering.findElement(By.id("sg-title")).sendKeys(goal);
        new Select(steering.findElement(By.id("sg-field"))).selectByValue("LANGUAGE");
        submit(steering, "add-goal");
        assertThat(steering.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        WebElement goalSection = untilPresent(steering, base() + "/steuerung",
                By.xpath("//section[contains(@class,'goal')][h3[normalize-space()='" + goal + "']]"));
        String goalId = goalSection.getAttribute("id").substring("goal-".length());

        String measure = "Träger mit Kinderbetreuung ansprechen";
        steering.findElement(By.id("m-title-" + goalId)).sendKeys(measure);
        steering.findElement(By.id("m-responsible-" + goalId)).sendKeys("KI, Team Sprache");
        submit(steering, "add-measure-" + goalId);
        assertThat(steering.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        WebElement measureRow = untilPresent(steering, base() + "/steuerung",
                By.xpath("//table[@id='measures-" + goalId + "']//tr[td[normalize-space()='" + measure + "']]"));
        assertThat(measureRow.findElement(By.cssSelector(".measure-status")).getText()).isEqualTo("geplant");
        String measureId = measureRow.getAttribute("id").substring("measure-".length());
        new Select(steering.findElement(By.id("ms-" + measureId))).selectByValue("UNDER_WAY");
        submit(steering, "measure-status-" + measureId);
        until(steering, base() + "/steuerung", d -> d.findElement(By.cssSelector("#measure-" + measureId + " .measure-status"))
                .getText().equals("in Umsetzung"));

        new Select(steering.findElement(By.id("i-metric-" + goalId))).selectByValue("CASES_OPENED");
        new Select(steering.findElement(By.id("i-direction-" + goalId))).selectByValue("AT_LEAST");
        steering.findElement(By.id("i-target-" + goalId)).sendKeys("10");
        submit(steering, "add-indicator-" + goalId);
        assertThat(steering.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        until(steering, base() + "/steuerung", d -> d.findElement(By.id("indicators-" + goalId)).getText()
                .contains("Eröffnete Fälle") && d.findElement(By.id("indicators-" + goalId)).getText().contains("mindestens 10"));

        String decision = "Sprachkurse mit Kinderbetreuung ausschreiben";
        new Select(steering.findElement(By.id("d-body"))).selectByValue("STEERING_GROUP");
        steering.findElement(By.id("d-subject")).sendKeys(decision);
        steering.findElement(By.id("d-text")).sendKeys("Die Lenkungsgruppe beauftragt das KI mit der Ausschreibung.");
        new Select(steering.findElement(By.id("d-goal"))).selectByValue(goalId);
        submit(steering, "record-decision");
        assertThat(steering.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        until(steering, base() + "/steuerung", d -> d.findElement(By.id("decision-list")).getText().contains(decision)
                && d.findElement(By.id("decision-list")).getText().contains("Lenkungsgruppe"));
        assertThat(steering.findElement(By.id("decision-list")).getText()).contains(goal);
        assertThat(steering.findElements(By.id("status-progressions"))).hasSize(1);
        screenshot(steering, "steering-action-plan");
        assertThat(steering.getPageSource()).doesNotContain("Samira", "Protokolliert");

        press(steering, steering.findElement(By.cssSelector("header nav")).findElement(By.linkText("Jahresbericht")));
        assertThat(steering.findElement(By.tagName("h1")).getText()).isEqualTo("Jahresbericht " + java.time.Year.now());
        assertThat(steering.findElements(By.id("section-casesOpenedByMonth"))).hasSize(1);
        screenshot(steering, "steering-yearly-report");
        assertThat(steering.getPageSource()).doesNotContain("Samira", "Protokolliert");

        WebDriver admin = signIn("admin.mettmann");
        press(admin, admin.findElement(By.cssSelector("header nav")).findElement(By.linkText("Protokoll")));
        assertThat(admin.findElement(By.tagName("h1")).getText()).isEqualTo("Zugriffsprotokoll");
        new Select(admin.findElement(By.id("a-service"))).selectByValue("case-service");
        admin.findElement(By.id("a-subject")).sendKeys(caseId);
        submit(admin, "audit-filter");
        until(admin, admin.getCurrentUrl(), d -> d.findElement(By.id("audit-case-service")).getText().contains(caseId));
        assertThat(admin.findElement(By.id("audit-case-service")).getText()).contains("leitung.mettmann");
        screenshot(admin, "admin-audit");

        String partnerId = "test-partner-deaktivierung";
        visit(admin, base() + "/partner");
        admin.findElement(By.id("p-id")).sendKeys(partnerId);
        admin.findElement(By.id("p-name")).sendKeys("Testpartner Deaktivierung");
        new Select(admin.findElement(By.id("p-kind"))).selectByValue("OTHER");
        check(admin, "legalDomains", "SGB_II");
        check(admin, "fieldsOfAction", "HOUSING");
        admin.findElement(By.id("p-towns")).sendKeys("Velbert");
        submit(admin, "register-partner");
        assertThat(admin.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        // The list pages by name: the field of action the test partner alone has here finds it on the first page.
        until(admin, base() + "/partner?feld=HOUSING", d -> d.findElement(By.cssSelector("#partner-" + partnerId
                + " .partner-status")).getText().equals("aktiv"));
        admin.findElement(By.id("deactivate-open-" + partnerId)).click();
        admin.findElement(By.id("deactivate-reason-" + partnerId)).sendKeys("Kooperation beendet");
        submit(admin, "deactivate-" + partnerId);
        assertThat(admin.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        until(admin, base() + "/partner?feld=HOUSING", d -> d.findElement(By.cssSelector("#partner-" + partnerId
                + " .partner-status")).getText().startsWith("deaktiviert"));
        assertThat(admin.findElement(By.id("partner-" + partnerId)).getText()).contains("Kooperation beendet");
        assertThat(admin.findElements(By.id("deactivate-" + partnerId))).isEmpty();
        screenshot(admin, "admin-partner-deactivated");
    }

    /**
     * The Lenkungsgruppe in the browser: a group with a member, a meeting with attendance and
     * minutes, a new draft of the action plan, a decision giving the member a task and adopting the
     * draft; the steering page shows the open task, which is then marked done. Each new page passes
     * axe-core and shows no id.
     */
    @Test
    void the_steering_group_meets_decides_a_task_and_adopts_a_version_in_the_browser() throws Exception {
        WebDriver steering = signIn("steuerung.mettmann");
        visit(steering, base() + "/steuerung/gremien");
        assertThat(steering.findElement(By.tagName("h1")).getText()).isEqualTo("Gremien und Sitzungen");
        assertReadable(steering);
        String name = "Lenkungsgruppe im Browser";
        new Select(steering.findElement(By.id("fg-body"))).selectByValue("STEERING_GROUP");
        steering.findElement(By.id("fg-name")).sendKeys(name);
        submit(steering, "form-group");
        assertThat(steering.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        WebElement groupSection = untilPresent(steering, base() + "/steuerung/gremien",
                By.xpath("//section[contains(@class,'group')][h3[normalize-space()='" + name + "']]"));
        String groupId = groupSection.getAttribute("id").substring("group-".length());
        steering.findElement(By.id("am-name-" + groupId)).sendKeys("Erika Beispiel");
        steering.findElement(By.id("am-org-" + groupId)).sendKeys("Kommunales Integrationszentrum");
        new Select(steering.findElement(By.id("am-role-" + groupId))).selectByValue("CHAIR");
        submit(steering, "add-member-" + groupId);
        assertThat(steering.findElement(By.id("members-" + groupId)).getText()).contains("Erika Beispiel", "Vorsitz");

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        new Select(steering.findElement(By.id("sm-group"))).selectByValue(groupId);
        date(steering, "sm-day", today);
        steering.findElement(By.id("sm-place")).sendKeys("Kreishaus Mettmann");
        steering.findElement(By.id("sm-agenda")).sendKeys("Fortschreibung des Handlungskonzepts\nBericht aus den Projektgruppen");
        submit(steering, "schedule-meeting");
        assertThat(steering.findElement(By.tagName("h1")).getText()).startsWith("Sitzung: " + name);
        String meetingPage = steering.getCurrentUrl().replaceAll("#.*", "");
        assertReadable(steering);
        steering.findElement(By.cssSelector("#record-attendance input[name=present]")).click();
        submit(steering, "record-attendance");
        assertThat(steering.findElement(By.id("attendance-count")).getText()).isEqualTo("1 von 1 Mitgliedern anwesend");
        steering.findElement(By.id("minutes-text-1")).sendKeys("Das KI stellt den Entwurf vor.");
        submit(steering, "minutes-1");
        assertThat(steering.findElement(By.cssSelector("#agenda .minutes")).getText()).isEqualTo("Das KI stellt den Entwurf vor.");
        // A task for nobody: the form says so next to the field, and nothing is recorded.
        steering.findElement(By.id("rd-subject")).sendKeys("Ohne Verantwortliche");
        steering.findElement(By.id("rd-text")).sendKeys("Eine Aufgabe ohne Mitglied.");
        steering.findElement(By.id("rd-task-1")).sendKeys("Niemandes Aufgabe");
        date(steering, "rd-due-1", today);
        submit(steering, "record-decision");
        assertThat(steering.findElement(By.id("rd-task-errors")).getText()).startsWith("Aufgabe 1:");
        assertThat(steering.findElement(By.id("decisions")).getText()).doesNotContain("Ohne Verantwortliche");
        screenshot(steering, "steering-meeting");

        visit(steering, base() + "/steuerung/handlungskonzept/fassungen");
        if (!steering.findElements(By.id("start-draft")).isEmpty()) {
            submit(steering, "start-draft");
        }
        String draft = steering.findElement(By.id("draft-open")).getText().replaceAll("\\D", "");
        assertReadable(steering);
        screenshot(steering, "steering-plan-versions");

        visit(steering, meetingPage);
        String subject = "Fortschreibung beschlossen";
        steering.findElement(By.id("rd-subject")).sendKeys(subject);
        steering.findElement(By.id("rd-text")).sendKeys("Die Lenkungsgruppe beschließt die neue Fassung.");
        // Two tasks from one decision, one per row of the form.
        steering.findElement(By.id("rd-task-1")).sendKeys("Fassung veröffentlichen");
        new Select(steering.findElement(By.id("rd-owner-1"))).selectByIndex(1);
        date(steering, "rd-due-1", today);
        steering.findElement(By.id("rd-task-2")).sendKeys("Träger informieren");
        new Select(steering.findElement(By.id("rd-owner-2"))).selectByIndex(1);
        date(steering, "rd-due-2", today);
        steering.findElement(By.id("rd-adopt")).click();
        submit(steering, "record-decision");
        assertThat(steering.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        assertThat(steering.findElement(By.id("decisions")).getText()).contains(subject, "Fassung veröffentlichen",
                "Träger informieren", "Erika Beispiel");
        assertReadable(steering);

        visit(steering, base() + "/steuerung/handlungskonzept/fassungen");
        assertThat(steering.findElement(By.id("version-" + draft)).getText()).contains("Fassung " + draft + ", beschlossen am");
        WebElement task = untilPresent(steering, base() + "/steuerung",
                By.xpath("//table[@id='open-tasks']//tr[td[normalize-space()='Fassung veröffentlichen']]"));
        assertThat(steering.findElement(By.id("plan-version")).getText()).contains("In Kraft: Fassung " + draft);
        assertThat(steering.findElement(By.id("next-meeting")).getText()).doesNotContain("keine geplant");
        screenshot(steering, "steering-open-tasks");
        String taskId = task.getAttribute("id").substring("task-".length());
        submit(steering, "task-done-" + taskId);
        assertThat(steering.findElements(By.id("task-" + taskId))).isEmpty();
    }

    /** No WCAG 2.1 A/AA violation, and nothing a person reads is an id or "null". */
    private static void assertReadable(WebDriver browser) throws IOException {
        assertThat(accessibilityViolations(browser)).isEmpty();
        String visible = browser.findElement(By.tagName("body")).getText();
        assertThat(visible).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-");
        assertThat(visible).doesNotContain("null");
    }

    @Test
    void signing_out_ends_both_sessions_and_the_next_visit_asks_to_sign_in_again() throws Exception {
        WebDriver browser = signIn("leitung.mettmann");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mein Arbeitskorb");

        press(browser, browser.findElement(By.cssSelector("form#sign-out button")));

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(base() + "/abgemeldet"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sie sind abgemeldet");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElements(By.cssSelector("header .who"))).isEmpty();
        assertThat(accessibilityViolations(browser)).isEmpty();
        screenshot(browser, "signed-out");

        // The sign-in server's session is over too: its sign-in page asks again, nobody is signed in silently.
        browser.get(base() + "/faelle");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + PLATFORM.platform().ports().authServer() + "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Anmelden bei KIM");

        // "Wieder anmelden" after signing in as someone else: that person, not the last one.
        browser.findElement(By.id("username")).sendKeys("fallmanagement.mettmann");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(base())
                && !d.findElements(By.cssSelector("header .who")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains("Clara Fallmann");
    }

    /** The element's visible text shows words: no code of the APIs' vocabulary (e.g. HOME_VISIT), no UUID. */
    private static void assertWordsOnly(WebElement element) {
        String text = element.getText();
        assertThat(text).doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    /** What axe-core (WCAG 2.1 A and AA rules) finds wrong on the page: rule id and the elements. */
    private static List<String> accessibilityViolations(WebDriver browser) throws IOException {
        String axe;
        try (var in = WebFrontEndBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            axe = new String(java.util.Objects.requireNonNull(in, "axe.min.js").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> violations = new ArrayList<>();
        ((List<?>) found).forEach(v -> violations.add(String.valueOf(v)));
        return violations;
    }

    private WebDriver signIn(String user) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=de-DE", "--window-size=1280,1000");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "de-DE,de"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        browser.get(base() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Anmelden bei KIM");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(base())
                && !d.findElements(By.cssSelector("header .who")).isEmpty());
        assertNoRawCodes(browser);
        return browser;
    }

    /** Sends the form (opening the disclosure it sits in) and waits for the page it leads to, which must read as words. */
    private static void submit(WebDriver browser, String formId) {
        WebElement form = reveal(browser, By.id(formId));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> gone(form));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        assertNoRawCodes(browser);
    }

    /** Clicks a button that sends its form (or a link) and waits for the next page, which must read as words. */
    private static void press(WebDriver browser, WebElement button) {
        WebElement page = browser.findElement(By.tagName("main"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> gone(page));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        assertNoRawCodes(browser);
    }

    /** Opens a page and checks that it reads as words. */
    private static void visit(WebDriver browser, String url) {
        browser.get(url);
        assertNoRawCodes(browser);
    }

    /**
     * The element, with every disclosure ({@code details}) around it opened as a user would by its
     * summary: the case file keeps each form behind "… erfassen".
     */
    private static WebElement reveal(WebDriver browser, By by) {
        WebElement element = browser.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                for (let d = arguments[0].closest('details'); d; d = d.parentElement.closest('details')) {
                    if (!d.open) { d.querySelector(':scope > summary').click(); }
                }""", element);
        return element;
    }

    /** The visible text of an element of a page. */
    private static String textOf(WebDriver browser, String url, String id) {
        visit(browser, url);
        return browser.findElement(By.id(id)).getText();
    }

    /**
     * Walks every part of a case file through its navigation: each part is the current one in the
     * navigation, shows no code, id, ISO date or "null" and passes axe-core. Screenshots of each.
     */
    private static void walkCaseFile(WebDriver browser, String caseUrl, String name) throws IOException {
        visit(browser, caseUrl);
        List<String> parts = browser.findElements(By.cssSelector("#case-sections a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(parts).hasSize(10);
        for (String part : parts) {
            visit(browser, part);
            assertThat(browser.findElement(By.cssSelector("#case-sections a[aria-current=page]")).getAttribute("href"))
                    .isEqualTo(part);
            assertThat(accessibilityViolations(browser)).as(part).isEmpty();
            screenshot(browser, name + "-" + (part.equals(caseUrl) ? "ueberblick" : part.substring(part.lastIndexOf('/') + 1)));
        }
    }

    /**
     * What a person reads on the page shows words: no code of the APIs' vocabulary (UPPER_SNAKE),
     * no UUID, no ISO date and no "null". The access log (/protokoll) is exempt: it names ids by
     * design, for the administrator who audits them.
     */
    private static void assertNoRawCodes(WebDriver browser) {
        String url = browser.getCurrentUrl();
        if (!url.startsWith(base()) || url.contains("/protokoll")) {
            return;
        }
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as("visible text of " + url)
                .doesNotContainPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .doesNotContainPattern("\\b\\d{4}-\\d{2}-\\d{2}\\b")
                .doesNotContainPattern("\\bnull\\b");
    }

    /**
     * Whether an element's page has been replaced. Selenium's {@code stalenessOf} expects a stale
     * reference; Chromium, asked in the middle of the navigation, may answer that the node does not
     * belong to the document instead (seen in CI).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException midNavigation) {
            if (String.valueOf(midNavigation.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw midNavigation;
        }
    }

    private static void check(WebDriver browser, String name, String value) {
        browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
    }

    /** Reloads the page until the condition holds: read models follow the commands within moments. */
    private static void until(WebDriver browser, String url, java.util.function.Predicate<WebDriver> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofSeconds(1)).until(d -> {
            d.get(url);
            try {
                return condition.test(d);
            } catch (org.openqa.selenium.NoSuchElementException notYet) {
                return false;
            }
        });
        assertNoRawCodes(browser);
    }

    private static WebElement untilPresent(WebDriver browser, String url, By element) {
        until(browser, url, d -> !d.findElements(element).isEmpty());
        return browser.findElement(element);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static String base() {
        return "http://localhost:" + PLATFORM.platform().ports().gateway();
    }

    /** Today as the platform counts days (in Germany): between 23:00 and 24:00 UTC the UTC date is yesterday there. */
    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
    }
}
