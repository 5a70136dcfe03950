package com.cardcoupons.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The CPU time the processes of a run used, read from the operating system: this JVM (the load clients and the
 * coupon-server it runs), the gateway's JVM when there is one, and every PostgreSQL process of the machine. Taken
 * before and after a measured period, it says what a call cost each of them: a ratio of throughputs says how much
 * slower, this says where the machine's time went.
 */
final class CpuMeter {

    private final ProcessHandle gateway;

    CpuMeter(ProcessHandle gateway) {
        this.gateway = gateway;
    }

    /** CPU nanoseconds used so far by each group of processes. */
    record Reading(long harness, long gateway, long postgres) {

        Use since(Reading earlier, long calls) {
            double per = Math.max(1, calls) * 1_000.0;
            return new Use((harness - earlier.harness) / per, gateway < 0 ? -1 : (gateway - earlier.gateway) / per,
                    postgres < 0 ? -1 : (postgres - earlier.postgres) / per);
        }
    }

    /** Microseconds of CPU a call cost each group; -1 where it was not measured. */
    record Use(double harness, double gateway, double postgres) {
    }

    Reading read() {
        long harness = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long gatewayTime = gateway == null ? -1 : cpu(gateway);
        long postgres = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .mapToLong(CpuMeter::cpu).sum();
        return new Reading(harness, gatewayTime, postgres == 0 ? -1 : postgres);
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
