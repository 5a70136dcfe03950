package com.cardcoupons.settlementcenter;

import com.cardcoupons.testsupport.ServiceStartupContract;
import org.springframework.boot.test.context.SpringBootTest;

/** Not a platform service: no database, no gateway identity, no application tag on its metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + SettlementCenterSimulatorApplication.CONFIG_NAME)
class SettlementCenterSimulatorStartupTest extends ServiceStartupContract {
}
