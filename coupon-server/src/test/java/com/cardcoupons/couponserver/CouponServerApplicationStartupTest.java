package com.cardcoupons.couponserver;

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
class CouponServerApplicationStartupTest extends PlatformServiceStartupContract implements WritesOnlyItsOwnTables {

    @Autowired
    DataSource dataSource;

    CouponServerApplicationStartupTest() {
        super("coupon-server");
    }

    @Override
    public DataSource serviceDataSource() {
        return dataSource;
    }

    @Override
    public DatabaseRole databaseRole() {
        return DatabaseRole.TILL;
    }

    @Override
    public Set<String> ownTables() {
        return Set.of("coupon_use", "reservation", "redemption", "usage_event", "coupon_server_idempotency_record",
                "campaign_budget_count", "card_budget_count");
    }

    @Autowired
    IdentitySigner signer;

    @Override
    protected BiFunction<String, String, Map<String, String>> administrator() {
        CallerIdentity administrator = new CallerIdentity("operator", Role.PLATFORM_ADMIN, null, null, null, null);
        return (method, path) -> signer.sign(administrator, method, path);
    }
}
