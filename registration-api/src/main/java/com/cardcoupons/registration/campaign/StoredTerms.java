package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;
import com.cardcoupons.registration.terms.AcceptedMedia;
import com.cardcoupons.registration.terms.Benefit;
import com.cardcoupons.registration.terms.BenefitType;
import com.cardcoupons.registration.terms.Budget;
import com.cardcoupons.registration.terms.Discount;
import com.cardcoupons.registration.terms.DiscountType;
import com.cardcoupons.registration.terms.Limits;
import com.cardcoupons.registration.terms.Offer;
import com.cardcoupons.registration.terms.Terms;
import com.cardcoupons.registration.terms.Ticket;
import com.cardcoupons.registration.terms.Usability;
import com.cardcoupons.registration.terms.ValidityWindow;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * {@link Terms} as a row of {@code campaign_version} keeps them. The plain value objects are embedded as they are; the
 * offer is a discount, a benefit or a ticket in nullable columns of its own, and every amount is stored in minor units
 * of the campaign's one currency, so those parts are taken apart here and put together again on reading.
 */
@Embeddable
class StoredTerms {

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private CouponKind kind;

    @JdbcTypeCode(SqlTypes.CHAR)
    private Currency currency;

    @Enumerated(EnumType.STRING)
    private DiscountType discountType;
    private Integer discountBasisPoints;
    private Long discountAmountMinor;
    private Long discountCapMinor;

    @Enumerated(EnumType.STRING)
    private BenefitType benefitType;
    private String benefitDescription;
    private Long benefitValueMinor;
    private Long benefitPoints;

    @Embedded
    @AttributeOverride(name = "event", column = @Column(name = "ticket_event"))
    @AttributeOverride(name = "venue", column = @Column(name = "ticket_venue"))
    @AttributeOverride(name = "startsAt", column = @Column(name = "ticket_starts_at"))
    private Ticket ticket;

    @Embedded
    @AttributeOverride(name = "zone", column = @Column(name = "time_zone"))
    @AttributeOverride(name = "from", column = @Column(name = "valid_from"))
    @AttributeOverride(name = "until", column = @Column(name = "valid_until"))
    private ValidityWindow window;

    private Integer couponValidityDays;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<UUID> usableMerchantIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<UUID> usableStoreIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> usableMccs;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> skus;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> productCategories;

    private Long minSpendMinor;

    @Embedded
    @AttributeOverride(name = "types", column = @Column(name = "accepted_media"))
    @AttributeOverride(name = "brands", column = @Column(name = "accepted_brands"))
    private AcceptedMedia media;

    @Embedded
    private Limits limits;

    @Enumerated(EnumType.STRING)
    private Stacking stacking;

    private Long budgetTotalMinor;
    private Integer usesPerDay;
    private Integer usesPerWeek;
    private Integer usesPerMonth;
    private Integer usesPerCardPerDay;
    private Integer usesPerCardPerWeek;
    private Integer usesPerCardPerMonth;

    protected StoredTerms() {
    }

    static StoredTerms of(Terms terms) {
        StoredTerms stored = new StoredTerms();
        stored.title = terms.title();
        stored.description = terms.description();
        stored.kind = terms.kind();
        stored.currency = terms.currency();
        if (terms.offer() instanceof Discount discount) {
            stored.discountType = discount.type();
            stored.discountBasisPoints = discount.basisPoints();
            stored.discountAmountMinor = minor(discount.amount());
            stored.discountCapMinor = minor(discount.cap());
        } else if (terms.offer() instanceof Benefit benefit) {
            stored.benefitType = benefit.type();
            stored.benefitDescription = benefit.description();
            stored.benefitValueMinor = minor(benefit.value());
            stored.benefitPoints = benefit.points();
        } else {
            stored.ticket = (Ticket) terms.offer();
        }
        stored.window = terms.window();
        stored.couponValidityDays = terms.couponValidityDays();
        Usability usability = terms.usability();
        stored.usableMerchantIds = usability.merchantIds();
        stored.usableStoreIds = usability.storeIds();
        stored.usableMccs = usability.mccs();
        stored.skus = usability.skus();
        stored.productCategories = usability.productCategories();
        stored.minSpendMinor = minor(usability.minSpend());
        stored.media = terms.media();
        stored.limits = terms.limits();
        stored.stacking = terms.stacking();
        Budget budget = terms.budget();
        if (budget != null) {
            stored.budgetTotalMinor = minor(budget.totalDiscount());
            stored.usesPerDay = budget.usesPerDay();
            stored.usesPerWeek = budget.usesPerWeek();
            stored.usesPerMonth = budget.usesPerMonth();
            stored.usesPerCardPerDay = budget.usesPerCardPerDay();
            stored.usesPerCardPerWeek = budget.usesPerCardPerWeek();
            stored.usesPerCardPerMonth = budget.usesPerCardPerMonth();
        }
        return stored;
    }

    Terms toTerms() {
        Usability usability = new Usability(usableMerchantIds, usableStoreIds, usableMccs, skus, productCategories,
                money(minSpendMinor));
        return new Terms(title, description, currency, offer(), window, couponValidityDays, usability, media, limits,
                stacking, budget());
    }

    private Budget budget() {
        boolean none = budgetTotalMinor == null && usesPerDay == null && usesPerWeek == null && usesPerMonth == null
                && usesPerCardPerDay == null && usesPerCardPerWeek == null && usesPerCardPerMonth == null;
        return none ? null : new Budget(money(budgetTotalMinor), usesPerDay, usesPerWeek, usesPerMonth, usesPerCardPerDay,
                usesPerCardPerWeek, usesPerCardPerMonth);
    }

    private Offer offer() {
        return switch (kind) {
            case DISCOUNT -> new Discount(discountType, discountBasisPoints, money(discountAmountMinor),
                    money(discountCapMinor));
            case BENEFIT -> new Benefit(benefitType, benefitDescription, money(benefitValueMinor), benefitPoints);
            case TICKET -> ticket;
        };
    }

    private Money money(Long amountMinor) {
        return amountMinor == null ? null : new Money(amountMinor, currency);
    }

    private static Long minor(Money amount) {
        return amount == null ? null : amount.amountMinor();
    }
}
