package org.newsroom.theme;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Text answers go out compressed or not depending on the request's Accept-Encoding (quarkus.http.enable-compression),
 * which the HTTP layer does not tell caches: without this, a shared cache could hand a brotli body to a client that
 * cannot read it.
 */
@Provider
public class VaryByEncoding implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String vary = response.getHeaderString(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
            response.getHeaders().putSingle(HttpHeaders.VARY, vary + ", " + HttpHeaders.ACCEPT_ENCODING);
        }
    }
}
