package org.newsroom.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every door is locked unless it is meant to be open: each operation in the service's own OpenAPI document (read from
 * the management interface) answers an anonymous call with 401, and a caller whose token carries none of the
 * endpoint's roles with 403 — except the operations on the service's documented public list (README, "Security"),
 * those any signed-in caller may use, and those that take a key of their own (which no bearer token opens). Every
 * answer, refusals included, carries the shared security headers (module web). The lists are checked against the document too, so they cannot name an
 * endpoint that no longer exists. A service's test extends this class, annotated {@code @QuarkusTest}.
 */
public abstract class EndpointAccessContract {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    /** A role no endpoint of any service accepts. */
    private static final String NO_SUCH_ROLE = "reader";

    /** Operations anyone may call, as {@code "GET /api/publications/{slug}"} (the document's path templates). */
    protected abstract Set<String> publicOperations();

    /** Operations any caller with a valid token may use, whatever its roles. */
    protected Set<String> anyTokenOperations() {
        return Set.of();
    }

    /** Operations that take a credential of their own (a partner's API key, a provider's shared secret), never a token. */
    protected Set<String> keyedOperations() {
        return Set.of();
    }

    @Test
    void anAnonymousCallIsRefusedEverywhereButOnThePublicList() {
        List<String> open = new ArrayList<>();
        for (String operation : operations()) {
            if (!publicOperations().contains(operation)
                    && call(given(), operation).statusCode() != 401) {
                open.add(operation);
            }
        }
        assertTrue(open.isEmpty(), "answered an anonymous call without 401: " + open);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        List<String> bare = new ArrayList<>();
        for (String operation : operations()) {
            Response response = call(given(), operation);
            String policy = response.header("Content-Security-Policy");
            if (policy == null
                    || !policy.contains("default-src 'self'")
                    || !policy.contains("frame-ancestors 'none'")
                    || !"nosniff".equals(response.header("X-Content-Type-Options"))
                    || response.header("Referrer-Policy") == null) {
                bare.add(operation + " → " + response.statusCode());
            }
        }
        assertTrue(bare.isEmpty(), "answered without the security headers: " + bare);
    }

    @Test
    void aTokenWithoutTheEndpointsRoleIsForbidden() {
        String token = TestTokens.token("nobody@newsroom.local", NO_SUCH_ROLE);
        List<String> open = new ArrayList<>();
        for (String operation : operations()) {
            if (publicOperations().contains(operation)
                    || anyTokenOperations().contains(operation)
                    || keyedOperations().contains(operation)) {
                continue;
            }
            int status = call(given().auth().oauth2(token), operation).statusCode();
            if (status != 403) {
                open.add(operation + " → " + status);
            }
        }
        assertTrue(open.isEmpty(), "let a caller without the role in: " + open);
    }

    @Test
    void noBearerTokenOpensAKeyedOperation() {
        String token = TestTokens.token("staff@newsroom.local", "editor", "chief-editor", "admin", "ingest-admin");
        for (String operation : keyedOperations()) {
            assertEquals(401, call(given().auth().oauth2(token), operation).statusCode(), operation);
        }
    }

    @Test
    void thePublicOperationsAnswerWithoutAToken() {
        for (String operation : publicOperations()) {
            int status = call(given(), operation).statusCode();
            assertFalse(status == 401 || status == 403, operation + " answered " + status + " without a token");
        }
    }

    @Test
    void theListsNameOnlyOperationsTheServiceHas() {
        Set<String> listed = new TreeSet<>(publicOperations());
        listed.addAll(anyTokenOperations());
        listed.addAll(keyedOperations());
        listed.removeAll(operations());
        assertEquals(Set.of(), listed, "listed but not in the OpenAPI document");
    }

    private static Set<String> operations() {
        Map<String, Map<String, Object>> paths = given().baseUri(ManagementPort.url())
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        assertFalse(operations.isEmpty(), "the OpenAPI document lists no operations");
        return operations;
    }

    private static Response call(RequestSpecification request, String operation) {
        String[] parts = operation.split(" ", 2);
        Method method = Method.valueOf(parts[0]);
        if (method == Method.POST || method == Method.PUT || method == Method.PATCH) {
            request = request.contentType("application/json").body("{}");
        }
        return request.redirects().follow(false).when().request(method, concrete(parts[1]));
    }

    /** The template with plausible values, so that a refusal is about the caller, not a malformed path. */
    private static String concrete(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            String value = name.contains("date") || name.contains("day")
                    ? LocalDate.now().toString()
                    : UUID.randomUUID().toString();
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        return path.toString();
    }
}
