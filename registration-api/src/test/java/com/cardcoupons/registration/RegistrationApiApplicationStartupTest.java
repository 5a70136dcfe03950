package com.cardcoupons.registration;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.function.BiFunction;

@IsolatedDatabase
class RegistrationApiApplicationStartupTest extends PlatformServiceStartupContract {

    RegistrationApiApplicationStartupTest() {
        super("registration-api");
    }

    @Autowired
    IdentitySigner signer;

    @Override
    protected BiFunction<String, String, Map<String, String>> administrator() {
        CallerIdentity administrator = new CallerIdentity("operator", Role.PLATFORM_ADMIN, null, null, null, null);
        return (method, path) -> signer.sign(administrator, method, path);
    }
}
