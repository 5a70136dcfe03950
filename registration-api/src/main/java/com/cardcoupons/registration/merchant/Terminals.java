package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.registration.Persisting;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every merchant's terminals. */
public interface Terminals extends Repository<Terminal, UUID>, Persisting<Terminal> {

    Optional<Terminal> findById(UUID id);

    @Query("""
            select t from Terminal t where t.merchantId = :merchantId
               and (:storeId is null or t.storeId = :storeId) and (:status is null or t.status = :status)
             order by t.storeId, t.code""")
    List<Terminal> list(UUID merchantId, UUID storeId, TerminalStatus status);

    List<Terminal> findByMerchantIdAndStatus(UUID merchantId, TerminalStatus status);

    boolean existsByStoreIdAndCode(UUID storeId, String code);

    boolean existsById(UUID id);

    void flush();

    /** The merchant's terminal; 404 when the merchant has no such terminal. */
    default Terminal of(UUID merchantId, UUID terminalId) {
        return findById(terminalId).filter(terminal -> terminal.merchantId().equals(merchantId))
                .orElseThrow(() -> DomainException.notFound("TERMINAL_NOT_FOUND", "the merchant has no such terminal"));
    }

    /** Adds a terminal, refusing a code its store uses already or an id that is taken (see {@link Stores#add}). */
    default void add(Terminal terminal) {
        if (existsByStoreIdAndCode(terminal.storeId(), terminal.code())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "TERMINAL_CODE_TAKEN", "code",
                    "the store has a terminal with this code");
        }
        if (existsById(terminal.id())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "TERMINAL_EXISTS", "id", "a terminal with this id exists");
        }
        try {
            persist(terminal);
            flush();
        } catch (DataIntegrityViolationException taken) {
            throw new DomainException(DomainException.Kind.CONFLICT, "TERMINAL_EXISTS", "id", "a terminal with this id exists");
        }
    }
}
