package org.newsroom.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which addresses an outbound call to a partner's URL (feeds, webhooks) must never reach: anything that is not on
 * the public internet, so a URL cannot make a service reach into its own network (SSRF). IPv6 forms that carry an
 * IPv4 address (NAT64, 6to4, Teredo) are judged by the IPv4 address they lead to.
 */
public final class InternalAddresses {
    /** Cloud instance metadata (AWS/GCP/OpenStack, Azure wire server, Alibaba, AWS over IPv6): never, not even allow-listed. */
    private static final Set<InetAddress> METADATA = Set.of(
            literal("169.254.169.254"), literal("168.63.129.16"), literal("100.100.100.200"), literal("fd00:ec2::254"));

    private InternalAddresses() {}

    /**
     * Loopback, private, link-local, carrier-grade NAT, multicast, unspecified, broadcast, reserved, documentation
     * and benchmarking ranges; IPv6 unique-local, site-local and link-local; IPv4-mapped, -translated and -compatible
     * IPv6; NAT64, 6to4 and Teredo addresses whose IPv4 address is internal; and the cloud metadata addresses.
     */
    public static boolean isInternal(InetAddress address) {
        if (isMetadata(address)
                || address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()
                || address.isAnyLocalAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            return isInternalIpv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return isInternalIpv6(address.getAddress());
        }
        return true;
    }

    /** A cloud metadata address, also when an IPv6 form (mapped, NAT64, 6to4, Teredo…) leads to it. */
    public static boolean isMetadata(InetAddress address) {
        if (METADATA.contains(address)) {
            return true;
        }
        return address instanceof Inet6Address
                && embeddedIpv4(address.getAddress()).stream().anyMatch(METADATA::contains);
    }

    private static boolean isInternalIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first == 0 // "this network", 0.0.0.0 included
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second < 32)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2)) // IETF assignments, TEST-NET-1
                || (first == 192 && second == 88 && third == 99) // 6to4 relay anycast
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100) // TEST-NET-2
                || (first == 203 && second == 0 && third == 113) // TEST-NET-3
                || first >= 224; // multicast, reserved, broadcast
    }

    private static boolean isInternalIpv6(byte[] b) {
        if (zeros(b, 0, 10) && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0))) {
            return true; // ::ffff:0:0/96 IPv4-mapped and ::/96 IPv4-compatible (with :: and ::1)
        }
        if (zeros(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return true; // ::ffff:0:0:0/96 IPv4-translated
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return true; // fc00::/7 unique-local
        }
        if (prefix(b, 0x01, 0x00, 0, 0, 0, 0, 0, 0)) {
            return true; // 100::/64 discard-only
        }
        if (prefix(b, 0x20, 0x01, 0x0d, 0xb8) || prefix(b, 0x20, 0x01, 0x00, 0x02, 0x00, 0x00)) {
            return true; // 2001:db8::/32 documentation, 2001:2::/48 benchmarking
        }
        return embeddedIpv4(b).stream().anyMatch(v4 -> isInternalIpv4(v4.getAddress()));
    }

    /**
     * The IPv4 addresses an IPv6 address leads to: NAT64 (RFC 6052: for the local-use 64:ff9b:1::/48 every position
     * a prefix of 48 to 96 bits may give), 6to4, Teredo (server and client), and the mapped/translated/compatible forms.
     */
    static List<InetAddress> embeddedIpv4(byte[] b) {
        List<InetAddress> found = new ArrayList<>();
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            found.add(ipv4(b[12], b[13], b[14], b[15])); // 64:ff9b::/96
        }
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) { // 64:ff9b:1::/48
            found.add(ipv4(b[6], b[7], b[9], b[10])); // /48
            found.add(ipv4(b[7], b[9], b[10], b[11])); // /56
            found.add(ipv4(b[9], b[10], b[11], b[12])); // /64
            found.add(ipv4(b[12], b[13], b[14], b[15])); // /96
        }
        if (prefix(b, 0x20, 0x02)) {
            found.add(ipv4(b[2], b[3], b[4], b[5])); // 2002::/16 6to4
        }
        if (prefix(b, 0x20, 0x01, 0x00, 0x00)) { // 2001::/32 Teredo: server, then the client obfuscated by XOR
            found.add(ipv4(b[4], b[5], b[6], b[7]));
            found.add(ipv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
        }
        if (zeros(b, 0, 8)
                && (zeros(b, 8, 12)
                        || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff && zeros(b, 8, 10))
                        || ((b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zeros(b, 10, 12)))) {
            found.add(ipv4(b[12], b[13], b[14], b[15])); // ::/96, ::ffff:0:0/96, ::ffff:0:0:0/96
        }
        return found;
    }

    private static boolean prefix(byte[] b, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((b[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
