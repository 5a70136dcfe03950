package com.cardcoupons.registration.webhook;

import com.cardcoupons.model.problem.DomainException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where an endpoint receives deliveries: an absolute HTTPS URL without user info or fragment, on the default port,
 * 443 or an unprivileged port (1024 and up), whose host is not (and does not now resolve to) a non-public address
 * ({@link PublicAddresses}); plain HTTP, and a loopback address, only where development or tests allow it
 * ({@code coupons.webhooks.allow-loopback-http}). A name that does not resolve now is accepted: the dispatcher checks
 * the address again at every delivery, as DNS can change.
 */
public record EndpointUrl(URI uri) {

    private static final int MAX_LENGTH = 2000;

    public static EndpointUrl parse(String url, boolean allowLoopbackHttp) {
        return parse(url, allowLoopbackHttp, new HostResolver.Default());
    }

    public static EndpointUrl parse(String url, boolean allowLoopbackHttp, HostResolver resolver) {
        if (url == null || url.isBlank()) {
            throw DomainException.invalid("FIELD_REQUIRED", "url", "url is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw DomainException.invalid("TOO_LONG", "url", "url is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw invalid("url is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("url must be an absolute URL with a host, without user info or fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        requirePublic(uri.getHost(), allowLoopbackHttp, resolver);
        int port = uri.getPort();
        if (port != -1 && port != 443 && port < 1024 && !(port == 80 && scheme.equals("http"))) {
            throw DomainException.invalid("WEBHOOK_URL_PORT_NOT_ALLOWED", "url",
                    "a webhook endpoint must use the default port, 443 or a port from 1024 up");
        }
        if (scheme.equals("https")) {
            return new EndpointUrl(uri);
        }
        if (scheme.equals("http") && allowLoopbackHttp && isLoopback(uri.getHost())) {
            return new EndpointUrl(uri);
        }
        throw DomainException.invalid("WEBHOOK_URL_NOT_HTTPS", "url", allowLoopbackHttp
                ? "a webhook endpoint must use https (plain http only to a loopback address)"
                : "a webhook endpoint must use https");
    }

    private static void requirePublic(String host, boolean allowLoopback, HostResolver resolver) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException unresolved) {
            return; // accepted; every delivery resolves and checks again
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.permitted(address, allowLoopback)) {
                throw DomainException.invalid("WEBHOOK_URL_NOT_PUBLIC", "url", "a webhook endpoint's host must be, and resolve only to,"
                        + " public addresses"); // the address is not echoed: no probing of internal DNS
            }
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // only an address literal, never a name some resolver could point elsewhere
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static DomainException invalid(String detail) {
        return DomainException.invalid("INVALID_URL", "url", detail);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
