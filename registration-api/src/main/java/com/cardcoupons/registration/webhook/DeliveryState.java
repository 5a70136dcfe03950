package com.cardcoupons.registration.webhook;

/** A delivery is pending until its endpoint acknowledges it (2xx) or it is given up. */
public enum DeliveryState { PENDING, DELIVERED, FAILED }
