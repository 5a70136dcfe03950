package com.cardcoupons.settlementcenter.iso;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ISO 8583 host listens ({@code 0} picks a free port, for tests), how many connections it serves at once,
 * and how many messages it works on at once across them.
 */
@ConfigurationProperties("settlement-center.iso")
public record IsoHostProperties(int port, int maxConnections, int workers) {
}
