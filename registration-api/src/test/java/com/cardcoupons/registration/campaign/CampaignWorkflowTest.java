package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignWorkflowTest extends RegistrationApiTest {

    @Test
    void aBudgetIsKeptWithTheTermsAndAnsweredAsSubmitted() {
        Map<String, Object> budget = TermsJson.map("totalDiscount", TermsJson.yen(50_000), "usesPerDay", 100,
                "usesPerWeek", 500, "usesPerCardPerDay", 1, "usesPerCardPerMonth", 4);
        Reply submitted = sakura.post("/api/v1/campaigns", TermsJson.discount().set("budget", budget).submission(null), key());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode answered = sakura.get("/api/v1/campaigns/" + submitted.json().path("id").asString()).json()
                .path("pending").path("terms").path("budget");
        assertThat(answered.path("totalDiscount").path("amountMinor").asLong()).isEqualTo(50_000);
        assertThat(answered.path("totalDiscount").path("currency").asString()).isEqualTo("JPY");
        assertThat(answered.path("usesPerDay").asInt()).isEqualTo(100);
        assertThat(answered.path("usesPerWeek").asInt()).isEqualTo(500);
        assertThat(answered.path("usesPerMonth").isNull() || answered.path("usesPerMonth").isMissingNode()).isTrue();
        assertThat(answered.path("usesPerCardPerDay").asInt()).isEqualTo(1);
        assertThat(answered.path("usesPerCardPerMonth").asInt()).isEqualTo(4);

        Reply without = sakura.post("/api/v1/campaigns", TermsJson.discount().submission(null), key());
        JsonNode none = sakura.get("/api/v1/campaigns/" + without.json().path("id").asString()).json()
                .path("pending").path("terms").path("budget");
        assertThat(none.isNull() || none.isMissingNode()).isTrue();
    }

    @Test
    void aCampaignGoesFromSubmissionThroughApprovalAndSuspensionToItsEnd() {
        Reply submitted = sakura.post("/api/v1/campaigns", TermsJson.discount().submission("sakura10"), key());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        UUID id = UUID.fromString(submitted.json().path("id").asString());
        assertThat(submitted.header("Location")).isEqualTo("/api/v1/campaigns/" + id);
        assertThat(submitted.json().path("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(submitted.json().path("shortCode").asString()).isEqualTo("SAKURA10");
        assertThat(submitted.json().path("pending").path("version").asInt()).isEqualTo(1);
        assertThat(submitted.json().path("live").isMissingNode()).isTrue();
        assertThat(acquire(app, id, credit(VISA)).code()).isEqualTo("CAMPAIGN_NOT_APPROVED");

        assertThat(ids(alice.get("/api/v1/campaigns?state=PENDING_APPROVAL"))).contains(id);
        Reply byMerchant = sakura.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key());
        assertThat(byMerchant.status()).isEqualTo(403);
        assertThat(byMerchant.code()).isEqualTo("ROLE_NOT_PERMITTED");

        Reply approved = alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1, "reason", "within policy"), key());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("live").path("version").asInt()).isEqualTo(1);
        assertThat(approved.json().path("live").path("approvalState").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("pending").isMissingNode()).isTrue();
        assertThat(acquire(app, id, credit(VISA)).status()).isEqualTo(201);

        Reply unexplained = alice.post("/api/v1/campaigns/" + id + "/suspend", Map.of(), key());
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.code()).isEqualTo("REASON_REQUIRED");
        assertThat(unexplained.json().path("field").asString()).isEqualTo("reason");
        clock.advance(Duration.ofMinutes(1));
        Reply suspended = bob.post("/api/v1/campaigns/" + id + "/suspend", Map.of("reason", "merchant asked to pause"), key());
        assertThat(suspended.json().path("state").asString()).isEqualTo("SUSPENDED");
        assertThat(acquire(app, id, credit(MASTERCARD)).code()).isEqualTo("CAMPAIGN_SUSPENDED");
        assertThat(alice.post("/api/v1/campaigns/" + id + "/suspend", Map.of("reason", "again"), key()).code())
                .isEqualTo("TRANSITION_NOT_ALLOWED");

        clock.advance(Duration.ofMinutes(1));
        Reply resumed = alice.post("/api/v1/campaigns/" + id + "/resume", null, key());
        assertThat(resumed.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(acquire(web, id, credit(MASTERCARD)).status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(1));
        Reply ended = alice.post("/api/v1/campaigns/" + id + "/end", Map.of("reason", "budget spent"), key());
        assertThat(ended.json().path("state").asString()).isEqualTo("ENDED");
        assertThat(acquire(app, id, debit(JCB)).code()).isEqualTo("CAMPAIGN_ENDED");
        Reply resumeEnded = alice.post("/api/v1/campaigns/" + id + "/resume", null, key());
        assertThat(resumeEnded.status()).isEqualTo(422);
        assertThat(resumeEnded.code()).isEqualTo("TRANSITION_NOT_ALLOWED");
        assertThat(sakura.post("/api/v1/campaigns/" + id + "/versions", Map.of("terms", TermsJson.discount().json()), key()).code())
                .isEqualTo("CAMPAIGN_ENDED");

        JsonNode steps = sakura.get("/api/v1/campaigns/" + id + "/history").json().path("steps");
        assertThat(actions(steps)).containsExactly("SUBMITTED", "APPROVED", "SUSPENDED", "RESUMED", "ENDED");
        assertThat(steps.get(0).path("actor").asString()).isEqualTo("sakura:hanako");
        assertThat(steps.get(0).path("role").asString()).isEqualTo("MERCHANT");
        assertThat(steps.get(0).path("from").isMissingNode()).isTrue();
        assertThat(steps.get(0).path("to").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(steps.get(1).path("actor").asString()).isEqualTo("approver:alice");
        assertThat(steps.get(1).path("reason").asString()).isEqualTo("within policy");
        assertThat(steps.get(2).path("actor").asString()).isEqualTo("approver:bob");
        assertThat(steps.get(2).path("role").asString()).isEqualTo("APPROVER");
        assertThat(steps.get(2).path("reason").asString()).isEqualTo("merchant asked to pause");
        assertThat(steps.get(4).path("from").asString()).isEqualTo("APPROVED");
        assertThat(steps.get(4).path("to").asString()).isEqualTo("ENDED");
        assertThat(steps.get(4).path("reason").asString()).isEqualTo("budget spent");
        assertThat(StreamSupport.stream(steps.spliterator(), false).map(s -> s.path("at").asString()).toList())
                .isSorted();
    }

    @Test
    void anEditIsANewVersionThatWaitsForApprovalWhileTheApprovedTermsStayLive() {
        UUID id = approved(TermsJson.discount(), null);
        Reply first = acquire(app, id, credit(VISA));
        assertThat(first.json().path("campaignVersion").asInt()).isEqualTo(1);

        Reply edited = sakura.post("/api/v1/campaigns/" + id + "/versions",
                Map.of("terms", TermsJson.discount().set("title", "15% off your groceries").set("discount.basisPoints", 1500).json()), key());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(201);
        assertThat(edited.header("Location")).isEqualTo("/api/v1/campaigns/" + id + "/versions/2");
        assertThat(edited.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(edited.json().path("live").path("version").asInt()).isEqualTo(1);
        assertThat(edited.json().path("pending").path("version").asInt()).isEqualTo(2);

        Reply meanwhile = acquire(app, id, credit(MASTERCARD));
        assertThat(meanwhile.json().path("campaignVersion").asInt()).isEqualTo(1);
        assertThat(meanwhile.json().path("terms").path("discount").path("basisPoints").asInt()).isEqualTo(1000);

        Reply stale = alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_NOT_PENDING");
        assertThat(stale.json().path("field").asString()).isEqualTo("version");

        Reply approved = alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 2), key());
        assertThat(approved.json().path("live").path("version").asInt()).isEqualTo(2);
        assertThat(approved.json().path("versions").get(0).path("approvalState").asString()).isEqualTo("SUPERSEDED");
        assertThat(approved.json().path("versions").get(1).path("approvalState").asString()).isEqualTo("APPROVED");

        Reply after = acquire(app, id, debit(JCB));
        assertThat(after.json().path("campaignVersion").asInt()).isEqualTo(2);
        assertThat(after.json().path("terms").path("discount").path("basisPoints").asInt()).isEqualTo(1500);

        JsonNode wallet = app.post("/api/v1/wallet/lookup", Map.of("medium", credit(VISA))).json().path("coupons");
        assertThat(wallet.get(0).path("code").asString()).isEqualTo(first.json().path("code").asString());
        assertThat(wallet.get(0).path("campaignVersion").asInt()).as("a coupon keeps its terms").isEqualTo(1);
        assertThat(wallet.get(0).path("terms").path("discount").path("basisPoints").asInt()).isEqualTo(1000);

        Reply version1 = sakura.get("/api/v1/campaigns/" + id + "/versions/1");
        assertThat(version1.json().path("approvalState").asString()).isEqualTo("SUPERSEDED");
        assertThat(version1.json().path("terms").path("title").asString()).isEqualTo("10% off your groceries");
        assertThat(sakura.get("/api/v1/campaigns/" + id + "/versions/9").code()).isEqualTo("VERSION_NOT_FOUND");

        JsonNode steps = alice.get("/api/v1/campaigns/" + id + "/history").json().path("steps");
        assertThat(actions(steps)).containsExactly("SUBMITTED", "APPROVED", "SUBMITTED", "APPROVED");
        assertThat(steps.get(2).path("version").asInt()).isEqualTo(2);
        assertThat(steps.get(2).path("from").asString()).isEqualTo("APPROVED");
        assertThat(steps.get(2).path("to").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aNewerEditWithdrawsTheVersionStillPending() {
        UUID id = submitted(TermsJson.discount(), null);
        Reply second = sakura.post("/api/v1/campaigns/" + id + "/versions",
                Map.of("terms", TermsJson.discount().set("discount.basisPoints", 800).json()), key());
        assertThat(second.json().path("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(second.json().path("pending").path("version").asInt()).isEqualTo(2);
        assertThat(second.json().path("versions").get(0).path("approvalState").asString()).isEqualTo("WITHDRAWN");
        assertThat(alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key()).code())
                .isEqualTo("VERSION_NOT_PENDING");
        assertThat(alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 2), key()).status()).isEqualTo(200);
    }

    @Test
    void aRejectionSaysWhyAndTheMerchantMayResubmit() {
        UUID id = submitted(TermsJson.discount().set("discount.basisPoints", 5000), null);
        Reply unexplained = alice.post("/api/v1/campaigns/" + id + "/reject", Map.of("version", 1), key());
        assertThat(unexplained.code()).isEqualTo("REASON_REQUIRED");
        Reply noVersion = alice.post("/api/v1/campaigns/" + id + "/reject", Map.of("reason", "too generous"), key());
        assertThat(noVersion.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(noVersion.json().path("field").asString()).isEqualTo("version");

        Reply rejected = alice.post("/api/v1/campaigns/" + id + "/reject",
                Map.of("version", 1, "reason", "exceeds the 30% ceiling agreed with the issuer"), key());
        assertThat(rejected.json().path("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("versions").get(0).path("approvalState").asString()).isEqualTo("REJECTED");
        assertThat(alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key()).code())
                .isEqualTo("VERSION_NOT_PENDING");

        Reply resubmitted = sakura.post("/api/v1/campaigns/" + id + "/versions",
                Map.of("terms", TermsJson.discount().set("discount.basisPoints", 2500).json()), key());
        assertThat(resubmitted.json().path("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(bob.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 2), key()).json().path("state").asString())
                .isEqualTo("APPROVED");

        JsonNode steps = sakura.get("/api/v1/campaigns/" + id + "/history").json().path("steps");
        assertThat(actions(steps)).containsExactly("SUBMITTED", "REJECTED", "SUBMITTED", "APPROVED");
        assertThat(steps.get(1).path("reason").asString()).isEqualTo("exceeds the 30% ceiling agreed with the issuer");
        assertThat(steps.get(2).path("from").asString()).isEqualTo("REJECTED");
        assertThat(steps.get(2).path("to").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void aRejectedEditLeavesTheApprovedTermsLive() {
        UUID id = approved(TermsJson.discount(), null);
        sakura.post("/api/v1/campaigns/" + id + "/versions", Map.of("terms", TermsJson.discount().set("discount.basisPoints", 9000).json()), key());
        Reply rejected = alice.post("/api/v1/campaigns/" + id + "/reject", Map.of("version", 2, "reason", "too generous"), key());
        assertThat(rejected.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(rejected.json().path("live").path("version").asInt()).isEqualTo(1);
        assertThat(acquire(app, id, credit(VISA)).json().path("campaignVersion").asInt()).isEqualTo(1);
    }

    @Test
    void anApproverNeverApprovesAVersionTheySubmittedThemselves() {
        Reply withoutMerchant = alice.post("/api/v1/campaigns", TermsJson.discount().submission(null), key());
        assertThat(withoutMerchant.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(withoutMerchant.json().path("field").asString()).isEqualTo("merchantId");

        Map<String, Object> onBehalf = TermsJson.discount().submission(null);
        onBehalf.put("merchantId", SAKURA_MART);
        Reply submitted = alice.post("/api/v1/campaigns", onBehalf, key());
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.json().path("id").asString();

        Reply selfApproval = alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key());
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.code()).isEqualTo("SELF_APPROVAL");
        assertThat(bob.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key()).status()).isEqualTo(200);
    }

    @Test
    void merchantsSeeAndChangeOnlyTheirOwnCampaigns() {
        UUID id = submitted(TermsJson.discount(), null);
        assertThat(harbor.get("/api/v1/campaigns/" + id).code()).isEqualTo("OTHER_MERCHANT");
        assertThat(harbor.get("/api/v1/campaigns/" + id + "/history").code()).isEqualTo("OTHER_MERCHANT");
        assertThat(harbor.post("/api/v1/campaigns/" + id + "/versions", Map.of("terms", TermsJson.discount().json()), key()).code())
                .isEqualTo("OTHER_MERCHANT");
        assertThat(harbor.get("/api/v1/campaigns?merchantId=" + SAKURA_MART).code()).isEqualTo("OTHER_MERCHANT");
        assertThat(ids(harbor.get("/api/v1/campaigns"))).doesNotContain(id);
        assertThat(ids(sakura.get("/api/v1/campaigns"))).contains(id);

        Map<String, Object> forSakura = TermsJson.discount().submission(null);
        forSakura.put("merchantId", SAKURA_MART);
        Reply posing = harbor.post("/api/v1/campaigns", forSakura, key());
        assertThat(posing.status()).isEqualTo(403);
        assertThat(posing.code()).isEqualTo("OTHER_MERCHANT");

        assertThat(app.get("/api/v1/campaigns").code()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(app.post("/api/v1/campaigns", TermsJson.discount().submission(null), key()).code()).isEqualTo("ROLE_NOT_PERMITTED");
    }

    @Test
    void approversListCampaignsByStateOrByAVersionAwaitingApproval() {
        UUID pending = submitted(TermsJson.discount(), null);
        UUID live = approved(TermsJson.discount(), null);
        UUID liveWithEdit = approved(TermsJson.discount(), null);
        sakura.post("/api/v1/campaigns/" + liveWithEdit + "/versions", Map.of("terms", TermsJson.discount().json()), key());
        UUID harbors = harbor.post("/api/v1/campaigns", TermsJson.discount().submission(null), key()).json().path("id").asString()
                .transform(UUID::fromString);

        assertThat(ids(alice.get("/api/v1/campaigns?state=APPROVED"))).containsExactlyInAnyOrder(live, liveWithEdit);
        assertThat(ids(alice.get("/api/v1/campaigns?awaitingApproval=true"))).containsExactlyInAnyOrder(pending, liveWithEdit, harbors);
        assertThat(ids(alice.get("/api/v1/campaigns?merchantId=" + HARBOR_CAFE))).containsExactly(harbors);

        JsonNode edited = summary(alice.get("/api/v1/campaigns?state=APPROVED"), liveWithEdit);
        assertThat(edited.path("liveVersion").asInt()).isEqualTo(1);
        assertThat(edited.path("pendingVersion").asInt()).isEqualTo(2);
        assertThat(edited.path("title").asString()).isEqualTo("10% off your groceries");

        Reply firstPage = alice.get("/api/v1/campaigns?size=2");
        assertThat(firstPage.json().path("campaigns").size()).isEqualTo(2);
        assertThat(firstPage.json().path("hasMore").asBoolean()).isTrue();
        Reply lastPage = alice.get("/api/v1/campaigns?size=2&page=1");
        assertThat(lastPage.json().path("hasMore").asBoolean()).isFalse();
        assertThat(ids(firstPage)).doesNotContainAnyElementsOf(ids(lastPage));

        Reply badState = alice.get("/api/v1/campaigns?state=SLEEPING");
        assertThat(badState.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(badState.json().path("field").asString()).isEqualTo("state");
        assertThat(alice.get("/api/v1/campaigns?size=1000").json().path("field").asString()).isEqualTo("size");
    }

    @Test
    void aRetriedStepRunsOnceAndAKeyReusedForAnotherRequestIsRefused() {
        Map<String, Object> body = TermsJson.discount().submission("RETRY1");
        Reply first = sakura.post("/api/v1/campaigns", body, "submit-1");
        Reply retry = sakura.post("/api/v1/campaigns", body, "submit-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from campaign where short_code = 'RETRY1'")).isEqualTo(1);

        Reply reused = sakura.post("/api/v1/campaigns", TermsJson.discount().submission("RETRY2"), "submit-1");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(count("select count(*) from campaign where short_code = 'RETRY2'")).isZero();

        String id = first.json().path("id").asString();
        Reply approval = alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), "approve-1");
        Reply approvalRetry = alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), "approve-1");
        assertThat(approvalRetry.status()).isEqualTo(200);
        assertThat(approvalRetry.body()).isEqualTo(approval.body());
        assertThat(count("select count(*) from campaign_transition where campaign_id = ?::uuid and action = 'APPROVED'", id))
                .isEqualTo(1);

        Reply noKey = sakura.post("/api/v1/campaigns", TermsJson.discount().submission(null));
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    private static List<UUID> ids(Reply page) {
        return StreamSupport.stream(page.json().path("campaigns").spliterator(), false)
                .map(campaign -> UUID.fromString(campaign.path("id").asString()))
                .toList();
    }

    private static JsonNode summary(Reply page, UUID id) {
        return StreamSupport.stream(page.json().path("campaigns").spliterator(), false)
                .filter(campaign -> campaign.path("id").asString().equals(id.toString()))
                .findFirst().orElseThrow();
    }

    private static List<String> actions(JsonNode steps) {
        return StreamSupport.stream(steps.spliterator(), false).map(step -> step.path("action").asString()).toList();
    }
}
