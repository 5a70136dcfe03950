/** The platform's one front door: routing, authentication, roles, rate limits and resilience. */
package com.cardcoupons.gateway;
