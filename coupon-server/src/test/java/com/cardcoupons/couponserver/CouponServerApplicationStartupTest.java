package com.cardcoupons.couponserver;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;
import com.cardcoupons.testsupport.WritesOnlyItsOwnTables;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.Set;

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
        return Set.of("reservation", "redemption", "usage_event", "idempotency_record");
    }
}
