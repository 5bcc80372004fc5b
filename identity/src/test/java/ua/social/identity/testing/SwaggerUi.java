package ua.social.identity.testing;

import io.restassured.RestAssured;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's Swagger UI in a real headless Chromium (Debian's chromium and chromium-driver, which
 * {@code ./platform test} installs), used as a person would: <em>Authorize</em> with a pasted
 * token or API key, open an operation, <em>Try it out</em>, <em>Execute</em>, read the status and
 * the generated curl. Opens the Swagger UI of the {@code @QuarkusTest} under way (RestAssured's
 * base URI and port).
 */
public final class SwaggerUi implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Pattern STATUS = Pattern.compile("(\\d{3})");

    /** What Swagger UI shows after Execute. */
    public record Execution(int status, String curl, String body) {
    }

    private final WebDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private SwaggerUi(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Starts Chromium and opens /q/swagger-ui of the service under test, waiting for its operations. */
    public static SwaggerUi open() {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1500", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        SwaggerUi ui = new SwaggerUi(new ChromeDriver(service, options), profile);
        ui.driver.get(RestAssured.baseURI + ":" + RestAssured.port + "/q/swagger-ui/");
        ui.wait.until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        return ui;
    }

    /**
     * Opens the Authorize dialog, types the value into the field of the named security scheme
     * ({@code keycloak}: the access token; {@code partnerApiKey}: the key), presses its Authorize
     * button and closes the dialog.
     */
    public SwaggerUi authorize(String scheme, String value) {
        click(wait.until(d -> visible(d, By.cssSelector(".auth-wrapper button.authorize"))));
        WebElement container = wait.until(d -> d.findElements(By.cssSelector(".dialog-ux .auth-container")).stream()
                .filter(c -> c.findElements(By.tagName("h4")).stream().anyMatch(h -> h.getText().contains(scheme)))
                .findFirst().orElse(null));
        WebElement input = container.findElement(By.cssSelector("input"));
        input.sendKeys(value);
        click(container.findElement(By.cssSelector("button.authorize")));
        wait.until(d -> container.getText().contains("Logout") || container.getText().contains("Authorized"));
        click(driver.findElement(By.cssSelector(".dialog-ux .close-modal")));
        wait.until(d -> d.findElements(By.cssSelector(".dialog-ux")).isEmpty());
        return this;
    }

    /** Expands the operation (method and path as in the OpenAPI document), Try it out, Execute. */
    public Execution execute(String method, String path) {
        WebElement block = wait.until(d -> d.findElements(By.cssSelector(".opblock.opblock-" + method.toLowerCase()))
                .stream().filter(b -> b.findElements(By.cssSelector(".opblock-summary-path")).stream()
                        .anyMatch(p -> path.equals(p.getDomAttribute("data-path"))))
                .findFirst().orElse(null));
        click(block.findElement(By.cssSelector(".opblock-summary")));
        click(wait.until(d -> visible(block, By.cssSelector("button.try-out__btn"))));
        click(wait.until(d -> visible(block, By.cssSelector("button.execute"))));
        WebElement status = wait.until(d -> visible(block, By.cssSelector(".live-responses-table tr.response .response-col_status")));
        Matcher m = STATUS.matcher(status.getText());
        if (!m.find()) {
            throw new AssertionError("Swagger UI shows no status: " + status.getText());
        }
        String curl = block.findElements(By.cssSelector(".curl-command .curl, .curl-command pre")).stream()
                .map(WebElement::getText).filter(t -> t.contains("curl")).findFirst().orElse("");
        String body = block.findElements(By.cssSelector(".live-responses-table tr.response .response-col_description pre"))
                .stream().map(WebElement::getText).findFirst().orElse("");
        return new Execution(Integer.parseInt(m.group(1)), curl, body);
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebElement visible(SearchContext root, By by) {
        List<WebElement> found = root.findElements(by);
        Optional<WebElement> shown = found.stream().filter(WebElement::isDisplayed).findFirst();
        return shown.orElse(null);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
