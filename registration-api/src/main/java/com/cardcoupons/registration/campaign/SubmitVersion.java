package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.terms.TermsRequest;

/** New terms for an existing campaign: a new version that needs approval again. */
record SubmitVersion(TermsRequest terms) {
}
