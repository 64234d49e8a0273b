package io.ticketflow.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuotaLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void shouldTakeNothingFromEitherBucketWhenOneRefuses() {
        QuotaLimiter quota = new QuotaLimiter(10, 100, now::get);

        assertThat(quota.tryAcquire(101)).isFalse();

        // Had the refused call taken its request, ten more would not fit.
        for (int call = 0; call < 10; call++) {
            assertThat(quota.tryAcquire(10)).isTrue();
        }
        assertThat(quota.tryAcquire(0)).isFalse();
    }

    @Test
    void shouldRefillContinuouslyUpToOneMinutesQuota() {
        QuotaLimiter quota = new QuotaLimiter(0, 600, now::get);
        assertThat(quota.tryAcquire(600)).isTrue();

        now.addAndGet(TimeUnit.SECONDS.toNanos(1)); // 10 tokens a second

        assertThat(quota.tryAcquire(11)).isFalse();
        assertThat(quota.tryAcquire(10)).isTrue();

        now.addAndGet(TimeUnit.MINUTES.toNanos(10)); // a long pause refills one minute's quota, not ten

        assertThat(quota.tryAcquire(601)).isFalse();
        assertThat(quota.tryAcquire(600)).isTrue();
    }

    @Test
    void shouldGiveBackUnusedTokensButNeverAboveCapacity() {
        QuotaLimiter quota = new QuotaLimiter(0, 100, now::get);
        assertThat(quota.tryAcquire(80)).isTrue();

        quota.giveBack(50);

        assertThat(quota.tryAcquire(70)).isTrue();
        quota.giveBack(1_000);
        assertThat(quota.tryAcquire(101)).isFalse();
        assertThat(quota.tryAcquire(100)).isTrue();
    }

    @Test
    void shouldLetEverythingPassWithoutQuotas() {
        QuotaLimiter quota = new QuotaLimiter(0, 0, now::get);

        for (int call = 0; call < 1_000; call++) {
            assertThat(quota.tryAcquire(1_000_000)).isTrue();
        }
    }

    @Test
    void shouldReportTheHeadroomOfTheFullerBucketsLowestLevel() {
        QuotaLimiter quota = new QuotaLimiter(10, 1_000, now::get);
        assertThat(quota.headroom()).isEqualTo(1.0);

        quota.tryAcquire(100); // 9 of 10 requests, 900 of 1,000 tokens left

        assertThat(quota.headroom()).isCloseTo(0.9, within(1e-9));
        quota.tryAcquire(800);
        assertThat(quota.headroom()).isCloseTo(0.1, within(1e-9));
        assertThat(new QuotaLimiter(0, 0, now::get).headroom()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveBackARefundedCallsRequestAndTokens() {
        QuotaLimiter quota = new QuotaLimiter(1, 100, now::get);
        assertThat(quota.tryAcquire(100)).isTrue();

        quota.refund(100);

        assertThat(quota.tryAcquire(100)).isTrue();
    }
}
