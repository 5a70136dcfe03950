/** Traffic policy at the door: a rate limit per credential and a maximum request size. */
package com.cardcoupons.gateway.traffic;
