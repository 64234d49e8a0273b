package io.ticketflow.testkit;

import java.util.concurrent.atomic.AtomicReference;

/** Remembers the first {@link KafkaCluster} any test class of this JVM received, to check that all get the same. */
final class FirstSharedCluster {

    private static final AtomicReference<KafkaCluster> FIRST = new AtomicReference<>();

    private FirstSharedCluster() {}

    /** The first cluster passed here by any test of the JVM ({@code cluster} itself when it is the first). */
    static KafkaCluster remember(KafkaCluster cluster) {
        FIRST.compareAndSet(null, cluster);
        return FIRST.get();
    }
}
