package com.cardcoupons.settlementcenter.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The issuer's answer: approved with an authorization code, or declined with a response code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationAnswer(
        String authorizationId,
        Result result,
        String authorizationCode,
        String responseCode,
        ResponseCode reason) {

    static AuthorizationAnswer of(Authorization authorization) {
        return new AuthorizationAnswer(authorization.id(),
                authorization.wasApproved() ? Result.APPROVED : Result.DECLINED,
                authorization.authorizationCode(), authorization.responseCode().iso(), authorization.responseCode());
    }

    static AuthorizationAnswer refusedDuplicate(String authorizationId) {
        return new AuthorizationAnswer(authorizationId, Result.DECLINED, null,
                ResponseCode.INVALID_TRANSACTION.iso(), ResponseCode.INVALID_TRANSACTION);
    }

    /** Approved or declined. */
    public enum Result {
        APPROVED, DECLINED
    }
}
