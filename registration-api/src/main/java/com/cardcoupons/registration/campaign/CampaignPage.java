package com.cardcoupons.registration.campaign;

import java.util.List;

/** One page of a campaign list; {@code hasMore} says whether the next page has any. */
record CampaignPage(List<CampaignSummary> campaigns, int page, int size, boolean hasMore) {

    static CampaignPage of(List<CampaignSummary> fetched, int page, int size) {
        return new CampaignPage(fetched.stream().limit(size).toList(), page, size, fetched.size() > size);
    }
}
