package org.newsroom.ingest.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.newsroom.net.InternalAddresses;

/**
 * The SSRF guard. It is the HTTP client's DNS resolver, so the addresses it vets are exactly the ones the client
 * then connects to (for the first request and for every redirect): a host that resolves to a public address when
 * a URL is saved and to 127.0.0.1 when it is fetched (DNS rebinding) is still refused.
 */
public final class AddressGuard implements DnsResolver {

    /** A fetch refused because the host resolves to an address feeds must not reach. */
    public static final class RefusedAddressException extends UnknownHostException {
        public RefusedAddressException(String message) {
            super(message);
        }
    }

    private final Set<String> allowedHosts;

    public AddressGuard(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allowListed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        if (allowListed(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                throw new RefusedAddressException("refused: " + host + " resolves to the non-public address "
                        + address.getHostAddress() + " (allow-list the host in newsroom.fetch.allowed-hosts to fetch it)");
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
