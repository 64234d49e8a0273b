package io.ticketflow.topology.ai.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.GeneratedTicket;
import io.ticketflow.testkit.TicketGenerator;
import io.ticketflow.testkit.TicketMix;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class KeywordTriageTest {

    @Test
    void shouldFindTheCategoryOfMostGeneratedTicketsAndBeSurerWhenRight() {
        List<GeneratedTicket> sample = TicketGenerator.builder()
                .seed(5)
                .mix(TicketMix.NEW_ONLY)
                .build()
                .next(600);
        Deserializer<TicketIngested> reader =
                Topics.TICKETS_INGESTED.valueSerde().deserializer();

        int right = 0;
        double confidenceRight = 0;
        double confidenceWrong = 0;
        for (GeneratedTicket generated : sample) {
            var assessment = KeywordTriage.assess(reader.deserialize("tickets.ingested", generated.value()));
            if (assessment.category().equals(generated.category())) {
                right++;
                confidenceRight += assessment.confidence();
            } else {
                confidenceWrong += assessment.confidence();
            }
        }
        int wrong = sample.size() - right;

        // Plausible, not good: enough for routing to send some tickets to review and let others through.
        assertThat(right).isGreaterThan(sample.size() * 6 / 10);
        assertThat(confidenceRight / right).isGreaterThan(confidenceWrong / wrong);
    }
}
