package org.newsroom.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one rule for outbound calls to partners' URLs (feeds, webhooks): an address that is not on the public internet
 * is refused unless its host is allow-listed, so a URL cannot make a service reach into its own network (SSRF).
 */
public final class InternalAddresses {
    private InternalAddresses() {
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
