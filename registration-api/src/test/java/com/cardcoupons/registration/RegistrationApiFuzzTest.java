package com.cardcoupons.registration;

import com.cardcoupons.registration.RegistrationApiApplication;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.testsupport.ApiFuzz;
import com.cardcoupons.testsupport.FuzzedService;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.UUID;

/**
 * registration-api answers every malformed or boundary request to every operation it documents with a 4xx Problem Details
 * answer of a documented code, and writes nothing: jqwik builds the requests from the service's own API document
 * ({@link ApiFuzz}) and breaks each on purpose.
 */
class RegistrationApiFuzzTest {

    private static FuzzedService service;

    @BeforeContainer
    static void start() {
        service = FuzzedService.start(RegistrationApiApplication.class, (context, role) -> {
            IdentitySigner signer = context.getBean(IdentitySigner.class);
            CallerIdentity caller = switch (role) {
                case "MERCHANT" -> CallerIdentity.merchant("fuzz-merchant", UUID.randomUUID());
                case "APPROVER" -> CallerIdentity.approver("fuzz-approver");
                case "CONSUMER_CHANNEL" -> CallerIdentity.consumerChannel("fuzz-app", "MOBILE_APP");
                case "TERMINAL" -> CallerIdentity.terminal("fuzz-till", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
                case "PLATFORM_ADMIN" -> new CallerIdentity("fuzz-operator", Role.PLATFORM_ADMIN, null, null, null, null);
                default -> throw new IllegalArgumentException("no fuzz caller for " + role);
            };
            return (method, path) -> signer.sign(caller, method, path);
        });
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 250)
    void malformedRequestsAreRefusedWithAProblemAndWriteNothing(@ForAll("requests") ApiFuzz.Request request) {
        service.assertRefusedWithoutWrites(request);
    }

    @Provide
    Arbitrary<ApiFuzz.Request> requests() {
        return service.requests();
    }
}
