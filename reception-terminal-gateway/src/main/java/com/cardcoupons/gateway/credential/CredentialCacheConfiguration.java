package com.cardcoupons.gateway.credential;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Credentials kept in memory, and the listener that tells them what changed. */
@Configuration(proxyBeanMethods = false)
class CredentialCacheConfiguration {

    @Bean
    KnownCredentials knownCredentials(Credentials credentials, KeyHolders holders, CredentialProperties properties,
            MeterRegistry meters) {
        KnownCredentials known = new KnownCredentials(credentials, holders, properties.cache());
        CaffeineCacheMetrics.monitor(meters, known.cache(), "gateway.credentials");
        // 1 while calls are authenticated from memory, 0 while every call reads its credential (no notifications)
        Gauge.builder("coupons.gateway.credentials.informed", known, k -> k.informed() ? 1 : 0).register(meters);
        return known;
    }

    @Bean
    CredentialChanges credentialChanges(KnownCredentials known, CredentialProperties properties, DataSourceProperties dataSource) {
        CredentialProperties.Cache cache = properties.cache();
        return new CredentialChanges(known, cache.listenUrl() != null ? cache.listenUrl() : dataSource.determineUrl(),
                dataSource.determineUsername(), dataSource.determinePassword(), cache.listenCheck());
    }
}
