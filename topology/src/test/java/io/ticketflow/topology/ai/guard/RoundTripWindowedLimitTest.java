package io.ticketflow.topology.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.limit.AIMDLimit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoundTripWindowedLimitTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AIMDLimit aimd = AIMDLimit.newBuilder()
            .initialLimit(4)
            .minLimit(1)
            .maxLimit(100)
            .timeout(60, TimeUnit.SECONDS)
            .build();
    private final RoundTripWindowedLimit limit = new RoundTripWindowedLimit(aimd, SECOND, 10 * SECOND);

    @Test
    void shouldChangeTheLimitOncePerWindowOfTwoRoundTripsHoweverFewTheAttempts() {
        // Attempts of one second, one starting every quarter second (four in flight), each using the whole limit.
        for (int quarter = 0; quarter < 80; quarter++) {
            limit.onSample(quarter * SECOND / 4, SECOND, limit.getLimit(), false);
        }

        // The first attempt to end (at 1 s) closes the first window; each window lasts two round trips and closes
        // with the first attempt ending after it, a quarter second later: at 1, 3.25, 5.5, ... 19 s, nine windows.
        assertThat(limit.getLimit()).isEqualTo(4 + 9);
    }

    @Test
    void shouldCountABurstOfThrottlesInOneWindowOnce() {
        limit.onSample(0, SECOND, 4, false); // opens the first window: up by one
        for (int attempt = 0; attempt < 5; attempt++) {
            limit.onSample(SECOND / 2, 1_000, 5, true); // quick throttled answers within the window
        }
        assertThat(limit.getLimit()).isEqualTo(5);

        limit.onSample(3 * SECOND, SECOND, 5, false); // after the window: its one sample says "dropped"

        assertThat(limit.getLimit()).isEqualTo(4); // 5 x 0.9, once
    }

    @Test
    void shouldNotGrowALimitThatIsNotUsed() {
        for (int second = 0; second < 20; second++) {
            limit.onSample(second * SECOND, SECOND, 1, false); // one attempt in flight of a limit of four
        }

        assertThat(limit.getLimit()).isEqualTo(4);
    }
}
