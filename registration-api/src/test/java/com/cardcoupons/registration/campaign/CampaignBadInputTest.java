package com.cardcoupons.registration.campaign;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.cardcoupons.registration.TermsJson.localInTokyo;
import static com.cardcoupons.registration.TermsJson.map;
import static com.cardcoupons.registration.TermsJson.yen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every way to get terms wrong is refused with a stable code naming the field, and nothing is written. */
class CampaignBadInputTest extends RegistrationApiTest {

    static Stream<Arguments> badTerms() {
        return Stream.of(
                bad("a window that ends before it starts", t -> t.set("validUntil", localInTokyo(-2)),
                        400, "WINDOW_ENDS_BEFORE_START", "terms.validUntil"),
                bad("a window that is already over", t -> t.set("validFrom", localInTokyo(-10)).set("validUntil", localInTokyo(-5)),
                        422, "WINDOW_ALREADY_ENDED", "terms.validUntil"),
                bad("a validFrom that is no date-time", t -> t.set("validFrom", "next Tuesday"),
                        400, "INVALID_FORMAT", "terms.validFrom"),
                bad("an unknown time zone", t -> t.set("timeZone", "Mars/Olympus_Mons"), 400, "UNKNOWN_TIME_ZONE", "terms.timeZone"),
                bad("a fixed offset instead of a time zone", t -> t.set("timeZone", "+09:00"), 400, "UNKNOWN_TIME_ZONE", "terms.timeZone"),
                bad("a negative amount", t -> t.set("discount", map("type", "FIXED_AMOUNT", "amount", yen(-300))),
                        400, "NEGATIVE_AMOUNT", "terms.discount.amount.amountMinor"),
                bad("a zero amount", t -> t.set("discount", map("type", "FIXED_AMOUNT", "amount", yen(0))),
                        400, "AMOUNT_NOT_POSITIVE", "terms.discount.amount.amountMinor"),
                bad("a percentage over 100", t -> t.set("discount.basisPoints", 10_001), 400, "PERCENTAGE_OVER_100", "terms.discount.basisPoints"),
                bad("a percentage of zero", t -> t.set("discount.basisPoints", 0), 400, "PERCENTAGE_NOT_POSITIVE", "terms.discount.basisPoints"),
                bad("a percentage with a fixed amount", t -> t.set("discount.amount", yen(100)), 400, "UNEXPECTED_FIELD", "terms.discount.amount"),
                bad("a fixed amount with a cap", t -> t.set("discount", map("type", "FIXED_AMOUNT", "amount", yen(300), "cap", yen(300))),
                        400, "UNEXPECTED_FIELD", "terms.discount.cap"),
                bad("an unknown discount type", t -> t.set("discount.type", "BOGOF"), 400, "INVALID_FORMAT", "terms.discount.type"),
                bad("an unknown currency", t -> t.set("currency", "XYZ"), 400, "UNKNOWN_CURRENCY", "terms.currency"),
                bad("an unknown currency in an amount", t -> t.set("discount.cap.currency", "ABC"), 400, "UNKNOWN_CURRENCY", "terms.discount.cap.currency"),
                bad("an amount in another currency", t -> t.set("minSpend", map("amountMinor", 1000, "currency", "USD")),
                        400, "CURRENCY_MISMATCH", "terms.minSpend.currency"),
                bad("a discount without a currency", t -> t.remove("currency"), 400, "CURRENCY_REQUIRED", "terms.currency"),
                bad("a zero minimum spend", t -> t.set("minSpend", yen(0)), 400, "AMOUNT_NOT_POSITIVE", "terms.minSpend.amountMinor"),
                bad("no title", t -> t.remove("title"), 400, "FIELD_REQUIRED", "terms.title"),
                bad("a title too long", t -> t.set("title", "x".repeat(121)), 400, "TOO_LONG", "terms.title"),
                bad("no kind", t -> t.remove("kind"), 400, "FIELD_REQUIRED", "terms.kind"),
                bad("a discount campaign without its discount", t -> t.remove("discount"), 400, "FIELD_REQUIRED", "terms.discount"),
                bad("a discount campaign with a ticket", t -> t.set("ticket", map("event", "x")), 400, "UNEXPECTED_FIELD", "terms.ticket"),
                bad("a merchant category code that is no MCC", t -> t.set("usableMccs", List.of("5411", "54A1")), 400, "INVALID_MCC", "terms.usableMccs[1]"),
                bad("a blank SKU", t -> t.set("skus", List.of(" ")), 400, "FIELD_REQUIRED", "terms.skus[0]"),
                bad("no accepted medium", t -> t.set("acceptedMedia", List.of()), 400, "FIELD_REQUIRED", "terms.acceptedMedia"),
                bad("a medium named twice", t -> t.set("acceptedMedia", List.of("CREDIT", "CREDIT")), 400, "DUPLICATE_VALUE", "terms.acceptedMedia[1]"),
                bad("an unknown medium", t -> t.set("acceptedMedia", List.of("CASH")), 400, "INVALID_FORMAT", "terms.acceptedMedia[0]"),
                bad("card brands without a card medium", t -> t.set("acceptedMedia", List.of("POINT")).set("acceptedBrands", List.of("VISA")),
                        400, "BRANDS_WITHOUT_PAYMENT_CARD", "terms.acceptedBrands"),
                bad("no per-card limit", t -> t.remove("perCardLimit"), 400, "FIELD_REQUIRED", "terms.perCardLimit"),
                bad("a per-card limit of zero", t -> t.set("perCardLimit", 0), 400, "NOT_POSITIVE", "terms.perCardLimit"),
                bad("a negative total cap", t -> t.set("totalCap", -1), 400, "NOT_POSITIVE", "terms.totalCap"),
                bad("a per-card limit above the total cap", t -> t.set("totalCap", 5).set("perCardLimit", 6), 400, "PER_CARD_LIMIT_OVER_CAP", "terms.perCardLimit"),
                bad("zero uses per coupon", t -> t.set("usesPerCoupon", 0), 400, "NOT_POSITIVE", "terms.usesPerCoupon"),
                bad("zero days of coupon validity", t -> t.set("couponValidityDays", 0), 400, "NOT_POSITIVE", "terms.couponValidityDays"),
                bad("no stacking rule", t -> t.remove("stacking"), 400, "FIELD_REQUIRED", "terms.stacking"),
                bad("an unknown store", t -> t.set("usableStoreIds", List.of(UUID.randomUUID())), 422, "UNKNOWN_STORE", "terms.usableStoreIds[0]"),
                bad("another merchant's store", t -> t.set("usableStoreIds", List.of(SAKURA_SHIBUYA, HARBOR_YOKOHAMA)),
                        422, "STORE_OF_OTHER_MERCHANT", "terms.usableStoreIds[1]"),
                bad("a budget that sets nothing", t -> t.set("budget", map()), 400, "EMPTY_BUDGET", "terms.budget"),
                bad("a zero total discount budget", t -> t.set("budget", map("totalDiscount", yen(0))),
                        400, "AMOUNT_NOT_POSITIVE", "terms.budget.totalDiscount.amountMinor"),
                bad("a negative total discount budget", t -> t.set("budget", map("totalDiscount", yen(-1))),
                        400, "NEGATIVE_AMOUNT", "terms.budget.totalDiscount.amountMinor"),
                bad("a total discount budget in another currency", t -> t.set("budget", map("totalDiscount", map("amountMinor", 1000, "currency", "USD"))),
                        400, "CURRENCY_MISMATCH", "terms.budget.totalDiscount.currency"),
                bad("a daily limit of zero", t -> t.set("budget", map("usesPerDay", 0)), 400, "NOT_POSITIVE", "terms.budget.usesPerDay"),
                bad("a monthly limit that is no number", t -> t.set("budget", map("usesPerMonth", "many")),
                        400, "INVALID_FORMAT", "terms.budget.usesPerMonth"),
                bad("a daily limit above the weekly one", t -> t.set("budget", map("usesPerDay", 8, "usesPerWeek", 7)),
                        400, "LIMIT_OVER_WIDER_LIMIT", "terms.budget.usesPerDay"),
                bad("a card's weekly limit above the campaign's", t -> t.set("budget", map("usesPerWeek", 5, "usesPerCardPerWeek", 6)),
                        400, "LIMIT_OVER_WIDER_LIMIT", "terms.budget.usesPerCardPerWeek"),
                bad("an unknown budget field", t -> t.set("budget", map("usesPerDay", 5, "usesPerYear", 5)), 400, "UNKNOWN_FIELD", "terms.budget.usesPerYear"),
                bad("an unknown usable merchant", t -> t.set("usableMerchantIds", List.of(SAKURA_MART, UUID.randomUUID())),
                        422, "UNKNOWN_MERCHANT", "terms.usableMerchantIds[1]"));
    }

