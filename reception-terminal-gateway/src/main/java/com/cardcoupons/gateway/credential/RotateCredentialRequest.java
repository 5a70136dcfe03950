package com.cardcoupons.gateway.credential;

import jakarta.validation.constraints.PositiveOrZero;

import java.time.Duration;

/** How long the previous secret keeps working after a rotation, so a terminal can be given its new key; 0 by default. */
record RotateCredentialRequest(@PositiveOrZero Long overlapSeconds) {

    Duration overlap() {
        return overlapSeconds == null ? Duration.ZERO : Duration.ofSeconds(overlapSeconds);
    }
}
