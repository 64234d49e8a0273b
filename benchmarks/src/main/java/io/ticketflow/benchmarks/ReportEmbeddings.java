package io.ticketflow.benchmarks;

import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.topology.ai.local.LocalEmbeddingModel;
import io.ticketflow.topology.config.LocalModelSettings;
import io.ticketflow.topology.embed.EmbedCall;
import java.io.IOException;
import java.util.List;

/**
 * The embeddings of a dedup-format folder's reports, as the topology computes them: each report's text built as for a
 * ticket, embedded by the topology's local embedding model with its default settings, cached under {@code
 * benchmarks/target/embedding-cache} so that a rerun does not embed them again.
 */
final class ReportEmbeddings {

    private ReportEmbeddings() {}

    /** One vector a report, in the reports' order. */
    static float[][] of(BugReports data) throws IOException, InterruptedException {
        LocalModelSettings settings = LocalModelSettings.defaults();
        List<String> texts =
                data.reports().stream().map(ReportEmbeddings::textOf).toList();
        try (LocalEmbeddingModel model = LocalEmbeddingModel.create(settings);
                EmbeddingCache cache = EmbeddingCache.open(
                        Benchmarks.projectRoot().resolve("benchmarks/target/embedding-cache"),
                        model.modelId() + "-w" + settings.chunkWords() + "x" + settings.maxChunks(),
                        model.dimensions())) {
            return new BatchEmbedder(model, 4 * settings.threads(), System.out)
                    .embed("reports", texts, cache)
                    .vectors();
        }
    }

    /** The text the topology would embed and compare for {@code report}. */
    static String textOf(BugReports.Report report) {
        return EmbedCall.textOf(new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                report.id(),
                "eval",
                "eval",
                report.title(),
                report.description(),
                new Reporter("eval", null, null),
                report.created(),
                null));
    }
}
