package com.cardcoupons.couponserver.redemption;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of use approval.
 *
 * @param hold          how long a reservation holds its coupons before it expires by itself
 * @param sweepInterval how often run-out holds are expired and their coupons freed
 * @param sweepBatch    how many holds one sweep transaction expires at most
 */
@ConfigurationProperties("coupons.redemption")
record RedemptionProperties(@DefaultValue("PT2M") Duration hold, @DefaultValue("PT5S") Duration sweepInterval,
                            @DefaultValue("200") int sweepBatch) {
}
