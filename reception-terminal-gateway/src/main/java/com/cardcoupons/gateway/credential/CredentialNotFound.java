package com.cardcoupons.gateway.credential;

import com.cardcoupons.model.problem.DomainException;

/** No credential has the key id asked for. */
class CredentialNotFound extends DomainException {

    CredentialNotFound(String id) {
        super(Kind.NOT_FOUND, "CREDENTIAL_NOT_FOUND", null, "no credential " + id);
    }
}
