package com.cardcoupons.registration.acquisition;

/**
 * Where in an acquisition request the campaign and the medium sit, so refusals name the right field: the campaign's
 * field, the path the medium's own fields hang under (none for a flat request), and the field to blame for a medium
 * that holds enough coupons already.
 */
record AcquisitionFields(String campaign, String mediumPath, String medium) {
}
