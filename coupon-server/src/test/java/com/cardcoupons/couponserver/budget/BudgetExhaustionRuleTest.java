package com.cardcoupons.couponserver.budget;

import com.cardcoupons.testsupport.PostgresTestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The use's statement decides in SQL whether it ran a budget out (it records the event in the same round trip), and
 * {@link BudgetClaim#exhaustedBy} is the rule it mirrors: on real PostgreSQL, the SQL answers as the Java rule does for
 * every kind of limit around each edge (last use allowed, remainder just below, at and above the use's discount, a
 * zero discount, no maximum).
 */
class BudgetExhaustionRuleTest {

    private final JdbcClient sql = PostgresTestDatabases.create("budgetexhaustionrule").owner();

    @Test
    void theStatementsRuleAnswersAsBudgetClaimDoes() {
        UUID campaign = UUID.randomUUID();
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (BudgetLimit limit : BudgetLimit.values()) {
            for (Long max : new Long[] {null, 1L, 2L, 10L, 700L}) {
                for (long discount : new long[] {0, 1, 99, 300}) {
                    for (long uses : new long[] {1, 2, 3, 9, 10, 11}) {
                        for (long spent = discount; spent <= 710 && (max == null || spent <= max || !limit.isMoney());
                             spent += spent < 380 ? 97 : 13) {
                            BudgetClaim claim = new BudgetClaim(limit, campaign, BudgetPeriod.CAMPAIGN_START, discount, max);
                            Long usesLimit = limit.isMoney() ? null : max;
                            Long spentLimit = limit.isMoney() ? max : null;
                            boolean inSql = sql.sql("select " + BudgetCounters.exhaustedBy("cast(:uses as bigint)",
                                            "cast(:spent as bigint)", "cast(:discount as bigint)", "cast(:usesLimit as int)",
                                            "cast(:spentLimit as bigint)") + " is true")
                                    .param("uses", uses).param("spent", spent).param("discount", discount)
                                    .param("usesLimit", usesLimit == null ? null : usesLimit.intValue(), java.sql.Types.INTEGER)
                                    .param("spentLimit", spentLimit, java.sql.Types.BIGINT)
                                    .query(Boolean.class).single();
                            cases++;
                            if (inSql != claim.exhaustedBy(uses, spent)) {
                                disagreements.add(limit + " max " + max + " discount " + discount + " uses " + uses
                                        + " spent " + spent + ": SQL " + inSql);
                            }
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(cases).isGreaterThan(500);
    }
}
