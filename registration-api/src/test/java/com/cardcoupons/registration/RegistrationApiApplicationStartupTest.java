package com.cardcoupons.registration;

import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;

@IsolatedDatabase
class RegistrationApiApplicationStartupTest extends PlatformServiceStartupContract {

    RegistrationApiApplicationStartupTest() {
        super("registration-api");
    }
}
