package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.registration.campaign.CampaignState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponTest {

    private static final Instant NOW = Instant.parse("2025-04-01T03:00:00Z");
    private static final TokenizedMedium VISA = new TokenizedMedium(new CardToken("a".repeat(43)), MediumType.CREDIT, "1111",
            CardBrand.VISA, null);

    @Test
    void aCouponCodeIsTwentyCharactersThatReadUnambiguouslyAndItsStringFormHidesIt() {
        CouponCode code = CouponCode.generate(20);
        assertThat(code.value()).matches("[A-HJ-NP-Z2-9]{20}");
        assertThat(code.toString()).startsWith(code.value().substring(0, 4)).endsWith("*".repeat(16));
        assertThat(CouponCode.generate(32).value()).hasSize(32);
        assertThatThrownBy(() -> CouponCode.generate(15)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> codes.add(CouponCode.generate(16).value()));
        assertThat(codes).hasSize(100_000);
    }

    @Test
    void onlyWellFormedCodesAreLookedUp() {
        assertThat(CouponCode.lookup("DEMOCOUPONCODEAB")).isPresent();
        assertThat(CouponCode.lookup("democouponcodeab")).isEmpty();
        assertThat(CouponCode.lookup("SHORT")).isEmpty();
        assertThat(CouponCode.lookup(null)).isEmpty();
    }

    @Test
    void theWalletStateIsTheFirstThatApplies() {
        assertThat(coupon(0, null).walletState(NOW, CampaignState.APPROVED)).isEqualTo(WalletState.ACTIVE);
        assertThat(coupon(0, null).walletState(NOW, CampaignState.SUSPENDED)).isEqualTo(WalletState.SUSPENDED);
        assertThat(coupon(0, null).walletState(NOW, CampaignState.ENDED)).isEqualTo(WalletState.ENDED);
        assertThat(coupon(0, null).walletState(NOW.plus(8, ChronoUnit.DAYS), CampaignState.ENDED)).isEqualTo(WalletState.EXPIRED);
        assertThat(coupon(2, null).walletState(NOW.plus(8, ChronoUnit.DAYS), CampaignState.ENDED)).isEqualTo(WalletState.USED_UP);
        assertThat(coupon(2, NOW).walletState(NOW, CampaignState.APPROVED)).isEqualTo(WalletState.CANCELLED);
        assertThat(coupon(1, null).usesLeft()).isEqualTo(1);
    }

    private static Coupon coupon(int usesHeld, Instant cancelledAt) {
        return new Coupon(UUID.randomUUID(), CouponCode.generate(20), UUID.randomUUID(), UUID.randomUUID(), VISA,
                Channel.MOBILE_APP, 2, usesHeld, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS), cancelledAt);
    }
}
