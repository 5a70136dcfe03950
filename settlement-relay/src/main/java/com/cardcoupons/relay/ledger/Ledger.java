package com.cardcoupons.relay.ledger;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Where the relay writes its payments, journal and outbox: the shared database, through a small pool of its own.
 * Each write commits at once, before the call it prepares for is made, which is what makes the journal a
 * write-ahead log. It cannot join the request's transaction (the platform's idempotency filter holds one open for
 * the whole payment, and it commits only at the end); and sharing that pool would let a burst of payments, each
 * holding one connection, starve their own journal writes.
 */
@Component
public class Ledger implements DisposableBean {

    private final HikariDataSource connections;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Ledger(DataSourceProperties database, LedgerProperties properties) {
        this.connections = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        this.connections.setPoolName("relay-ledger");
        this.connections.setMaximumPoolSize(properties.poolSize());
        this.connections.setConnectionTimeout(properties.connectionTimeout().toMillis());
        this.jdbc = JdbcClient.create(connections);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(connections));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Runs several writes as one commit. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    @Override
    public void destroy() {
        connections.close();
    }
}
