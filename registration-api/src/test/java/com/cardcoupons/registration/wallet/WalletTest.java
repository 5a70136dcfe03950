package com.cardcoupons.registration.wallet;

import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class WalletTest extends RegistrationApiTest {

    @Test
    void aWalletListsTheMediumsCouponsNewestFirstEachWithItsState() {
        String active = couponCode(approved(TermsJson.discount(), null));
        String usedUp = couponCode(approved(TermsJson.discount(), null));
        useAll(usedUp);
        String cancelled = couponCode(approved(TermsJson.discount(), null));
        assertThat(cancel(cancelled, credit(VISA)).status()).isEqualTo(200);
        UUID toSuspend = approved(TermsJson.discount(), null);
        String suspended = couponCode(toSuspend);
        alice.post("/api/v1/campaigns/" + toSuspend + "/suspend", Map.of("reason", "stock shortage"), key());
        UUID toEnd = approved(TermsJson.discount(), null);
        String ended = couponCode(toEnd);
        alice.post("/api/v1/campaigns/" + toEnd + "/end", Map.of("reason", "season over"), key());
        String expiring = couponCode(approved(TermsJson.discount().set("couponValidityDays", 1), null));
        clock.advance(Duration.ofDays(2));

        Reply wallet = app.post("/api/v1/wallet/lookup", Map.of("medium", credit(VISA)));
        assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
        assertThat(wallet.json().path("medium").path("lastFour").asString()).isEqualTo("1111");
        assertThat(wallet.json().path("hasMore").asBoolean()).isFalse();
        assertThat(wallet.body()).doesNotContain("4111111111111111").doesNotContain("4111 1111 1111 1111");
        Map<String, String> states = new LinkedHashMap<>();
        wallet.json().path("coupons").forEach(coupon -> states.put(coupon.path("code").asString(), coupon.path("state").asString()));
        assertThat(states).containsExactly(
                Map.entry(expiring, "EXPIRED"),
                Map.entry(ended, "ENDED"),
                Map.entry(suspended, "SUSPENDED"),
                Map.entry(cancelled, "CANCELLED"),
                Map.entry(usedUp, "USED_UP"),
                Map.entry(active, "ACTIVE"));
        JsonNode usedUpCoupon = coupon(wallet, usedUp);
        assertThat(usedUpCoupon.path("usesLeft").asInt()).isZero();

        assertThat(app.post("/api/v1/wallet/lookup", Map.of("medium", credit(MASTERCARD))).json().path("coupons").size()).isZero();
        assertThat(web.post("/api/v1/wallet/lookup", Map.of("medium", debit(VISA))).json().path("coupons").size())
                .as("the same card read as debit holds the same coupons").isEqualTo(6);
    }

    @Test
    void theHolderCancelsACouponAndItsPlaceGoesBackToTheCampaign() {
        UUID id = approved(TermsJson.discount().set("totalCap", 1), null);
        String code = couponCode(id);
        assertThat(acquire(app, id, credit(MASTERCARD)).code()).isEqualTo("CAMPAIGN_CAP_EXHAUSTED");

        Reply notTheirs = cancel(code, credit(MASTERCARD));
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.code()).isEqualTo("COUPON_NOT_FOUND");
        assertThat(notTheirs.json().path("field").asString()).isEqualTo("couponCode");

        Reply cancelled = web.post("/api/v1/wallet/cancellations", Map.of("couponCode", code, "medium", credit(VISA)), key());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancelledAt").isMissingNode()).isFalse();
        assertThat(jdbc.sql("select state from coupon where code = ?").param(code).query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select cancelled_via from coupon where code = ?").param(code).query(String.class).single())
                .as("the channel it was cancelled from, which the usage reports read").isEqualTo("WEB");
        assertThat(count("select coalesce(max(acquired_count), 0) from campaign_issue where campaign_id = ?", id)).isZero();
        assertThat(count("select count(*) from campaign_card_holding where campaign_id = ?", id)).isZero();

        assertThat(acquire(app, id, credit(MASTERCARD)).status()).as("the freed place").isEqualTo(201);
        Reply twice = cancel(code, credit(VISA));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.code()).isEqualTo("COUPON_ALREADY_CANCELLED");
    }

    @Test
    void aCouponInUseOrExpiredCannotBeCancelled() {
        String inUse = couponCode(approved(TermsJson.discount().set("usesPerCoupon", 3), null));
        jdbc.sql("""
                        insert into coupon_use (coupon_id, card_token, uses_allowed, uses_held)
                        select id, card_token, uses_allowed, 1 from coupon where code = ?""").param(inUse).update();
        Reply reply = cancel(inUse, credit(VISA));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("COUPON_IN_USE");

        String expiring = couponCode(approved(TermsJson.discount().set("couponValidityDays", 1), null));
        clock.advance(Duration.ofDays(2));
        Reply expired = cancel(expiring, credit(VISA));
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.code()).isEqualTo("COUPON_EXPIRED");
        assertThat(count("select count(*) from coupon where code in (?, ?) and state = 'CANCELLED'", inUse, expiring)).isZero();
    }

    @Test
    void aRetriedCancellationReturnsTheFirstOutcome() {
        UUID id = approved(TermsJson.discount(), null);
        String code = couponCode(id);
        Map<String, Object> body = Map.of("couponCode", code, "medium", credit(VISA));
        Reply first = app.post("/api/v1/wallet/cancellations", body, "cancel-1");
        Reply retry = app.post("/api/v1/wallet/cancellations", body, "cancel-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from coupon where state = 'CANCELLED' and campaign_id = ?", id)).isEqualTo(1);
        assertThat(app.post("/api/v1/wallet/cancellations", body).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void aWalletIsReadPageByPageFollowingItsCouponsNotTheirPositions() {
        String card = "4012888888881881";
        List<String> acquired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acquired.add(couponCode(approved(TermsJson.discount(), null), card));
        }
        // three acquired in the same microsecond: their order, and the pages, must still hold
        jdbc.sql("update coupon set acquired_at = (select acquired_at from coupon where code = ?) where code in (?, ?)")
                .params(acquired.get(3), acquired.get(2), acquired.get(4)).update();
        List<String> whole = codes(app.post("/api/v1/wallet/lookup", Map.of("medium", credit(card))));
        assertThat(whole).containsExactlyInAnyOrderElementsOf(acquired);

        Reply first = app.post("/api/v1/wallet/lookup", Map.of("medium", credit(card), "limit", 2));
        assertThat(codes(first)).containsExactlyElementsOf(whole.subList(0, 2));
        assertThat(first.json().path("hasMore").asBoolean()).isTrue();
        String newest = couponCode(approved(TermsJson.discount(), null), card);
        Reply second = app.post("/api/v1/wallet/lookup", Map.of("medium", credit(card), "limit", 2, "olderThan", whole.get(1)));
        assertThat(codes(second)).as("a coupon acquired meanwhile shifts nothing").containsExactlyElementsOf(whole.subList(2, 4));
        assertThat(second.json().path("hasMore").asBoolean()).isTrue();
        Reply last = app.post("/api/v1/wallet/lookup", Map.of("medium", credit(card), "limit", 2, "olderThan", whole.get(3)));
        assertThat(codes(last)).containsExactly(whole.get(4));
        assertThat(last.json().path("hasMore").asBoolean()).isFalse();
        assertThat(codes(app.post("/api/v1/wallet/lookup", Map.of("medium", credit(card), "limit", 1))))
                .containsExactly(newest);

        Reply unknown = app.post("/api/v1/wallet/lookup", Map.of("medium", credit(card), "olderThan", "NOT-A-CODE"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("COUPON_NOT_FOUND");
        assertThat(unknown.json().path("field").asString()).isEqualTo("olderThan");
        assertThat(app.post("/api/v1/wallet/lookup", Map.of("medium", credit(MASTERCARD), "olderThan", newest)).code())
                .as("another medium's coupon").isEqualTo("COUPON_NOT_FOUND");
        for (int limit : new int[] {0, 201}) {
            Reply outOfRange = app.post("/api/v1/wallet/lookup", Map.of("medium", credit(card), "limit", limit));
            assertThat(outOfRange.status()).isEqualTo(400);
            assertThat(outOfRange.code()).isEqualTo("LIMIT_OUT_OF_RANGE");
            assertThat(outOfRange.json().path("field").asString()).isEqualTo("limit");
        }
    }

    @Test
    void walletRequestsAreValidatedAndOnlyForConsumerChannels() {
        Reply luhn = app.post("/api/v1/wallet/lookup", Map.of("medium", credit("4111111111111112")));
        assertThat(luhn.status()).isEqualTo(400);
        assertThat(luhn.code()).isEqualTo("CARD_NUMBER_FAILS_LUHN");
        assertThat(luhn.json().path("field").asString()).isEqualTo("medium.cardNumber");
        assertThat(luhn.body()).doesNotContain("4111111111111112");
        assertThat(app.post("/api/v1/wallet/lookup", Map.of()).json().path("field").asString()).isEqualTo("medium");
        assertThat(app.post("/api/v1/wallet/cancellations", Map.of("medium", credit(VISA)), key()).json().path("field").asString())
                .isEqualTo("couponCode");
        assertThat(cancel("not-a-code", credit(VISA)).code()).isEqualTo("COUPON_NOT_FOUND");
        assertThat(sakura.post("/api/v1/wallet/lookup", Map.of("medium", credit(VISA))).code()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(app.get("/api/v1/wallet/lookup").code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    private String couponCode(UUID campaignId) {
        return couponCode(campaignId, VISA);
    }

    private String couponCode(UUID campaignId, String card) {
        Reply reply = acquire(app, campaignId, credit(card));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("code").asString();
    }

    /** As coupon-server does, in its own table, when every use of the coupon is reserved at a till. */
    private void useAll(String code) {
        jdbc.sql("""
                        insert into coupon_use (coupon_id, card_token, uses_allowed, uses_held)
                        select id, card_token, uses_allowed, uses_allowed from coupon where code = ?""").param(code).update();
    }

    private Reply cancel(String code, Map<String, Object> medium) {
        return app.post("/api/v1/wallet/cancellations", Map.of("couponCode", code, "medium", medium), key());
    }

    private static List<String> codes(Reply wallet) {
        assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
        return StreamSupport.stream(wallet.json().path("coupons").spliterator(), false)
                .map(coupon -> coupon.path("code").asString()).toList();
    }

    private static JsonNode coupon(Reply wallet, String code) {
        return StreamSupport.stream(wallet.json().path("coupons").spliterator(), false)
                .filter(coupon -> coupon.path("code").asString().equals(code))
                .findFirst().orElseThrow();
    }
}
