package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.budget.BudgetClaim;
import com.cardcoupons.couponserver.budget.BudgetCounters;
import com.cardcoupons.couponserver.budget.BudgetLimit;
import com.cardcoupons.couponserver.coupon.Combination;
import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.couponserver.coupon.CouponEffect;
import com.cardcoupons.couponserver.coupon.CouponMatch;
import com.cardcoupons.couponserver.coupon.CouponUses;
import com.cardcoupons.couponserver.coupon.CouponsAtTheTill;
import com.cardcoupons.couponserver.coupon.Eligibility;
import com.cardcoupons.couponserver.coupon.Purchase;
import com.cardcoupons.couponserver.coupon.Refusal;
import com.cardcoupons.couponserver.coupon.Stores;
import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.couponserver.coupon.TillProperties;
import com.cardcoupons.couponserver.usage.UsageEventType;
import com.cardcoupons.couponserver.usage.UsageLog;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.ReservationRequest;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.model.terminal.ReversalRequest;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Approves the use of found coupons for a purchase (claims 1 and 11), by card or by the codes scanned from printed
 * barcodes, with the same checks as the search. A use is of one card's coupons. Its uses are taken by a conditional
 * statement on coupon-server's own count of each coupon's uses, so a coupon is never used more often than allowed,
 * whatever the concurrency; the same statement takes the campaigns' budgets, and a use a budget has no room for is
 * refused whole with the limit's code. A release, an expiry or a reversal gives uses and budget back. The rules of a reservation's transitions are the aggregate's ({@link Reservation}); the
 * statements here write what it decided.
 */
@Component
class UseApproval {

    private static final Logger log = LoggerFactory.getLogger(UseApproval.class);

    private final CouponUses uses;
    private final CouponsAtTheTill couponsAtTheTill;
    private final Stores stores;
    private final Reservations reservations;
    private final NewReservations newReservations;
    private final RedeemedCoupons redeemedCoupons;
    private final HoldExpiry holdExpiry;
    private final UsageLog usageLog;
    private final BudgetCounters budgets;
    private final UsageMediumTokenizer tokenizer;
    private final TillProperties till;
    private final RedemptionProperties properties;
    private final Clock clock;

