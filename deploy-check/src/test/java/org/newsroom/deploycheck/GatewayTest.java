package org.newsroom.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The way in: one Gateway per overlay that speaks HTTPS with cert-manager's certificate and answers plain HTTP with a
 * redirect only; routes that reach the services' public {@code http} port and every public path they serve, never
 * the management port or {@code /q/}; and the services believing forwarded headers from the gateway.
 */
class GatewayTest {

    /**
     * What readers, partners and editors call, as (first label of the host, a path, the service that must answer).
     * A resource added to a service fails {@link #everyResourceOfAServiceIsRoutedOrKnowinglyNot} until it is routed
     * here or listed in {@link #NOT_ROUTED}.
     */
    private static final List<List<String>> PUBLIC_PATHS = List.of(
            List.of("news", "/", "publish-service"),
            List.of("news", "/stories/a-slug", "publish-service"),
            List.of("news", "/sections/world", "publish-service"),
            List.of("news", "/archive/2026-12-05", "publish-service"),
            List.of("news", "/editions/morning", "publish-service"),
            List.of("news", "/feeds/rss.xml", "publish-service"),
            List.of("news", "/api/publications/a-slug", "publish-service"),
            List.of("news", "/api/editions/morning", "publish-service"),
            List.of("news", "/contract/asyncapi.yaml", "publish-service"),
            List.of("news", "/robots.txt", "publish-service"),
            List.of("news", "/thanks/letter", "publish-service"),
            List.of("notify", "/subscribe", "notify-service"),
            List.of("notify", "/assets/site.0123456789ab.css", "notify-service"),
            List.of("desk", "/desk/", "editorial-service"),
            List.of("desk", "/desk/js/queue.js", "editorial-service"),
            List.of("desk", "/desk/session/login", "editorial-service"),
            List.of("desk", "/api/me", "editorial-service"),
            List.of("desk", "/assets/site.0123456789ab.css", "editorial-service"),
            List.of("desk", "/api/stories/live", "editorial-service"),
            List.of("desk", "/api/stories/1/approve", "editorial-service"),
            List.of("desk", "/api/editions/1/approve", "editorial-service"),
            List.of("desk", "/api/feedback/grades", "editorial-service"),
            List.of("desk", "/api/feedback/letters", "editorial-service"),
            List.of("desk", "/api/letters", "editorial-service"),
            List.of("desk", "/desk/session/oidc", "editorial-service"),
            List.of("desk", "/api/sources/1/fetch", "ingest-service"),
            List.of("desk", "/api/items/1", "ingest-service"),
            List.of("partners", "/api/partners/acme/items", "ingest-service"),
            List.of("notify", "/api/subscriptions", "notify-service"),
            List.of("notify", "/api/subscriptions/confirm", "notify-service"),
            List.of("notify", "/api/subscriptions/preferences", "notify-service"),
            List.of("notify", "/api/subscriptions/unsubscribe", "notify-service"),
            List.of("notify", "/api/subscriptions/revoke", "notify-service"),
            List.of("notify", "/api/suppressions", "notify-service"));

