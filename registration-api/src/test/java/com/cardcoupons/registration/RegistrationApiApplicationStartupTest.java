package com.cardcoupons.registration;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;
import com.cardcoupons.testsupport.WritesOnlyItsOwnTables;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.Set;

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
                "campaign_card_holding", "idempotency_record");
    }
}
