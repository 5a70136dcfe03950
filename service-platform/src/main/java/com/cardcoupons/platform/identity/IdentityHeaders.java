package com.cardcoupons.platform.identity;

import java.util.List;

/**
 * The headers in which the gateway passes a verified identity downstream. The gateway strips any a client sends
 * and sets them itself, signed with the secret it shares with the services.
 */
public final class IdentityHeaders {

    public static final String PRINCIPAL = "X-Coupons-Principal";
    public static final String ROLE = "X-Coupons-Role";
    public static final String MERCHANT = "X-Coupons-Merchant";
    public static final String STORE = "X-Coupons-Store";
    public static final String TERMINAL = "X-Coupons-Terminal";
    public static final String CHANNEL = "X-Coupons-Channel";
    public static final String ISSUED_AT = "X-Coupons-Identity-Issued";
    public static final String SIGNATURE = "X-Coupons-Identity-Signature";

    public static final List<String> ALL = List.of(PRINCIPAL, ROLE, MERCHANT, STORE, TERMINAL, CHANNEL, ISSUED_AT, SIGNATURE);

    /** The prefix every identity header shares; the gateway drops every incoming header that starts with it. */
    public static final String PREFIX = "X-Coupons-";

    private IdentityHeaders() {
    }
}
