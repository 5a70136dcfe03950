/**
 * Signed webhooks: merchants register endpoints for event types; the events the services record with their changes
 * are fanned out into deliveries, sent signed, retried with a growing delay for up to a day, and each attempt logged.
 */
package com.cardcoupons.registration.webhook;
