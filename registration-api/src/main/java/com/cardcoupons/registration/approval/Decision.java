package com.cardcoupons.registration.approval;

import com.cardcoupons.model.problem.DomainException;

/**
 * A decision on the version awaiting approval. The approver names the version they reviewed, so a newer version
 * submitted meanwhile is never approved unseen.
 */
record Decision(Integer version, String reason) {

    int requiredVersion() {
        if (version == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "version", "name the version you decide on");
        }
        return version;
    }
}
