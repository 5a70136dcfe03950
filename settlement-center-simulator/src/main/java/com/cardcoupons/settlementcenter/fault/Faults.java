package com.cardcoupons.settlementcenter.fault;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The fault rules in force. Each message takes the first rule that matches it, using up one of its times; a rule
 * without a count stays until the rules are cleared. The configured base latency applies to every message.
 */
@Component
public class Faults {

    private final LatencyProperties baseLatency;
    private final List<ActiveRule> rules = new ArrayList<>();

    Faults(LatencyProperties baseLatency) {
        this.baseLatency = baseLatency;
    }

    public Fault next(Operation operation, long amountMinor) {
        Duration base = baseLatency.of(operation);
        synchronized (rules) {
            Iterator<ActiveRule> active = rules.iterator();
            while (active.hasNext()) {
                ActiveRule candidate = active.next();
                if (candidate.rule.matches(operation, amountMinor)) {
                    if (candidate.useOnce()) {
                        active.remove();
                    }
                    return new Fault(base.plusMillis(candidate.rule.latencyMs()), candidate.rule.effect(),
                            candidate.rule.responseCode());
                }
            }
        }
        return new Fault(base, FaultRule.Effect.ANSWER, null);
    }

    void add(FaultRule rule) {
        synchronized (rules) {
            rules.add(new ActiveRule(rule, rule.times()));
        }
    }

    void clear() {
        synchronized (rules) {
            rules.clear();
        }
    }

    List<FaultRule> list() {
        synchronized (rules) {
            return rules.stream().map(active -> active.rule).toList();
        }
    }

    /** A rule and how many more messages it applies to; null means every message until cleared. */
    private static final class ActiveRule {

        private final FaultRule rule;
        private Integer remaining;

        ActiveRule(FaultRule rule, Integer remaining) {
            this.rule = rule;
            this.remaining = remaining;
        }

        /** Uses the rule for one message; true when that was its last. */
        boolean useOnce() {
            if (remaining == null) {
                return false;
            }
            remaining--;
            return remaining == 0;
        }
    }
}
