package com.cardcoupons.gateway.credential;

import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored credentials on real PostgreSQL: a change made at the same moment as another one, and a credential added
 * once even when two gateways start together.
 */
@SpringBootTest
@IsolatedDatabase
class CredentialsTest {

    @Autowired
    Credentials credentials;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void world() {
        new TestWorld(jdbc).load();
    }

    @Test
    void aRotationReadBeforeAConcurrentRevocationIsRefusedAndWritesNothing() {
        ApiKey key = ApiKey.generate(Role.APPROVER);
        assertThat(credentials.addIfAbsent(approver(key))).isTrue();

        assertThatThrownBy(() -> credentials.change(key.keyId(), mine -> {
            // another administrator revokes the key after this rotation read it, and commits first
            otherAdministrator(() -> credentials.change(key.keyId(), theirs -> {
                theirs.revoke("other-admin", Instant.now());
                return theirs;
            }));
            return mine.rotate(null, Duration.ofMinutes(10), Instant.now());
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_UPDATE"));

        Credential stored = credentials.find(key.keyId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Credential.Status.REVOKED);
        assertThat(stored.revokedBy()).isEqualTo("other-admin");
        assertThat(stored.rotatedAt()).isNull();
        assertThat(stored.previousValidUntil()).isNull();
    }

    @Test
    void aRevocationReadBeforeAConcurrentRotationIsRefusedAndTheRotatedKeyWorks() {
        ApiKey key = ApiKey.generate(Role.APPROVER);
        credentials.addIfAbsent(approver(key));

        ApiKey[] rotated = new ApiKey[1];
        assertThatThrownBy(() -> credentials.change(key.keyId(), mine -> {
            otherAdministrator(() -> rotated[0] = credentials.change(key.keyId(), theirs -> theirs.rotate(null, Duration.ZERO, Instant.now())));
            mine.revoke("admin", Instant.now());
            return mine;
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_UPDATE"));

        Credential stored = credentials.find(key.keyId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Credential.Status.ACTIVE);
        assertThat(stored.authenticate(rotated[0].secret(), null, Instant.now())).isPresent();
        assertThat(stored.authenticate(key.secret(), null, Instant.now())).isEmpty();
    }

    @Test
    void aCredentialIsAddedOnceWhateverItsStateLater() {
        ApiKey key = ApiKey.generate(Role.PLATFORM_ADMIN);
        assertThat(credentials.addIfAbsent(admin(key))).isTrue();
        credentials.change(key.keyId(), credential -> {
            credential.revoke("admin", Instant.now());
            return credential;
        });

        assertThat(credentials.addIfAbsent(admin(ApiKey.withNewSecret(key.keyId())))).isFalse();
        Credential stored = credentials.find(key.keyId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Credential.Status.REVOKED);
        assertThat(stored.authenticate(key.secret(), null, Instant.now())).isEmpty();
    }

    @Test
    void aChangeOfAnUnknownCredentialIsNotFound() {
        assertThatThrownBy(() -> credentials.change("no-such-key", credential -> credential.rotate(null, Duration.ZERO, Instant.now())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CREDENTIAL_NOT_FOUND"));
    }

    @Test
    void aGatewayStartingWhileAnotherAddsTheBootstrapAdministratorLeavesItsKeyAlone() throws Exception {
        String bootstrapKey = "racing-admin.the-bootstrap-secret-given-at-install-000";
        BootstrapAdmin bootstrap = new BootstrapAdmin(credentials, new CredentialProperties(null, bootstrapKey, null, null, null));
        ApiKey key = ApiKey.parse(bootstrapKey).orElseThrow();
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService gateways = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = gateways.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                credentials.persist(admin(key));
                credentials.flush();
                added.countDown();
                await(commit);
            }));
            assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = gateways.submit(() -> bootstrap.run(new DefaultApplicationArguments()));
            // the second gateway found no committed key and now waits on the first one's row to insert its own
            assertThat(someoneWaitsForALock()).isTrue();
            commit.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            gateways.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from api_credential where id = 'racing-admin'").query(Long.class).single()).isOne();
        assertThat(credentials.find("racing-admin").orElseThrow().authenticate(key.secret(), null, Instant.now())).isPresent();
    }

    private boolean someoneWaitsForALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            // pg_locks, not pg_stat_activity, which hides the sessions of another role: the gateway connects as its own
            if (jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() > 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code change} in a transaction of its own that commits at once, as another administrator's request would. */
    private void otherAdministrator(Runnable change) {
        TransactionTemplate separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separately.executeWithoutResult(status -> change.run());
    }

    private static Credential approver(ApiKey key) {
        return Credential.issue(key, Role.APPROVER, "Approver", Credential.Binding.NONE, "admin", Instant.now());
    }

    private static Credential admin(ApiKey key) {
        return Credential.issue(key, Role.PLATFORM_ADMIN, "Admin", Credential.Binding.NONE, "admin", Instant.now());
    }
}
