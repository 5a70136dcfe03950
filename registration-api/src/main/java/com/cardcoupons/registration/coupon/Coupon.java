package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.registration.campaign.CampaignState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * A coupon acquired on a usage medium under one campaign version, whose terms it keeps. Known by the medium's token,
 * never by its number. Read with JPA; added and cancelled only by the statements of {@link CouponWrites}. Its uses are
 * coupon-server's: {@code usesHeld} counts those reserved or confirmed at a till, read from coupon-server's
 * {@code coupon_use}, which this service may only read.
 */
@Entity
@Table(name = "coupon")
@Immutable
public class Coupon {

    @Id
    private UUID id;

    @Column(columnDefinition = "coupon_code")
    private CouponCode code;

    private UUID campaignId;

    @Column(name = "campaign_version_id")
    private UUID versionId;

    @Column(columnDefinition = "card_token")
    private CardToken cardToken;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "medium_type")
    private MediumType mediumType;

    @Column(columnDefinition = "last_four")
    private String mediumLastFour;

    @Enumerated(EnumType.STRING)
    private CardBrand cardBrand;

    private String program;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "acquisition_channel")
    private Channel channel;

    @Column(columnDefinition = "allowed_uses")
    private int usesAllowed;

    @Formula("(select coalesce(max(u.uses_held), 0) from coupon_use u where u.coupon_id = id and u.card_token = card_token)")
    private int usesHeld;

    private Instant acquiredAt;

    private Instant expiresAt;

    private Instant cancelledAt;

    protected Coupon() {
    }

    public Coupon(UUID id, CouponCode code, UUID campaignId, UUID versionId, TokenizedMedium medium, Channel channel,
                  int usesAllowed, int usesHeld, Instant acquiredAt, Instant expiresAt, Instant cancelledAt) {
        this.id = id;
        this.code = code;
        this.campaignId = campaignId;
        this.versionId = versionId;
        this.cardToken = medium.token();
        this.mediumType = medium.type();
        this.mediumLastFour = medium.lastFour();
        this.cardBrand = medium.brand();
        this.program = medium.program();
        this.channel = channel;
        this.usesAllowed = usesAllowed;
        this.usesHeld = usesHeld;
        this.acquiredAt = acquiredAt;
        this.expiresAt = expiresAt;
        this.cancelledAt = cancelledAt;
    }

    public UUID id() {
        return id;
    }

    public CouponCode code() {
        return code;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID versionId() {
        return versionId;
    }

    public TokenizedMedium medium() {
        return new TokenizedMedium(cardToken, mediumType, mediumLastFour, cardBrand, program);
    }

    public Channel channel() {
        return channel;
    }

    public int usesAllowed() {
        return usesAllowed;
    }

    public int usesHeld() {
        return usesHeld;
    }

    public Instant acquiredAt() {
        return acquiredAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public boolean isUsedUp() {
        return usesHeld >= usesAllowed;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public int usesLeft() {
        return Math.max(0, usesAllowed - usesHeld);
    }

    /** The first that applies: cancelled, used up, expired, campaign ended, campaign suspended, else active. */
    public WalletState walletState(Instant now, CampaignState campaign) {
        if (isCancelled()) {
            return WalletState.CANCELLED;
        }
        if (isUsedUp()) {
            return WalletState.USED_UP;
        }
        if (isExpired(now)) {
            return WalletState.EXPIRED;
        }
        if (campaign == CampaignState.ENDED) {
            return WalletState.ENDED;
        }
        return campaign == CampaignState.SUSPENDED ? WalletState.SUSPENDED : WalletState.ACTIVE;
    }
}
