package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.registration.Persisting;
import jakarta.persistence.LockModeType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.Optional;
import java.util.UUID;

/** Every merchant onboarded. Changes to a merchant, its stores and its terminals take turns on the merchant's row. */
public interface MerchantAccounts extends Repository<Merchant, UUID>, Persisting<Merchant> {

    Optional<Merchant> findById(UUID id);

    @Query("select m from Merchant m where :status is null or m.status = :status order by m.name, m.id")
    Slice<Merchant> list(MerchantStatus status, Pageable page);

    /** Reads the merchant and locks its row until the transaction ends; 404 when there is none. */
    default Merchant lock(UUID id) {
        return findLockedById(id).orElseThrow(MerchantAccounts::notFound);
    }

    /** Adds a new merchant, refusing an id that is taken (even by a merchant added at the same moment). */
    default void add(Merchant merchant) {
        try {
            persist(merchant);
            flush();
        } catch (DataIntegrityViolationException taken) {
            throw DomainException.conflict("MERCHANT_EXISTS", "a merchant with this id exists");
        }
    }

    void flush();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Merchant m where m.id = :id")
    Optional<Merchant> findLockedById(UUID id);

    static DomainException notFound() {
        return DomainException.notFound("MERCHANT_NOT_FOUND", "no such merchant");
    }
}
