package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.registration.Persisting;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every merchant's stores. */
public interface Stores extends Repository<Store, UUID>, Persisting<Store> {

    Optional<Store> findById(UUID id);

    List<Store> findByMerchantIdOrderByCode(UUID merchantId);

    boolean existsByMerchantIdAndCode(UUID merchantId, String code);

    boolean existsById(UUID id);

    void flush();

    /** The merchant's store; 404 when the merchant has no such store. */
    default Store of(UUID merchantId, UUID storeId) {
        return findById(storeId).filter(store -> store.merchantId().equals(merchantId))
                .orElseThrow(() -> DomainException.notFound("STORE_NOT_FOUND", "the merchant has no such store"));
    }

    /**
     * Adds a store, refusing a code its merchant uses already or an id that is taken. The caller holds the merchant's
     * row lock, so the check sees every store of the merchant; an id taken at the same moment is refused by the key.
     */
    default void add(Store store) {
        if (existsByMerchantIdAndCode(store.merchantId(), store.code())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "STORE_CODE_TAKEN", "code",
                    "the merchant has a store with this code");
        }
        if (existsById(store.id())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "STORE_EXISTS", "id", "a store with this id exists");
        }
        try {
            persist(store);
            flush();
        } catch (DataIntegrityViolationException taken) {
            throw new DomainException(DomainException.Kind.CONFLICT, "STORE_EXISTS", "id", "a store with this id exists");
        }
    }
}
