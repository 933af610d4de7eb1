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
 * dashboard counts the case. Screenshots of each main page: target/screenshots.
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

        WebDriver lead = signIn("leitung.mettmann");
        assertThat(lead.findElement(By.tagName("h1")).getText()).isEqualTo("Meine Fälle");
        screenshot(lead, "case-manager-cases");
        press(lead, lead.findElement(By.linkText("Fall eröffnen")));
        lead.findElement(By.id("givenName")).sendKeys("Mariam");
        lead.findElement(By.id("familyName")).sendKeys("Erfunden");
        ((org.openqa.selenium.JavascriptExecutor) lead).executeScript(
                "document.getElementById('dateOfBirth').value = '1992-03-14'");
        lead.findElement(By.id("nationality")).sendKeys("SYR");
        lead.findElement(By.id("languages")).sendKeys("ar, de");
        lead.findElement(By.id("town")).sendKeys("Velbert");
        lead.findElement(By.id("assignee")).clear();
        lead.findElement(By.id("assignee")).sendKeys("fallmanagement.mettmann");
        submit(lead, "open-case");
        assertThat(lead.findElement(By.tagName("h1")).getText()).isEqualTo("Fallakte: Erfunden, Mariam");
        String caseUrl = lead.getCurrentUrl();

        new Select(lead.findElement(By.id("need-field"))).selectByValue("LANGUAGE");
        submit(lead, "add-need");
        new Select(lead.findElement(By.id("consent-recipient"))).selectByValue("demo-partner-mettmann");
        submit(lead, "add-consent");
        assertThat(lead.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        press(lead, untilPresent(lead, caseUrl, By.cssSelector("a.find-offers")));
        WebElement offers = untilPresent(lead, lead.getCurrentUrl(), By.id("offers"));
        assertThat(offers.getText()).contains("Deutsch B1 mit Kinderbetreuung", "VHS Velbert");
        screenshot(lead, "case-file-offer-search");
        press(lead, offers.findElement(By.tagName("button")));
        assertThat(lead.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");

        partner.get(base() + "/eingang");
        WebElement referral = untilPresent(partner, base() + "/eingang", By.cssSelector("article.referral"));
        assertThat(referral.findElement(By.cssSelector(".client-name")).getText()).isEqualTo("Erfunden, Mariam");
        screenshot(partner, "partner-inbox");
        press(partner, referral.findElement(By.cssSelector("form.accept button")));
        assertThat(partner.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");

        until(lead, caseUrl, d -> d.findElement(By.id("referrals")).getText().contains("ACCEPTED"));
        screenshot(lead, "case-file");
        lead.findElement(By.id("f-subject")).sendKeys("Kursbeginn nachfragen");
        ((org.openqa.selenium.JavascriptExecutor) lead).executeScript(
                "document.getElementById('f-due').value = new Date().toISOString().substring(0, 10)");
        press(lead, lead.findElement(By.id("f-subject")).findElement(By.xpath("ancestor::form//button")));
        assertThat(lead.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");

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
        admin.get(base() + "/partner");
        admin.findElement(By.id("p-id")).sendKeys(partnerId);
        admin.findElement(By.id("p-name")).sendKeys("Testpartner Deaktivierung");
        new Select(admin.findElement(By.id("p-kind"))).selectByValue("OTHER");
        check(admin, "legalDomains", "SGB_II");
        check(admin, "fieldsOfAction", "HOUSING");
        admin.findElement(By.id("p-towns")).sendKeys("Velbert");
        submit(admin, "register-partner");
        assertThat(admin.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        until(admin, base() + "/partner", d -> d.findElement(By.cssSelector("#partner-" + partnerId + " .partner-status"))
                .getText().equals("aktiv"));
        admin.findElement(By.id("deactivate-open-" + partnerId)).click();
        admin.findElement(By.id("deactivate-reason-" + partnerId)).sendKeys("Kooperation beendet");
        submit(admin, "deactivate-" + partnerId);
        assertThat(admin.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Gespeichert.");
        until(admin, base() + "/partner", d -> d.findElement(By.cssSelector("#partner-" + partnerId + " .partner-status"))
                .getText().startsWith("deaktiviert"));
        assertThat(admin.findElement(By.id("partner-" + partnerId)).getText()).contains("Kooperation beendet");
        assertThat(admin.findElements(By.id("deactivate-" + partnerId))).isEmpty();
        screenshot(admin, "admin-partner-deactivated");
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
        return browser;
    }

    /** Sends the form and waits for the page it leads to (a new page, not the one the form was on). */
    private static void submit(WebDriver browser, String formId) {
        WebElement form = browser.findElement(By.id(formId));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(form));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Clicks a button that sends its form and waits for the next page. */
    private static void press(WebDriver browser, WebElement button) {
        WebElement page = browser.findElement(By.tagName("main"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
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

    private static String base() {
        return "http://localhost:" + PLATFORM.platform().ports().gateway();
    }
}
