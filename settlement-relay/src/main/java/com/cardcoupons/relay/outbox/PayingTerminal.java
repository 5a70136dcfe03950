package com.cardcoupons.relay.outbox;

import com.cardcoupons.platform.identity.CallerIdentity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/**
 * The terminal a follow-up's payment came from, read from the payment's row: coupon-server is called on its behalf,
 * long after its request ended.
 */
@Entity
@Table(name = "payment")
@Immutable
class PayingTerminal {

    @Id
    private UUID id;

    private String terminalPrincipal;

    private UUID merchantId;

    private UUID storeId;

    private UUID terminalId;

    protected PayingTerminal() {
    }

    CallerIdentity identity() {
        return CallerIdentity.terminal(terminalPrincipal, merchantId, storeId, terminalId);
    }
}
