package com.cardcoupons.couponserver.coupon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the till's calls.
 *
 * @param maxClockSkew  how far a terminal's time of intended use may be from the server's clock
 * @param storeCacheTtl how long a store's details are kept in memory
 */
@ConfigurationProperties("coupons.till")
public record TillProperties(@DefaultValue("PT5M") Duration maxClockSkew, @DefaultValue("PT5M") Duration storeCacheTtl) {
}
