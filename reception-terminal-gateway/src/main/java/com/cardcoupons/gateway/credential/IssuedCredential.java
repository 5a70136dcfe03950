package com.cardcoupons.gateway.credential;

/** A credential with its API key, answered once when it is issued or rotated: store the key, it is not shown again. */
record IssuedCredential(CredentialView credential, String apiKey) {

    static IssuedCredential of(BoundCredential credential, ApiKey key) {
        return new IssuedCredential(CredentialView.of(credential), key.value());
    }
}
