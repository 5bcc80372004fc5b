package ua.social.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; nothing is
 * downloaded): sign-in on Keycloak's own login form with PKCE, then the charts drawn from the API.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    @TestHTTPResource("/dashboard/")
    URL dashboard;

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
                "--disable-sync", "--lang=uk", "--window-size=1400,1500", "--user-data-dir=" + profile);
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
    void analystSignsInAndSeesTheCharts() throws IOException {
        World world = TestData.world();
        String communities = String.join(",", world.communities.stream().map(World.Community::hromada).toList());
        String filters = "from=2019-01-01&to=2019-06-30&groupBy=oblast&hromada=" + communities;
        JsonNode tables = Reports.tables(Reports.get(DemoUsers.ANALYST, Map.of("from", "2019-01-01",
                "to", "2019-06-30", "groupBy", "oblast", "hromada", communities)));

        driver.get(dashboard + "?" + filters);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(driver.getCurrentUrl().contains("/realms/social-services/protocol/openid-connect/auth"),
                "redirected to Keycloak: " + driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE S256");
        driver.findElement(By.id("username")).sendKeys(DemoUsers.ANALYST);
        driver.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
        driver.findElement(By.id("kc-login")).click();

        wait.until(d -> List.of("ready", "error").contains(
                d.findElement(By.tagName("body")).getDomAttribute("data-state")));
        assertEquals("ready", driver.findElement(By.tagName("body")).getDomAttribute("data-state"),
                "dashboard status: " + driver.findElement(By.id("status")).getText());
        assertTrue(driver.getCurrentUrl().contains("from=2019-01-01") && !driver.getCurrentUrl().contains("code="),
                "back on the dashboard with the filters, the code removed: " + driver.getCurrentUrl());
        wait.until(d -> !d.findElement(By.id("user-name")).getText().isBlank());

        // services by category: one bar per published total, labelled with the category
        JsonNode services = Reports.table(tables, "servicesByCategory").get("total").get("cells");
        List<WebElement> serviceBars = driver.findElements(By.cssSelector("#chart-services rect.bar"));
        assertEquals(count(services, true), serviceBars.size(), "bars for the published service categories");
        assertTrue(count(services, true) > 3, "data enough to draw");
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

        // overview: a row per oblast and the total
        assertEquals(3 + 2, driver.findElements(By.cssSelector("#overview tr")).size());

        Files.createDirectories(SCREENSHOT.getParent());
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the dashboard");
    }

    /** Published cells; with nonZero, only those above zero (a zero draws no bar). */
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
}
