/** Which public path goes to which service, and what the gateway adds to every forwarded call. */
package com.cardcoupons.gateway.routing;
