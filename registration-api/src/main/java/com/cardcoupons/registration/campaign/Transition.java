package com.cardcoupons.registration.campaign;

import java.time.Instant;
import java.util.UUID;

/** One recorded approval step: what was done to which version, moving the campaign from one state to another. */
public record Transition(CampaignState from, CampaignState to, TransitionAction action, UUID versionId,
                         int versionNumber, Actor actor, String reason, Instant at) {
}
