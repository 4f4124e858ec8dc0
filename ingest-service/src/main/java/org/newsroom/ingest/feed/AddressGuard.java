package org.newsroom.ingest.feed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

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
            if (isInternal(address)) {
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

    /** Loopback, private, link-local, multicast, unspecified, carrier-grade NAT and IPv6 unique-local addresses. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19));
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedOrCompat = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompat &= b[i] == 0;
            }
            if (mappedOrCompat && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }
}
