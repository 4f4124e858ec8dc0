package org.newsroom.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where host names get their addresses: the system's DNS, or in tests a resolver that answers what the test needs. */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
