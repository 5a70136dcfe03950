package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/**
 * A coupon as registration-api acquired it on a usage medium: the {@code coupon} row, which coupon-server only reads
 * (its uses change only through the conditional statements of {@link Coupons}). What a redemption shows of its
 * coupon; the till's view, with terms and free uses, is {@link Coupon}.
 */
@Entity
@Table(name = "coupon")
@Immutable
public class AcquiredCoupon {

    @Id
    private UUID id;

    @Column(columnDefinition = "coupon_code")
    private String code;

    private UUID campaignId;

    @Column(name = "campaign_version_id")
    private UUID versionId;

    @Column(columnDefinition = "card_token")
    private CardToken cardToken;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "medium_type")
    private MediumType mediumType;

    @Column(columnDefinition = "acquisition_channel")
    private String channel;

    protected AcquiredCoupon() {
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID versionId() {
        return versionId;
    }

    public CardToken cardToken() {
        return cardToken;
    }

    public MediumType mediumType() {
        return mediumType;
    }

    public String channel() {
        return channel;
    }
}
