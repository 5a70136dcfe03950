package com.cardcoupons.localplatform;

import com.cardcoupons.client.ApiClient;
import com.cardcoupons.client.ApiException;
import com.cardcoupons.client.api.AcquisitionApi;
import com.cardcoupons.client.api.ApprovalApi;
import com.cardcoupons.client.api.CampaignApi;
import com.cardcoupons.client.api.PaymentApi;
import com.cardcoupons.client.api.RedemptionApi;
import com.cardcoupons.client.api.ReservationApi;
import com.cardcoupons.client.api.SearchApi;
import com.cardcoupons.client.api.UsageReportApi;
import com.cardcoupons.client.model.AcquireCoupon;
import com.cardcoupons.client.model.BasketLine;
import com.cardcoupons.client.model.CampaignView;
import com.cardcoupons.client.model.CouponSearchRequest;
import com.cardcoupons.client.model.CouponSearchResponse;
import com.cardcoupons.client.model.CouponView;
import com.cardcoupons.client.model.Decision;
import com.cardcoupons.client.model.Discount;
import com.cardcoupons.client.model.Figures;
import com.cardcoupons.client.model.IntendedUse;
import com.cardcoupons.client.model.Money;
import com.cardcoupons.client.model.PaymentOutcome;
import com.cardcoupons.client.model.PaymentRequest;
import com.cardcoupons.client.model.PresentedCard;
import com.cardcoupons.client.model.ReservationRequest;
import com.cardcoupons.client.model.ReservationResponse;
import com.cardcoupons.client.model.ReversalRequest;
import com.cardcoupons.client.model.SubmitCampaign;
import com.cardcoupons.client.model.TermsRequest;
import com.cardcoupons.client.model.UsageMediumId;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patent's story told through the gateway with nothing but the Java client generated at build time from the API
 * document the gateway serves (module {@code api-client}): no hand-written HTTP. A merchant submits a campaign and an
 * approver approves it; an app acquires a coupon on a card; the till finds it, uses it, and reverses the use; the
 * card pays with the coupon applied inside the authorization; and the merchant reads the usage report.
 */
class ApiClientStoryTest {

    private static final String CARD = "6011 1111 1111 1117";
    private static final String TOKYO = "Asia/Tokyo";

