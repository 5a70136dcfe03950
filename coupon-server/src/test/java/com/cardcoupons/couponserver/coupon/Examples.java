package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.couponserver.budget.CampaignBudget;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Coupons, terms and purchases for domain tests, with defaults that make a coupon usable; each test changes one thing. */
public final class Examples {

    public static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    public static final Currency JPY = Currency.getInstance("JPY");
    public static final UUID MART = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    public static final Store SHIBUYA = new Store(UUID.fromString("a0000000-0000-4000-8000-000000000011"), MART,
            "SHIBUYA", "Shibuya", "5411", ZoneId.of("Asia/Tokyo"));
    public static final Till TILL = new Till(MART, SHIBUYA.id(), UUID.fromString("a0000000-0000-4000-8000-000000000111"));

    private Examples() {
    }

    public static Money yen(long amount) {
        return new Money(amount, JPY);
    }

    public static Terms terms() {
        return new Terms();
    }

    public static Purchase purchase(long amount, BasketLine... basket) {
        return new Purchase(TILL, SHIBUYA, yen(amount), List.of(basket), NOW, MediumType.CREDIT, "VISA");
    }

    public static BasketLine line(String sku, String category, int quantity, long unitPrice) {
        return new BasketLine(sku, category, quantity, yen(unitPrice));
    }

    /** Terms of an approved campaign of Sakura Mart, open around {@link #NOW}: 10% off, any card. */
    public static final class Terms {

        private final UUID campaignId = UUID.randomUUID();
        private CampaignState state = CampaignState.APPROVED;
        private CouponKind kind = CouponKind.DISCOUNT;
        private Discount discount = new Discount.Percentage(1000, null);
        private Grant grant;
        private Instant validFrom = NOW.minus(Duration.ofDays(7));
        private Instant validUntil = NOW.plus(Duration.ofDays(30));
        private Set<UUID> merchants = Set.of();
        private Set<UUID> stores = Set.of();
        private Set<String> mccs = Set.of();
        private Set<String> skus = Set.of();
        private Set<String> categories = Set.of();
        private Long minSpend;
        private Set<MediumType> media = Set.of(MediumType.values());
        private Set<String> brands = Set.of();
        private Stacking stacking = Stacking.STACKABLE;
        private Instant expiresAt = NOW.plus(Duration.ofDays(30));
        private int usesAllowed = 1;
        private int usesHeld;
        private boolean cancelled;
        private CampaignBudget budget = CampaignBudget.none(ZoneId.of("Asia/Tokyo"));
        private BudgetStanding budgetStanding;

        public Terms state(CampaignState value) { state = value; return this; }
        public Terms discount(Discount value) { kind = CouponKind.DISCOUNT; discount = value; grant = null; return this; }
        public Terms benefit(String text, long value) { kind = CouponKind.BENEFIT; discount = null; grant = new Grant(text, value); return this; }
        public Terms window(Instant from, Instant until) { validFrom = from; validUntil = until; return this; }
        public Terms merchants(UUID... ids) { merchants = Set.of(ids); return this; }
        public Terms stores(UUID... ids) { stores = Set.of(ids); return this; }
        public Terms mccs(String... codes) { mccs = Set.of(codes); return this; }
        public Terms skus(String... values) { skus = Set.of(values); return this; }
        public Terms categories(String... values) { categories = Set.of(values); return this; }
        public Terms minSpend(long minor) { minSpend = minor; return this; }
        public Terms media(MediumType... types) { media = Set.of(types); return this; }
        public Terms brands(String... values) { brands = Set.of(values); return this; }
        public Terms exclusive() { stacking = Stacking.EXCLUSIVE; return this; }
        public Terms expiresAt(Instant value) { expiresAt = value; return this; }
        public Terms uses(int allowed, int held) { usesAllowed = allowed; usesHeld = held; return this; }
        public Terms cancelled() { cancelled = true; return this; }
        public Terms budget(CampaignBudget value, BudgetStanding standing) { budget = value; budgetStanding = standing; return this; }

        public CouponTerms build() {
            return new CouponTerms(campaignId, MART, state, "Campaign", kind, JPY, discount, grant, ZoneId.of("Asia/Tokyo"),
                    validFrom, validUntil, merchants, stores, mccs, skus, categories, minSpend, media, brands, stacking,
                    budget);
        }

        public Coupon coupon() {
            return coupon("CODE" + UUID.randomUUID().toString().substring(0, 12).toUpperCase());
        }

        public Coupon coupon(String code) {
            return new Coupon(UUID.randomUUID(), code, CardToken.of("a".repeat(43)), MediumType.CREDIT, "VISA", "MOBILE_APP",
                    cancelled, usesAllowed, usesHeld, 0, expiresAt, build(), budgetStanding);
        }
    }
}
