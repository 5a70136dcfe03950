package com.cardcoupons.registration.campaign;

import com.cardcoupons.platform.identity.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign's approval history: every step, who took it in which role, when and why. */
record HistoryView(UUID campaignId, List<Step> steps) {

    static HistoryView of(UUID campaignId, List<Transition> transitions) {
        return new HistoryView(campaignId, transitions.stream()
                .map(t -> new Step(t.at(), t.action(), t.from(), t.to(), t.versionNumber(), t.actor().principal(),
                        t.actor().role(), t.reason()))
                .toList());
    }

    record Step(Instant at, TransitionAction action, CampaignState from, CampaignState to, Integer version,
                String actor, Role role, String reason) {
    }
}
