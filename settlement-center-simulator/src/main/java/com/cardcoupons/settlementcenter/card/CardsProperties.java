package com.cardcoupons.settlementcenter.card;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** The cards the simulated issuers know from the start: one limit for all, blocked cards, and per-card limits. */
@ConfigurationProperties("settlement-center.cards")
public record CardsProperties(long defaultLimitMinor, List<String> blocked, List<CardLimit> limits) {

    public CardsProperties {
        blocked = blocked == null ? List.of() : List.copyOf(blocked);
        limits = limits == null ? List.of() : List.copyOf(limits);
    }

    /** A card with a limit of its own. */
    public record CardLimit(String number, long limitMinor) {

        @Override
        public String toString() {
            return "CardLimit[****, " + limitMinor + "]";
        }
    }

    @Override
    public String toString() {
        return "CardsProperties[defaultLimitMinor=" + defaultLimitMinor + ", " + blocked.size() + " blocked, "
                + limits.size() + " with own limits]";
    }
}
