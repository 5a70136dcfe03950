package com.cardcoupons.platform.sealing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealTest {

    private final Seal seal = new Seal("k".repeat(32), "test.key");
    private final byte[] secret = "whsec_secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensWithTheSameKeyAndBindingOnly() {
        byte[] sealed = seal.seal(secret, "row-1");

        assertThat(seal.open(sealed, "row-1")).isEqualTo(secret);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_secret");
        assertThatThrownBy(() -> seal.open(sealed, "row-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Seal("x".repeat(32), "test.key").open(sealed, "row-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyValueGetsItsOwnNonce() {
        assertThat(seal.seal(secret)).isNotEqualTo(seal.seal(secret));
        assertThat(seal.open(seal.seal(secret))).isEqualTo(secret);
    }

    @Test
    void aShortKeyIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> new Seal("short", "coupons.some.key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coupons.some.key");
    }
}
