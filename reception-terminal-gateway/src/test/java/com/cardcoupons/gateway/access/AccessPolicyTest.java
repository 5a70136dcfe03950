package com.cardcoupons.gateway.access;

import com.cardcoupons.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The route-to-role table exactly as the gateway's application.yml configures it. */
class AccessPolicyTest {

    private static final AccessPolicy POLICY = new AccessPolicy(configuredRules().rules());

    @ParameterizedTest(name = "{2} {0} {1}: {3}")
    @CsvSource({
            "POST, /api/v1/searches, TERMINAL, PERMITTED",
            "POST, /api/v1/searches, MERCHANT, FORBIDDEN",
            "POST, /api/v1/searches, CONSUMER_CHANNEL, FORBIDDEN",
            "POST, /api/v1/redemptions, TERMINAL, PERMITTED",
            "POST, /api/v1/redemptions/r-1/reversal, TERMINAL, PERMITTED",
            "POST, /api/v1/redemptions, APPROVER, FORBIDDEN",
            "POST, /api/v1/reservations/r-1/confirmation, TERMINAL, PERMITTED",
            "GET, /api/v1/printing/coupons/ABC/barcode.png, TERMINAL, PERMITTED",
            "GET, /api/v1/printing/coupons/ABC/barcode.png, MERCHANT, FORBIDDEN",
            "POST, /api/v1/payments, TERMINAL, PERMITTED",
            "POST, /api/v1/payments, MERCHANT, FORBIDDEN",
            "GET, /api/v1/payments/t-1/journal, TERMINAL, PERMITTED",
            "GET, /api/v1/payments/t-1/journal, MERCHANT, PERMITTED",
            "GET, /api/v1/payments/t-1, CONSUMER_CHANNEL, FORBIDDEN",
            "POST, /api/v1/campaigns, MERCHANT, PERMITTED",
            "POST, /api/v1/campaigns, APPROVER, PERMITTED",
            "POST, /api/v1/campaigns, CONSUMER_CHANNEL, FORBIDDEN",
            "GET, /api/v1/campaigns, APPROVER, PERMITTED",
            "GET, /api/v1/campaigns, TERMINAL, FORBIDDEN",
            "POST, /api/v1/campaigns/c-1/approve, APPROVER, PERMITTED",
            "POST, /api/v1/campaigns/c-1/approve, MERCHANT, FORBIDDEN",
            "POST, /api/v1/campaigns/c-1/reject, APPROVER, PERMITTED",
            "POST, /api/v1/campaigns/c-1/suspend, APPROVER, PERMITTED",
            "POST, /api/v1/campaigns/c-1/resume, APPROVER, PERMITTED",
            "POST, /api/v1/campaigns/c-1/end, APPROVER, PERMITTED",
            "POST, /api/v1/campaigns/c-1/end, PLATFORM_ADMIN, FORBIDDEN",
            "POST, /api/v1/campaigns/c-1/versions, MERCHANT, PERMITTED",
            "POST, /api/v1/campaigns/c-1/versions, TERMINAL, FORBIDDEN",
            "PUT, /api/v1/campaigns/c-1, MERCHANT, METHOD_NOT_ALLOWED",
            "GET, /api/v1/campaigns/c-1/history, APPROVER, PERMITTED",
            "POST, /api/v1/acquisitions, CONSUMER_CHANNEL, PERMITTED",
            "POST, /api/v1/acquisitions, TERMINAL, FORBIDDEN",
            "POST, /api/v1/wallet/lookup, CONSUMER_CHANNEL, PERMITTED",
            "DELETE, /api/v1/wallet/coupons/X, CONSUMER_CHANNEL, PERMITTED",
            "GET, /api/v1/wallet/coupons, MERCHANT, FORBIDDEN",
            "GET, /api/v1/usage/campaigns/c-1, MERCHANT, PERMITTED",
            "GET, /api/v1/usage/campaigns/c-1/daily.csv, APPROVER, PERMITTED",
            "GET, /api/v1/usage/campaigns/c-1, TERMINAL, FORBIDDEN",
            "POST, /api/v1/credentials, PLATFORM_ADMIN, PERMITTED",
            "POST, /api/v1/credentials/k-1/revocation, PLATFORM_ADMIN, PERMITTED",
            "GET, /api/v1/credentials, APPROVER, FORBIDDEN",
            "DELETE, /api/v1/searches, TERMINAL, METHOD_NOT_ALLOWED",
            "GET, /api/v1/unknown, PLATFORM_ADMIN, NO_ROUTE",
            "GET, /api/v2/searches, TERMINAL, NO_ROUTE",
    })
    void theTableDecides(String method, String path, Role role, AccessPolicy.Outcome expected) {
        assertThat(POLICY.decide(method, path, role).outcome()).isEqualTo(expected);
    }

    @Test
    void aMerchantOnItsCampaignRoutesIsToldWhichCampaignMustBeItsOwn() {
        assertThat(POLICY.decide("GET", "/api/v1/campaigns/c-7", Role.MERCHANT).ownedCampaign()).isEqualTo("c-7");
        assertThat(POLICY.decide("GET", "/api/v1/usage/campaigns/c-7/by-store", Role.MERCHANT).ownedCampaign()).isEqualTo("c-7");
        assertThat(POLICY.decide("GET", "/api/v1/campaigns/c-7", Role.APPROVER).ownedCampaign()).isNull();
        assertThat(POLICY.decide("GET", "/api/v1/campaigns", Role.MERCHANT).ownedCampaign()).isNull();
    }

    private static AccessProperties configuredRules() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("gateway", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("coupons.gateway.access", AccessProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
