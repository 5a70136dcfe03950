package com.cardcoupons.couponserver.search;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.couponserver.usage.SearchLog;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.searchOf;
import static org.assertj.core.api.Assertions.assertThat;

/** A search costs the same few statements however many coupons the card carries: no query per coupon (N+1). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "coupons.redemption.sweep-interval=PT1H")
@IsolatedDatabase
class SearchStatementsTest {

    @TestConfiguration
    static class CountingStatements {

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    ApplicationContext service;

    @Autowired
    StatementCounter statements;

    @Autowired
    SearchLog searchLog;

    @Test
    void aSearchCostsTheSameStatementsForOneCouponOrForty() {
        TillWorld world = TillWorld.of(service);
        UUID mart = world.merchant("Sakura Mart");
        UUID shibuya = world.store(mart, "SHIBUYA", "5411");
        UUID shinjuku = world.store(mart, "SHINJUKU", "5411");
        Terminal till = world.terminal(mart, shibuya);
        String oneCouponCard = TillWorld.newVisa();
        world.coupon(world.campaign(mart).create(), UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(oneCouponCard)));
        String fortyCouponCard = TillWorld.newVisa();
        UsageMediumId forty = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(fortyCouponCard));
        for (int i = 0; i < 40; i++) {
            TillWorld.CampaignSpec spec = world.campaign(mart).fixed(10 + i);
            if (i % 3 == 1) {
                spec.stores(shinjuku);
            }
            if (i % 5 == 2) {
                spec.benefit("SERVICE", "Gift wrapping", 100).exclusive();
            }
            world.coupon(spec.create(), forty);
        }
        search(till, oneCouponCard, true);
        searchLog.flush();
        long cold = statementsFor(() -> search(till, fortyCouponCard, true));

        long one = statementsFor(() -> search(till, oneCouponCard, true));
        long many = statementsFor(() -> search(till, fortyCouponCard, true));

        assertThat(many).as("no statement per coupon").isEqualTo(one);
        assertThat(one).as("read the coupons, append to the usage log").isEqualTo(2);
        assertThat(cold).as("terms not yet in memory: one more statement for all forty").isEqualTo(3);
    }

    /** The search's statements, and those of the usage log appending its events (off the search's thread). */
    private long statementsFor(Runnable search) {
        long before = statements.count();
        search.run();
        searchLog.flush();
        return statements.count() - before;
    }

    private static void search(Terminal till, String cardNumber, boolean explain) {
        Map<String, Object> body = searchOf(card("CREDIT", cardNumber), till.use(5000), explain);
        Reply reply = till.api().post("/api/v1/searches", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }
}
