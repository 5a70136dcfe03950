package com.cardcoupons.couponserver.coupon;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The terms of campaign versions, kept in memory. A coupon is acquired only under an approved version, and approved
 * terms never change (an edit is a new version), so a version's terms can be kept for as long as memory allows; the
 * campaign's state, which does change, is never taken from here. Unknown versions are read in one statement.
 */
@Repository
public class CampaignVersions {

    private static final String SELECT = "select v.id as version_id, " + TermsColumns.SELECT + """

              from campaign_version v
              join campaign k on k.id = v.campaign_id
             where v.id = any(?)""";

    private final JdbcClient jdbc;
    private final Cache<UUID, CouponTerms> cache = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    CampaignVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The terms of each version; the state in them is whatever it was when first read. */
    public Map<UUID, CouponTerms> termsOf(Set<UUID> versionIds) {
        Map<UUID, CouponTerms> terms = new HashMap<>(cache.getAllPresent(versionIds));
        if (terms.size() < versionIds.size()) {
            Set<UUID> missing = new HashSet<>(versionIds);
            missing.removeAll(terms.keySet());
            jdbc.sql(SELECT).param(missing.toArray(UUID[]::new)).query(rs -> {
                UUID version = rs.getObject("version_id", UUID.class);
                CouponTerms read = TermsColumns.map(rs);
                cache.put(version, read);
                terms.put(version, read);
            });
        }
        return terms;
    }
}
