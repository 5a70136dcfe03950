package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.Persisting;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every campaign, with its versions and its recorded approval steps. Reads fetch a campaign with its versions in one
 * query; the coupons acquired are counted on the campaign's row by conditional updates.
 */
public interface Campaigns extends Repository<Campaign, UUID>, Persisting<Campaign> {

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

    /**
     * Counts one more coupon of the campaign, if it is still approved with this live version and below the cap
     * (none when null): 1, or 0, counting nothing. Concurrent acquisitions wait for this row's lock and then re-check
     * the condition against the committed count, so the cap holds. Campaigns read before in this transaction are
     * forgotten, as the row changed underneath them: a read after this one sees the committed state.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update campaign set acquired_count = acquired_count + 1
             where id = :id and state = 'APPROVED' and live_version = :liveVersion
               and (cast(:totalCap as integer) is null or acquired_count < cast(:totalCap as integer))""")
    int takeCoupon(UUID id, int liveVersion, Integer totalCap);

    /** A cancelled coupon counts no more towards the cap. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update campaign set acquired_count = acquired_count - 1 where id = :id and acquired_count > 0""")
    void giveBackCoupon(UUID id);

    /** Reads the campaign and locks its row until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Campaign c where c.id = :id")
    Optional<Campaign> findLockedById(UUID id);

    boolean existsByShortCode(ShortCode code);

    /** Until this transaction ends, other transactions asking for the same short code wait. */
    @Query(nativeQuery = true, value = "select pg_advisory_xact_lock(hashtext('campaign.short_code'), hashtext(:code))")
    void awaitTurnFor(String code);
}