    /**
     * notify's admin API (webhooks, delivery reports): reached with kubectl port-forward, not from the internet
     * (k8s/README.md, "The way in"). Path prefixes per service.
     */
    private static final Set<String> NOT_ROUTED =
            Set.of("notify-service /api/webhooks", "notify-service /api/publications", "notify-service /api/editions");

    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)");
    private static final Pattern METHOD_PATH = Pattern.compile("(?m)^\\s+@Path\\(\"?([^)]+?)\"?\\)");
    private static final Pattern HTTP_METHOD = Pattern.compile("(?m)^\\s+@(GET|POST|PUT|DELETE|PATCH)$");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void oneGatewayServesHttpsWithCertManagersCertificateForEveryRoutedHost(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        List<Gateway> gateways = manifests.all(Gateway.class);
        assertEquals(1, gateways.size(), "one Gateway");
        Gateway gateway = gateways.get(0);
        assertFalse(gateway.spec().gatewayClassName().isBlank(), "a GatewayClass");

        Gateway.Listener https = listener(gateway, Gateway.Protocol.HTTPS);
        assertEquals(443, https.port());
        assertEquals(Gateway.TlsMode.Terminate, https.tls().mode());
        assertEquals(1, https.tls().certificateRefs().size());
        String secret = https.tls().certificateRefs().get(0).name();
        Certificate certificate = manifests.all(Certificate.class).stream()
                .filter(c -> c.spec().secretName().equals(secret))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Certificate writes Secret " + secret));
        assertEquals(
                Certificate.IssuerKind.ClusterIssuer,
                certificate.spec().issuerRef().kind());
        assertFalse(certificate.spec().issuerRef().name().isBlank(), "an issuer");
        Set<String> hosts = new TreeSet<>();
        manifests.all(HttpRoute.class).forEach(r -> hosts.addAll(hostnames(r)));
        assertFalse(hosts.isEmpty());
        assertEquals(hosts, new TreeSet<>(certificate.spec().dnsNames()), "the certificate names every routed host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void plainHttpOnlyRedirectsToHttps(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        Gateway gateway = manifests.all(Gateway.class).get(0);
        Gateway.Listener http = listener(gateway, Gateway.Protocol.HTTP);
        assertEquals(80, http.port());

        List<HttpRoute> onHttp = manifests.all(HttpRoute.class).stream()
                .filter(r -> r.spec().parentRefs().stream().anyMatch(p -> attachesTo(p, gateway, http)))
                .toList();
        assertFalse(onHttp.isEmpty(), "a route answers plain HTTP");
        for (HttpRoute route : onHttp) {
            for (HttpRoute.Rule rule : route.spec().rules()) {
                assertEquals(List.of(), rule.backends(), route.metadata().getName() + ": no backend on plain HTTP");
                assertEquals(1, rule.filtersOrNone().size(), route.metadata().getName());
                HttpRoute.Filter filter = rule.filtersOrNone().get(0);
                assertEquals(HttpRoute.FilterType.RequestRedirect, filter.type());
                assertEquals("https", filter.requestRedirect().scheme());
                assertEquals(301, filter.requestRedirect().statusCode());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyBackendIsAServicesPublicHttpPortNeverManagement(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        List<HttpRoute.BackendRef> backends = manifests.all(HttpRoute.class).stream()
                .flatMap(r -> r.spec().rules().stream())
                .flatMap(r -> r.backends().stream())
                .toList();
        assertFalse(backends.isEmpty());
        for (HttpRoute.BackendRef backend : backends) {
            assertTrue(backend.kind() == null || "Service".equals(backend.kind()), backend.toString());
            assertEquals(null, backend.namespace(), "same namespace: " + backend);
            Service service = manifests.named(Service.class, backend.name());
            ServicePort port = service.getSpec().getPorts().stream()
                    .filter(p -> Objects.equals(p.getPort(), backend.port()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(backend.name() + " has no port " + backend.port()));
            assertEquals("http", port.getName(), backend.toString());
            ContainerPort target = containerPort(manifests, backend.name(), port.getTargetPort());
            assertEquals("http", target.getName(), backend + " reaches container port " + target);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noRouteMatchesTheManagementPaths(String overlay) {
        for (HttpRoute route : Repository.overlay(overlay).all(HttpRoute.class)) {
            for (HttpRoute.Rule rule : route.spec().rules()) {
                for (HttpRoute.Match match : rule.matchesOrAll()) {
                    HttpRoute.PathMatch path = match.path();
                    assertTrue(
                            path.type() != HttpRoute.PathType.RegularExpression,
                            route.metadata().getName() + ": no regular expressions, so that this check can read them");
                    assertFalse(
                            path.value().equals("/q") || path.value().startsWith("/q/"),
                            route.metadata().getName() + " routes " + path.value());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPublicPathReachesItsService(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        for (List<String> expected : PUBLIC_PATHS) {
            assertEquals(
                    Optional.of(expected.get(2)),
                    routedTo(manifests, expected.get(0), expected.get(1)),
                    expected.get(0) + ".<domain>" + expected.get(1));
        }
        assertEquals(
                Optional.empty(), routedTo(manifests, "desk", "/q/metrics"), "nothing but the listed APIs on desk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceOfAServiceIsRoutedOrKnowinglyNot(String overlay) throws IOException {
        Manifests manifests = Repository.overlay(overlay);
        for (String service : ServiceConfig.services().toList()) {
            for (String served : servedPaths(service)) {
                String path = served.replaceAll("\\{[^}]+}", "x");
                boolean routed = Stream.of("news", "desk", "partners", "notify")
                        .anyMatch(host -> Optional.of(service).equals(routedTo(manifests, host, path)));
                boolean knowinglyNot = NOT_ROUTED.stream()
                        .anyMatch(n -> n.startsWith(service + " ")
                                && new HttpRoute.PathMatch(HttpRoute.PathType.PathPrefix, n.split(" ")[1])
                                        .matches(path));
                assertTrue(
                        routed || knowinglyNot,
                        service + " " + served + ": route it (and list it in PUBLIC_PATHS) or list it in NOT_ROUTED");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theUrlsTheServicesPrintAreRoutedToTheRightService(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        // (service, its setting, a path it builds on that URL, the service that must answer)
        List<List<String>> urls = List.of(
                List.of("publish-service", "NEWSROOM_PUBLIC_BASE_URL", "/stories/a-slug", "publish-service"),
                List.of("editorial-service", "NEWSROOM_PUBLIC_BASE_URL", "/stories/a-slug", "publish-service"),
                List.of("publish-service", "NEWSROOM_FEEDBACK_URL", "/api/feedback/grades", "editorial-service"),
                List.of("notify-service", "NEWSROOM_NOTIFY_BASE_URL", "/api/subscriptions/confirm", "notify-service"));
        for (List<String> url : urls) {
            URI base = URI.create(
                    ServiceWiringTest.configMap(manifests, url.get(0)).getData().get(url.get(1)));
            assertEquals("https", base.getScheme(), url.get(1) + " of " + url.get(0));
            assertEquals(
                    Optional.of(url.get(3)),
                    routedToHost(manifests, base.getHost(), url.get(2)),
                    url.get(1) + " of " + url.get(0) + " = " + base);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGatewayNamespaceLabelIsTheOneTheReadmeGivesOps(String overlay) throws IOException {
        String readme = Files.readString(Repository.ROOT.resolve("k8s/README.md"));
        Matcher label = Pattern.compile("kubectl label namespace <gateway-namespace> ([\\w./-]+)=(\\w+)")
                .matcher(readme);
        assertTrue(label.find(), "k8s/README.md tells ops how to label the gateway's namespace");
        Map<String, String> told = Map.of(label.group(1), label.group(2));

        Manifests manifests = Repository.overlay(overlay);
        for (String service : ServiceConfig.services().toList()) {
            NetworkPolicy policy = manifests.named(NetworkPolicy.class, service);
            List<Map<String, String>> fromHttp = policy.getSpec().getIngress().stream()
                    .filter(r -> r.getPorts().stream()
                            .anyMatch(p -> "http".equals(p.getPort().getStrVal())))
                    .map(NetworkPolicyIngressRule::getFrom)
                    .flatMap(List::stream)
                    .map(NetworkPolicyPeer::getNamespaceSelector)
                    .map(LabelSelector::getMatchLabels)
                    .toList();
            assertEquals(List.of(told), fromHttp, service + ": the http port admits the labelled namespace only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesBelieveForwardedHeadersFromPrivateAddressesOnly(String overlay) {
        Manifests manifests = Repository.overlay(overlay);
        Set<String> privateRanges = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10");
        for (String service : ServiceConfig.services().toList()) {
            String proxies =
                    ServiceWiringTest.configMap(manifests, service).getData().get("NEWSROOM_TRUSTED_PROXIES");
            assertNotNull(proxies, service + ": NEWSROOM_TRUSTED_PROXIES set");
            for (String cidr : proxies.split(",")) {
                assertTrue(
                        privateRanges.stream().anyMatch(range -> within(cidr.trim(), range)),
                        service + ": " + cidr + " is not inside the cluster's private ranges");
            }
        }
    }

    private static Gateway.Listener listener(Gateway gateway, Gateway.Protocol protocol) {
        List<Gateway.Listener> listeners = gateway.spec().listeners().stream()
                .filter(l -> l.protocol() == protocol)
                .toList();
        assertEquals(1, listeners.size(), "one " + protocol + " listener");
        return listeners.get(0);
    }

    private static boolean attachesTo(HttpRoute.ParentRef parent, Gateway gateway, Gateway.Listener listener) {
        return parent.name().equals(gateway.metadata().getName())
                && (parent.sectionName() == null || parent.sectionName().equals(listener.name()));
    }

    private static List<String> hostnames(HttpRoute route) {
        return route.spec().hostnames() == null ? List.of() : route.spec().hostnames();
    }

    /** The service a request to {@code <label>.<the overlay's domain><path>} over HTTPS reaches, if any. */
    private static Optional<String> routedTo(Manifests manifests, String label, String path) {
        return manifests.all(HttpRoute.class).stream()
                .flatMap(r -> hostnames(r).stream())
                .filter(h -> h.startsWith(label + "."))
                .findFirst()
                .flatMap(host -> routedToHost(manifests, host, path));
    }

    /** Gateway API's precedence among matching rules, as far as our routes need it: the longest path prefix wins. */
    private static Optional<String> routedToHost(Manifests manifests, String host, String path) {
        Gateway gateway = manifests.all(Gateway.class).get(0);
        Gateway.Listener https = listener(gateway, Gateway.Protocol.HTTPS);
        String best = null;
        int bestLength = -1;
        for (HttpRoute route : manifests.all(HttpRoute.class)) {
            if (!hostnames(route).contains(host)
                    || route.spec().parentRefs().stream().noneMatch(p -> attachesTo(p, gateway, https))) {
                continue;
            }
            for (HttpRoute.Rule rule : route.spec().rules()) {
                for (HttpRoute.Match match : rule.matchesOrAll()) {
                    if (match.path().matches(path) && match.path().value().length() > bestLength) {
                        assertEquals(1, rule.backends().size(), route.metadata().getName() + ": one backend a rule");
                        best = rule.backends().get(0).name();
                        bestLength = match.path().value().length();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static ContainerPort containerPort(Manifests manifests, String service, IntOrString targetPort) {
        return ServiceWiringTest.container(manifests, service).getPorts().stream()
                .filter(p -> targetPort.getStrVal() != null
                        ? targetPort.getStrVal().equals(p.getName())
                        : Objects.equals(targetPort.getIntVal(), p.getContainerPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no container port " + targetPort));
    }

    /**
     * The paths a service's resources serve, read from their source: the class's @Path joined with each method's,
     * and the class's own when some resource method has no @Path of its own.
     */
    private static Set<String> servedPaths(String service) throws IOException {
        Set<String> paths = new TreeSet<>();
        Path sources = Repository.ROOT.resolve(service).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher root = CLASS_PATH.matcher(source);
                if (!root.find()) {
                    continue;
                }
                String base = root.group(1).endsWith("/") ? root.group(1) : root.group(1) + "/";
                int methodPaths = 0;
                Matcher method = METHOD_PATH.matcher(source);
                while (method.find()) {
                    String sub =
                            method.group(1).replaceAll("\"\\s*\\+\\s*\\w+$", "").replace("\"", "");
                    paths.add(base + sub.replaceAll("^/", ""));
                    methodPaths++;
                }
                if (HTTP_METHOD.matcher(source).results().count() > methodPaths) {
                    paths.add(root.group(1));
                }
            }
        }
        if (paths.isEmpty()) {
            fail(service + ": no resources found under " + sources);
        }
        return paths;
    }

    private static boolean within(String cidr, String range) {
        return prefix(cidr) >= prefix(range) && network(cidr, prefix(range)) == network(range, prefix(range));
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.split("/")[1]);
    }

    private static long network(String cidr, int bits) {
        long address = 0;
        for (String octet : cidr.split("/")[0].split("\\.")) {
            address = address << 8 | Integer.parseInt(octet);
        }
        return bits == 0 ? 0 : address >>> (32 - bits);
    }
}
