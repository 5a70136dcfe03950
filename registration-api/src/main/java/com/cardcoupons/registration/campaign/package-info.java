/**
 * Campaigns and their generation approval (claims 1, 4, 11 and 14): merchants submit terms as versions, approvers
 * decide on them, and every step is recorded.
 */
package com.cardcoupons.registration.campaign;
