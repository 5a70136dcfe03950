package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.Persisting;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every campaign, with its versions and its recorded approval steps, written with JPA. Reads fetch a campaign with its
 * versions in one query. The coupons acquired are another aggregate, the campaign's issue count, counted by the
 * conditional statements of {@link IssueCounts}.
 */
public interface Campaigns extends Repository<Campaign, UUID>, Persisting<Campaign>, IssueCounts {

    @EntityGraph(attributePaths = "versions")
    Optional<Campaign> findById(UUID id);

    @EntityGraph(attributePaths = "versions")
    Optional<Campaign> findByShortCode(ShortCode code);

    /**
     * Adds a new campaign; false, writing nothing, when its short code is taken. Submissions of one short code take
     * turns until the first commits, so the check sees any campaign that took the code before.
     */
    @Transactional
    default boolean add(Campaign campaign) {
        awaitTurnFor(campaign.shortCode().value());
        if (existsByShortCode(campaign.shortCode())) {
            return false;
        }
        persist(campaign);
        return true;
    }

    /**
     * Takes one approval step on a campaign, holding its row lock from reading to writing, so concurrent steps on
     * the same campaign happen one after the other and each sees the outcome of the one before.
     */
    @Transactional
    default Campaign change(UUID id, Consumer<Campaign> step) {
        Campaign campaign = findLockedById(id).orElseThrow(() -> new CampaignNotFound("campaignId"));
        step.accept(campaign);
        return campaign;
    }

    /** The campaign's recorded approval steps, oldest first. */
    @Query("select t from Transition t left join fetch t.version where t.campaign.id = :id order by t.at, t.id")
    List<Transition> history(UUID id);

    /** Reads the campaign and locks its row until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Campaign c where c.id = :id")
    Optional<Campaign> findLockedById(UUID id);

    boolean existsByShortCode(ShortCode code);

    /** Until this transaction ends, other transactions asking for the same short code wait. */
    @Query(nativeQuery = true, value = "select pg_advisory_xact_lock(hashtext('campaign.short_code'), hashtext(:code))")
    void awaitTurnFor(String code);
}
