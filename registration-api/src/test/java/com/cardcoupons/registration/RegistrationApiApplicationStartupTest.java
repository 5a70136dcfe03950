package com.cardcoupons.registration;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;
import com.cardcoupons.testsupport.WritesOnlyItsOwnTables;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import javax.sql.DataSource;

@IsolatedDatabase
class RegistrationApiApplicationStartupTest extends PlatformServiceStartupContract implements WritesOnlyItsOwnTables {

    @Autowired
    DataSource dataSource;

    RegistrationApiApplicationStartupTest() {
        super("registration-api");
    }

    @Override
    public DataSource serviceDataSource() {
        return dataSource;
    }

    @Override
    public DatabaseRole databaseRole() {
        return DatabaseRole.REGISTRATION;
    }

    @Override
    public Set<String> ownTables() {
        return Set.of("merchant", "store", "terminal", "campaign", "campaign_version", "campaign_transition", "coupon",
                "coupon_by_code", "campaign_issue", "campaign_card_holding", "registration_idempotency_record", "onboarding_audit",
                "registration_event", "webhook_endpoint", "webhook_delivery", "webhook_attempt");
    }

    @Autowired
    IdentitySigner signer;

    @Override
    protected BiFunction<String, String, Map<String, String>> administrator() {
        CallerIdentity administrator = new CallerIdentity("operator", Role.PLATFORM_ADMIN, null, null, null, null);
        return (method, path) -> signer.sign(administrator, method, path);
    }
}
