package io.ticketflow.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child JVMs for the crash tests: a process can be killed (SIGKILL), a thread of the test's own JVM cannot. */
public final class JavaProcess {

    /** A process running {@code main} with {@code args} on this JVM's java and class path. */
    public static ProcessBuilder of(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private JavaProcess() {}
}
