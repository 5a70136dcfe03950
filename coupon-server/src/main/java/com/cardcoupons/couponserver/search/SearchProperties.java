package com.cardcoupons.couponserver.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the search.
 *
 * @param explainLookback how long after expiry a coupon still shows, with its reason, when support asks to explain
 */
@ConfigurationProperties("coupons.search")
record SearchProperties(@DefaultValue("P90D") Duration explainLookback) {
}
