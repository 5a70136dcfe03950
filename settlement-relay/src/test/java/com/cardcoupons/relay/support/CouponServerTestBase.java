package com.cardcoupons.relay.support;

import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A relay calling the real coupon-server, which runs in this JVM on the relay test's own database and is started and
 * stopped with the relay. The relay reaches it through a {@link TcpProxy}, so a test can make it slow or take it down.
 * Coupons are put on cards with {@link CouponsOnCards}, which also reads what coupon-server recorded of their use.
 */
@Import(CouponServerTestBase.CouponServerOnTheTestDatabase.class)
public abstract class CouponServerTestBase extends RelayTestBase {

    protected static final TcpProxy couponServerProxy = new TcpProxy();

    @Autowired
    private UsageMediumTokenizer tokenizer;

    protected CouponsOnCards coupons;

    @DynamicPropertySource
    static void couponServer(DynamicPropertyRegistry registry) {
        registry.add("relay.coupon-server.url", couponServerProxy::url);
    }

    @BeforeEach
    void couponsOnCards() {
        coupons = new CouponsOnCards(jdbc, tokenizer);
    }

    @AfterEach
    void couponServerBackToNormal() {
        couponServerProxy.recover();
    }

    /** Runs coupon-server for as long as the relay's test context lives, behind the proxy. */
    static class CouponServerOnTheTestDatabase implements DisposableBean {

        private final CouponServerInProcess couponServer;

        CouponServerOnTheTestDatabase(TestDatabase isolatedTestDatabase) {
            couponServer = CouponServerInProcess.start(isolatedTestDatabase);
            couponServerProxy.forwardTo(couponServer.port());
        }

        @Override
        public void destroy() {
            couponServer.close();
        }
    }
}
