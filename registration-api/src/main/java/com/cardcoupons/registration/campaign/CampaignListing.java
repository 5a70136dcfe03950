package com.cardcoupons.registration.campaign;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.UUID;

/** Campaigns listed for a merchant or an approver, most recently changed first. */
interface CampaignListing extends Repository<Campaign, UUID> {

    /**
     * One page of the campaigns matching every given filter: of a merchant, in a state, or with a version awaiting
     * approval (which an approved campaign may have too). Titled by the live version, else by the latest.
     */
    @Query("""
            select new com.cardcoupons.registration.campaign.CampaignSummary(c.id, c.merchantId, c.shortCode.value,
                       c.state, coalesce(live.storedTerms.title, latest.storedTerms.title),
                       coalesce(live.storedTerms.kind, latest.storedTerms.kind), c.liveVersion, pending.number,
                       c.acquiredCount, c.updatedAt)
              from Campaign c
              join CampaignVersion latest on latest.campaign = c
                   and latest.number = (select max(v.number) from CampaignVersion v where v.campaign = c)
              left join CampaignVersion live on live.campaign = c and live.number = c.liveVersion
              left join CampaignVersion pending on pending.campaign = c
                   and pending.approvalState = com.cardcoupons.registration.campaign.ApprovalState.PENDING_APPROVAL
             where (:merchantId is null or c.merchantId = :merchantId)
               and (:state is null or c.state = :state)
               and (:awaitingApproval = false or pending.id is not null)
             order by c.updatedAt desc, c.id""")
    Slice<CampaignSummary> list(UUID merchantId, CampaignState state, boolean awaitingApproval, Pageable page);
}