    @Test
    void submittedApprovedAcquiredFoundUsedReversedPaidAndCountedWithTheGeneratedClient() throws Exception {
        String gateway = RunningPlatform.get().gatewayUrl();
        CampaignApi merchant = new CampaignApi(client(gateway, "demo-sakura-mart"));
        ApprovalApi approver = new ApprovalApi(client(gateway, "demo-approver"));
        AcquisitionApi app = new AcquisitionApi(client(gateway, "demo-mobile-app"));
        ApiClient till = client(gateway, "demo-shibuya-till-1");

        LocalDateTime now = LocalDateTime.now(ZoneId.of(TOKYO)).truncatedTo(ChronoUnit.MINUTES);
        TermsRequest terms = new TermsRequest()
                .title("500 yen off, told by the generated client")
                .kind(TermsRequest.KindEnum.DISCOUNT)
                .currency("JPY")
                .discount(new Discount().type(Discount.TypeEnum.FIXED_AMOUNT).amount(yen(500)))
                .timeZone(TOKYO)
                .validFrom(now.minusDays(1).toString())
                .validUntil(now.plusDays(30).toString())
                .acceptedMedia(List.of(TermsRequest.AcceptedMediaEnum.CREDIT))
                .totalCap(10)
                .perCardLimit(1)
                .stacking(TermsRequest.StackingEnum.EXCLUSIVE);
        CampaignView submitted = merchant.campaignSubmit(key(),
                new SubmitCampaign().shortCode("GEN" + (System.nanoTime() % 1_000_000)).terms(terms), null);
        assertThat(submitted.getState()).hasToString("PENDING_APPROVAL");

        CampaignView approved = approver.approvalApprove(submitted.getId(), key(), new Decision().version(1), null);
        assertThat(approved.getState()).hasToString("APPROVED");

        UsageMediumId card = new UsageMediumId().type(UsageMediumId.TypeEnum.CREDIT).cardNumber(CARD);
        CouponView coupon = app.acquisitionAcquire(key(), new AcquireCoupon().campaignId(submitted.getId()).medium(card), null);
        assertThat(coupon.getMedium().getLastFour()).isEqualTo("1117");

        CouponSearchResponse found = new SearchApi(till).searchSearch(
                new CouponSearchRequest().medium(card).intendedUse(intendedUse(3000)), null);
        assertThat(found.getUsable()).anySatisfy(usable -> {
            assertThat(usable.getCode()).isEqualTo(coupon.getCode());
            assertThat(usable.getEffect().getDiscount().getAmountMinor()).isEqualTo(500);
        });

        ReservationResponse used = new RedemptionApi(till).redemptionRedeem(key(), new ReservationRequest()
                .transactionId("GEN-" + UUID.randomUUID()).couponCodes(List.of(coupon.getCode())).medium(card)
                .intendedUse(intendedUse(3000)), null);
        assertThat(used.getState()).hasToString("CONFIRMED");
        assertThat(used.getTotalDiscount().getAmountMinor()).isEqualTo(500);

        ReservationResponse reversed = new ReservationApi(till).reservationReverse(used.getReservationId(), key(),
                new ReversalRequest().type(ReversalRequest.TypeEnum.VOID).reason("keyed in by mistake"), null);
        assertThat(reversed.getState()).hasToString("REVERSED");

        String transaction = "GEN-" + UUID.randomUUID();
        PaymentOutcome paid = new PaymentApi(till).paymentPay(transaction, new PaymentRequest()
                .transactionId(transaction)
                .merchantId(DemoData.SAKURA_MART).storeId(DemoData.SAKURA_SHIBUYA).terminalId(DemoData.SHIBUYA_TILL_1)
                .card(new PresentedCard().number(CARD).expiry("2030-12"))
                .amount(yen(3000))
                .basket(List.of(new BasketLine().sku("SKU-1").category("GROCERY").quantity(1).unitPrice(yen(3000)))), null);
        assertThat(paid.getResult()).hasToString("APPROVED");
        assertThat(paid.getChargedAmount().getAmountMinor()).as("the reversed coupon is usable again").isEqualTo(2500);
        assertThat(paid.getCoupon().getApplied()).anySatisfy(applied -> assertThat(applied.getCode()).isEqualTo(coupon.getCode()));

        UsageReportApi reports = new UsageReportApi(client(gateway, "demo-sakura-mart"));
        Figures total = awaitFigures(reports, submitted.getId());
        assertThat(total.getAcquired()).isEqualTo(1);
        assertThat(total.getReversed()).isEqualTo(1);
        assertThat(total.getDiscountGranted().getAmountMinor()).as("the payment's discount; the reversed use's none").isEqualTo(500);
    }

    /** The payment's use of the coupon is confirmed a moment after the payment answers. */
    private static Figures awaitFigures(UsageReportApi reports, UUID campaign) throws ApiException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        Figures total = reports.usageReportUsage(campaign, null, null, null).getTotal();
        while (total.getDiscountGranted().getAmountMinor() != 500 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            total = reports.usageReportUsage(campaign, null, null, null).getTotal();
        }
        return total;
    }

    private static IntendedUse intendedUse(long amount) {
        return new IntendedUse()
                .merchantId(DemoData.SAKURA_MART).storeId(DemoData.SAKURA_SHIBUYA).terminalId(DemoData.SHIBUYA_TILL_1)
                .amount(yen(amount))
                .basket(List.of(new BasketLine().sku("SKU-1").category("GROCERY").quantity(1).unitPrice(yen(amount))));
    }

    private static ApiClient client(String gateway, String keyId) {
        String apiKey = DemoCredentials.KEYS.stream().filter(key -> key.id().equals(keyId)).findFirst().orElseThrow().apiKey();
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", apiKey));
        return client;
    }

    private static Money yen(long amount) {
        return new Money().amountMinor(amount).currency("JPY");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
