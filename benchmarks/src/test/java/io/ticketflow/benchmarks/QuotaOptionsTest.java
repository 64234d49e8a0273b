package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaOptionsTest {

    private static final Path ROOT = Path.of("/work/project");

    @Test
    void shouldDefaultToOneInstanceAndTheIssuesQuotaAndLatency() {
        var options = QuotaOptions.parse(new String[0], ROOT);

        assertThat(options.instances()).isEqualTo(1);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.warmup()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.maxWarmup()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.requestsPerMinute()).isEqualTo(6_000);
        assertThat(options.latency()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.jitter()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.streamThreads()).isEqualTo(1);
        assertThat(options.partitions()).isEqualTo(6);
        assertThat(options.settings()).isEmpty();
        assertThat(options.workDir()).isEqualTo(Path.of("/work/project/benchmarks/target/quota"));
        // 1.25 × 6,000 / 60: a quarter more tickets than the quotas can serve.
        assertThat(options.feedPerSecond()).isEqualTo(125.0);
    }

    @Test
    void shouldTakeInstancesDurationsAndSettings() {
        var options = QuotaOptions.parse(
                new String[] {
                    "--instances", "3",
                    "--duration", "3m",
                    "--warmup", "1m30s",
                    "--blocking-duration", "45s",
                    "--rpm", "600",
                    "--set", "ticketflow.async.max-in-flight=128"
                },
                ROOT);

        assertThat(options.instances()).isEqualTo(3);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.blockingDuration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.requestsPerMinute()).isEqualTo(600);
        assertThat(options.settings()).isEqualTo(Map.of("ticketflow.async.max-in-flight", "128"));
    }

    @Test
    void shouldNeverWarmUpLessThanTheWarmupAsked() {
        var options = QuotaOptions.parse(new String[] {"--warmup", "15m"}, ROOT);

        assertThat(options.maxWarmup()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldReadDurationsInMillisecondsSecondsMinutesAndHours() {
        assertThat(QuotaOptions.duration("--x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(QuotaOptions.duration("--x", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(QuotaOptions.duration("--x", "1h2m3s")).isEqualTo(Duration.ofSeconds(3_723));
        assertThat(QuotaOptions.duration("--x", "0s")).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldRefuseUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--fast", "1"}, ROOT))
                .hasMessageContaining("--fast");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--instances"}, ROOT))
                .hasMessageContaining("--instances needs a value");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--instances", "three"}, ROOT))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--instances", "0"}, ROOT))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--duration", "3 minutes"}, ROOT))
                .hasMessageContaining("--duration needs a duration");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--duration", "m"}, ROOT))
                .hasMessageContaining("--duration needs a duration");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--jitter-ms", "2000"}, ROOT))
                .hasMessageContaining("--jitter-ms");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--set", "async.max-in-flight=1"}, ROOT))
                .hasMessageContaining("ticketflow.KEY=VALUE");
        assertThatThrownBy(() -> QuotaOptions.parse(new String[] {"--feed-factor", "0.5"}, ROOT))
                .hasMessageContaining("--feed-factor");
    }
}
