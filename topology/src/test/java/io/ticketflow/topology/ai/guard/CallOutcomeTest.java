package io.ticketflow.topology.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelException.Kind;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CallOutcomeTest {

    @Test
    void shouldClassifyAModelFailureByItsKind() {
        assertThat(CallOutcome.of(new ModelException(Kind.THROTTLED, "x"))).isEqualTo(CallOutcome.THROTTLED);
        assertThat(CallOutcome.of(new ModelException(Kind.UNAVAILABLE, "x"))).isEqualTo(CallOutcome.UNAVAILABLE);
        assertThat(CallOutcome.of(new ModelException(Kind.INVALID_ANSWER, "x"))).isEqualTo(CallOutcome.INVALID_ANSWER);
        assertThat(CallOutcome.of(new ModelException(Kind.REJECTED, "x"))).isEqualTo(CallOutcome.REJECTED);
    }

    @Test
    void shouldTellTheGuardsOwnRefusalsApartThoughTheyAreUnavailable() {
        ModelException lastAttempt = new ModelException(Kind.THROTTLED, "last");
        ModelException refusal = CallOutcome.refusal(CallOutcome.BUDGET_EXHAUSTED, "budget gone", lastAttempt);

        assertThat(refusal.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refusal).hasMessage("budget gone").hasRootCause(lastAttempt);
        assertThat(CallOutcome.of(refusal)).isEqualTo(CallOutcome.BUDGET_EXHAUSTED);
        assertThat(CallOutcome.of(CallOutcome.refusal(CallOutcome.CIRCUIT_OPEN, "open", null)))
                .isEqualTo(CallOutcome.CIRCUIT_OPEN);
    }

    @Test
    void shouldLookThroughACompletionException() {
        assertThat(CallOutcome.of(new CompletionException(new ModelException(Kind.REJECTED, "x"))))
                .isEqualTo(CallOutcome.REJECTED);
    }

    @Test
    void shouldCountAnythingElseAsUnavailable() {
        assertThat(CallOutcome.of(new IllegalStateException("bug in an adapter")))
                .isEqualTo(CallOutcome.UNAVAILABLE);
    }

    @Test
    void shouldTagInLowerCase() {
        assertThat(CallOutcome.INVALID_ANSWER.tag()).isEqualTo("invalid_answer");
    }
}
