package com.cardcoupons.relay.settlement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the settlement center's ISO 8583 host is and how the relay talks to it. Past {@code authorizationTimeout} an
 * authorization counts as unanswered and is reversed by an advice; a reversal unanswered past
 * {@code reversalTimeout} is repeated from the outbox. The connection is signed on before it carries anything,
 * tested with an echo every {@code echoInterval}, and, when lost, made again after a delay that doubles from
 * {@code reconnectMin} up to {@code reconnectMax}. {@code acquiringInstitution} is field 32 of every message and
 * part of the original data elements reversals carry.
 */
@ConfigurationProperties("relay.settlement-center")
public record SettlementCenterProperties(String host, int port, Duration connectTimeout, Duration authorizationTimeout,
        Duration reversalTimeout, Duration signOnTimeout, Duration echoInterval, Duration reconnectMin,
        Duration reconnectMax, String acquiringInstitution, int stanBlock) {

    public SettlementCenterProperties {
        if (acquiringInstitution == null || !acquiringInstitution.matches("[0-9]{1,11}")) {
            throw new IllegalArgumentException("relay.settlement-center.acquiring-institution is 1 to 11 digits");
        }
        if (stanBlock < 1 || stanBlock > 10_000) {
            throw new IllegalArgumentException("relay.settlement-center.stan-block is 1 to 10000");
        }
    }
}
