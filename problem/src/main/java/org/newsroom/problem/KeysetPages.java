package org.newsroom.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The one paging convention of every list endpoint: the body is a plain JSON array; when more rows may follow, the
 * answer names the next page twice — {@code X-Next-Cursor} for clients that build their own URL, and an RFC 8288
 * {@code Link rel="next"} for those that follow links. The last page has neither.
 */
public final class KeysetPages {
    public static final String NEXT_CURSOR = "X-Next-Cursor";

    private KeysetPages() {}

    /** @param next the position after the last row of this page, or {@code null} on the last page */
    public static Response.ResponseBuilder withNext(Response.ResponseBuilder response, PageCursor next, UriInfo uri) {
        if (next == null) {
            return response;
        }
        String cursor = next.encode();
        return response.header(NEXT_CURSOR, cursor)
                .link(
                        uri.getRequestUriBuilder()
                                .replaceQueryParam(PageCursor.PARAMETER, cursor)
                                .build(),
                        "next");
    }
}
