package com.cardcoupons.localplatform;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's TLS in the one-command run ({@code GATEWAY_TLS_ENABLED=true}): the keystore given by
 * {@code GATEWAY_TLS_KEYSTORE}, or else a self-signed one for {@code localhost} made with the JDK's keytool at each
 * start (its password is new each time too); and what the platform's readiness probe trusts to reach the gateway.
 */
record GatewayTls(Path keystore, String password, String type) {

    private static final String ENABLED = "GATEWAY_TLS_ENABLED";
    private static final String KEYSTORE = "GATEWAY_TLS_KEYSTORE";
    private static final String PASSWORD = "GATEWAY_TLS_KEYSTORE_PASSWORD";
    private static final String TYPE = "GATEWAY_TLS_KEYSTORE_TYPE";

    /** The TLS the gateway will serve with, or null when it serves plain HTTP. */
    static GatewayTls of(Map<String, String> environment, Path dataDirectory) {
        if (!"true".equalsIgnoreCase(setting(environment, ENABLED))) {
            return null;
        }
        String keystore = setting(environment, KEYSTORE);
        if (keystore != null && !keystore.isBlank()) {
            Path path = keystore.startsWith("file:") ? Path.of(URI.create(keystore)) : Path.of(keystore);
            String type = setting(environment, TYPE);
            return new GatewayTls(path, setting(environment, PASSWORD), type == null ? "PKCS12" : type);
        }
        return selfSigned(dataDirectory.resolve("gateway-localhost.p12"));
    }

    /** What the gateway process needs in its environment to serve this TLS. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put(ENABLED, "true");
        environment.put(KEYSTORE, keystore.toUri().toString());
        environment.put(PASSWORD, password);
        environment.put(TYPE, type);
        return environment;
    }

    /** A TLS context that trusts the certificates of this keystore, for the readiness probe. */
    SSLContext trustingIt() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway's keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the gateway's keystore " + keystore, e);
        }
    }

    /**
     * The keystore's certificates, without its private key, as a PEM file: what the web console trusts the gateway
     * by (its SSL bundle "gateway"), so that it needs neither the key nor a trust-all setting.
     */
    Path certificates(Path pem) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            StringBuilder text = new StringBuilder();
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate != null) {
                    text.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                            .append("\n-----END CERTIFICATE-----\n");
                }
            }
            Files.createDirectories(pem.getParent());
            return Files.writeString(pem, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway's keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the gateway's keystore " + keystore, e);
        }
    }

    private static GatewayTls selfSigned(Path keystore) {
        String password = UUID.randomUUID().toString();
        try {
            Files.createDirectories(keystore.getParent());
            Files.deleteIfExists(keystore);
            Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the gateway's development keystore: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the gateway's development keystore " + keystore, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the gateway's keystore", e);
        }
        System.out.println("Gateway TLS: a self-signed certificate for localhost in " + keystore
                + " (set GATEWAY_TLS_KEYSTORE to use your own)");
        return new GatewayTls(keystore, password, "PKCS12");
    }

    private static String setting(Map<String, String> environment, String name) {
        return environment.containsKey(name) ? environment.get(name) : System.getenv(name);
    }
}
