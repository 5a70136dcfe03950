package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Currency;
import java.util.UUID;

/**
 * One entry of the usage log (claims 2 and 12), added and never changed (a trigger refuses updates and deletes). A
 * medium appears only as its token. At the till, the medium type and channel are the coupon's own (the medium and
 * channel it was acquired on), so a campaign's figures line up from acquisition to use. The time is the database's
 * at insert.
 */
@Entity
@Table(name = "usage_event")
@Immutable
public class UsageEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "usage_event_type")
    private UsageEventType type;

    private UUID campaignId;

    private UUID couponId;

    private UUID searchId;

    private UUID reservationId;

    @Column(columnDefinition = "card_token")
    private String cardToken;

    @Column(columnDefinition = "medium_type")
    private String mediumType;

    @Column(columnDefinition = "acquisition_channel")
    private String channel;

    @Embedded
    private Till till;

    @JdbcTypeCode(SqlTypes.CHAR)
    private Currency currency;

    @Column(columnDefinition = "minor_units")
    private Long amountMinor;

    @Column(columnDefinition = "minor_units")
    private Long discountMinor;

    @Column(columnDefinition = "event_count")
    private Integer matchedCount;

    protected UsageEvent() {
    }

    public UsageEvent(UsageEventType type, UUID campaignId, UUID couponId, UUID searchId, UUID reservationId,
            String cardToken, String mediumType, String channel, Till till, Money amount, Money discount,
            Integer matchedCount) {
        this.type = type;
        this.campaignId = campaignId;
        this.couponId = couponId;
        this.searchId = searchId;
        this.reservationId = reservationId;
        this.cardToken = cardToken;
        this.mediumType = mediumType;
        this.channel = channel;
        this.till = till;
        this.currency = amount != null ? amount.currency() : discount == null ? null : discount.currency();
        this.amountMinor = amount == null ? null : amount.amountMinor();
        this.discountMinor = discount == null ? null : discount.amountMinor();
        this.matchedCount = matchedCount;
    }

    public UsageEventType type() {
        return type;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID couponId() {
        return couponId;
    }

    public UUID searchId() {
        return searchId;
    }

    public UUID reservationId() {
        return reservationId;
    }

    public String cardToken() {
        return cardToken;
    }

    public String mediumType() {
        return mediumType;
    }

    public String channel() {
        return channel;
    }

    public Till till() {
        return till;
    }

    public Currency currency() {
        return currency;
    }

    public Money amount() {
        return amountMinor == null ? null : new Money(amountMinor, currency);
    }

    public Money discount() {
        return discountMinor == null ? null : new Money(discountMinor, currency);
    }

    public Integer matchedCount() {
        return matchedCount;
    }
}
