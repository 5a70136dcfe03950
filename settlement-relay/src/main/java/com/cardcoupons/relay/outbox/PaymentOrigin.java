package com.cardcoupons.relay.outbox;

import com.cardcoupons.platform.identity.CallerIdentity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a follow-up's payment came from, read from the payment's row: the terminal, on whose behalf coupon-server is
 * called long after its request ended, and that request's correlation id, which the follow-up carries on.
 */
@Entity
@Table(name = "payment")
@Immutable
class PaymentOrigin {

    @Id
    private UUID id;

    private String terminalPrincipal;

    private UUID merchantId;

    private UUID storeId;

    private UUID terminalId;

    private String correlationId;

    protected PaymentOrigin() {
    }

    CallerIdentity terminal() {
        return CallerIdentity.terminal(terminalPrincipal, merchantId, storeId, terminalId);
    }

    /** None for payments recorded before correlation ids were kept. */
    Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }
}
