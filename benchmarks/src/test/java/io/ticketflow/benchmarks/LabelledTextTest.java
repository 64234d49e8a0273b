package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTextTest {

    @TempDir
    Path folder;

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        Path csv = write("text,category\n" + "printer jammed,Hardware\n"
                + "\"access to share, finance\",Access\n"
                + "\"he said \"\"hi\"\"\nthen left\",HR Support\r\n");

        assertThat(LabelledText.readCsv(csv))
                .containsExactly(
                        new LabelledText("printer jammed", "Hardware"),
                        new LabelledText("access to share, finance", "Access"),
                        new LabelledText("he said \"hi\"\nthen left", "HR Support"));
    }

    @Test
    void shouldRefuseAFileWithoutTheExpectedHeaderOrFields() throws IOException {
        assertThatThrownBy(() -> LabelledText.readCsv(write("id,text\n1,x\n"))).hasMessageContaining("header");
        assertThatThrownBy(() -> LabelledText.readCsv(write("text,category\na,b,c\n")))
                .hasMessageContaining("3 fields");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(folder.resolve("data.csv"), content);
    }
}
