package org.mapwork.collab.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of this machine a hub may listen on ({@code mapwork hub}, the editor's Share on this network…), and
 * the default among them: the first LAN address. Never the wildcard address.
 */
public final class HubAddresses {

    private HubAddresses() {
    }

    /** One address a hub may listen on, with the interface it belongs to; {@code lan}: a site-local IPv4 address. */
    public record Address(InetAddress address, String interfaceName, boolean lan) {
        @Override
        public String toString() {
            return address.getHostAddress() + " (" + interfaceName + ")";
        }
    }

    /**
     * This machine's addresses the hub may listen on, the LAN ones first (site-local IPv4, as {@code mapwork hub}
     * picks by default), then its other addresses of interfaces that are up, then loopback (this computer only).
     * Never the wildcard address.
     */
    public static List<Address> all() {
        List<Address> lan = new ArrayList<>();
        List<Address> other = new ArrayList<>();
        List<Address> loop = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp()) {
                    continue;
                }
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
                        continue;
                    }
                    if (a instanceof java.net.Inet6Address six && (six.getScopeId() != 0 || six.getScopedInterface() != null)) {
                        try {
                            a = InetAddress.getByAddress(six.getAddress()); // a join address names no interface scope
                        } catch (java.net.UnknownHostException e) {
                            continue;
                        }
                    }
                    boolean isLan = a instanceof Inet4Address && a.isSiteLocalAddress() && !n.isVirtual() && !n.isLoopback();
                    Address address = new Address(a, n.getDisplayName(), isLan);
                    (a.isLoopbackAddress() ? loop : isLan ? lan : other).add(address);
                }
            }
        } catch (SocketException e) {
            // no interface list: loopback still works for this computer
        }
        java.util.Comparator<Address> ipv4First = (x, y) -> Boolean.compare(!(x.address() instanceof Inet4Address),
                !(y.address() instanceof Inet4Address));
        lan.sort(ipv4First);
        other.sort(ipv4First);
        loop.sort(ipv4First);
        List<Address> all = new ArrayList<>(lan);
        all.addAll(other);
        all.addAll(loop);
        if (all.isEmpty()) {
            all.add(new Address(InetAddress.getLoopbackAddress(), "lo", false));
        }
        return all;
    }

    /** The address a hub listens on when none is named: the first LAN (site-local IPv4) one, if there is one. */
    public static Optional<InetAddress> lan() {
        return all().stream().filter(Address::lan).map(Address::address).findFirst();
    }
}
