package com.cardcoupons.gateway;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.WritesOnlyItsOwnTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.util.Set;

/** The gateway writes only its API credentials and the answers it keeps for their retries; campaigns, and the views of terminals and merchants registration-api publishes, it reads. */
@SpringBootTest
@IsolatedDatabase
class DatabaseRoleTest implements WritesOnlyItsOwnTables {

    @Autowired
    DataSource dataSource;

    @Override
    public DataSource serviceDataSource() {
        return dataSource;
    }

    @Override
    public DatabaseRole databaseRole() {
        return DatabaseRole.GATEWAY;
    }

    @Override
    public Set<String> ownTables() {
        return Set.of("api_credential", "gateway_idempotency_record");
    }
}
