package com.cardcoupons.gateway;

import org.springframework.core.Ordered;

/**
 * The order in which the gateway's servlet filters see a request, after the platform's correlation id filter
 * (highest precedence + 10): log it, bound its size, refuse a path that is not in canonical form (so the path
 * checked is the path forwarded), authenticate the caller, limit its rate, check its role.
 * Rate limiting comes before the role check so that probing for permitted routes costs tokens too. Last, the
 * gateway's own health learns whether an administrator asks.
 */
public final class GatewayFilterOrder {

    public static final int ACCESS_LOG = Ordered.HIGHEST_PRECEDENCE + 11;
    public static final int REQUEST_SIZE = Ordered.HIGHEST_PRECEDENCE + 12;
    public static final int CANONICAL_PATH = Ordered.HIGHEST_PRECEDENCE + 13;
    public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 30;
    public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 31;
    public static final int ACCESS_POLICY = Ordered.HIGHEST_PRECEDENCE + 32;
    public static final int OPERATOR_ACCESS = Ordered.HIGHEST_PRECEDENCE + 33;

    private GatewayFilterOrder() {
    }
}
