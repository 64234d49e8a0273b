package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.orDefault;

import io.ticketflow.schemas.topic.Topic;
import java.util.regex.Pattern;

/**
 * Topic names and whether the application creates its topics ({@code ticketflow.topics.*}).
 *
 * @param prefix put in front of every topic name, for example {@code prod.}; default none
 * @param create create missing topics at start-up; default {@code true}. Turn it off where Terraform (or another
 *     owner) creates topics: then a missing topic stops start-up with its name
 * @param partitions partitions of created topics; default 6. Existing topics are never changed
 * @param replicationFactor replication factor of created topics; default -1, the broker's
 *     {@code default.replication.factor}
 */
public record TopicSettings(String prefix, Boolean create, Integer partitions, Integer replicationFactor) {

    /** Kafka's legal topic characters; the prefix must not make a name illegal. */
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]*");

    public TopicSettings {
        prefix = orDefault(prefix, "");
        if (!LEGAL_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "ticketflow.topics.prefix may only hold letters, digits, '.', '_' and '-', was '" + prefix + "'");
        }
        create = orDefault(create, true);
        partitions = atLeast("topics.partitions", partitions, 6, 1);
        replicationFactor = atLeast("topics.replication-factor", replicationFactor, -1, -1);
        if (replicationFactor == 0) {
            throw new IllegalArgumentException("ticketflow.topics.replication-factor must be -1 or at least 1");
        }
    }

    /** {@code topic} under its configured name. */
    public <K, V> Topic<K, V> resolve(Topic<K, V> topic) {
        return topic.withPrefix(prefix);
    }
}
