package com.cardcoupons.settlementcenter.card;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every card's account, opened on first sight with the default limit or the one configured for it. */
@Component
public class CardAccounts {

    private final Map<String, CardAccount> byCard = new ConcurrentHashMap<>();
    private final long defaultLimitMinor;

    public CardAccounts(CardsProperties properties, CardFingerprints fingerprints) {
        this.defaultLimitMinor = properties.defaultLimitMinor();
        for (CardsProperties.CardLimit limit : properties.limits()) {
            account(configured(fingerprints, limit.number())).configure(limit.limitMinor(), null);
        }
        for (String number : properties.blocked()) {
            account(configured(fingerprints, number)).configure(null, true);
        }
    }

    public CardAccount account(CardFingerprint card) {
        return byCard.computeIfAbsent(card.hash(), hash -> new CardAccount(defaultLimitMinor, false));
    }

    /** Sets a card's limit or block; either may be left as it is. */
    public CardAccountView configure(CardFingerprint card, Long limitMinor, Boolean blocked) {
        CardAccount account = account(card);
        account.configure(limitMinor, blocked);
        return account.view(card);
    }

    public CardAccountView view(CardFingerprint card) {
        return account(card).view(card);
    }

    private static CardFingerprint configured(CardFingerprints fingerprints, String number) {
        return fingerprints.of(number).orElseThrow(() ->
                new IllegalStateException("settlement-center.cards holds a card number that is not valid"));
    }
}
