package com.cardcoupons.gateway.routing;

import com.cardcoupons.gateway.authentication.AuthenticatedCaller;
import com.cardcoupons.gateway.credential.ApiKey;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentityHeaders;
import com.cardcoupons.platform.identity.IdentitySigner;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

import java.util.Locale;

/**
 * Sets the identity every forwarded call carries, and only that: every incoming {@code X-Coupons-*} header is
 * dropped, whoever sent it, and the authenticated caller is signed for the method and the path the service will
 * see. The API key stays at the gateway; services never see a secret.
 */
@Component
class IdentityForwarding implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    private static final String PREFIX = IdentityHeaders.PREFIX.toLowerCase(Locale.ROOT);

    private final IdentitySigner signer;

    IdentityForwarding(IdentitySigner signer) {
        this.signer = signer;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpHeaders forwarded = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(PREFIX) && !lower.equals(ApiKey.HEADER.toLowerCase(Locale.ROOT))) {
                forwarded.addAll(name, values);
            }
        });
        CallerIdentity caller = AuthenticatedCaller.of(request.servletRequest());
        if (caller != null) {
            signer.sign(caller, request.method().name(), request.uri().getRawPath()).forEach(forwarded::set);
        }
        return forwarded;
    }

    /** Last, so no other header filter can add to what was signed. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
