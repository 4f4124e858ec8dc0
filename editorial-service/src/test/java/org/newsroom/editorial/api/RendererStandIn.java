package org.newsroom.editorial.api;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for publish's preview route (a plain HTTP server answering what the test sets, keeping what it was
 * sent) and leaves notify's address unreachable (a port just closed), so editorial's error paths can be seen.
 */
public class RendererStandIn implements QuarkusTestResourceLifecycleManager {
    static final String PAGE = "<!DOCTYPE html><title>stand-in</title><p>rendered by the stand-in</p>";

    static volatile int status = 200;
    static volatile String received;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/preview/edition", exchange -> {
            received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of(
                "newsroom.editorial.publish-internal-url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "newsroom.editorial.notify-internal-url",
                "http://127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
