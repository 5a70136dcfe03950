package com.cardcoupons.gateway.credential;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.Role;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stored credentials. Authentication reads a credential it does not know yet with {@link #find} (one select by
 * primary key, in no transaction), and its holder with {@link KeyHolders}, and keeps both in {@link KnownCredentials}.
 */
public interface Credentials extends Repository<Credential, String>, Persisting<Credential> {

    @Query("select c from Credential c where c.id = :id")
    Optional<Credential> find(String id);

    @Query("""
            select c from Credential c
             where (:kind is null or c.kind = :kind) and (:status is null or c.status = :status)
             order by c.issuedAt, c.id""")
    List<Credential> list(Role kind, Credential.Status status);

    boolean existsById(String id);

    void flush();

    /** Adds the credential unless one with its id exists, whatever its state: true when it was added. */
    @Transactional
    default boolean addIfAbsent(Credential credential) {
        if (existsById(credential.id())) {
            return false;
        }
        persist(credential);
        return true;
    }

    /**
     * Rotates or revokes a credential, and answers what {@code change} answers. The change is stored only if the row
     * is still exactly as it was read: of two changes at the same moment, the later writes nothing and is refused.
     */
    @Transactional
    default <T> T change(String id, Function<Credential, T> change) {
        Credential credential = find(id).orElseThrow(() -> new CredentialNotFound(id));
        T outcome = change.apply(credential);
        try {
            flush();
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("CONCURRENT_UPDATE",
                    "credential " + id + " was changed at the same time; read it and try again");
        }
        return outcome;
    }
}
