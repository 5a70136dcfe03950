package com.cardcoupons.couponserver.search;

import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.couponserver.coupon.CouponMatch;
import com.cardcoupons.couponserver.coupon.CouponsAtTheTill;
import com.cardcoupons.couponserver.coupon.Evaluation;
import com.cardcoupons.couponserver.coupon.Purchase;
import com.cardcoupons.couponserver.coupon.Stores;
import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.couponserver.coupon.TillProperties;
import com.cardcoupons.couponserver.usage.SearchLog;
import com.cardcoupons.couponserver.usage.UsageEvent;
import com.cardcoupons.couponserver.usage.UsageEventType;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.terminal.CouponSearchRequest;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Searches a medium's coupons for an intended use (claims 1 and 11) and logs the search, hit or miss (claims 2 and
 * 12). One statement whatever the number of coupons, without a transaction: the read of the coupons (plus one read of
 * terms not yet in memory, for all of them at once). The search's usage events go to the search log, which appends
 * them off the terminal's time.
 */
@Component
class CouponSearch {

    private final CouponsAtTheTill coupons;
    private final Stores stores;
    private final SearchLog searchLog;
    private final UsageMediumTokenizer tokenizer;
    private final TillProperties till;
    private final SearchProperties properties;
    private final Clock clock;

    CouponSearch(CouponsAtTheTill coupons, Stores stores, SearchLog searchLog, UsageMediumTokenizer tokenizer,
            TillProperties till, SearchProperties properties, Clock clock) {
        this.coupons = coupons;
        this.stores = stores;
        this.searchLog = searchLog;
        this.tokenizer = tokenizer;
        this.till = till;
        this.properties = properties;
        this.clock = clock;
    }

    /** The search's id, the card searched for and the evaluation of its coupons. */
    record Result(UUID searchId, CardToken card, Evaluation evaluation) {
    }

    Result search(Till caller, CouponSearchRequest request) {
        Instant now = clock.instant();
        TokenizedMedium medium = tokenizer.tokenize(request.medium());
        Purchase purchase = Purchase.of(caller, stores.of(caller), request.intendedUse(), medium.type(),
                medium.brand() == null ? null : medium.brand().name(), now, till.maxClockSkew());
        Instant expiredAfter = request.explain() ? purchase.at().minus(properties.explainLookback()) : purchase.at();
        List<Coupon> carried = coupons.carriedBy(medium.token(), expiredAfter, now);
        Evaluation evaluation = Evaluation.of(carried, purchase);
        UUID searchId = UUID.randomUUID();
        searchLog.append(now, events(searchId, medium, purchase, evaluation));
        return new Result(searchId, medium.token(), evaluation);
    }

    private static List<UsageEvent> events(UUID searchId, TokenizedMedium medium, Purchase purchase, Evaluation evaluation) {
        List<UsageEvent> events = new ArrayList<>(evaluation.usable().size() + 1);
        events.add(new UsageEvent(UsageEventType.SEARCHED, null, null, searchId, null, medium.token().value(),
                medium.type().name(), null, purchase.till(), purchase.amount(), null, evaluation.usable().size()));
        for (CouponMatch match : evaluation.usable()) {
            Coupon coupon = match.coupon();
            events.add(new UsageEvent(UsageEventType.MATCHED, coupon.campaignId(), coupon.id(), searchId, null,
                    coupon.cardToken().value(), coupon.mediumType().name(), coupon.channel(), purchase.till(),
                    purchase.amount(), match.effect().discount(), null));
        }
        return events;
    }
}
