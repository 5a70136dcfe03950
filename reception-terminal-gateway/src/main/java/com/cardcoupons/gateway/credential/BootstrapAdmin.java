package com.cardcoupons.gateway.credential;

import com.cardcoupons.platform.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Creates the first platform administrator's key at start, from {@code COUPONS_GATEWAY_BOOTSTRAP_ADMIN_KEY}, so a
 * fresh installation can issue its credentials. It is created once: a bootstrap key that was revoked stays revoked
 * on every later start, so the variable can be left set by mistake without reopening the door.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Credentials credentials;
    private final CredentialProperties properties;

    BootstrapAdmin(Credentials credentials, CredentialProperties properties) {
        this.credentials = credentials;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (properties.bootstrapAdminKey() == null) {
            return;
        }
        ApiKey key = ApiKey.parse(properties.bootstrapAdminKey()).orElseThrow(() -> new IllegalStateException(
                "coupons.gateway.credentials.bootstrap-admin-key is not '<key id>.<secret>' with a secret of 32 to 128 URL-safe characters"));
        Credential admin = Credential.issue(key, Role.PLATFORM_ADMIN, "Bootstrap administrator", Credential.Binding.NONE,
                "bootstrap", Instant.now());
        try {
            if (credentials.addIfAbsent(admin)) {
                log.warn("created the bootstrap administrator key {}: issue real administrator keys, then revoke it", key.keyId());
            }
        } catch (DataIntegrityViolationException e) {
            // another gateway instance, starting at the same moment, added it first
            if (!credentials.existsById(key.keyId())) {
                throw e;
            }
        }
    }
}
