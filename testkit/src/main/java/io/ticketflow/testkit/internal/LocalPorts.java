package io.ticketflow.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * TCP ports on {@value BrokerProperties#HOST}: finding a free one and checking that a chosen one is free.
 *
 * <p>Both answers are only true at the moment of asking: another process may take the port before the broker binds
 * it. The broker fixture therefore asks right before it starts, which leaves a window of a fraction of a second.
 */
public final class LocalPorts {

    private LocalPorts() {}

    /** A port the operating system considers free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, host())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + BrokerProperties.HOST, e);
        }
    }

    /**
     * Fails unless {@code port} can be bound right now.
     *
     * @param port the port to check
     * @param purpose what the port is for, named in the error
     * @throws IllegalStateException if something already listens on the port
     */
    public static void requireFree(int port, String purpose) {
        try {
            new ServerSocket(port, 1, host()).close();
        } catch (IOException e) {
            throw new IllegalStateException(
                    BrokerProperties.HOST + ":" + port + " (" + purpose + ") is already in use: stop what listens"
                            + " there (another broker?) or choose another port",
                    e);
        }
    }

    private static InetAddress host() throws IOException {
        return InetAddress.getByName(BrokerProperties.HOST);
    }
}
