package com.cardcoupons.gateway.credential;

import com.cardcoupons.platform.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTest {

    @Test
    void aGeneratedKeyReadsBackFromItsHeaderValue() {
        ApiKey key = ApiKey.generate(Role.TERMINAL);
        assertThat(key.keyId()).startsWith("trm_").hasSize(20);
        assertThat(key.secret()).hasSize(43);
        assertThat(ApiKey.parse(key.value())).contains(key);
    }

    @Test
    void headersWithoutTheShapeOfAKeyAreNoKey() {
        assertThat(ApiKey.parse(null)).isEmpty();
        assertThat(ApiKey.parse("no-dot-at-all")).isEmpty();
        assertThat(ApiKey.parse("id.short")).isEmpty();
        assertThat(ApiKey.parse("UPPER.abcdefghijklmnopqrstuvwxyz0123456789")).isEmpty();
        assertThat(ApiKey.parse("ok-id.abcdefghijklmnopqrstuvwxyz012345678 9")).isEmpty();
    }

    @Test
    void theSecretNeverShowsInToString() {
        ApiKey key = ApiKey.generate(Role.APPROVER);
        assertThat(key.toString()).doesNotContain(key.secret()).contains(key.keyId());
    }
}
