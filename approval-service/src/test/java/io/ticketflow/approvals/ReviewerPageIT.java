package io.ticketflow.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testkit.ApprovalRequests;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reviewer page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): sign in, see the
 * queue, watch a row decided elsewhere disappear, open a detail and decide.
 */
@WithKafkaBroker
class ReviewerPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    KafkaCluster kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void needsChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(
                present,
                "Skipped: the reviewer page test needs Debian's chromium and chromium-driver"
                        + " (apt-get install -y chromium chromium-driver)");
    }

    @Test
    void shouldShowTheQueueLiveAndDecideFromTheDetailView() throws Exception {
        Instant now = Instant.now();
        try (RunningService service = new RunningService(kafka, stateDir, Clock.systemUTC(), Map.of()).start()) {
            service.request(List.of(
                    ApprovalRequests.request("TCK-P1", "acme", now, Duration.ofDays(1)),
                    ApprovalRequests.request("TCK-P2", "acme", now.plusSeconds(1), Duration.ofDays(1))));
            service.awaitInLedger(List.of("TCK-P1", "TCK-P2"));
            WebDriver browser = headlessChromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, RunningService.PATIENCE);
                browser.get(service.uri("/").toString());
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dev-user")));
                new Select(browser.findElement(By.id("dev-user"))).selectByValue("alice");
                browser.findElement(By.id("sign-in")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("row-TCK-P1")));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("row-TCK-P2")));
                wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));

                // A row decided elsewhere disappears.
                assertThat(service.decide(
                                        "TCK-P1", "bob", "elsewhere", "{\"decision\":\"REJECT\",\"expectedVersion\":1}")
                                .get()
                                .statusCode())
                        .isEqualTo(200);
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("row-TCK-P1")));

                // A new request appears without reloading.
                service.request(List.of(ApprovalRequests.request("TCK-P3", "acme", now, Duration.ofDays(1))));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("row-TCK-P3")));

                // The detail view shows the suggestion, reasons and duplicates; approving removes the row.
                browser.findElement(By.id("row-TCK-P2")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-ticket"), "TCK-P2"));
                assertThat(browser.findElement(By.id("detail-suggestion")).getText())
                        .contains("P2", "network");
                assertThat(browser.findElement(By.id("detail-reasons")).getText())
                        .contains("LOW_CONFIDENCE", "POSSIBLE_DUPLICATE");
                assertThat(browser.findElement(By.id("detail-duplicates")).getText())
                        .contains("TCK-0999");
                browser.findElement(By.id("approve")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "APPROVE applied"));
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("row-TCK-P2")));
            } finally {
                browser.quit();
            }
            assertThat(service.get("/approvals/TCK-P2", "victor").body())
                    .contains("\"status\":\"DECIDED\"", "\"reviewer\":\"alice\"", "\"decision\":\"APPROVE\"");
        }
    }

    private static WebDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }
}
