package io.ticketflow.approvals.config;

import static io.ticketflow.approvals.config.Settings.atLeast;
import static io.ticketflow.approvals.config.Settings.orDefault;

import io.ticketflow.schemas.topic.Topic;
import java.util.regex.Pattern;

/**
 * Topic names and creation ({@code ticketflow.topics.*}), as in the topology.
 *
 * @param prefix put in front of every topic name; default none
 * @param create create missing topics at start-up; default {@code true}
 * @param partitions partitions of created topics other than {@code approvals.commands} (which always gets as many as
 *     {@code approvals.requested}); default 6
 */
public record TopicSettings(String prefix, Boolean create, Integer partitions) {

    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]*");

    public TopicSettings {
        prefix = orDefault(prefix, "");
        if (!LEGAL_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "ticketflow.topics.prefix may only hold letters, digits, '.', '_' and '-', was '" + prefix + "'");
        }
        create = orDefault(create, true);
        partitions = atLeast("topics.partitions", partitions, 6, 1);
    }

    /** {@code topic} under its configured name. */
    public <K, V> Topic<K, V> resolve(Topic<K, V> topic) {
        return topic.withPrefix(prefix);
    }
}
