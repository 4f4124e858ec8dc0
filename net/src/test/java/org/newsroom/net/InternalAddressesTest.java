package org.newsroom.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalAddressesTest {

    /** Every form the guard refuses, as literals (Java turns ::ffff:a.b.c.d literals into IPv4 addresses). */
    static final String[] INTERNAL = {
        // IPv4: unspecified, private, loopback, link-local, CGNAT, reserved, multicast, broadcast
        "0.0.0.0",
        "0.1.2.3",
        "10.1.2.3",
        "127.0.0.1",
        "127.255.0.9",
        "169.254.1.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.255",
        "224.0.0.1",
        "239.1.1.1",
        "240.0.0.1",
        "255.255.255.255",
        // IETF assignments, documentation, 6to4 relay, benchmarking
        "192.0.0.8",
        "192.0.2.1",
        "198.51.100.7",
        "203.0.113.9",
        "192.88.99.1",
        "198.18.0.1",
        "198.19.255.1",
        // cloud metadata (Azure's wire server is in a public range)
        "169.254.169.254",
        "168.63.129.16",
        "100.100.100.200",
        "fd00:ec2::254",
        // IPv6: unspecified, loopback, link-local, site-local, unique-local, multicast, documentation, discard
        "::",
        "::1",
        "fe80::1",
        "fec0::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "2001:db8::1",
        "2001:2::1",
        "100::1",
        // IPv4-compatible, IPv4-translated (::ffff:0:a.b.c.d), and compatible with a public IPv4: the whole /96
        "::127.0.0.1",
        "::ffff:0:7f00:1",
        "::ffff:0:808:808",
        "::8.8.8.8",
        // NAT64 well-known /96 and local-use /48 (at the /96 and /64 positions) with an internal IPv4
        "64:ff9b::7f00:1",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b::a00:1",
        "64:ff9b:1::7f00:1",
        "64:ff9b:1:0:7f:0:1:0",
        // 6to4 of 127.0.0.1, 10.0.0.1 and the metadata address
        "2002:7f00:1::1",
        "2002:a00:1::",
        "2002:a9fe:a9fe::1",
        // Teredo: internal server IPv4 (10.0.0.1), and internal client IPv4 (127.0.0.1 XOR ffffffff = 80ff:fffe)
        "2001:0:a00:1::1",
        "2001:0:808:808::80ff:fffe",
        "2001:0:808:808:0:0:5601:5601"
    };

    @Test
    void everyInternalFormIsRefused() throws Exception {
        for (String literal : INTERNAL) {
            assertTrue(InternalAddresses.isInternal(InetAddress.getByName(literal)), literal);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "172.32.0.1",
                "100.128.0.1",
                "192.0.3.1",
                "198.20.0.1",
                "2606:2800:220:1:248:1893:25c8:1946",
                "2a00:1450:4001:80b::200e",
                // NAT64, 6to4 and Teredo leading to public IPv4 addresses (8.8.8.8; Teredo client 8.8.8.8 XOR ffffffff)
                "64:ff9b::808:808",
                "2002:808:808::1",
                "2001:0:808:808::f7f7:f7f7"
            })
    void publicAddressesPass(String literal) throws Exception {
        assertFalse(InternalAddresses.isInternal(InetAddress.getByName(literal)), literal);
    }

    @Test
    void ipv4MappedIsRefusedEvenWhenTheResolverHandsItOverAsIpv6() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        assertTrue(InternalAddresses.isInternal(Inet6Address.getByAddress(null, mapped, -1)));
        byte[] metadata = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254
        };
        assertTrue(InternalAddresses.isMetadata(Inet6Address.getByAddress(null, metadata, -1)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "168.63.129.16",
                "100.100.100.200",
                "fd00:ec2::254",
                "64:ff9b::a9fe:a9fe",
                "2002:a9fe:a9fe::",
                "::ffff:0:a9fe:a9fe"
            })
    void metadataAddressesInEveryForm(String literal) throws Exception {
        assertTrue(InternalAddresses.isMetadata(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.253", "fd00:ec2::253", "8.8.8.8"})
    void otherAddressesAreNotMetadata(String literal) throws Exception {
        assertFalse(InternalAddresses.isMetadata(InetAddress.getByName(literal)), literal);
    }
}
