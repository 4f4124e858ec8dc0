package org.newsroom.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The guard itself. It is the HTTP client's DNS resolver, so the addresses it vets are exactly the ones the client
 * then connects to, for the first request and for every redirect: the host is resolved once per connection, and an
 * answer that changes afterwards (DNS rebinding) is never used. One internal address in an answer refuses the host.
 */
final class VettingResolver implements DnsResolver {
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final HostResolver resolver;
    private final Set<String> allowedHosts;
    private final Predicate<InetAddress> internal;

    VettingResolver(HostResolver resolver, Set<String> allowedHosts, Predicate<InetAddress> internal) {
        this.resolver = resolver;
        this.allowedHosts = allowedHosts;
        this.internal = internal;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = bare(host);
        // A literal is its own answer: no DNS, and no resolver that could answer something else for it. A host name
        // never holds a colon, so every IPv6 form (mixed notation, zone ids) is parsed here.
        InetAddress[] addresses = DOTTED_QUAD.matcher(bare).matches() || bare.indexOf(':') >= 0
                ? new InetAddress[] {InetAddress.getByName(bare)}
                : resolver.resolve(bare);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        boolean allowed = allowedHosts.contains(bare);
        for (InetAddress address : addresses) {
            // Metadata endpoints hand out credentials: not even an allow-listed host may lead there.
            if (InternalAddresses.isMetadata(address) || (!allowed && internal.test(address))) {
                throw new RefusedAddressException();
            }
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // only used for Kerberos/SPNEGO, which partner calls never do
    }

    /** Lower case, without the brackets of an IPv6 literal. */
    static String bare(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
