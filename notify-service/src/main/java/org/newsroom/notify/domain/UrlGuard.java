package org.newsroom.notify.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.net.InternalAddresses;

/**
 * SSRF guard for webhook URLs (DESIGN §5): http(s) only, and no loopback, private, link-local, unique-local,
 * multicast or wildcard address unless its host is allow-listed in {@code newsroom.notify.webhooks.allowed-hosts}.
 * Checked when an endpoint is registered and again before every call (DNS may have changed); redirects are never
 * followed.
 */
@ApplicationScoped
public class UrlGuard {

    @ConfigProperty(name = "newsroom.notify.webhooks.allowed-hosts")
    Optional<List<String>> allowedHosts;

    /** @return why the URL may not be called, or empty when it may */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getUserInfo() != null) {
            return Optional.of("the URL needs a host and no user info");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.orElse(List.of()).stream().anyMatch(bare::equalsIgnoreCase)) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (InternalAddresses.isInternal(address)) {
                    return Optional.of(host + " resolves to a non-public address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + host);
        }
        return Optional.empty();
    }
}
