/** Latency and failure injection: how tests and benchmarks make the settlement center slow, silent or broken. */
package com.cardcoupons.settlementcenter.fault;
