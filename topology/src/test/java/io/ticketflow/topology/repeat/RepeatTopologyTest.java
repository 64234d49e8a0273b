package io.ticketflow.topology.repeat;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.PipelineDriver;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact repeats inside the whole topology: answered from stored results, no model called. */
class RepeatTopologyTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final TicketflowProperties settings =
            new TicketflowProperties(null, new TopicSettings("test.", null, null, null), null, null, null, null, null);
    private final FixedModels models = new FixedModels();
    private PipelineDriver pipeline;

    @BeforeEach
    void startDriver() {
        pipeline = new PipelineDriver(settings, models.enrichment(), START);
    }

    @AfterEach
    void closeDriver() {
        pipeline.close();
    }

    @Test
    void shouldAnswerTheSameTicketResentWithTheSameContentWithoutAnyModelCall() {
        send(ticket("T-1", "Printer jammed", "Tray 2 on floor 3"));
        send(ticket("T-1", "Printer jammed", "Tray 2 on floor 3"));

        TicketEnriched first = pipeline.enriched.readValue();
        TicketEnriched repeat = pipeline.enriched.readValue();

        assertThat(repeat.triage().source()).isEqualTo(TriageSource.REUSED_FROM_REPEAT);
        assertThat(repeat.triage().category()).isEqualTo(first.triage().category());
        assertThat(repeat.triage().usage().inputTokens()).isZero();
        assertThat(repeat.duplicate()).isNull();
        assertThat(repeat.audit()).extracting(stage -> stage.stage()).containsExactly("ingest", "repeat", "route");
        assertThat(models.embeddedTexts()).hasSize(1);
        assertThat(models.triageRequests()).hasSize(1);
    }

    @Test
    void shouldAnswerTheSameNormalisedTextUnderAnotherIdAsADuplicateWithoutAnyModelCall() {
        send(ticket("T-1", "Printer jammed", "Tray 2 on floor 3"));
        send(ticket("T-2", "printer  JAMMED", "tray 2 on   floor 3"));

        pipeline.enriched.readValue();
        TicketEnriched repeat = pipeline.enriched.readValue();

        assertThat(repeat.ticket().id()).isEqualTo("T-2");
        assertThat(repeat.duplicate().verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(repeat.duplicate().duplicateOf()).isEqualTo("T-1");
        assertThat(repeat.duplicate().similarity()).isEqualTo(1.0);
        assertThat(repeat.triage().source()).isEqualTo(TriageSource.REUSED_FROM_REPEAT);
        assertThat(models.embeddedTexts()).hasSize(1);
        assertThat(models.triageRequests()).hasSize(1);
    }

    @Test
    void shouldEmbedAnUpdatedTicketAgainAndNotCallItsOwnDuplicate() {
        send(ticket("T-1", "Printer jammed", "Tray 2 on floor 3"));
        send(ticket("T-1", "Printer jammed", "Tray 2 on floor 3, and now tray 1 as well"));

        pipeline.enriched.readValue();
        TicketEnriched update = pipeline.enriched.readValue();

        assertThat(models.embeddedTexts()).hasSize(2);
        assertThat(update.duplicate()).isNull();
        assertThat(update.triage().source()).isEqualTo(TriageSource.MODEL);
    }

    private void send(TicketIngested ticket) {
        pipeline.ingested.pipeInput(ticket.id(), bytes(ticket));
        pipeline.drain();
    }
}
