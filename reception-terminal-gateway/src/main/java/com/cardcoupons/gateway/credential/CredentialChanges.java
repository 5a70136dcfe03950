package com.cardcoupons.gateway.credential;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * Listens on a connection of its own for the changes PostgreSQL announces on {@code api_credential_changed} (migrations
 * V8_1, V14_1) and makes {@link KnownCredentials} forget what they concern. The connection is checked every
 * {@code listen-check}; when it fails the cache is emptied and bypassed until listening works again, since changes made
 * meanwhile were not heard of. A connection that fails silently, without an error, is caught by that check, and until
 * then by the cache's time-to-live.
 */
final class CredentialChanges implements SmartLifecycle {

    static final String CHANNEL = "api_credential_changed";
    static final String APPLICATION_NAME = "reception-terminal-gateway credential changes";

    private static final Logger log = LoggerFactory.getLogger(CredentialChanges.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int WAIT_MILLIS = 500;

    private final KnownCredentials known;
    private final String url;
    private final Properties connectionProperties = new Properties();
    private final Duration check;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    CredentialChanges(KnownCredentials known, String url, String username, String password, Duration check) {
        this.known = known;
        this.url = url;
        this.check = check;
        if (username != null) {
            connectionProperties.setProperty("user", username);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("tcpKeepAlive", "true");
        connectionProperties.setProperty("connectTimeout", "5");
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "credential-changes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connection);
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        known.informed(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, connectionProperties)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                known.informed(true);
                log.info("listening for credential changes; credentials are kept in memory");
                hear(listening);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    boolean wasInformed = known.informed();
                    known.informed(false);
                    if (wasInformed) {
                        log.warn("lost the credential change notifications; every call reads its credential until they are back", e);
                    } else {
                        log.debug("cannot listen for credential changes yet", e);
                    }
                    pause();
                }
            } finally {
                connection = null;
            }
        }
    }

    private void hear(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
            if (heard != null) {
                for (PGNotification notification : heard) {
                    apply(notification.getParameter());
                }
            }
            if (System.nanoTime() - checked >= check.toNanos()) {
                if (!listening.isValid((int) Math.max(1, Math.min(5, check.toSeconds())))) {
                    throw new SQLException("the connection listening for credential changes does not answer");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void apply(String change) {
        if (change.startsWith("credential:")) {
            known.forget(change.substring("credential:".length()));
        } else if (change.startsWith("terminal:")) {
            known.forgetTerminal(UUID.fromString(change.substring("terminal:".length())));
        } else if (change.startsWith("merchant:")) {
            known.forgetMerchant(UUID.fromString(change.substring("merchant:".length())));
        } else {
            known.forgetAll();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }
}
