package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.problem.DomainException.Kind;
import com.cardcoupons.registration.FieldPath;
import com.cardcoupons.registration.terms.Usability;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.cardcoupons.registration.PostgresTypes.array;

/** The merchants and stores a campaign names, which must exist: a coupon usable nowhere helps no one. */
@Repository
class Merchants {

    private final JdbcClient jdbc;

    Merchants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The merchant exists and is not closed. Its row is read for share until the transaction ends, so a closing of
     * the merchant (which locks the row to count its open campaigns) waits for this submission, and sees it.
     */
    void requireExists(UUID merchantId, String field) {
        String status = jdbc.sql("select status from merchant where id = ? for share")
                .param(merchantId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new DomainException(Kind.UNPROCESSABLE, "UNKNOWN_MERCHANT", field, "no such merchant"));
        if (!status.equals("ACTIVE")) {
            throw new DomainException(Kind.UNPROCESSABLE, "MERCHANT_CLOSED", field, "the merchant is closed");
        }
    }

    /** Every usable merchant exists, and every usable store is one of theirs; fields are under {@code terms}. */
    void requireUsable(Usability usability) {
        List<UUID> merchants = usability.merchantIds();
        Set<UUID> knownMerchants = known(merchants);
        for (int i = 0; i < merchants.size(); i++) {
            if (!knownMerchants.contains(merchants.get(i))) {
                throw new DomainException(Kind.UNPROCESSABLE, "UNKNOWN_MERCHANT",
                        FieldPath.element("terms.usableMerchantIds", i), "no such merchant");
            }
        }
        List<UUID> stores = usability.storeIds();
        Map<UUID, UUID> merchantOfStore = merchantsOf(stores);
        for (int i = 0; i < stores.size(); i++) {
            UUID merchant = merchantOfStore.get(stores.get(i));
            String field = FieldPath.element("terms.usableStoreIds", i);
            if (merchant == null) {
                throw new DomainException(Kind.UNPROCESSABLE, "UNKNOWN_STORE", field, "no such store");
            }
            if (!knownMerchants.contains(merchant)) {
                throw new DomainException(Kind.UNPROCESSABLE, "STORE_OF_OTHER_MERCHANT", field,
                        "the store belongs to a merchant the campaign is not usable at");
            }
        }
    }

    private Set<UUID> known(List<UUID> merchantIds) {
        return new HashSet<>(jdbc.sql("select id from merchant where id = any(?)")
                .param(array("uuid", merchantIds))
                .query(UUID.class)
                .list());
    }

    private Map<UUID, UUID> merchantsOf(List<UUID> storeIds) {
        if (storeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, merchant_id from store where id = any(?)")
                .param(array("uuid", storeIds))
                .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
