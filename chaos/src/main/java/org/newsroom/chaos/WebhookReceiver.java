package org.newsroom.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's webhook endpoint on 127.0.0.1 that answers 200 to every call, counts calls per event id and remembers,
 * per subject (the publication or edition the body's {@code data} names), the event types in the order they came.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHED = "news.publication.published.v1";
    /** What a partner cannot make sense of before the publication itself. */
    private static final Set<String> AFTER_PUBLISHED =
            Set.of("news.publication.updated.v1", "news.publication.retracted.v1");

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<String>> typesBySubject = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            receiver.calls
                    .computeIfAbsent(id == null ? "(none)" : id, key -> new AtomicInteger())
                    .incrementAndGet();
            receiver.arrived(body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return receiver;
    }

    /** Standard Webhooks body: {@code {"type", "timestamp", "data"}}, the data naming its publication or edition. */
    private void arrived(byte[] body) {
        String type;
        String subject;
        try {
            JsonNode call = JSON.readTree(body);
            type = call.path("type").asText("(none)");
            JsonNode data = call.path("data");
            subject = data.hasNonNull("publicationId")
                    ? data.get("publicationId").asText()
                    : data.path("editionId").asText("(none)");
        } catch (IOException notJson) {
            type = "(not JSON)";
            subject = "(none)";
        }
        // Synchronized per subject so that the recorded order is the order of arrival, even on parallel threads.
        List<String> types = typesBySubject.computeIfAbsent(subject, key -> new ArrayList<>());
        synchronized (types) {
            types.add(type);
        }
    }

    /**
     * The subjects among {@code publications} whose update or retraction reached the partner before the publication
     * itself (or without it).
     */
    long misordered(Collection<String> publications) {
        return publications.stream().filter(this::misordered).count();
    }

    /** The publications among these whose publication call reached the partner: the ones the order was checked on. */
    long published(Collection<String> publications) {
        return publications.stream()
                .filter(publication -> {
                    List<String> types = typesBySubject.getOrDefault(publication, List.of());
                    synchronized (types) {
                        return types.contains(PUBLISHED);
                    }
                })
                .count();
    }

    private boolean misordered(String publication) {
        List<String> types = typesBySubject.getOrDefault(publication, List.of());
        synchronized (types) {
            for (String type : types) {
                if (PUBLISHED.equals(type)) {
                    return false;
                }
                if (AFTER_PUBLISHED.contains(type)) {
                    return true;
                }
            }
            return false;
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** How many calls carried this event id (the {@code webhook-id} header, the event's {@code ce_id}). */
    int calls(String eventId) {
        AtomicInteger count = calls.get(eventId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
