package com.cardcoupons.registration.acquisition;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.registration.TermsJson.localInTokyo;
import static com.cardcoupons.registration.TermsJson.map;
import static org.assertj.core.api.Assertions.assertThat;

class AcquisitionTest extends RegistrationApiTest {

    @Test
    void aMobileAppAcquiresACouponOnACreditCard() {
        UUID id = approved(TermsJson.discount(), null);
        Reply reply = acquire(app, id, credit(VISA));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode coupon = reply.json();
        assertThat(coupon.path("code").asString()).matches("[A-Z2-9]{20}");
        assertThat(coupon.path("campaignId").asString()).isEqualTo(id.toString());
        assertThat(coupon.path("campaignVersion").asInt()).isEqualTo(1);
        assertThat(coupon.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(coupon.path("terms").path("kind").asString()).isEqualTo("DISCOUNT");
        assertThat(coupon.path("terms").path("discount").path("basisPoints").asInt()).isEqualTo(1000);
        assertThat(coupon.path("terms").path("minSpend").path("amountMinor").asLong()).isEqualTo(1000);
        assertThat(coupon.path("medium").path("type").asString()).isEqualTo("CREDIT");
        assertThat(coupon.path("medium").path("lastFour").asString()).isEqualTo("1111");
        assertThat(coupon.path("medium").path("brand").asString()).isEqualTo("VISA");
        assertThat(coupon.path("channel").asString()).isEqualTo("MOBILE_APP");
        assertThat(coupon.path("usesAllowed").asInt()).isEqualTo(1);
        assertThat(coupon.path("usesLeft").asInt()).isEqualTo(1);
        assertThat(coupon.path("expiresAt").asString()).isEqualTo(coupon.path("terms").path("validUntilInstant").asString());
        assertThat(coupon.path("expiresAtLocal").asString()).isEqualTo(coupon.path("terms").path("validUntil").asString());
        assertThat(reply.body()).doesNotContain("4111111111111111").doesNotContain("4111 1111 1111 1111");

        String couponId = coupon.path("couponId").asString();
        Map<String, Object> row = jdbc.sql("select * from coupon where id = ?::uuid").param(couponId).query().singleRow();
        assertThat(row.get("code")).isEqualTo(coupon.path("code").asString());
        assertThat((String) row.get("card_token")).hasSize(43).doesNotContain("1111");
        assertThat(row.get("medium_last_four")).isEqualTo("1111");
        assertThat(row.get("card_brand")).isEqualTo("VISA");
        assertThat(row.get("channel")).isEqualTo("MOBILE_APP");
        assertThat(row.get("state")).isEqualTo("ACTIVE");
        assertThat(row.get("uses_allowed")).isEqualTo(1);
        assertThat(row.get("acquired_at")).as("the acquisition's record, which the usage reports read").isNotNull();
        assertThat(jdbc.sql("select card_token, coupon_id from coupon_by_code where code = ?").param(row.get("code")).query().singleRow())
                .as("its code, unique across cards, finds its card").isEqualTo(Map.of("card_token", row.get("card_token"),
                        "coupon_id", row.get("id")));
        assertThat(count("select count(*) from coupon_use where coupon_id = ?", row.get("id"))).as("no use held").isZero();
        assertThat(count("select coalesce(max(acquired_count), 0) from campaign_issue where campaign_id = ?", id)).isEqualTo(1);
        assertThat(count("select acquired from campaign_card_holding where campaign_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aWebPageAcquiresOnAMileageCardAndTheCouponLastsItsValidityDays() {
        UUID id = approved(TermsJson.benefit().set("couponValidityDays", 7), null);
        Reply reply = acquire(web, id, mileageCard("00998877"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode coupon = reply.json();
        assertThat(coupon.path("channel").asString()).isEqualTo("WEB");
        assertThat(coupon.path("medium").path("type").asString()).isEqualTo("MILEAGE");
        assertThat(coupon.path("medium").path("program").asString()).isEqualTo("SKYMILES");
        assertThat(coupon.path("medium").path("lastFour").asString()).isEqualTo("8877");
        assertThat(coupon.path("terms").path("benefit").path("points").asLong()).isEqualTo(200);
        Instant acquiredAt = Instant.parse(coupon.path("acquiredAt").asString());
        assertThat(Instant.parse(coupon.path("expiresAt").asString()))
                .isEqualTo(acquiredAt.atZone(ZoneId.of("Asia/Tokyo")).plusDays(7).toInstant());
        assertThat(count("select count(*) from coupon where campaign_id = ? and channel = 'WEB' and medium_type = 'MILEAGE'", id))
                .isEqualTo(1);
        assertThat(reply.body()).doesNotContain("00998877");
    }

    @Test
    void aTicketIsACouponForOneUse() {
        UUID id = approved(TermsJson.ticket(), null);
        JsonNode coupon = acquire(app, id, debit(JCB)).json();
        assertThat(coupon.path("terms").path("kind").asString()).isEqualTo("TICKET");
        assertThat(coupon.path("terms").path("ticket").path("event").asString()).isEqualTo("Harbor Jazz Night");
        assertThat(coupon.path("usesAllowed").asInt()).isEqualTo(1);
        assertThat(coupon.path("medium").path("brand").asString()).isEqualTo("JCB");
    }

    @Test
    void aDigitalBroadcastReceiverSendsOnlyTheShortCodeAndANumber() {
        UUID tv500 = approved(TermsJson.discount(), "TV500");
        Reply byCard = tv.post("/api/v1/acquisitions/broadcast",
                Map.of("campaignCode", "tv 500", "type", "CREDIT", "cardNumber", "4111111111111111"), key());
        assertThat(byCard.status()).as(byCard.toString()).isEqualTo(201);
        assertThat(byCard.json().path("channel").asString()).isEqualTo("DIGITAL_BROADCAST");
        assertThat(byCard.json().path("medium").path("type").asString()).isEqualTo("CREDIT");

        // the campaign takes point and mileage cards alike: a member number alone does not say which it is
        Reply untyped = tv.post("/api/v1/acquisitions/broadcast",
                Map.of("campaignCode", "TV500", "program", "SKYMILES", "memberNumber", "00998877"), key());
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.code()).isEqualTo("MEDIUM_TYPE_REQUIRED");
        assertThat(untyped.json().path("field").asString()).isEqualTo("type");
        Reply byMember = tv.post("/api/v1/acquisitions/broadcast",
                Map.of("campaignCode", "TV500", "type", "POINT", "program", "SAKURAPOINTS", "memberNumber", "00012345"), key());
        assertThat(byMember.json().path("medium").path("type").asString()).isEqualTo("POINT");
        assertThat(count("select count(*) from coupon where campaign_id = ? and channel = 'DIGITAL_BROADCAST'", tv500)).isEqualTo(2);

        approved(TermsJson.discount().set("acceptedMedia", List.of("DEBIT", "MILEAGE")), "DEBITS");
        Reply debitOnly = tv.post("/api/v1/acquisitions/broadcast", Map.of("campaignCode", "DEBITS", "cardNumber", JCB), key());
        assertThat(debitOnly.json().path("medium").path("type").asString()).isEqualTo("DEBIT");
        Reply member = tv.post("/api/v1/acquisitions/broadcast",
                Map.of("campaignCode", "DEBITS", "program", "SKYMILES", "memberNumber", "00998877"), key());
        assertThat(member.json().path("medium").path("type").asString()).isEqualTo("MILEAGE");

        approved(TermsJson.discount().set("acceptedMedia", List.of("POINT")), "POINTS");
        Reply cardNotAccepted = tv.post("/api/v1/acquisitions/broadcast", Map.of("campaignCode", "POINTS", "cardNumber", VISA), key());
        assertThat(cardNotAccepted.code()).isEqualTo("MEDIUM_NOT_ACCEPTED");
        assertThat(cardNotAccepted.json().path("field").asString()).isEqualTo("cardNumber");
    }

    @Test
    void aBroadcastRequestWithAWrongCodeOrNumberIsRefusedNamingTheField() {
        UUID id = approved(TermsJson.discount(), "TV600");
        Reply unknown = tv.post("/api/v1/acquisitions/broadcast", Map.of("campaignCode", "NOPE99", "cardNumber", VISA), key());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(unknown.json().path("field").asString()).isEqualTo("campaignCode");
        assertThat(tv.post("/api/v1/acquisitions/broadcast", Map.of("campaignCode", "!?", "cardNumber", VISA), key()).code())
                .isEqualTo("CAMPAIGN_NOT_FOUND");

        Reply luhn = tv.post("/api/v1/acquisitions/broadcast", Map.of("campaignCode", "TV600", "cardNumber", "4111111111111112"), key());
        assertThat(luhn.status()).isEqualTo(400);
        assertThat(luhn.code()).isEqualTo("CARD_NUMBER_FAILS_LUHN");
        assertThat(luhn.json().path("field").asString()).isEqualTo("cardNumber");
        assertThat(luhn.body()).doesNotContain("4111111111111112");

        Reply noNumber = tv.post("/api/v1/acquisitions/broadcast", Map.of("campaignCode", "TV600"), key());
        assertThat(noNumber.code()).isEqualTo("CARD_NUMBER_REQUIRED");
        assertThat(noNumber.json().path("field").asString()).isEqualTo("cardNumber");
        Reply noProgram = tv.post("/api/v1/acquisitions/broadcast", Map.of("campaignCode", "TV600", "type", "POINT", "memberNumber", "00012345"), key());
        assertThat(noProgram.code()).isEqualTo("INVALID_PROGRAM");
        assertThat(noProgram.json().path("field").asString()).isEqualTo("program");
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isZero();
    }

    @Test
    void aCardNumberFailingLuhnIsRefusedNamingTheFieldAndNeverEchoed() {
        UUID id = approved(TermsJson.discount(), null);
        Reply reply = acquire(app, id, credit("4111 1111 1111 1112"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("CARD_NUMBER_FAILS_LUHN");
        assertThat(reply.json().path("field").asString()).isEqualTo("medium.cardNumber");
        assertThat(reply.body()).doesNotContain("1112");
        assertThat(acquire(app, id, credit("4111-1111")).code()).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(acquire(app, id, map("type", "CREDIT")).code()).isEqualTo("CARD_NUMBER_REQUIRED");
        assertThat(acquire(app, id, map("cardNumber", VISA)).json().path("field").asString()).isEqualTo("medium.type");
        assertThat(acquire(app, id, map("type", "POINT", "program", "SAKURAPOINTS", "memberNumber", "12")).code())
                .isEqualTo("INVALID_MEMBER_NUMBER");
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isZero();
        assertThat(count("select coalesce(max(acquired_count), 0) from campaign_issue where campaign_id = ?", id)).isZero();
    }

    @Test
    void aRequestWithoutCampaignOrMediumNamesWhatIsMissing() {
        Reply noCampaign = app.post("/api/v1/acquisitions", Map.of("medium", credit(VISA)), key());
        assertThat(noCampaign.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(noCampaign.json().path("field").asString()).isEqualTo("campaignId");
        Reply noMedium = app.post("/api/v1/acquisitions", Map.of("campaignId", UUID.randomUUID()), key());
        assertThat(noMedium.json().path("field").asString()).isEqualTo("medium");
        Reply badId = app.post("/api/v1/acquisitions", Map.of("campaignId", "SAKURA10", "medium", credit(VISA)), key());
        assertThat(badId.code()).isEqualTo("INVALID_FORMAT");
        assertThat(badId.json().path("field").asString()).isEqualTo("campaignId");
    }

    @Test
    void anUnknownCampaignIsA404NamingIt() {
        Reply reply = acquire(app, UUID.randomUUID(), credit(VISA));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(reply.json().path("field").asString()).isEqualTo("campaignId");
    }

    @Test
    void onlyAnApprovedCampaignInsideItsWindowCanBeAcquired() {
        UUID id = approved(TermsJson.discount().set("validFrom", localInTokyo(2)).set("validUntil", localInTokyo(5)), null);
        Reply early = acquire(app, id, credit(VISA));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("CAMPAIGN_NOT_STARTED");
        assertThat(early.json().path("field").asString()).isEqualTo("campaignId");

        clock.advance(Duration.ofDays(3));
        assertThat(acquire(app, id, credit(VISA)).status()).isEqualTo(201);

        clock.advance(Duration.ofDays(3));
        Reply late = acquire(app, id, credit(MASTERCARD));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("CAMPAIGN_EXPIRED");
        assertThat(late.json().path("field").asString()).isEqualTo("campaignId");

        UUID pending = submitted(TermsJson.discount(), null);
        assertThat(acquire(app, pending, credit(VISA)).code()).isEqualTo("CAMPAIGN_NOT_APPROVED");
    }

    @Test
    void aMediumTheCampaignDoesNotAcceptIsRefused() {
        UUID id = approved(TermsJson.discount().set("acceptedMedia", List.of("CREDIT")).set("acceptedBrands", List.of("VISA")), null);
        Reply point = acquire(app, id, pointCard("00012345"));
        assertThat(point.status()).isEqualTo(422);
        assertThat(point.code()).isEqualTo("MEDIUM_NOT_ACCEPTED");
        assertThat(point.json().path("field").asString()).isEqualTo("medium.type");
        Reply debitCard = acquire(app, id, debit(VISA));
        assertThat(debitCard.code()).isEqualTo("MEDIUM_NOT_ACCEPTED");
        Reply mastercard = acquire(app, id, credit(MASTERCARD));
        assertThat(mastercard.code()).isEqualTo("CARD_BRAND_NOT_ACCEPTED");
        assertThat(mastercard.json().path("field").asString()).isEqualTo("medium.cardNumber");
        assertThat(acquire(app, id, credit(VISA)).status()).isEqualTo(201);
    }

    @Test
    void theTotalCapAndThePerCardLimitAreEnforced() {
        UUID id = approved(TermsJson.discount().set("totalCap", 2).set("perCardLimit", 1), null);
        assertThat(acquire(app, id, credit(VISA)).status()).isEqualTo(201);
        Reply again = acquire(app, id, debit(VISA));
        assertThat(again.status()).as("credit and debit reads of one card are one medium").isEqualTo(409);
        assertThat(again.code()).isEqualTo("PER_CARD_LIMIT_REACHED");
        assertThat(again.json().path("field").asString()).isEqualTo("medium");
        assertThat(acquire(app, id, credit(MASTERCARD)).status()).isEqualTo(201);
        Reply soldOut = acquire(app, id, debit(JCB));
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.code()).isEqualTo("CAMPAIGN_CAP_EXHAUSTED");
        assertThat(soldOut.json().path("field").asString()).isEqualTo("campaignId");
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isEqualTo(2);
        assertThat(count("select coalesce(max(acquired_count), 0) from campaign_issue where campaign_id = ?", id)).isEqualTo(2);
        assertThat(count("select count(*) from coupon_by_code c join coupon k on k.id = c.coupon_id where k.campaign_id = ?", id))
                .isEqualTo(2);
    }

    @Test
    void aRetryReturnsTheSameCouponAndAKeyReusedForAnotherRequestIsRefused() {
        UUID id = approved(TermsJson.discount().set("totalCap", 1), null);
        Map<String, Object> body = Map.of("campaignId", id, "medium", credit(VISA));
        Reply first = app.post("/api/v1/acquisitions", body, "tap-1");
        Reply retry = app.post("/api/v1/acquisitions", body, "tap-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("code").asString()).isEqualTo(first.json().path("code").asString());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from coupon_by_code c join coupon k on k.id = c.coupon_id where k.campaign_id = ?", id))
                .isEqualTo(1);

        Reply otherCard = app.post("/api/v1/acquisitions", Map.of("campaignId", id, "medium", credit(MASTERCARD)), "tap-1");
        assertThat(otherCard.status()).isEqualTo(422);
        assertThat(otherCard.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Reply refused = app.post("/api/v1/acquisitions", Map.of("campaignId", id, "medium", credit(MASTERCARD)), "tap-2");
        Reply refusedAgain = app.post("/api/v1/acquisitions", Map.of("campaignId", id, "medium", credit(MASTERCARD)), "tap-2");
        assertThat(refused.code()).isEqualTo("CAMPAIGN_CAP_EXHAUSTED");
        assertThat(refusedAgain.code()).isEqualTo("CAMPAIGN_CAP_EXHAUSTED");
        assertThat(refusedAgain.header("Idempotency-Replayed")).as("a refusal is not recorded: its retry runs again").isNull();
        assertThat(app.post("/api/v1/acquisitions", body).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void onlyConsumerChannelsAcquireAndTheChannelComesFromTheirCredential() {
        UUID id = approved(TermsJson.discount().set("perCardLimit", 5), null);
        assertThat(acquire(sakura, id, credit(VISA)).code()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(acquire(alice, id, credit(VISA)).code()).isEqualTo("ROLE_NOT_PERMITTED");
        Reply fax = acquire(anonymous().as(signedAs(CallerIdentity.consumerChannel("fax:1", "FAX"))), id, credit(VISA));
        assertThat(fax.status()).isEqualTo(403);
        assertThat(fax.code()).isEqualTo("UNKNOWN_CHANNEL");

        Reply claimingWeb = app.post("/api/v1/acquisitions", Map.of("campaignId", id, "medium", credit(VISA), "channel", "WEB"), key());
        assertThat(claimingWeb.code()).as("a client cannot claim its channel").isEqualTo("UNKNOWN_FIELD");
        assertThat(claimingWeb.json().path("field").asString()).isEqualTo("channel");
        assertThat(acquire(app, id, credit(VISA)).json().path("channel").asString()).isEqualTo("MOBILE_APP");
        assertThat(anonymous().post("/api/v1/acquisitions", Map.of("campaignId", id, "medium", credit(VISA)), key()).code())
                .isEqualTo("GATEWAY_IDENTITY_MISSING");
    }
}