    static Stream<Arguments> badBenefitsAndTickets() {
        return Stream.of(
                bad("extra miles without how many", t -> TermsJson.benefit().remove("benefit.points"), 400, "FIELD_REQUIRED", "terms.benefit.points"),
                bad("a free item counting points", t -> TermsJson.benefit().set("benefit.type", "FREE_ITEM"), 400, "UNEXPECTED_FIELD", "terms.benefit.points"),
                bad("a benefit without a description", t -> TermsJson.benefit().remove("benefit.description"), 400, "FIELD_REQUIRED", "terms.benefit.description"),
                bad("a benefit worth a negative amount", t -> TermsJson.benefit().set("benefit.value", yen(-1)), 400, "NEGATIVE_AMOUNT", "terms.benefit.value.amountMinor"),
                bad("a benefit worth an amount without a currency", t -> TermsJson.benefit().remove("currency").set("benefit.value", yen(100)),
                        400, "CURRENCY_REQUIRED", "terms.currency"),
                bad("a ticket used twice", t -> TermsJson.ticket().set("usesPerCoupon", 2), 400, "TICKET_USED_ONCE", "terms.usesPerCoupon"),
                bad("a ticket for an event after the window", t -> TermsJson.ticket().set("ticket.startsAt", localInTokyo(40)),
                        400, "TICKET_OUTSIDE_WINDOW", "terms.ticket.startsAt"),
                bad("a ticket without a venue", t -> TermsJson.ticket().remove("ticket.venue"), 400, "FIELD_REQUIRED", "terms.ticket.venue"),
                bad("a benefit with a discount budget", t -> TermsJson.benefit().set("currency", "JPY").set("budget", map("totalDiscount", yen(1000))),
                        400, "BUDGET_NEEDS_DISCOUNT", "terms.budget.totalDiscount"),
                bad("a ticket without a start", t -> TermsJson.ticket().remove("ticket.startsAt"), 400, "FIELD_REQUIRED", "terms.ticket.startsAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badTerms", "badBenefitsAndTickets"})
    void aSubmissionWithBadTermsIsRefusedNamingTheFieldAndWritesNothing(String why, UnaryOperator<TermsJson> breaking,
                                                                        int status, String code, String field) {
        Reply reply = sakura.post("/api/v1/campaigns", breaking.apply(TermsJson.discount()).submission(null), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().path("field").asString()).isEqualTo(field);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(count("select count(*) from campaign")).isZero();
        assertThat(count("select count(*) from campaign_version")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTerms")
    void anEditWithBadTermsIsRefusedTheSameWayAndLeavesTheCampaignAsItWas(String why, UnaryOperator<TermsJson> breaking,
                                                                          int status, String code, String field) {
        UUID id = approved(TermsJson.discount(), null);
        Reply reply = sakura.post("/api/v1/campaigns/" + id + "/versions", Map.of("terms", breaking.apply(TermsJson.discount()).json()), key());
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().path("field").asString()).isEqualTo(field);
        assertThat(count("select count(*) from campaign_version where campaign_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from campaign_transition where campaign_id = ?", id)).isEqualTo(2);
        jdbc.sql("delete from campaign_transition").update();
        jdbc.sql("delete from campaign_version").update();
        jdbc.sql("delete from campaign").update();
    }

    @Test
    void theShortCodeIsValidatedAndUnique() {
        Reply malformed = sakura.post("/api/v1/campaigns", TermsJson.discount().submission("no!"), key());
        assertThat(malformed.code()).isEqualTo("INVALID_SHORT_CODE");
        assertThat(malformed.json().path("field").asString()).isEqualTo("shortCode");

        assertThat(sakura.post("/api/v1/campaigns", TermsJson.discount().submission("SPRING24"), key()).status()).isEqualTo(201);
        Reply taken = harbor.post("/api/v1/campaigns", TermsJson.discount().submission("spring24"), key());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("SHORT_CODE_TAKEN");
        assertThat(taken.json().path("field").asString()).isEqualTo("shortCode");
        assertThat(count("select count(*) from campaign")).isEqualTo(1);

        Reply generated = sakura.post("/api/v1/campaigns", TermsJson.discount().submission(null), key());
        assertThat(generated.json().path("shortCode").asString()).matches("[A-Z2-9]{8}");
    }

    @Test
    void aSubmissionWithoutTermsOrWithBrokenJsonIsRefused() {
        Reply noTerms = sakura.post("/api/v1/campaigns", Map.of("shortCode", "NOTERMS"), key());
        assertThat(noTerms.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(noTerms.json().path("field").asString()).isEqualTo("terms");
        assertThat(sakura.post("/api/v1/campaigns", "this is not json", key()).code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aMerchantUnknownToThePlatformCannotSubmit() {
        UUID stranger = UUID.randomUUID();
        Reply reply = anonymous().as(signedAs(CallerIdentity.merchant("ghost:user", stranger)))
                .post("/api/v1/campaigns", TermsJson.discount().submission(null), key());
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("UNKNOWN_MERCHANT");
        assertThat(reply.json().path("field").asString()).isEqualTo("merchantId");
    }

    @Test
    void anUnknownCampaignIsA404() {
        UUID nowhere = UUID.randomUUID();
        assertThat(alice.get("/api/v1/campaigns/" + nowhere).code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(alice.post("/api/v1/campaigns/" + nowhere + "/approve", Map.of("version", 1), key()).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/campaigns/not-a-uuid").code()).isEqualTo("INVALID_PARAMETER");
    }

    private static Arguments bad(String why, UnaryOperator<TermsJson> breaking, int status, String code, String field) {
        return arguments(why, breaking, status, code, field);
    }
}
