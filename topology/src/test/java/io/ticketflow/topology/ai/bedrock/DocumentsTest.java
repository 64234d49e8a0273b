package io.ticketflow.topology.ai.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import tools.jackson.databind.JsonNode;

class DocumentsTest {

    @Test
    void shouldRoundTripJsonKeepingIntegersIntegral() {
        JsonNode json =
                Documents.JSON.readTree("{\"a\":30,\"b\":0.9,\"c\":[\"x\",true,null],\"d\":{\"e\":12345678901234}}");

        Document document = Documents.fromJson(json);
        JsonNode back = Documents.toJson(document);

        assertThat(back).isEqualTo(json);
        assertThat(back.path("a").isIntegralNumber()).isTrue();
        assertThat(back.path("b").isIntegralNumber()).isFalse();
        assertThat(document.asMap().get("d").asMap().get("e").asNumber().longValue())
                .isEqualTo(12_345_678_901_234L);
    }
}
