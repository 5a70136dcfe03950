package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** An inquiry's answer: where an authorization stands now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationView(
        String authorizationId,
        Authorization.State state,
        Amount amount,
        String cardLastFour,
        String authorizationCode,
        String responseCode,
        Instant decidedAt) {

    static AuthorizationView of(Authorization authorization) {
        return new AuthorizationView(authorization.id(), authorization.state(), authorization.amount(),
                authorization.card() == null ? null : authorization.card().lastFour(),
                authorization.authorizationCode(),
                authorization.responseCode() == null ? null : authorization.responseCode().iso(),
                authorization.decidedAt());
    }
}
