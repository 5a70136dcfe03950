package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.terms.TermsRequest;

import java.util.UUID;

/**
 * A new campaign. A merchant submits for itself ({@code merchantId} may be left out); an approver submitting on a
 * merchant's behalf names it. Without a short code, one is chosen.
 */
record SubmitCampaign(UUID merchantId, String shortCode, TermsRequest terms) {
}
