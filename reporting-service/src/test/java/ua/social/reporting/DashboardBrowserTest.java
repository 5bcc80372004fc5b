package ua.social.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import ua.social.contracts.code.Codifier;
import ua.social.contracts.code.ServiceCategory;
import ua.social.identity.Territory;
import ua.social.identity.testing.DemoUsers;
import ua.social.reporting.support.Reports;
import ua.social.reporting.support.TestData;
import ua.social.reporting.support.World;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; nothing is
 * downloaded): the greeting before sign-in, sign-in on Keycloak's own login form (Ukrainian by the
 * realm's default although the browser asks for German) with PKCE, then the charts drawn from the API,
 * month labels that do not overlap, withheld counts explained, and a community chosen by name.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    @TestHTTPResource("/dashboard/")
    URL dashboard;
    @TestHTTPResource("/")
    URL root;

    private static boolean servicesPublished;
    private WebDriver driver;
    private Path profile;

    @BeforeEach
    void browser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=de-DE", "--window-size=1400,1500", "--user-data-dir=" + profile);
        // A browser that prefers a language the realm does not offer: Keycloak must answer in its default, uk.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void analystSignsInAndSeesTheCharts() throws IOException {
        World world = TestData.world();
        // the whole oblast of the world's largest community over a calendar year: a single community's
        // figures also carry what its oblast withholds and the complements chosen among its neighbours
        // (docs/adr/0011, nested answers), too few to draw every chart from whatever else the database holds
        String oblast = world.communities.get(0).oblast();
        servicesAcrossTheCountry(oblast);
        String filters = "from=2019-01-01&to=2019-12-31&groupBy=oblast&oblast=" + oblast;
        JsonNode tables = Reports.tables(Reports.get(DemoUsers.ANALYST, Map.of("from", "2019-01-01",
                "to", "2019-12-31", "groupBy", "oblast", "oblast", oblast)));

        // /dashboard without its slash redirects, keeping the filters; before sign-in the page greets
        driver.get(root + "dashboard?" + filters);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertTrue(driver.getCurrentUrl().startsWith(dashboard + "?from=2019-01-01"),
                "redirected to /dashboard/ with the filters: " + driver.getCurrentUrl());
        assertEquals("signed-out", driver.findElement(By.tagName("body")).getDomAttribute("data-state"));
        String welcome = driver.findElement(By.id("welcome")).getText();
        assertTrue(welcome.contains("Міністерська панель статистики")
                && welcome.contains("Міністерська панель статистики інтегрованих соціальних послуг"), welcome);
        assertEquals("Увійти", driver.findElement(By.id("sign-in")).getText());
        assertFalse(driver.findElement(By.id("dashboard")).isDisplayed(), "no empty chart frames before sign-in");
        assertTrue(driver.findElements(By.cssSelector("figure")).stream().noneMatch(WebElement::isDisplayed));
        assertFalse(driver.findElement(By.tagName("body")).getText().contains("Завантаження"),
                "no 'loading' before sign-in: " + driver.findElement(By.tagName("body")).getText());
        driver.findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertEquals("uk", driver.findElement(By.tagName("html")).getDomAttribute("lang"),
                "Keycloak's login page in the realm's default language");
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("Увійти"),
                "Ukrainian login form: " + driver.findElement(By.tagName("body")).getText());
        assertTrue(driver.getCurrentUrl().contains("/realms/social-services/protocol/openid-connect/auth"),
                "redirected to Keycloak: " + driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE S256");
        driver.findElement(By.id("username")).sendKeys(DemoUsers.ANALYST);
        driver.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
        driver.findElement(By.id("kc-login")).click();

        // still on Keycloak's page right after the click, the body has no data-state yet, or it is being replaced
        wait.ignoring(StaleElementReferenceException.class).until(d -> Stream.of("ready", "error").anyMatch(
                s -> s.equals(d.findElement(By.tagName("body")).getDomAttribute("data-state"))));
        assertEquals("ready", driver.findElement(By.tagName("body")).getDomAttribute("data-state"),
                "dashboard status: " + driver.findElement(By.id("status")).getText());
        assertTrue(driver.getCurrentUrl().contains("from=2019-01-01") && !driver.getCurrentUrl().contains("code="),
                "back on the dashboard with the filters, the code removed: " + driver.getCurrentUrl());
        wait.until(d -> !d.findElement(By.id("user-name")).getText().isBlank());

        // services by category: one bar per published total, labelled with the category
        JsonNode services = Reports.table(tables, "servicesByCategory").get("total").get("cells");
        List<WebElement> serviceBars = driver.findElements(By.cssSelector("#chart-services rect.bar"));
        assertEquals(count(services, true), serviceBars.size(), "bars for the published service categories");
        assertTrue(count(services, true) > 3, "data enough to draw: " + Reports.table(tables, "servicesByCategory"));
        // every category's label lies whole inside its chart, the longest too
        List<Map<String, Object>> labelBoxes = (List<Map<String, Object>>) js("var s = document.querySelector("
                + "'#chart-services').getBoundingClientRect(); return Array.from(document.querySelectorAll("
                + "'#chart-services text.label')).map(function (t) { var r = t.getBoundingClientRect();"
                + " return {text: t.textContent, left: r.left, chartLeft: s.left}; });");
        assertEquals(9, labelBoxes.size(), "a label per category: " + labelBoxes);
        for (Map<String, Object> box : labelBoxes) {
            assertTrue(num(box, "left") >= num(box, "chartLeft"), "a label cut at the chart's edge: " + box);
        }
        String serviceLabels = driver.findElement(By.id("chart-services")).getText();
        assertTrue(serviceLabels.contains("Матеріальні, економічні") && serviceLabels.contains("Юридичні"),
                "category labels: " + serviceLabels);

        // cases opened by month: one point per published month of each oblast, one line per oblast
        JsonNode opened = Reports.table(tables, "casesOpenedByMonth");
        int points = 0;
        for (JsonNode row : opened.get("rows")) {
            points += count(row.get("cells"), false);
        }
        assertEquals(points, driver.findElements(By.cssSelector("#chart-cases circle.point")).size());
        assertTrue(driver.findElement(By.id("chart-cases")).getText().contains("2019-03"), "month labels");
        assertTrue(!driver.findElements(By.cssSelector("#chart-applicants circle.point")).isEmpty());

        // referral outcomes: stacked segments, one per published non-zero status of a sector
        int segments = 0;
        for (JsonNode row : Reports.table(tables, "referralsBySectorAndStatus").get("rows")) {
            segments += count(row.get("cells"), true);
        }
        assertEquals(segments, driver.findElements(By.cssSelector("#chart-referrals rect.segment")).size());
        assertTrue(driver.findElement(By.id("chart-referrals")).getText().contains("Охорона здоров'я"));

        // caseload: one bar per oblast whose ratio is published
        int ratios = count(Reports.table(tables, "activeCasesPerCaseManager").get("rows").findValues("cells")
                .stream().map(c -> c.get(0)).toList());
        assertEquals(ratios, driver.findElements(By.cssSelector("#chart-caseload rect.bar")).size());

        // overview: a heading, a row per region of the answer (here the chosen oblast) and the total
        assertEquals(Reports.table(tables, "applicants").get("rows").size() + 2,
                driver.findElements(By.cssSelector("#overview tr")).size());

        // workload over the period: a row per oblast and the total, each figure as the API publishes it
        List<JsonNode> workload = Reports.rows(Reports.table(tables, "workloadInPeriod"));
        List<JsonNode> perManager = Reports.rows(Reports.table(tables, "casesPerCaseManagerInPeriod"));
        List<WebElement> workloadRows = driver.findElements(By.cssSelector("#workload tr"));
        assertEquals(workload.size() + 1, workloadRows.size(), "a heading, a row per oblast and the total");
        assertEquals(List.of("Регіон", "Кейс-менеджери за період", "Випадки в роботі за період",
                        "Випадків на кейс-менеджера", "Закритих випадків на кейс-менеджера"),
                workloadRows.get(0).findElements(By.tagName("th")).stream().map(WebElement::getText).toList());
        for (int i = 0; i < workload.size(); i++) {
            List<String> shown = workloadRows.get(i + 1).findElements(By.tagName("td")).stream()
                    .map(WebElement::getText).toList();
            List<String> published = List.of(shown(workload.get(i).get("cells").get(0)),
                    shown(workload.get(i).get("cells").get(1)), shown(perManager.get(i).get("cells").get(0)),
                    shown(perManager.get(i).get("cells").get(1)));
            assertEquals(published, shown.subList(1, 5), "workload row " + workload.get(i).get("key"));
        }
        // the oblast's few case managers may be withheld; the cases they carried are there to show
        assertTrue(count(workload.get(workload.size() - 1).get("cells"), true) > 0,
                "a published workload figure: " + Reports.table(tables, "workloadInPeriod"));

        // the regional project report downloads with the sign-in's token
        driver.findElement(By.id("report-xlsx")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Регіональний звіт завантажено (xlsx)"));

        // twelve months: labels never touch, the first month labelled; a withheld count is marked and its
        // legend says what it is
        List<Map<String, Object>> yearBoxes = monthLabelBoxes("chart-cases");
        assertNoOverlap(yearBoxes);
        assertTrue(yearBoxes.size() >= 4 && yearBoxes.size() <= 12, "months labelled: " + yearBoxes.size());
        assertEquals("2019-01", yearBoxes.get(0).get("text"));
        withheldCountsAreExplained(tables);
        String footer = driver.findElement(By.tagName("footer")).getText();
        assertTrue(footer.contains("У кварталі й році приховано також") && footer.contains("хоча б в одному місяці"),
                "why a quarter's or year's large figure can be withheld (docs/adr/0011, nested periods): " + footer);

        Files.createDirectories(SCREENSHOT.getParent());
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the dashboard");

        // a quarter: its three months, every one labelled
        js("document.querySelector('#filters [name=from]').value = '2019-04-01';");
        js("document.querySelector('#filters [name=to]').value = '2019-06-30';");
        submitAndAwaitReady(wait);
        List<Map<String, Object>> boxes = monthLabelBoxes("chart-cases");
        assertNoOverlap(boxes);
        assertEquals(3, boxes.size(), "the quarter's months");
        assertEquals("2019-04", boxes.get(0).get("text"));
        assertNoOverlap(monthLabelBoxes("chart-applicants"));

        // a community chosen by its Ukrainian name sends its KATOTTG code (and replaces the one chosen before)
        while (!driver.findElements(By.cssSelector("#chosen-communities .community button")).isEmpty()) {
            driver.findElements(By.cssSelector("#chosen-communities .community button")).get(0).click();
        }
        new Select(driver.findElement(By.name("oblast"))).selectByValue(DemoUsers.POLTAVA_OBLAST);
        wait.until(d -> "ready".equals(d.findElement(By.id("community-options")).getDomAttribute("data-state"))
                && DemoUsers.POLTAVA_OBLAST.equals(d.findElement(By.id("community-options")).getDomAttribute("data-oblast")));
        String name = Territory.community(DemoUsers.POLTAVA_HROMADA).orElseThrow().name();
        String label = name + " — Полтавський р-н, Полтавська обл.";
        List<String> offered = driver.findElements(By.cssSelector("#community-options option")).stream()
                .map(o -> o.getDomAttribute("value")).toList();
        assertEquals(Territory.communitiesOf(DemoUsers.POLTAVA_OBLAST).size(), offered.size(), "the oblast's communities");
        assertTrue(offered.contains(label), "offered by name: " + offered.subList(0, Math.min(10, offered.size())));
        assertTrue(offered.stream().noneMatch(o -> o.matches("UA[0-9]{17}")), "names, not bare codes");
        driver.findElement(By.id("community-search")).sendKeys(label, Keys.TAB);
        WebElement chip = wait.until(d -> d.findElement(By.cssSelector("#chosen-communities .community")));
        assertEquals(DemoUsers.POLTAVA_HROMADA, chip.getDomAttribute("data-code"));
        assertTrue(chip.getText().startsWith(name), "the chip shows the name: " + chip.getText());
        submitAndAwaitReady(wait);
        assertTrue(driver.getCurrentUrl().contains("hromada=" + DemoUsers.POLTAVA_HROMADA)
                        && driver.getCurrentUrl().contains("oblast=" + DemoUsers.POLTAVA_OBLAST),
                "the filter sent the community's code: " + driver.getCurrentUrl());
        assertEquals(1, driver.findElements(By.cssSelector("#chosen-communities .community")).size());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void submitAndAwaitReady(WebDriverWait wait) {
        js("document.body.dataset.state = 'submitted';");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        // still on Keycloak's page right after the click, the body has no data-state yet, or it is being replaced
        wait.ignoring(StaleElementReferenceException.class).until(d -> Stream.of("ready", "error").anyMatch(
                s -> s.equals(d.findElement(By.tagName("body")).getDomAttribute("data-state"))));
        assertEquals("ready", driver.findElement(By.tagName("body")).getDomAttribute("data-state"),
                "dashboard status: " + driver.findElement(By.id("status")).getText());
    }

    /** The on-screen boxes of a line chart's month labels, left to right. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> monthLabelBoxes(String chart) {
        return (List<Map<String, Object>>) js("return Array.from(document.querySelectorAll('#" + chart
                + " text.month')).map(function (t) { var r = t.getBoundingClientRect();"
                + " return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; });");
    }

    private static void assertNoOverlap(List<Map<String, Object>> boxes) {
        assertFalse(boxes.isEmpty(), "month labels drawn");
        for (int i = 0; i < boxes.size(); i++) {
            Map<String, Object> a = boxes.get(i);
            assertTrue(num(a, "right") > num(a, "left"), "a label with a width: " + a);
            for (int j = i + 1; j < boxes.size(); j++) {
                Map<String, Object> b = boxes.get(j);
                boolean apart = num(a, "right") <= num(b, "left") || num(b, "right") <= num(a, "left")
                        || num(a, "bottom") <= num(b, "top") || num(b, "bottom") <= num(a, "top");
                assertTrue(apart, "month labels overlap: " + a + " and " + b);
            }
        }
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    /**
     * Each chart that draws a withheld count has a legend line saying what is withheld (a count from 1 to
     * k−1, or one it would give away), and a chart without one has no such line.
     */
    private void withheldCountsAreExplained(JsonNode tables) {
        Map<String, Integer> withheld = new HashMap<>();
        withheld.put("chart-cases", suppressed(Reports.table(tables, "casesOpenedByMonth").get("rows").findValues("cells")));
        withheld.put("chart-applicants", suppressed(Reports.table(tables, "applicantsByMonth").get("rows").findValues("cells")));
        withheld.put("chart-services", suppressed(List.of(Reports.table(tables, "servicesByCategory").get("total").get("cells"))));
        withheld.put("chart-referrals", suppressed(Reports.table(tables, "referralsBySectorAndStatus").get("rows").findValues("cells")));
        // the caseload chart draws the ratio, the first column, of each region
        withheld.put("chart-caseload", (int) Reports.table(tables, "activeCasesPerCaseManager").get("rows")
                .findValues("cells").stream().filter(c -> c.get(0).get("suppressed").asBoolean()).count());
        assertTrue(withheld.values().stream().anyMatch(n -> n > 0), "the test world has withheld counts: " + withheld);
        withheld.forEach((chart, n) -> {
            List<WebElement> legend = driver.findElements(By.cssSelector("#" + chart + " text.withheld-legend"));
            if (n == 0) {
                assertTrue(legend.isEmpty(), chart + " withholds nothing, so it explains nothing");
                return;
            }
            assertEquals(1, legend.size(), chart + " withholds " + n + " counts and says what they are");
            String text = legend.get(0).getText();
            assertTrue(text.contains("приховано") && text.contains("від 1 до 4"), chart + ": " + text);
            assertFalse(driver.findElements(By.cssSelector("#" + chart + " text.withheld")).isEmpty(), chart);
        });
        assertEquals(withheld.get("chart-cases").intValue(),
                driver.findElements(By.cssSelector("#chart-cases text.withheld")).size(), "one mark per withheld month");
    }

    private static int suppressed(List<JsonNode> cellLists) {
        int n = 0;
        for (JsonNode cells : cellLists) {
            for (JsonNode c : cells) {
                if (c.get("suppressed").asBoolean()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Published cells; with nonZero, only those above zero (a zero draws no bar). */
    /** A published cell as the dashboard's tables show it: «прих.» withheld, «—» none, else the number. */
    private static String shown(JsonNode cell) {
        if (cell.get("suppressed").asBoolean()) {
            return "прих.";
        }
        if (cell.get("value").isNull()) {
            return "—";
        }
        double v = cell.get("value").asDouble();
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static int count(JsonNode cells, boolean nonZero) {
        int n = 0;
        for (JsonNode c : cells) {
            if (!c.get("suppressed").asBoolean() && c.get("value").isNumber()
                    && (!nonZero || c.get("value").asDouble() > 0)) {
                n++;
            }
        }
        return n;
    }

    private static int count(List<JsonNode> cells) {
        int n = 0;
        for (JsonNode c : cells) {
            if (!c.get("suppressed").asBoolean() && c.get("value").isNumber()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Services in every month of 2019 as a country of several oblasts has them, once per run: ten of every
     * category in a community of the oblast shown, six of every category in a community of each of four other
     * oblasts. A year's count that adds up over its months is withheld wherever one month withholds it
     * (docs/adr/0011, "Nested periods"); in the simulated world alone (three oblasts, a few services a month) a
     * month's complements for a small count have no cell to go to but the shown oblast's, so no category of
     * its year would be published. Here they go to the smaller counts of the other oblasts, as they would in a
     * country of twenty-five, and the shown oblast's categories are published and drawn.
     */
    private static synchronized void servicesAcrossTheCountry(String shown) {
        if (servicesPublished) {
            return;
        }
        Random random = new Random();
        List<World.Event> events = new ArrayList<>();
        Map<String, Integer> perMonth = new HashMap<>(Map.of(shown, 10));
        List.of("UA-05", "UA-32", "UA-46", "UA-51").forEach(o -> perMonth.put(o, 6));
        perMonth.forEach((oblast, n) -> {
            // a community of the codifier: one that only services reported would be listed but could not be asked for
            List<String> codified = Territory.communitiesOf(oblast).stream().map(Codifier.Community::code).toList();
            World.Community community = new World.Community(oblast, codified.get(random.nextInt(codified.size())),
                    List.of());
            for (ServiceCategory category : ServiceCategory.values()) {
                for (int month = 1; month <= 12; month++) {
                    for (int day = 1; day <= n; day++) {
                        events.add(World.serviceDelivered(community, category.name(), LocalDate.of(2019, month, day)));
                    }
                }
            }
        });
        TestData.publishAndAwait(events);
        servicesPublished = true;
    }
}