    UseApproval(CouponUses uses, CouponsAtTheTill couponsAtTheTill, Stores stores, Reservations reservations,
            NewReservations newReservations, RedeemedCoupons redeemedCoupons, HoldExpiry holdExpiry, UsageLog usageLog,
            BudgetCounters budgets, UsageMediumTokenizer tokenizer, TillProperties till, RedemptionProperties properties,
            Clock clock) {
        this.uses = uses;
        this.couponsAtTheTill = couponsAtTheTill;
        this.stores = stores;
        this.reservations = reservations;
        this.newReservations = newReservations;
        this.redeemedCoupons = redeemedCoupons;
        this.holdExpiry = holdExpiry;
        this.usageLog = usageLog;
        this.budgets = budgets;
        this.tokenizer = tokenizer;
        this.till = till;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Holds the coupons for the purchase (the first phase), or, with {@code confirmNow}, uses them at once. Their
     * uses, the reservation, its usage events and the call's outcome are written by one statement that commits by
     * itself ({@link NewReservations}); nothing else here writes, unless a hold that ran out has to be expired first.
     */
    ReservationResponse reserve(Till caller, ReservationRequest request, boolean confirmNow, IdempotentCall call) {
        Instant now = clock.instant();
        List<String> codes = normalized(request.couponCodes());
        TokenizedMedium medium = request.medium() == null ? null : tokenizer.tokenize(request.medium());
        Purchase purchase = Purchase.of(caller, stores.of(caller), request.intendedUse(),
                medium == null ? null : medium.type(), medium == null || medium.brand() == null ? null : medium.brand().name(),
                now, till.maxClockSkew());
        CardToken card = medium == null ? cardOf(codes) : medium.token();
        call.concerns(card.value());
        Combination combination = Combination.of(usable(codes, card, purchase, now), purchase.amount());
        reclaimRunOutHolds(card, combination, now);
        Reservation reservation = confirmNow
                ? Reservation.useNow(card, caller, request.transactionId(), combination, now)
                : Reservation.hold(card, caller, request.transactionId(), combination, now, properties.hold());
        Map<UUID, RedeemedCouponRef> used = combination.coupons().stream()
                .map(applied -> RedeemedCouponRef.of(applied.match().coupon()))
                .collect(Collectors.toMap(RedeemedCouponRef::id, Function.identity()));
        ReservationResponse answer = ReservationAnswer.of(reservation, used);
        List<BudgetClaim> claims = RedeemedCouponRef.budgetClaims(reservation.redemptions(), used);
        NewReservations.Added added = newReservations.add(reservation, claims, RedemptionEvents.of(
                        confirmNow ? UsageEventType.CONFIRMED : UsageEventType.RESERVED, reservation, reservation.redemptions(), used),
                call.outcome(HttpStatus.CREATED.value(), ReservationAnswer.location(reservation.id()), answer));
        switch (added.addition()) {
            case ADDED -> {
                call.recorded();
                // the use's statement recorded the campaign-wide ones in the usage log (campaign.budget_exhausted)
                added.exhausted().forEach(claim -> log.info("campaign {} budget {} ran out with use {}",
                        claim.campaignId(), claim.limit(), reservation.id()));
            }
            case KEY_TAKEN -> throw call.taken();
            case TRANSACTION_HAS_USE -> throw transactionInUse();
            case NO_BUDGET_ROOM -> throw noBudgetRoom(added.shortOf().get(0), codes, claims, used);
            case NO_USE_FREE -> {
                // the coupons as they are now say which had no use free: the rules refuse it as any use of it would be
                usable(codes, card, purchase, clock.instant());
                throw usedUp(codes.get(0));
            }
        }
        return answer;
    }

    /** The second phase: the payment went through, the held coupons are used. */
    @Transactional
    ReservationResponse confirm(Till caller, UUID id, IdempotentCall call) {
        Reservation reservation = lockOwn(caller, id, call);
        Map<UUID, RedeemedCouponRef> used = redeemedCoupons.of(reservation);
        Instant now = clock.instant();
        List<Redemption> confirmed = reservation.confirm(now);
        reservations.save(reservation, confirmed);
        usageLog.append(now, RedemptionEvents.of(UsageEventType.CONFIRMED, reservation, confirmed, used));
        return ReservationAnswer.of(reservation, used);
    }

    /** The second phase: the payment did not happen, the held coupons are free again. */
    @Transactional
    ReservationResponse release(Till caller, UUID id, IdempotentCall call) {
        Reservation reservation = lockOwn(caller, id, call);
        Map<UUID, RedeemedCouponRef> used = redeemedCoupons.of(reservation);
        Instant now = clock.instant();
        giveBack(reservation, reservation.release(now), UsageEventType.RELEASED, used, now);
        return ReservationAnswer.of(reservation, used);
    }

    /** A void or refund: the confirmed use is undone and the coupons can be used again. Any till of the merchant may. */
    @Transactional
    ReservationResponse reverse(Till caller, UUID id, ReversalRequest request, IdempotentCall call) {
        Reservation reservation = reservations.lock(id).filter(found -> sameMerchant(caller, found))
                .orElseThrow(UseApproval::notFound);
        call.concerns(reservation.card().value());
        Map<UUID, RedeemedCouponRef> used = redeemedCoupons.of(reservation);
        Instant now = clock.instant();
        List<Redemption> reversed = reservation.reverse(couponIds(normalized(request.couponCodes()), used),
                request.type(), request.reason(), now);
        giveBack(reservation, reversed, UsageEventType.REVERSED, used, now);
        return ReservationAnswer.of(reservation, used);
    }

    @Transactional(readOnly = true)
    ReservationResponse find(Till caller, UUID id) {
        Reservation reservation = reservations.find(id).filter(found -> sameMerchant(caller, found))
                .orElseThrow(UseApproval::notFound);
        return ReservationAnswer.of(reservation, redeemedCoupons.of(reservation));
    }

    @Transactional(readOnly = true)
    ReservationResponse findByTransaction(Till caller, String transactionId) {
        Reservation reservation = reservations.latestOf(caller.terminalId(), transactionId)
                .orElseThrow(UseApproval::notFound);
        return ReservationAnswer.of(reservation, redeemedCoupons.of(reservation));
    }

    /**
     * The card holding the coupons with these codes, scanned from printed coupons; a use is of one card's coupons, so
     * codes of several cards are refused.
     */
    private CardToken cardOf(List<String> codes) {
        Map<String, CardToken> cards = couponsAtTheTill.cardsOf(codes);
        CardToken card = null;
        for (int i = 0; i < codes.size(); i++) {
            CardToken holder = cards.get(codes.get(i));
            if (holder == null) {
                throw DomainException.notFound("COUPON_NOT_FOUND", "no such coupon").under("couponCodes[" + i + "]");
            }
            if (card != null && !card.equals(holder)) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "COUPONS_OF_SEVERAL_CARDS",
                        "couponCodes[" + i + "]", "a use is of one card's coupons; this one is on another card");
            }
            card = holder;
        }
        return card;
    }

    /** The card's coupons named, each checked like a search would; refused as a whole if any one fails. */
    private List<CouponMatch> usable(List<String> codes, CardToken card, Purchase purchase, Instant now) {
        Map<String, Coupon> byCode = couponsAtTheTill.withCodes(card, codes, now).stream()
                .collect(Collectors.toMap(Coupon::code, Function.identity()));
        List<CouponMatch> matches = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "couponCodes[" + i + "]";
            Coupon coupon = byCode.get(codes.get(i));
            if (coupon == null) {
                throw DomainException.notFound("COUPON_NOT_FOUND", "no such coupon on this medium").under(field);
            }
            List<Refusal> refusals = Eligibility.refusals(coupon, purchase);
            if (refusals.stream().anyMatch(refusal -> refusal.code().equals(Refusal.NOT_VALID_AT_MERCHANT))) {
                throw DomainException.notFound("COUPON_NOT_FOUND", "no such coupon for this merchant").under(field);
            }
            if (refusals.size() == 1 && refusals.get(0).code().equals(Refusal.NO_USES_LEFT)) {
                throw usedUp(coupon.code()).under(field);
            }
            if (!refusals.isEmpty()) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "COUPON_NOT_USABLE", field,
                        "coupon " + coupon.code() + " cannot be used: "
                                + refusals.stream().map(Refusal::detail).collect(Collectors.joining("; ")));
            }
            matches.add(new CouponMatch(coupon, CouponEffect.of(coupon, purchase)));
        }
        return matches;
    }

    /** A hold that ran out still counts against its coupon until it is expired: expire it now rather than refuse. */
    private void reclaimRunOutHolds(CardToken card, Combination combination, Instant now) {
        List<UUID> held = combination.coupons().stream().map(applied -> applied.match().coupon())
                .filter(coupon -> coupon.runOutHolds() > 0).map(Coupon::id).toList();
        if (!held.isEmpty()) {
            holdExpiry.reclaimExpiredHoldsOf(card, held, now);
        }
    }

    /**
     * Writes a transition that freed uses: the states the reservation decided, the uses and the budget they took given
     * back, the events.
     */
    private void giveBack(Reservation reservation, List<Redemption> changed, UsageEventType type,
            Map<UUID, RedeemedCouponRef> used, Instant now) {
        reservations.save(reservation, changed);
        changed.stream().map(Redemption::couponId).sorted().forEach(coupon -> uses.giveBack(coupon, reservation.card()));
        budgets.giveBack(reservation.card(), RedeemedCouponRef.budgetClaims(changed, used));
        usageLog.append(now, RedemptionEvents.of(type, reservation, changed, used));
    }

    /** The purchase's coupons by the codes a reversal names; a code the purchase did not use is refused. */
    private static List<UUID> couponIds(List<String> codes, Map<UUID, RedeemedCouponRef> used) {
        Map<String, UUID> byCode = used.values().stream()
                .collect(Collectors.toMap(RedeemedCouponRef::code, RedeemedCouponRef::id));
        List<UUID> couponIds = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            UUID couponId = byCode.get(codes.get(i));
            if (couponId == null) {
                throw Reservation.notInReservation("couponCodes[" + i + "]");
            }
            couponIds.add(couponId);
        }
        return couponIds;
    }

    /** Only the terminal that reserved settles the hold (the relay calls as that terminal). */
    private Reservation lockOwn(Till caller, UUID id, IdempotentCall call) {
        Reservation reservation = reservations.lock(id).filter(found -> sameMerchant(caller, found))
                .orElseThrow(UseApproval::notFound);
        call.concerns(reservation.card().value());
        if (!reservation.till().terminalId().equals(caller.terminalId())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "OTHER_TERMINAL", null,
                    "only the terminal that reserved the coupons confirms or releases them");
        }
        return reservation;
    }

    private static boolean sameMerchant(Till caller, Reservation reservation) {
        return reservation.till().merchantId().equals(caller.merchantId());
    }

    /** Codes as printed may be read with spaces or dashes between groups, and in lower case. */
    static List<String> normalized(List<String> codes) {
        List<String> normalized = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
            if (!seen.add(code)) {
                throw DomainException.invalid("DUPLICATE_COUPON_CODE", "couponCodes[" + i + "]", "a coupon is named twice");
            }
            normalized.add(code);
        }
        return normalized;
    }

    private static DomainException usedUp(String code) {
        return DomainException.conflict("COUPON_USED_UP", "coupon " + code + " has no use left: it was used or is held by another purchase");
    }

    /**
     * A use that a budget has no room for is refused, never capped to what remains; the coupon named is the first whose
     * campaign sets the limit.
     */
    private static DomainException noBudgetRoom(BudgetLimit limit, List<String> codes, List<BudgetClaim> claims,
            Map<UUID, RedeemedCouponRef> used) {
        Set<UUID> campaigns = claims.stream().filter(claim -> claim.limit() == limit && claim.max() != null)
                .map(BudgetClaim::campaignId).collect(Collectors.toSet());
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            boolean limited = used.values().stream()
                    .anyMatch(ref -> ref.code().equals(code) && campaigns.contains(ref.campaignId()));
            if (limited) {
                return new DomainException(DomainException.Kind.CONFLICT, limit.code(), "couponCodes[" + i + "]",
                        "coupon " + code + " cannot be used: " + limit.reason());
            }
        }
        return DomainException.conflict(limit.code(), limit.reason());
    }

    private static DomainException transactionInUse() {
        return DomainException.conflict("TRANSACTION_ALREADY_HAS_USE",
                "this transaction already has coupons reserved or used; release or reverse them first");
    }

    private static DomainException notFound() {
        return DomainException.notFound("RESERVATION_NOT_FOUND", "no such reservation for this merchant");
    }
}
