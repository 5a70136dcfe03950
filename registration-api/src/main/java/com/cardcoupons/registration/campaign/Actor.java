package com.cardcoupons.registration.campaign;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.Role;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/** Who takes an approval step, as the gateway verified them: a principal and the role they act in. */
@Embeddable
public record Actor(String principal, @Enumerated(EnumType.STRING) Role role) {

    public Actor {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
    }

    public static Actor of(CallerIdentity caller) {
        return new Actor(caller.principal(), caller.role());
    }
}
