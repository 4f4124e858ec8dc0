package org.newsroom.events;

/** The outlet a story comes from, shown as "— Outlet" with a link. */
public record Attribution(String outlet, String url) {
    public Attribution {
        Required.field(outlet, "attribution.outlet");
    }
}
