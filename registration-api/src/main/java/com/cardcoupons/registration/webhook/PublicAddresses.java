package com.cardcoupons.registration.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a webhook may be sent to: public unicast only. Refused are the IPv4 special-purpose ranges
 * (this network, private, shared address space, loopback, link-local with the cloud metadata address, IETF protocol
 * assignments, documentation, 6to4 relay, benchmarking, multicast, reserved and broadcast) and every IPv6 address
 * outside global unicast 2000::/3, plus the special blocks inside it (IETF protocol assignments incl. Teredo,
 * documentation 2001:db8::/32 and 3fff::/20, 6to4). An IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) IPv6 address is judged by the IPv4
 * address it carries. Loopback is allowed only where development or tests ask for it.
 */
final class PublicAddresses {

    /** IPv4 ranges that are not public: address, prefix length. */
    private static final int[][] IPV4_NOT_PUBLIC = {
            {v4(0, 0, 0, 0), 8}, {v4(10, 0, 0, 0), 8}, {v4(100, 64, 0, 0), 10}, {v4(127, 0, 0, 0), 8},
            {v4(169, 254, 0, 0), 16}, {v4(172, 16, 0, 0), 12}, {v4(192, 0, 0, 0), 24}, {v4(192, 0, 2, 0), 24},
            {v4(192, 88, 99, 0), 24}, {v4(192, 168, 0, 0), 16}, {v4(198, 18, 0, 0), 15}, {v4(198, 51, 100, 0), 24},
            {v4(203, 0, 113, 0), 24}, {v4(224, 0, 0, 0), 4}, {v4(240, 0, 0, 0), 4}};

    private PublicAddresses() {
    }

    /** Whether a webhook may connect to {@code address}: public, or loopback where {@code allowLoopback}. */
    static boolean permitted(InetAddress address, boolean allowLoopback) {
        return isPublic(address) || (allowLoopback && isLoopback(address));
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return isPublicV4(toInt(bytes, 0));
        }
        if (address instanceof Inet6Address && bytes.length == 16) {
            return isPublicV6(bytes);
        }
        return false;
    }

    static boolean isLoopback(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && isMapped(bytes)) {
            return (bytes[12] & 0xff) == 127;
        }
        return address.isLoopbackAddress();
    }

    private static boolean isPublicV4(int address) {
        for (int[] range : IPV4_NOT_PUBLIC) {
            int mask = -1 << (32 - range[1]);
            if ((address & mask) == range[0]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicV6(byte[] bytes) {
        if (isMapped(bytes) || startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return isPublicV4(toInt(bytes, 12)); // IPv4-mapped, NAT64 well-known prefix
        }
        int first = bytes[0] & 0xff;
        if ((first & 0xe0) != 0x20) {
            return false; // outside global unicast 2000::/3: unspecified, loopback, ULA, link-local, multicast, ...
        }
        int second = bytes[1] & 0xff;
        if (first == 0x20 && second == 0x01 && (bytes[2] & 0xfe) == 0) {
            return false; // 2001::/23 IETF protocol assignments (Teredo, ORCHID, ...)
        }
        if (startsWith(bytes, 0x20, 0x01, 0x0d, 0xb8)) {
            return false; // 2001:db8::/32 documentation
        }
        if (first == 0x3f && second == 0xff && (bytes[2] & 0xf0) == 0) {
            return false; // 3fff::/20 documentation
        }
        return !(first == 0x20 && second == 0x02); // 2002::/16 6to4
    }

    private static boolean isMapped(byte[] bytes) {
        return startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] bytes, int from) {
        return (bytes[from] & 0xff) << 24 | (bytes[from + 1] & 0xff) << 16 | (bytes[from + 2] & 0xff) << 8 | (bytes[from + 3] & 0xff);
    }

    private static int v4(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    /** The delivery-time refusal: the host resolved to an address a webhook may not be sent to. */
    static final class NotPublicException extends UnknownHostException {
        NotPublicException(String host) {
            // the address is not named: the merchant reads this in its delivery log (no probing of internal DNS)
            super("webhook host " + host + " resolves to a non-public address; not connecting");
        }
    }
}
