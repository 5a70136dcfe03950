package com.cardcoupons.registration.webhook;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves an endpoint's host to its addresses: the system resolver, replaced in tests to point a name at an
 * address of their choosing (the seam that shows the delivery-time check).
 */
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    @Component
    class Default implements HostResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return InetAddress.getAllByName(host);
        }
    }
}
