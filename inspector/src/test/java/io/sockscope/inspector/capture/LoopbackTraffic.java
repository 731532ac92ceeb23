package io.sockscope.inspector.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Real TCP exchanges on 127.0.0.1 for the capture tests: port 0, both ends in this JVM. */
final class LoopbackTraffic {

    private LoopbackTraffic() {
    }

    static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /**
     * Connects to {@code server}, sends {@code request}, reads the reply the accepting side
     * sends back ({@code reply}), and closes both ends (client first). Returns the client's port.
     */
    static int exchange(ServerSocket server, String request, String reply) throws IOException, InterruptedException {
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try (Socket accepted = server.accept()) {
                InputStream in = accepted.getInputStream();
                byte[] got = in.readNBytes(request.length());
                if (!new String(got, StandardCharsets.US_ASCII).equals(request)) {
                    throw new IllegalStateException("server read " + new String(got, StandardCharsets.US_ASCII));
                }
                accepted.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                if (in.read() != -1) {
                    throw new IllegalStateException("client sent more than the request");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        int clientPort;
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            clientPort = client.getLocalPort();
            OutputStream out = client.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] answer = client.getInputStream().readNBytes(reply.length());
            if (!new String(answer, StandardCharsets.US_ASCII).equals(reply)) {
                throw new IllegalStateException("client read " + new String(answer, StandardCharsets.US_ASCII));
            }
        }
        try {
            served.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return clientPort;
    }
}
