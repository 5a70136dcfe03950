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
    private final Credential till = tillOf(new Terminal(TERMINAL, MERCHANT, STORE, true));

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
        till.revoke("admin", NOW);
        assertThat(till.status()).isEqualTo(Credential.Status.REVOKED);
        assertThat(till.authenticate(key.secret(), NOW)).isEmpty();
        assertThatThrownBy(() -> till.revoke("admin", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CREDENTIAL_REVOKED"));
        assertThatThrownBy(() -> till.rotate(Duration.ZERO, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CREDENTIAL_REVOKED"));
        assertThat(till.authenticate(key.secret(), NOW)).as("a refused rotation changes nothing").isEmpty();
    }

    @Test
    void aDecommissionedTerminalsKeyProvesNothing() {
        var terminal = new Terminal(TERMINAL, MERCHANT, STORE, true) {
            boolean decommissioned;

            @Override
            boolean active() {
                return !decommissioned;
            }
        };
        Credential credential = tillOf(terminal);
        assertThat(credential.authenticate(key.secret(), NOW)).isPresent();
        terminal.decommissioned = true;
        assertThat(credential.authenticate(key.secret(), NOW)).as("as its terminal row reads on the next call").isEmpty();
    }

    @Test
    void aDecommissionedTerminalIsGivenNoKey() {
        Terminal retired = new Terminal(TERMINAL, MERCHANT, STORE, false);
        assertThatThrownBy(() -> tillOf(retired))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("TERMINAL_NOT_ACTIVE");
                    assertThat(e.field()).isEqualTo("terminalId");
                });
    }

    @Test
    void aBindingMustFitTheKind() {
        assertThatThrownBy(() -> Credential.issue(ApiKey.generate(Role.APPROVER), Role.APPROVER, "x",
                Credential.Binding.merchant(MERCHANT), "admin", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credential.issue(ApiKey.generate(Role.MERCHANT), Role.MERCHANT, "x",
                Credential.Binding.NONE, "admin", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotationWithoutOverlapStopsTheOldSecretAtOnce() {
        ApiKey next = till.rotate(Duration.ZERO, NOW);
        assertThat(next.keyId()).as("the key id survives rotation").isEqualTo(key.keyId());
        assertThat(till.authenticate(key.secret(), NOW)).isEmpty();
        assertThat(till.authenticate(next.secret(), NOW)).isPresent();
        assertThat(till.previousValidUntil()).isNull();
    }

    @Test
    void aRotationWithOverlapKeepsTheOldSecretUntilTheOverlapEnds() {
        ApiKey next = till.rotate(Duration.ofMinutes(5), NOW);
        assertThat(till.authenticate(key.secret(), NOW.plusSeconds(299))).isPresent();
        assertThat(till.authenticate(key.secret(), NOW.plusSeconds(300))).isEmpty();
        assertThat(till.authenticate(next.secret(), NOW.plusSeconds(300))).isPresent();

        ApiKey third = till.rotate(Duration.ofMinutes(5), NOW.plusSeconds(10));
        assertThat(till.authenticate(key.secret(), NOW.plusSeconds(11))).as("only the last secret overlaps").isEmpty();
        assertThat(till.authenticate(next.secret(), NOW.plusSeconds(11))).isPresent();
        assertThat(till.authenticate(third.secret(), NOW.plusSeconds(11))).isPresent();
    }

    @Test
    void revocationEndsAnOverlapToo() {
        ApiKey next = till.rotate(Duration.ofHours(1), NOW);
        till.revoke("admin", NOW);
        assertThat(till.authenticate(key.secret(), NOW)).isEmpty();
        assertThat(till.authenticate(next.secret(), NOW)).isEmpty();
        assertThat(till.previousValidUntil()).isNull();
    }

    private Credential tillOf(Terminal terminal) {
        return Credential.issue(key, Role.TERMINAL, "Till 1", Credential.Binding.terminal(terminal), "admin", NOW);
    }
}
