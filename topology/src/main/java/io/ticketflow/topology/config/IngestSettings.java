package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;

/**
 * Limits the ingest stage enforces on upstream tickets ({@code ticketflow.ingest.*}).
 *
 * @param maxRecordBytes a larger record is dead-lettered unread; default 262144 (256 KiB). Keep it below the
 *     broker's {@code message.max.bytes} of the enriched topic, since the enriched ticket carries the text
 * @param maxTitleLength a longer title (in Unicode code points, after trimming) is dead-lettered; default 300
 * @param maxDescriptionLength a longer description (in code points, after trimming) is truncated to this length and
 *     flagged in the audit trail; default 10000
 */
public record IngestSettings(Integer maxRecordBytes, Integer maxTitleLength, Integer maxDescriptionLength) {

    public IngestSettings {
        maxRecordBytes = atLeast("ingest.max-record-bytes", maxRecordBytes, 256 * 1024, 1024);
        maxTitleLength = atLeast("ingest.max-title-length", maxTitleLength, 300, 1);
        maxDescriptionLength = atLeast("ingest.max-description-length", maxDescriptionLength, 10_000, 1);
    }
}
