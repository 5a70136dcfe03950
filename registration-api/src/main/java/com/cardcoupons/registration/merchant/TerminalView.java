package com.cardcoupons.registration.merchant;

import java.time.Instant;
import java.util.UUID;

/** A terminal as the API answers it. */
record TerminalView(UUID id, UUID merchantId, UUID storeId, String code, TerminalStatus status, Instant createdAt,
                    Instant updatedAt, Instant decommissionedAt) {

    static TerminalView of(Terminal terminal) {
        return new TerminalView(terminal.id(), terminal.merchantId(), terminal.storeId(), terminal.code(),
                terminal.status(), terminal.createdAt(), terminal.updatedAt(), terminal.decommissionedAt());
    }
}
