package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the flags from ENVIRONMENT.md and a fresh profile.
 * Every console entry is kept; {@link #assertNoConsoleErrors()} fails on any SEVERE one.
 */
public final class Browser implements AutoCloseable {
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final List<LogEntry> console = new ArrayList<>();

    public Browser(URI base) {
        this.base = base.toString().replaceAll("/$", "");
        try {
            this.profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    public WebDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Signs in through the login page, as a person would, and waits for the dashboard to be drawn. */
    public void login(String user, String password) {
        open("/login");
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        waitFor(
                Duration.ofSeconds(10),
                d -> d.getCurrentUrl().endsWith("/") || d.getCurrentUrl().contains("/#"));
        waitReady("overview");
    }

    /**
     * Forgets the session. The dashboard is left for the login page first: a dashboard page still open would go on
     * polling with the cookies gone, and its 401s would be console errors of the next test's making.
     */
    public void signOutByCookies() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Goes to a dashboard page and waits until its module says it has drawn ({@code main[data-ready]}). */
    public void page(String name) {
        driver.executeScript("""
                document.getElementById('main').removeAttribute('data-ready');
                if (location.hash === arguments[0]) window.dispatchEvent(new HashChangeEvent('hashchange'));
                else location.hash = arguments[0];""", "#/" + name);
        waitReady(name.split("/")[0]);
    }

    public void waitReady(String page) {
        waitFor(Duration.ofSeconds(10), d -> page.equals(find("#main").getDomAttribute("data-ready")));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks the element, finding it again if a live update redrew it between finding and clicking. */
    public void click(String css) {
        click(By.cssSelector(css));
    }

    public void click(By by) {
        for (int attempt = 0; ; attempt++) {
            try {
                driver.findElement(by).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 10) throw e;
            }
        }
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for the condition; an element a live update redrew meanwhile is simply looked up again on the next try. */
    public <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait.until(condition::apply);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** target/screenshots/{name}.png */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the console and drops the errors a test caused on purpose (a refused request's failed load), so they fail nothing. */
    public void expectConsoleError(String fragment) {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        console.removeIf(e -> e.getMessage().contains(fragment));
    }

    /** Reads the console collected since the last call; fails on any error the page logged or any failed load. */
    public void assertNoConsoleErrors() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        List<String> severe = console.stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
        console.clear();
        if (!severe.isEmpty()) fail("the browser console has errors:\n" + String.join("\n", severe));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover profile under target/ is harmless
            }
        }
    }
}
