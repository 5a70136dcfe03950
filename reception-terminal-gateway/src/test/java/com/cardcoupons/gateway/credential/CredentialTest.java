package com.cardcoupons.gateway.credential;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final UUID MERCHANT = UUID.randomUUID();
    private static final UUID STORE = UUID.randomUUID();
    private static final UUID TERMINAL = UUID.randomUUID();

    private static final KeyHolder ACTIVE_TERMINAL = KeyHolder.terminal(TERMINAL, MERCHANT, STORE, true);

    private final ApiKey key = ApiKey.generate(Role.TERMINAL);
    private final Credential till = tillOf(ACTIVE_TERMINAL);

    @Test
    void theRightSecretProvesTheBoundIdentity() {
        CallerIdentity caller = till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW).orElseThrow();
        assertThat(caller).isEqualTo(CallerIdentity.terminal(key.keyId(), MERCHANT, STORE, TERMINAL));
    }

    @Test
    void aWrongSecretProvesNothing() {
        assertThat(till.authenticate(ApiKey.generate(Role.TERMINAL).secret(), ACTIVE_TERMINAL, NOW)).isEmpty();
    }

    @Test
    void aRevokedCredentialProvesNothingAndCannotBeRevokedOrRotatedAgain() {
        till.revoke("admin", NOW);
        assertThat(till.status()).isEqualTo(Credential.Status.REVOKED);
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW)).isEmpty();
        assertThatThrownBy(() -> till.revoke("admin", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CREDENTIAL_REVOKED"));
        assertThatThrownBy(() -> till.rotate(ACTIVE_TERMINAL, Duration.ZERO, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CREDENTIAL_REVOKED"));
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW)).as("a refused rotation changes nothing").isEmpty();
    }

    @Test
    void aDecommissionedTerminalsKeyProvesNothing() {
        assertThat(till.authenticate(key.secret(), KeyHolder.terminal(TERMINAL, MERCHANT, STORE, false), NOW))
                .as("as its terminal reads on the next call").isEmpty();
        assertThat(till.authenticate(key.secret(), null, NOW)).as("a terminal that is gone").isEmpty();
        assertThat(till.authenticate(key.secret(), KeyHolder.terminal(UUID.randomUUID(), MERCHANT, STORE, true), NOW))
                .as("another terminal").isEmpty();
    }

    @Test
    void aClosedMerchantsKeyProvesNothing() {
        ApiKey merchantKey = ApiKey.generate(Role.MERCHANT);
        Credential backOffice = Credential.issue(merchantKey, Role.MERCHANT, "Back office",
                Credential.Binding.holder(KeyHolder.merchant(MERCHANT, true)), "admin", NOW);
        assertThat(backOffice.authenticate(merchantKey.secret(), KeyHolder.merchant(MERCHANT, true), NOW))
                .contains(CallerIdentity.merchant(merchantKey.keyId(), MERCHANT));
        assertThat(backOffice.authenticate(merchantKey.secret(), KeyHolder.merchant(MERCHANT, false), NOW))
                .as("once the merchant is closed").isEmpty();
        assertThat(backOffice.authenticate(merchantKey.secret(), KeyHolder.merchant(UUID.randomUUID(), true), NOW))
                .as("another merchant").isEmpty();
    }

    @Test
    void aDecommissionedTerminalIsGivenNoKey() {
        assertThatThrownBy(() -> tillOf(KeyHolder.terminal(TERMINAL, MERCHANT, STORE, false)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("TERMINAL_NOT_ACTIVE");
                    assertThat(e.field()).isEqualTo("terminalId");
                });
    }

    @Test
    void aClosedMerchantIsGivenNoKey() {
        assertThatThrownBy(() -> Credential.issue(ApiKey.generate(Role.MERCHANT), Role.MERCHANT, "x",
                Credential.Binding.holder(KeyHolder.merchant(MERCHANT, false)), "admin", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("MERCHANT_CLOSED");
                    assertThat(e.field()).isEqualTo("merchantId");
                });
    }

    @Test
    void aBindingMustFitTheKind() {
        assertThatThrownBy(() -> Credential.issue(ApiKey.generate(Role.APPROVER), Role.APPROVER, "x",
                Credential.Binding.holder(KeyHolder.merchant(MERCHANT, true)), "admin", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credential.issue(ApiKey.generate(Role.MERCHANT), Role.MERCHANT, "x",
                Credential.Binding.NONE, "admin", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credential.issue(ApiKey.generate(Role.MERCHANT), Role.MERCHANT, "x",
                Credential.Binding.holder(ACTIVE_TERMINAL), "admin", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotationWithoutOverlapStopsTheOldSecretAtOnce() {
        ApiKey next = till.rotate(ACTIVE_TERMINAL, Duration.ZERO, NOW);
        assertThat(next.keyId()).as("the key id survives rotation").isEqualTo(key.keyId());
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW)).isEmpty();
        assertThat(till.authenticate(next.secret(), ACTIVE_TERMINAL, NOW)).isPresent();
        assertThat(till.previousValidUntil()).isNull();
    }

    @Test
    void aRotationWithOverlapKeepsTheOldSecretUntilTheOverlapEnds() {
        ApiKey next = till.rotate(ACTIVE_TERMINAL, Duration.ofMinutes(5), NOW);
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW.plusSeconds(299))).isPresent();
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW.plusSeconds(300))).isEmpty();
        assertThat(till.authenticate(next.secret(), ACTIVE_TERMINAL, NOW.plusSeconds(300))).isPresent();

        ApiKey third = till.rotate(ACTIVE_TERMINAL, Duration.ofMinutes(5), NOW.plusSeconds(10));
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW.plusSeconds(11))).as("only the last secret overlaps").isEmpty();
        assertThat(till.authenticate(next.secret(), ACTIVE_TERMINAL, NOW.plusSeconds(11))).isPresent();
        assertThat(till.authenticate(third.secret(), ACTIVE_TERMINAL, NOW.plusSeconds(11))).isPresent();
    }

    @Test
    void aDecommissionedTerminalsKeyGetsNoNewSecret() {
        assertThatThrownBy(() -> till.rotate(KeyHolder.terminal(TERMINAL, MERCHANT, STORE, false), Duration.ZERO, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TERMINAL_NOT_ACTIVE"));
        assertThatThrownBy(() -> till.rotate(null, Duration.ZERO, NOW)).as("a terminal that is gone")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TERMINAL_NOT_ACTIVE"));
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW)).as("a refused rotation changes nothing").isPresent();
    }

    @Test
    void revocationEndsAnOverlapToo() {
        ApiKey next = till.rotate(ACTIVE_TERMINAL, Duration.ofHours(1), NOW);
        till.revoke("admin", NOW);
        assertThat(till.authenticate(key.secret(), ACTIVE_TERMINAL, NOW)).isEmpty();
        assertThat(till.authenticate(next.secret(), ACTIVE_TERMINAL, NOW)).isEmpty();
        assertThat(till.previousValidUntil()).isNull();
    }

    private Credential tillOf(KeyHolder terminal) {
        return Credential.issue(key, Role.TERMINAL, "Till 1", Credential.Binding.holder(terminal), "admin", NOW);
    }
}
