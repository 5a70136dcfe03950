/**
 * Which public path goes to which service, with its own timeout and its service's circuit breaker, and what the
 * gateway adds to every forwarded call: the signed identity of the caller and the correlation id.
 */
package com.cardcoupons.gateway.routing;
