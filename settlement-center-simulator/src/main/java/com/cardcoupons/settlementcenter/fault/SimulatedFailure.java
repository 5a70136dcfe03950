package com.cardcoupons.settlementcenter.fault;

/** An injected failure: the message is answered with a 503. */
public class SimulatedFailure extends RuntimeException {

    SimulatedFailure(String message) {
        super(message);
    }
}
