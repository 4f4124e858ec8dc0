package org.newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.testing.Keycloak;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/**
 * Signing in to the desk through a real OpenID Connect provider: Keycloak (module testing's {@link Keycloak}) with the
 * production realm file {@code deploy/keycloak/newsroom-realm.json}, to which the test adds only its users, the
 * desk's address and the client's secret; editorial-service packaged, as a separate process, configured as
 * production is (the realm's JWKS URL as NEWSROOM_JWT_PUBLIC_KEY, its issuer as NEWSROOM_JWT_ISSUER, the
 * NEWSROOM_DESK_OIDC_* variables) and without the dev login. Editors sign in in Chromium ({@code desk-login.mjs}),
 * filling Keycloak's own login form, and then call the API with the session the browser holds; signing out ends
 * Keycloak's session too, so the next sign-in in that browser shows Keycloak's login form again.
 */
@ExtendWith(Browser.Available.class)
class DeskOidcLoginBrowserTest {
    private static final String SECRET = UUID.randomUUID().toString();
    private static final String PASSWORD = "a-long-test-password-" + UUID.randomUUID();
    /** A working day (the realm's access.token.lifespan for the desk's client, 10 h), give or take the test's time. */
    private static final long TEN_HOURS = Duration.ofHours(10).toSeconds();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Keycloak keycloak;
    private static Pipeline pipeline;
    private static ServiceProcess editorial;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.require();
        ServiceJars.requireFresh(Pipeline.EDITORIAL);
        Path root = Path.of(System.getProperty("newsroom.root", ".."))
                .toAbsolutePath()
                .normalize();
        int port = ServiceProcess.freePort();
        String desk = "http://127.0.0.1:" + port;
        Keycloak.Realm realm = Keycloak.Realm.of(root.resolve("deploy/keycloak/newsroom-realm.json"))
                .client("newsroom-desk", desk, SECRET)
                .user("chloe", PASSWORD, "chief-editor")
                .user("erin", PASSWORD, "editor");
        // Keycloak's address is known before it answers: editorial starts meanwhile (it needs its provider only
        // at the first sign-in), which halves the wait.
        int keycloakPort = ServiceProcess.freePort();
        CompletableFuture<Keycloak> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return Keycloak.start(realm, keycloakPort);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        String issuer = Keycloak.issuer(keycloakPort, realm.name());
        pipeline = Pipeline.create("desk_oidc");
        editorial = pipeline.start(
                Pipeline.EDITORIAL,
                Map.of(
                        ServiceProcess.HTTP_PORT,
                        String.valueOf(port),
                        "NEWSROOM_JWT_PUBLIC_KEY",
                        issuer + "/protocol/openid-connect/certs",
                        "NEWSROOM_JWT_ISSUER",
                        issuer,
                        "NEWSROOM_DESK_OIDC_SERVER_URL",
                        issuer,
                        "NEWSROOM_DESK_OIDC_CLIENT_ID",
                        "newsroom-desk",
                        "NEWSROOM_DESK_OIDC_CLIENT_SECRET",
                        SECRET,
                        "NEWSROOM_DESK_OIDC_PROVIDER_NAME",
                        "the newsroom's account"));
        try {
            keycloak = starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        System.out.println("Keycloak answered " + keycloak.startedIn().toMillis() + " ms after its start ("
                + keycloak.log() + ")");
        pipeline.awaitReady();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (pipeline != null) {
            pipeline.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void editorsSignInWithTheProviderAndTheApiTakesTheirRolesFromItsAccessToken() throws Exception {
        String story = "/api/stories/" + UUID.randomUUID();
        Map<String, String> desk = Map.of("X-Newsroom-Desk", "1", "If-Match", "\"0\"");
        SignIns signIns = browser.script(
                "desk-login.mjs",
                Map.of(
                        "editorial",
                        editorial.url(),
                        "sessions",
                        List.of(
                                Map.of(
                                        "username",
                                        "chloe",
                                        "password",
                                        PASSWORD,
                                        "calls",
                                        List.of(Map.of("method", "GET", "path", "/api/me"))),
                                Map.of(
                                        "username",
                                        "erin",
                                        "password",
                                        PASSWORD,
                                        "calls",
                                        List.of(
                                                Map.of("method", "GET", "path", "/api/me"),
                                                Map.of(
                                                        "method",
                                                        "POST",
                                                        "path",
                                                        story + "/approve",
                                                        "headers",
                                                        desk))))),
                SignIns.class);
        SignIn chief = signIns.sessions().get(0);
        SignIn editor = signIns.sessions().get(1);
        chief.requireCompleted("the chief editor");
        editor.requireCompleted("the editor");

        for (SignIn signIn : signIns.sessions()) {
            assertEquals(URI.create(editorial.url() + "/desk/"), URI.create(signIn.landed()), "back on the desk");
            Cookie cookie = signIn.cookie();
            assertNotNull(cookie, "the desk's session cookie is set");
            assertTrue(
                    signIn.cookieNames().stream().noneMatch(name -> name.startsWith("q_session")),
                    "Quarkus OIDC's own session is not kept: " + signIn.cookieNames());
            assertTrue(cookie.httpOnly(), "HttpOnly");
            assertEquals("Strict", cookie.sameSite());
            assertEquals("/", cookie.path());
            assertTrue(
                    cookie.expiresInSeconds() > TEN_HOURS - 300 && cookie.expiresInSeconds() <= TEN_HOURS,
                    "the cookie lives as long as the access token, a working day: " + cookie.expiresInSeconds() + " s");
            JsonNode token = claims(cookie.value());
            assertEquals(keycloak.issuer(), token.get("iss").asText(), "the provider's access token");
            assertTrue(audiences(token).contains("newsroom-editorial"), "for editorial: " + token.get("aud"));
            assertTrue(
                    signIn.navigations().stream().noneMatch(url -> url.contains(cookie.value())),
                    "no token in a URL: " + signIn.navigations());
            URI authorization = URI.create(signIn.authorization());
            assertEquals(
                    keycloak.issuer() + "/protocol/openid-connect/auth",
                    authorization.getScheme() + "://" + authorization.getAuthority() + authorization.getPath());
            for (String parameter :
                    List.of("state=", "nonce=", "code_challenge=", "code_challenge_method=S256", "client_id=")) {
                assertTrue(
                        authorization.getRawQuery().contains(parameter),
                        "the authorization request carries " + parameter + ": " + authorization);
            }
        }

        Call chiefMe = chief.calls().get(0);
        assertEquals(200, chiefMe.status(), chiefMe.body());
        JsonNode me = JSON.readTree(chiefMe.body());
        assertEquals("chloe", me.get("name").asText());
        assertEquals(List.of("chief-editor"), JSON.convertValue(me.get("roles"), List.class));

        Call editorMe = editor.calls().get(0);
        assertEquals(200, editorMe.status(), editorMe.body());
        assertEquals(
                List.of("editor"),
                JSON.convertValue(JSON.readTree(editorMe.body()).get("roles"), List.class));
        Call approve = editor.calls().get(1);
        assertEquals(403, approve.status(), "an editor may not approve: " + approve.body());
        assertTrue(approve.contentType().startsWith("application/problem+json"), approve.contentType());
        assertTrue(approve.body().contains("chief-editor"), approve.body());
    }

    @Test
    void withTheProviderConfiguredTheApiStillAnswersAnAnonymousCallWith401AndOnlyTheSignInRedirects() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (String cookie : List.of("", "newsroom_desk=not-a-token")) {
            HttpRequest.Builder me = HttpRequest.newBuilder(URI.create(editorial.url() + "/api/me"));
            if (!cookie.isEmpty()) {
                me.header("Cookie", cookie);
            }
            HttpResponse<String> answer = http.send(me.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), "/api/me with [" + cookie + "]: " + answer.body());
            assertEquals(
                    "application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(answer.headers().firstValue("Location").isEmpty(), "no redirect to the provider");
        }
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create(editorial.url() + "/desk/session/oidc"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signIn.statusCode());
        String location = signIn.headers().firstValue("Location").orElse("");
        assertTrue(
                location.startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?"),
                "the sign-in goes to the provider: " + location);
    }

    @Test
    void signingOutEndsTheProvidersSessionTooSoTheNextSignInAsksAgain() throws Exception {
        SignIns signIns = browser.script(
                "desk-login.mjs",
                Map.of(
                        "editorial",
                        editorial.url(),
                        "sessions",
                        List.of(Map.of(
                                "username",
                                "chloe",
                                "password",
                                PASSWORD,
                                "calls",
                                List.of(Map.of("method", "GET", "path", "/api/me")),
                                "signOut",
                                true))),
                SignIns.class);
        SignIn chief = signIns.sessions().get(0);
        chief.requireCompleted("the chief editor");
        assertEquals(URI.create(editorial.url() + "/desk/session/login"), URI.create(chief.signedOut()));
        assertFalse(chief.cookieNamesAfterSignOut().contains("newsroom_desk"), "the desk's cookie is gone");
        assertTrue(
                chief.navigations().stream()
                        .anyMatch(url -> url.startsWith(keycloak.issuer() + "/protocol/openid-connect/logout")),
                "signing out went through the provider: " + chief.navigations());
        assertTrue(chief.askedAgain(), "after signing out, the provider asks who is signing in");
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a JWT");
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> audiences(JsonNode token) {
        JsonNode aud = token.get("aud");
        return aud.isArray()
                ? JSON.convertValue(aud, JSON.getTypeFactory().constructCollectionType(List.class, String.class))
                : List.of(aud.asText());
    }

    record SignIns(String browser, List<SignIn> sessions) {}

    record SignIn(
            String landed,
            Integer landedStatus,
            List<String> navigations,
            String authorization,
            Cookie cookie,
            List<String> cookieNames,
            List<Call> calls,
            String signedOut,
            List<String> cookieNamesAfterSignOut,
            Boolean askedAgain,
            Failure failed) {
        void requireCompleted(String who) {
            assertNull(
                    failed,
                    () -> who + ": " + failed.what() + " failed: " + failed.message() + "\n  on " + failed.url()
                            + "\n  screenshot: " + failed.screenshot() + "\n  pages: " + navigations);
            assertFalse(calls.isEmpty(), who + " made no call");
        }
    }

    record Cookie(
            String value, boolean httpOnly, String sameSite, boolean secure, String path, long expiresInSeconds) {}

    record Call(int status, String contentType, String body) {}

    record Failure(String what, String message, String url, String screenshot) {}
}
