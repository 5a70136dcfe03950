package com.cardcoupons.testsupport.schema;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.testsupport.PostgresTestDatabases;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A coupon's uses are coupon-server's ({@code coupon_use}), its cancellation registration-api's ({@code coupon}): two
 * owners, one rule, that a coupon in use is never cancelled and a cancelled one never used. The schema keeps it across
 * the two tables, whichever comes first, shown here with each service's role and the statements each one runs: a use
 * in flight makes the cancellation wait and then find the coupon in use; a cancellation in flight makes the use wait
 * and then fail on the foreign key that holds a coupon in use active.
 */
class UseAndCancellationTest {

    private static final String TOKEN = "T".repeat(43);

    private TestDatabase database;
    private UUID coupon;

    @BeforeEach
    void anActiveCoupon() {
        database = PostgresTestDatabases.create("useandcancellation");
        JdbcClient owner = database.owner();
        UUID merchant = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        coupon = UUID.randomUUID();
        owner.sql("insert into merchant (id, name) values (?, 'Sakura Mart')").param(merchant).update();
        owner.sql("insert into campaign (id, merchant_id, short_code, state, live_version) values (?, ?, 'RACE1', 'APPROVED', 1)")
                .params(campaign, merchant).update();
        owner.sql("""
                        insert into campaign_version (id, campaign_id, version, approval_state, title, kind, benefit_type,
                                                      time_zone, valid_from, valid_until, accepted_media, per_card_limit,
                                                      uses_per_coupon, stacking, submitted_by)
                        values (?, ?, 1, 'APPROVED', 'Free coffee', 'BENEFIT', 'SERVICE', 'Asia/Tokyo', now() - interval '1 day',
                                now() + interval '30 days', '{CREDIT}', 1, 1, 'STACKABLE', 'merchant:test')""")
                .params(version, campaign).update();
        owner.sql("""
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type,
                                            medium_last_four, channel, uses_allowed, expires_at)
                        values (?, 'RACECOUPONCODE22', ?, ?, ?, 'CREDIT', '1111', 'WEB', 1, now() + interval '30 days')""")
                .params(coupon, campaign, version, TOKEN).update();
    }

    @Test
    void aCancellationWaitsForAUseInFlightAndThenFindsTheCouponInUse() throws Exception {
        try (Connection till = connect(DatabaseRole.TILL); Connection registration = connect(DatabaseRole.REGISTRATION)) {
            till.setAutoCommit(false);
            registration.setAutoCommit(false);
            takeAUse(till);

            CompletableFuture<Integer> cancelled = CompletableFuture.supplyAsync(() -> cancel(registration));
            awaitWaiting();
            till.commit();

            assertThat(cancelled.get(10, TimeUnit.SECONDS)).as("coupons cancelled").isZero();
            registration.commit();
        }
        assertThat(state()).isEqualTo("ACTIVE");
    }

    @Test
    void aUseWaitsForACancellationInFlightAndThenFails() throws Exception {
        try (Connection till = connect(DatabaseRole.TILL); Connection registration = connect(DatabaseRole.REGISTRATION)) {
            till.setAutoCommit(false);
            registration.setAutoCommit(false);
            assertThat(cancel(registration)).isEqualTo(1);

            CompletableFuture<Void> used = CompletableFuture.runAsync(() -> {
                try {
                    takeAUse(till);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaiting();
            registration.commit();

            assertThatThrownBy(() -> used.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("coupon_use_active_coupon");
            till.rollback();
        }
        assertThat(state()).isEqualTo("CANCELLED");
        assertThat(database.owner().sql("select count(*) from coupon_use").query(Long.class).single()).isZero();
    }

    /** coupon-server's first use of a coupon, as its use statement takes it. */
    private void takeAUse(Connection till) throws SQLException {
        try (PreparedStatement use = till.prepareStatement("""
                insert into coupon_use (coupon_id, card_token, uses_allowed, uses_held)
                select c.id, c.card_token, c.uses_allowed, 1 from coupon c
                 where c.card_token = ? and c.id = ? and c.state = 'ACTIVE'
                on conflict (coupon_id, card_token) do update set uses_held = coupon_use.uses_held + 1
                 where coupon_use.uses_held < coupon_use.uses_allowed""")) {
            use.setString(1, TOKEN);
            use.setObject(2, coupon);
            assertThat(use.executeUpdate()).isEqualTo(1);
        }
    }

    /** registration-api's cancellation: the row's lock first, then the conditional update on a fresh snapshot. */
    private int cancel(Connection registration) {
        try (PreparedStatement lock = registration.prepareStatement("select from coupon where id = ? and card_token = ? for update");
             PreparedStatement cancel = registration.prepareStatement("""
                     update coupon set state = 'CANCELLED', cancelled_at = now(), cancelled_via = 'WEB'
                      where id = ? and card_token = ? and state = 'ACTIVE' and expires_at > now()
                        and not exists (select from coupon_use u where u.coupon_id = ? and u.card_token = ? and u.uses_held > 0)""")) {
            lock.setObject(1, coupon);
            lock.setString(2, TOKEN);
            lock.executeQuery().close();
            cancel.setObject(1, coupon);
            cancel.setString(2, TOKEN);
            cancel.setObject(3, coupon);
            cancel.setString(4, TOKEN);
            return cancel.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns once a statement is waiting for a row lock another transaction holds. */
    private void awaitWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (database.owner().sql("select count(*) from pg_locks where not granted").query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("a statement waits for the other's lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private String state() {
        return database.owner().sql("select state from coupon where id = ?").param(coupon).query(String.class).single();
    }

    private Connection connect(DatabaseRole role) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(role), database.password(role));
    }
}
