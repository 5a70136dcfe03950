package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.terms.SampleTerms;
import com.cardcoupons.registration.terms.Terms;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignTest {

    private static final Instant NOW = Instant.parse("2025-04-01T03:00:00Z");
    private static final Terms TERMS = SampleTerms.discount(NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS));
    private static final Actor MERCHANT = new Actor("sakura:hanako", Role.MERCHANT);
    private static final Actor ALICE = new Actor("approver:alice", Role.APPROVER);
    private static final Actor BOB = new Actor("approver:bob", Role.APPROVER);

    private final Campaign campaign = Campaign.submit(SampleTerms.MERCHANT, new ShortCode("SAKURA10"), TERMS, MERCHANT, NOW);

    @Nested
    class Submission {

        @Test
        void aNewCampaignAwaitsApprovalOfItsFirstVersion() {
            assertThat(campaign.state()).isEqualTo(CampaignState.PENDING_APPROVAL);
            assertThat(campaign.liveVersion()).isEmpty();
            assertThat(campaign.pendingVersion().orElseThrow().number()).isEqualTo(1);
            assertThat(campaign.pendingVersion().orElseThrow().submittedBy()).isEqualTo("sakura:hanako");
            Transition submitted = campaign.recordedTransitions().get(0);
            assertThat(submitted.from()).isNull();
            assertThat(submitted.to()).isEqualTo(CampaignState.PENDING_APPROVAL);
            assertThat(submitted.action()).isEqualTo(TransitionAction.SUBMITTED);
            assertThat(submitted.actor()).isEqualTo(MERCHANT);
            assertThat(submitted.at()).isEqualTo(NOW);
        }

        @Test
        void termsWhoseWindowIsOverAreRefused() {
            Terms past = SampleTerms.discount(NOW.minus(10, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS));
            refused(() -> Campaign.submit(SampleTerms.MERCHANT, new ShortCode("OLD1"), past, MERCHANT, NOW),
                    "WINDOW_ALREADY_ENDED", "terms.validUntil");
        }

        @Test
        void onlyMerchantsAndApproversSubmitTerms() {
            refused(() -> Campaign.submit(SampleTerms.MERCHANT, new ShortCode("TILL1"), TERMS, new Actor("till", Role.TERMINAL), NOW),
                    "ROLE_NOT_PERMITTED", null);
        }
    }

    @Nested
    class Approval {

        @Test
        void anApproverApprovesThePendingVersionWhichGoesLive() {
            campaign.approve(1, ALICE, "fine", NOW);
            assertThat(campaign.state()).isEqualTo(CampaignState.APPROVED);
            assertThat(campaign.liveVersion().orElseThrow().approvalState()).isEqualTo(ApprovalState.APPROVED);
            assertThat(campaign.pendingVersion()).isEmpty();
            Transition approved = campaign.recordedTransitions().get(1);
            assertThat(approved.from()).isEqualTo(CampaignState.PENDING_APPROVAL);
            assertThat(approved.to()).isEqualTo(CampaignState.APPROVED);
            assertThat(approved.reason()).isEqualTo("fine");
        }

        @Test
        void aMerchantNeverApproves() {
            refused(() -> campaign.approve(1, MERCHANT, null, NOW), "ROLE_NOT_PERMITTED", null);
            assertThat(campaign.state()).isEqualTo(CampaignState.PENDING_APPROVAL);
        }

        @Test
        void noOneApprovesAVersionTheySubmitted() {
            Campaign byAlice = Campaign.submit(SampleTerms.MERCHANT, new ShortCode("ALICE1"), TERMS, ALICE, NOW);
            refused(() -> byAlice.approve(1, ALICE, null, NOW), "SELF_APPROVAL", null);
            byAlice.approve(1, BOB, null, NOW);
            assertThat(byAlice.state()).isEqualTo(CampaignState.APPROVED);
        }

        @Test
        void theDecisionNamesTheVersionAwaitingApproval() {
            refused(() -> campaign.approve(2, ALICE, null, NOW), "VERSION_NOT_PENDING", "version");
            campaign.approve(1, ALICE, null, NOW);
            refused(() -> campaign.approve(1, BOB, null, NOW), "VERSION_NOT_PENDING", "version");
        }

        @Test
        void termsWhoseWindowIsOverByNowAreNotApproved() {
            refused(() -> campaign.approve(1, ALICE, null, NOW.plus(31, ChronoUnit.DAYS)), "WINDOW_ALREADY_ENDED", "version");
        }

        @Test
        void aRejectionSaysWhy() {
            refused(() -> campaign.reject(1, ALICE, " ", NOW), "REASON_REQUIRED", "reason");
            refused(() -> campaign.reject(1, ALICE, "x".repeat(1001), NOW), "TOO_LONG", "reason");
            campaign.reject(1, ALICE, "too generous", NOW);
            assertThat(campaign.state()).isEqualTo(CampaignState.REJECTED);
            assertThat(campaign.findVersion(1).orElseThrow().approvalState()).isEqualTo(ApprovalState.REJECTED);
            assertThat(campaign.recordedTransitions().get(1).reason()).isEqualTo("too generous");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void anApprovedCampaignIsSuspendedResumedAndEnded() {
            campaign.approve(1, ALICE, null, NOW);
            campaign.suspend(BOB, "paused", NOW);
            assertThat(campaign.state()).isEqualTo(CampaignState.SUSPENDED);
            campaign.resume(BOB, null, NOW);
            assertThat(campaign.state()).isEqualTo(CampaignState.APPROVED);
            campaign.suspend(BOB, "paused again", NOW);
            campaign.end(ALICE, "over", NOW);
            assertThat(campaign.state()).isEqualTo(CampaignState.ENDED);
            assertThat(campaign.recordedTransitions()).extracting(Transition::action).containsExactly(
                    TransitionAction.SUBMITTED, TransitionAction.APPROVED, TransitionAction.SUSPENDED, TransitionAction.RESUMED,
                    TransitionAction.SUSPENDED, TransitionAction.ENDED);
        }

        @Test
        void illegalMovesAreRefusedAndChangeNothing() {
            refused(() -> campaign.suspend(ALICE, "why", NOW), "TRANSITION_NOT_ALLOWED", null);
            refused(() -> campaign.resume(ALICE, null, NOW), "TRANSITION_NOT_ALLOWED", null);
            refused(() -> campaign.end(ALICE, "why", NOW), "TRANSITION_NOT_ALLOWED", null);
            campaign.approve(1, ALICE, null, NOW);
            refused(() -> campaign.resume(ALICE, null, NOW), "TRANSITION_NOT_ALLOWED", null);
            refused(() -> campaign.suspend(ALICE, null, NOW), "REASON_REQUIRED", "reason");
            refused(() -> campaign.end(ALICE, "", NOW), "REASON_REQUIRED", "reason");
            campaign.end(ALICE, "over", NOW);
            refused(() -> campaign.end(ALICE, "again", NOW), "TRANSITION_NOT_ALLOWED", null);
            refused(() -> campaign.suspend(MERCHANT, "mine", NOW), "ROLE_NOT_PERMITTED", null);
            assertThat(campaign.state()).isEqualTo(CampaignState.ENDED);
            assertThat(campaign.recordedTransitions()).hasSize(3);
        }

        @Test
        void endingWithdrawsAVersionStillPending() {
            campaign.approve(1, ALICE, null, NOW);
            campaign.submitVersion(TERMS, MERCHANT, NOW);
            campaign.end(ALICE, "over", NOW);
            assertThat(campaign.findVersion(2).orElseThrow().approvalState()).isEqualTo(ApprovalState.WITHDRAWN);
            refused(() -> campaign.submitVersion(TERMS, MERCHANT, NOW), "CAMPAIGN_ENDED", null);
        }
    }

    @Nested
    class Versions {

        @Test
        void anEditWaitsForApprovalWhileTheApprovedVersionStaysLive() {
            campaign.approve(1, ALICE, null, NOW);
            CampaignVersion second = campaign.submitVersion(TERMS, MERCHANT, NOW);
            assertThat(second.number()).isEqualTo(2);
            assertThat(campaign.state()).isEqualTo(CampaignState.APPROVED);
            assertThat(campaign.liveVersion().orElseThrow().number()).isEqualTo(1);
            assertThat(campaign.acquirableVersion(NOW).number()).isEqualTo(1);

            campaign.approve(2, BOB, null, NOW);
            assertThat(campaign.liveVersion().orElseThrow().number()).isEqualTo(2);
            assertThat(campaign.findVersion(1).orElseThrow().approvalState()).isEqualTo(ApprovalState.SUPERSEDED);
            assertThat(campaign.recordedTransitions().get(3).from()).isEqualTo(CampaignState.APPROVED);
            assertThat(campaign.recordedTransitions().get(3).to()).isEqualTo(CampaignState.APPROVED);
        }

        @Test
        void anEditWithdrawsTheVersionStillPending() {
            campaign.submitVersion(TERMS, MERCHANT, NOW);
            assertThat(campaign.findVersion(1).orElseThrow().approvalState()).isEqualTo(ApprovalState.WITHDRAWN);
            assertThat(campaign.pendingVersion().orElseThrow().number()).isEqualTo(2);
            assertThat(campaign.state()).isEqualTo(CampaignState.PENDING_APPROVAL);
        }

        @Test
        void anEditOfARejectedCampaignSubmitsItAgain() {
            campaign.reject(1, ALICE, "no", NOW);
            campaign.submitVersion(TERMS, MERCHANT, NOW);
            assertThat(campaign.state()).isEqualTo(CampaignState.PENDING_APPROVAL);
            Transition resubmitted = campaign.recordedTransitions().get(2);
            assertThat(resubmitted.from()).isEqualTo(CampaignState.REJECTED);
            assertThat(resubmitted.to()).isEqualTo(CampaignState.PENDING_APPROVAL);
        }

        @Test
        void approvingAnEditOfASuspendedCampaignLeavesItSuspended() {
            campaign.approve(1, ALICE, null, NOW);
            campaign.suspend(ALICE, "paused", NOW);
            campaign.submitVersion(TERMS, MERCHANT, NOW);
            campaign.approve(2, BOB, null, NOW);
            assertThat(campaign.state()).isEqualTo(CampaignState.SUSPENDED);
            assertThat(campaign.liveVersionNumber()).isEqualTo(2);
        }
    }

    @Nested
    class Acquisition {

        @Test
        void onlyAnApprovedCampaignInsideItsWindowIsAcquirable() {
            refused(() -> campaign.acquirableVersion(NOW), "CAMPAIGN_NOT_APPROVED", null);
            campaign.approve(1, ALICE, null, NOW);
            assertThat(campaign.acquirableVersion(NOW).number()).isEqualTo(1);
            refused(() -> campaign.acquirableVersion(NOW.minus(Duration.ofDays(2))), "CAMPAIGN_NOT_STARTED", null);
            refused(() -> campaign.acquirableVersion(NOW.plus(Duration.ofDays(30))), "CAMPAIGN_EXPIRED", null);
            campaign.suspend(ALICE, "paused", NOW);
            refused(() -> campaign.acquirableVersion(NOW), "CAMPAIGN_SUSPENDED", null);
            campaign.end(ALICE, "over", NOW);
            refused(() -> campaign.acquirableVersion(NOW), "CAMPAIGN_ENDED", null);
        }

        @Test
        void aRejectedCampaignIsNotAcquirable() {
            campaign.reject(1, ALICE, "no", NOW);
            refused(() -> campaign.acquirableVersion(NOW), "CAMPAIGN_NOT_APPROVED", null);
        }
    }

    @Test
    void shortCodesAreFourToTwelveLettersOrDigitsAndTypedInAnyCase() {
        assertThat(ShortCode.parse("sakura 10").value()).isEqualTo("SAKURA10");
        refused(() -> ShortCode.parse("abc"), "INVALID_SHORT_CODE", "shortCode");
        refused(() -> ShortCode.parse("SAKURA-10"), "INVALID_SHORT_CODE", "shortCode");
        assertThat(ShortCode.lookup("!!")).isEmpty();
        assertThat(ShortCode.random().value()).matches("[A-HJ-NP-Z2-9]{8}");
    }

    private static void refused(ThrowingCallable call, String code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.field()).isEqualTo(field);
        });
    }
}
