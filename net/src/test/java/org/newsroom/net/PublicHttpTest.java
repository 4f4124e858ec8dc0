package org.newsroom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard end to end, against servers on loopback and a resolver that answers what each test needs (never the
 * real DNS). Which requests reached a server is the sentinel that nothing else did.
 */
class PublicHttpTest {
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<PublicHttp> clients = new ArrayList<>();
    private final CountDownLatch testOver = new CountDownLatch(1);
    /** Requests by server ("127.0.0.1" or "127.0.0.2") and path. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Answers by host name, one per lookup; the last one repeats. */
    private final Map<String, List<InetAddress[]>> answers = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final HostResolver resolver = host -> {
        lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        List<InetAddress[]> queue = answers.get(host);
        if (queue == null) {
            throw new UnknownHostException(host);
        }
        return queue.size() > 1 ? queue.remove(0) : queue.get(0);
    };
    private int port;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        serve("127.0.0.1");
    }

    @AfterEach
    void stop() throws IOException {
        testOver.countDown();
        servers.forEach(s -> s.stop(0));
        for (PublicHttp client : clients) {
            client.close();
        }
    }

    private void serve(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> answer(address, exchange));
        server.start();
        servers.add(server);
    }

    private void answer(String address, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(address + " " + path);
        if (path.startsWith("/redirect/")) {
            exchange.getResponseHeaders()
                    .add("Location", path.substring("/redirect/".length()).replaceFirst("^(https?)/", "$1://"));
            exchange.sendResponseHeaders(302, -1);
        } else if (path.equals("/drip")) {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                while (!testOver.await(200, TimeUnit.MILLISECONDS)) {
                    body.write('.');
                    body.flush();
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up, or the test is over
            }
        } else if (path.startsWith("/big")) {
            byte[] big = new byte[10_000];
            exchange.sendResponseHeaders(200, path.equals("/big/chunked") ? 0 : big.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(big);
            }
        } else {
            byte[] body = address.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void answer(String host, String... addresses) throws UnknownHostException {
        List<InetAddress[]> queue = new ArrayList<>();
        for (String a : addresses) {
            List<InetAddress> one = new ArrayList<>();
            for (String part : a.split(",")) {
                one.add(InetAddress.getByName(part));
            }
            queue.add(one.toArray(InetAddress[]::new));
        }
        answers.put(host, Collections.synchronizedList(queue));
    }

    private PublicHttp client(PublicHttp.Builder builder) {
        PublicHttp client = builder.resolver(resolver).build();
        clients.add(client);
        return client;
    }

    private PublicHttp client(String... allowedHosts) {
        return client(PublicHttp.builder().allowedHosts(List.of(allowedHosts)).deadline(Duration.ofSeconds(10)));
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    private static void assertRefused(IOException e) {
        assertTrue(e instanceof RefusedAddressException, e.toString());
        assertEquals("refused: internal address", e.getMessage(), "the message names no address");
    }

    @Test
    void hostNamesResolvingToAnyInternalFormAreRefusedBeforeAnyConnection() throws Exception {
        PublicHttp client = client();
        for (String literal : InternalAddressesTest.INTERNAL) {
            answer("partner.test", literal);
            IOException refused =
                    assertThrows(IOException.class, () -> client.get(url("partner.test", "/"), Map.of()), literal);
            assertRefused(refused);
            assertFalse(refused.getMessage().contains(literal), literal);
        }
        assertEquals(List.of(), requests);
    }

    @Test
    void literalAddressesAreRefusedWithoutAskingTheResolver() throws Exception {
        PublicHttp client = client();
        for (String host : List.of(
                "127.0.0.1",
                "[::1]",
                "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]",
                "[::127.0.0.1]",
                "[64:ff9b::7f00:1]",
                "[2002:7f00:1::1]",
                "[2001:0:808:808::80ff:fffe]",
                "[fe80::1]",
                "[fd00:ec2::254]",
                "169.254.169.254",
                "[::ffff:169.254.169.254]",
                "0.0.0.0",
                "[::]")) {
            assertRefused(assertThrows(IOException.class, () -> client.get(url(host, "/"), Map.of()), host));
        }
        assertEquals(Map.of(), lookups, "literals are never looked up");
        assertEquals(List.of(), requests);
    }

    @Test
    void oneInternalAddressInTheAnswerRefusesTheHost() throws Exception {
        answer("mixed.test", "8.8.8.8,127.0.0.1");
        assertRefused(assertThrows(IOException.class, () -> client().get(url("mixed.test", "/"), Map.of())));
        assertEquals(List.of(), requests);
    }

    @Test
    void anAllowListedHostReachesItsInternalAddressButNeverAMetadataOne() throws Exception {
        answer("feeds.local", "127.0.0.1");
        answer("evil.local", "127.0.0.1,169.254.169.254");
        PublicHttp client = client("feeds.local", "evil.local", "169.254.169.254", "[fd00:ec2::254]");
        assertEquals(200, client.get(url("feeds.local", "/ok"), Map.of()).status());
        assertRefused(assertThrows(IOException.class, () -> client.get(url("evil.local", "/"), Map.of())));
        assertRefused(assertThrows(IOException.class, () -> client.get(url("169.254.169.254", "/"), Map.of())));
        assertRefused(assertThrows(IOException.class, () -> client.get(url("[fd00:ec2::254]", "/"), Map.of())));
        assertEquals(List.of("127.0.0.1 /ok"), requests);
    }

    /**
     * DNS rebinding: the host answers a public address (here a server on 127.0.0.1 that the test's rule counts as
     * public) and an internal one (127.0.0.2, a second server on the same port) afterwards. The call resolves once
     * and connects to the vetted answer; the later answer is refused, and nothing ever reaches 127.0.0.2.
     */
    @Test
    void aRebindingHostIsResolvedOnceAndTheConnectionGoesToTheVettedAnswer() throws Exception {
        serve("127.0.0.2");
        answer("rebind.test", "127.0.0.1", "127.0.0.2");
        PublicHttp.Builder builder = PublicHttp.builder()
                .resolver(resolver)
                .internal(a -> !a.getHostAddress().equals("127.0.0.1"));
        PublicHttp.Answer answer = client(builder).get(url("rebind.test", "/first"), Map.of());
        assertEquals("127.0.0.1", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals(1, lookups.get("rebind.test").get(), "resolved exactly once");

        assertRefused(assertThrows(
                IOException.class, () -> client(builder).get(url("rebind.test", "/second"), Map.of())));
        assertEquals(2, lookups.get("rebind.test").get());
        assertEquals(List.of("127.0.0.1 /first"), requests);
    }

    @Test
    void everyRedirectHopIsVettedAndResolvedOnce() throws Exception {
        answer("a.test", "127.0.0.1");
        answer("b.test", "127.0.0.1");
        answer("inside.test", "127.0.0.1");
        PublicHttp client = client("a.test", "b.test");
        PublicHttp.Answer answer = client.get(url("a.test", "/redirect/http/b.test:" + port + "/feed"), Map.of());
        assertEquals(200, answer.status());
        assertEquals(url("b.test", "/feed"), answer.finalUri());
        assertEquals(1, lookups.get("a.test").get());
        assertEquals(1, lookups.get("b.test").get());

        // b.test is allow-listed, inside.test is not: the hop there is refused before it connects.
        assertRefused(assertThrows(
                IOException.class,
                () -> client.get(url("b.test", "/redirect/http/inside.test:" + port + "/secret"), Map.of())));
        assertRefused(assertThrows(
                IOException.class,
                () -> client.get(url("b.test", "/redirect/http/169.254.169.254/latest/meta-data"), Map.of())));
        assertFalse(requests.contains("127.0.0.1 /secret"), requests.toString());
    }

    @Test
    void redirectsAreLimited() throws Exception {
        answer("a.test", "127.0.0.1");
        PublicHttp client =
                client(PublicHttp.builder().allowedHosts(List.of("a.test")).maxRedirects(1));
        String twice = "/redirect/http/a.test:" + port + "/redirect/http/a.test:" + port + "/feed";
        assertThrows(IOException.class, () -> client.get(url("a.test", twice), Map.of()));
        assertEquals(
                List.of("127.0.0.1 " + twice, "127.0.0.1 " + twice.substring(twice.indexOf("/redirect", 2))), requests);

        PublicHttp noRedirects =
                client(PublicHttp.builder().allowedHosts(List.of("a.test")).maxRedirects(0));
        assertEquals(
                302,
                noRedirects
                        .get(url("a.test", "/redirect/http/a.test:" + port + "/feed"), Map.of())
                        .status());
    }

    @Test
    void theDeadlineAbortsAServerThatDripsItsAnswer() throws Exception {
        answer("slow.test", "127.0.0.1");
        PublicHttp client = client(PublicHttp.builder()
                .allowedHosts(List.of("slow.test"))
                .deadline(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(30)));
        long started = System.nanoTime();
        PublicHttp.DeadlineException late =
                assertThrows(PublicHttp.DeadlineException.class, () -> client.get(url("slow.test", "/drip"), Map.of()));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMs >= 900 && tookMs < 5_000, "aborted at the deadline: " + tookMs + " ms");
        assertTrue(late.getMessage().startsWith("timed out"), late.getMessage());
        assertThrows(
                PublicHttp.DeadlineException.class,
                () -> client.post(
                        url("slow.test", "/drip"),
                        Map.of(),
                        "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyOverTheCapIsRefused() throws Exception {
        answer("big.test", "127.0.0.1");
        PublicHttp client =
                client(PublicHttp.builder().allowedHosts(List.of("big.test")).maxBodyBytes(2_000));
        for (String path : List.of("/big", "/big/chunked")) {
            IOException tooLarge = assertThrows(
                    PublicHttp.TooLargeException.class, () -> client.get(url("big.test", path), Map.of()), path);
            assertTrue(tooLarge.getMessage().contains("larger than 2000 bytes"), tooLarge.getMessage());
        }
        assertEquals(
                200,
                client.post(url("big.test", "/big"), Map.of(), "application/json", new byte[0])
                        .status(),
                "a dropped body has no cap");
    }

    @Test
    void connectErrorsNameTheHostButNotItsAddress() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = free.getLocalPort();
        }
        answer("down.test", "127.0.0.1");
        IOException e = assertThrows(
                IOException.class,
                () -> client("down.test").get(URI.create("http://down.test:" + closed + "/"), Map.of()));
        assertTrue(e instanceof ConnectException, e.toString());
        assertTrue(e.getMessage().contains("down.test"), e.getMessage());
        assertFalse(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void refusalExplainsAUrlWithoutNamingItsAddress() throws Exception {
        answer("inside.test", "10.0.0.7");
        answer("partner.test", "8.8.8.8");
        PublicHttp client = client();
        assertEquals(Optional.of("internal address"), client.refusal(URI.create("https://inside.test/hook")));
        assertEquals(Optional.of("internal address"), client.refusal(URI.create("http://[::1]/hook")));
        assertEquals(
                Optional.of("only http and https URLs are allowed"),
                client.refusal(URI.create("ftp://partner.test/x")));
        assertEquals(
                Optional.of("the URL needs a host and no user info"),
                client.refusal(URI.create("https://me@partner.test/hook")));
        assertEquals(Optional.of("unknown host nowhere.test"), client.refusal(URI.create("https://nowhere.test/")));
        assertEquals(Optional.empty(), client.refusal(URI.create("https://partner.test/hook")));
        IOException ftp =
                assertThrows(IOException.class, () -> client.get(URI.create("ftp://partner.test/x"), Map.of()));
        assertTrue(ftp.getMessage().startsWith("refused"), ftp.getMessage());
    }
}
