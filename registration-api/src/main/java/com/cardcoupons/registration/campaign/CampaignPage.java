package com.cardcoupons.registration.campaign;

import java.util.List;

/** One page of a campaign list; {@code hasMore} says whether the next page has any. */
record CampaignPage(List<CampaignSummary> campaigns, int page, int size, boolean hasMore) {
}
