package io.ticketflow.benchmarks;

import java.nio.file.Path;

/** What every benchmark shares about where it runs. */
final class Benchmarks {

    /** The system property {@code benchmarks/run} sets to the project's root folder. */
    static final String ROOT_PROPERTY = "ticketflow.root";

    private Benchmarks() {}

    /** The project's root: {@value #ROOT_PROPERTY}, or the working folder when started otherwise. */
    static Path projectRoot() {
        return Path.of(System.getProperty(ROOT_PROPERTY, "")).toAbsolutePath().normalize();
    }
}
