package com.cardcoupons.relay.settlement;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The link to the settlement center in the relay's health, and so in its readiness: ready only when signed on, for
 * a relay that cannot send an authorization cannot take a payment.
 */
@Component("settlementCenter")
class SettlementCenterHealth implements HealthIndicator {

    private final SettlementCenterLink link;

    SettlementCenterHealth(SettlementCenterLink link) {
        this.link = link;
    }

    @Override
    public Health health() {
        Health.Builder health = link.signedOn() ? Health.up() : Health.outOfService();
        health.withDetail("host", link.host()).withDetail("link", link.state().name())
                .withDetail("since", link.since().toString());
        if (!link.signedOn() && link.lastProblem() != null) {
            health.withDetail("problem", link.lastProblem());
        }
        return health.build();
    }
}
