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

    private final ApiKey key = ApiKey.generate(Role.TERMINAL);
    private final Credential till = Credential.issue(key, Role.TERMINAL, "Till 1",
            Credential.Binding.terminal(TERMINAL, MERCHANT, STORE, true), "admin", NOW);

    @Test
    void theRightSecretProvesTheBoundIdentity() {
        CallerIdentity caller = till.authenticate(key.secret(), NOW).orElseThrow();
        assertThat(caller).isEqualTo(CallerIdentity.terminal(key.keyId(), MERCHANT, STORE, TERMINAL));
    }

    @Test
    void aWrongSecretProvesNothing() {
        assertThat(till.authenticate(ApiKey.generate(Role.TERMINAL).secret(), NOW)).isEmpty();
    }

    @Test
    void aRevokedCredentialProvesNothingAndCannotBeRevokedOrRotatedAgain() {
        Credential revoked = till.revoke("admin", NOW);
        assertThat(revoked.authenticate(key.secret(), NOW)).isEmpty();
        assertThatThrownBy(() -> revoked.revoke("admin", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CREDENTIAL_REVOKED"));
        assertThatThrownBy(() -> revoked.rotate(SecretHash.of(key.secret()), Duration.ZERO, NOW))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aDecommissionedTerminalsKeyProvesNothing() {
        Credential decommissioned = new Credential(till.id(), Role.TERMINAL, "Till 1",
                Credential.Binding.terminal(TERMINAL, MERCHANT, STORE, false), till.secretHash(), null, null,
                Credential.Status.ACTIVE, "admin", NOW, null, null, null);
        assertThat(decommissioned.authenticate(key.secret(), NOW)).isEmpty();
    }

    @Test
    void aRotationWithoutOverlapStopsTheOldSecretAtOnce() {
        ApiKey next = ApiKey.withNewSecret(key.keyId());
        Credential rotated = till.rotate(SecretHash.of(next.secret()), Duration.ZERO, NOW);
        assertThat(rotated.authenticate(key.secret(), NOW)).isEmpty();
        assertThat(rotated.authenticate(next.secret(), NOW)).isPresent();
    }

    @Test
    void aRotationWithOverlapKeepsTheOldSecretUntilTheOverlapEnds() {
        ApiKey next = ApiKey.withNewSecret(key.keyId());
        Credential rotated = till.rotate(SecretHash.of(next.secret()), Duration.ofMinutes(5), NOW);
        assertThat(rotated.authenticate(key.secret(), NOW.plusSeconds(299))).isPresent();
        assertThat(rotated.authenticate(key.secret(), NOW.plusSeconds(300))).isEmpty();
        assertThat(rotated.authenticate(next.secret(), NOW.plusSeconds(300))).isPresent();

        ApiKey third = ApiKey.withNewSecret(key.keyId());
        Credential again = rotated.rotate(SecretHash.of(third.secret()), Duration.ofMinutes(5), NOW.plusSeconds(10));
        assertThat(again.authenticate(key.secret(), NOW.plusSeconds(11))).as("only the last secret overlaps").isEmpty();
        assertThat(again.authenticate(next.secret(), NOW.plusSeconds(11))).isPresent();
    }

    @Test
    void revocationEndsAnOverlapToo() {
        ApiKey next = ApiKey.withNewSecret(key.keyId());
        Credential revoked = till.rotate(SecretHash.of(next.secret()), Duration.ofHours(1), NOW).revoke("admin", NOW);
        assertThat(revoked.authenticate(key.secret(), NOW)).isEmpty();
        assertThat(revoked.previousSecretHash()).isNull();
    }
}
