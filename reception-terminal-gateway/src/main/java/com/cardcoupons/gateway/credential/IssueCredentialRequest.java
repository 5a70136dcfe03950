package com.cardcoupons.gateway.credential;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * What to issue: the kind of caller and what it is bound to. A terminal names its terminal (its merchant and store
 * follow from it), a merchant credential its merchant, a consumer channel its channel; the others nothing.
 */
record IssueCredentialRequest(
        @NotNull Role kind,
        @NotBlank @Size(max = 200) String label,
        UUID terminalId,
        UUID merchantId,
        ConsumerChannel channel) {

    void requireConsistentBinding() {
        requirePresence("terminalId", terminalId, kind == Role.TERMINAL);
        requirePresence("merchantId", merchantId, kind == Role.MERCHANT);
        requirePresence("channel", channel, kind == Role.CONSUMER_CHANNEL);
    }

    private void requirePresence(String field, Object value, boolean required) {
        if (required && value == null) {
            throw DomainException.invalid("FIELD_REQUIRED", field, "a " + kind + " credential needs " + field);
        }
        if (!required && value != null) {
            throw DomainException.invalid("UNEXPECTED_FIELD", field, "a " + kind + " credential is not bound by " + field);
        }
    }
}
