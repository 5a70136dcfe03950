package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.Stacking;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.terms.AcceptedMedia;
import com.cardcoupons.registration.terms.Benefit;
import com.cardcoupons.registration.terms.BenefitType;
import com.cardcoupons.registration.terms.Limits;
import com.cardcoupons.registration.terms.Offer;
import com.cardcoupons.registration.terms.SampleTerms;
import com.cardcoupons.registration.terms.Terms;
import com.cardcoupons.registration.terms.Ticket;
import com.cardcoupons.registration.terms.Usability;
import com.cardcoupons.registration.terms.ValidityWindow;
import com.cardcoupons.testsupport.IsolatedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.transaction.TestTransaction;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The JPA mappings against the schema Flyway built (Hibernate validated it at start): a campaign is saved with its
 * versions and recorded steps and loads back as it was, and a loaded campaign saves only what its steps changed.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@IsolatedDatabase
class CampaignsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final Actor SAKURA = new Actor("sakura:hanako", Role.MERCHANT);
    private static final Actor ALICE = new Actor("approver:alice", Role.APPROVER);
    private static final Actor BOB = new Actor("approver:bob", Role.APPROVER);

    @Autowired
    Campaigns campaigns;

    @Autowired
    TestEntityManager entityManager;

    @BeforeEach
    void aMerchant() {
        entityManager.getEntityManager()
                .createNativeQuery("insert into merchant (id, name) values (:id, 'Sakura Mart') on conflict do nothing")
                .setParameter("id", SampleTerms.MERCHANT)
                .executeUpdate();
    }

    @Test
    void aSubmittedCampaignLoadsBackWithItsTermsAndItsFirstStep() {
        Terms terms = SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        Campaign submitted = Campaign.submit(SampleTerms.MERCHANT, new ShortCode("SAKURA10"), terms, SAKURA, NOW);
        assertThat(campaigns.add(submitted)).isTrue();
        entityManager.flush();
        entityManager.clear();

        Campaign loaded = campaigns.findById(submitted.id()).orElseThrow();
        assertThat(loaded.merchantId()).isEqualTo(SampleTerms.MERCHANT);
        assertThat(loaded.shortCode()).isEqualTo(new ShortCode("SAKURA10"));
        assertThat(loaded.state()).isEqualTo(CampaignState.PENDING_APPROVAL);
        assertThat(loaded.liveVersionNumber()).isNull();
        assertThat(loaded.acquiredCount()).isZero();
        CampaignVersion first = loaded.pendingVersion().orElseThrow();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.submittedBy()).isEqualTo("sakura:hanako");
        assertThat(first.submittedAt()).isEqualTo(NOW);
        assertThat(first.terms()).isEqualTo(terms);

        assertThat(campaigns.history(submitted.id())).singleElement().satisfies(step -> {
            assertThat(step.from()).isNull();
            assertThat(step.to()).isEqualTo(CampaignState.PENDING_APPROVAL);
            assertThat(step.action()).isEqualTo(TransitionAction.SUBMITTED);
            assertThat(step.versionNumber()).isEqualTo(1);
            assertThat(step.actor()).isEqualTo(SAKURA);
            assertThat(step.at()).isEqualTo(NOW);
        });
    }

    @Test
    void benefitAndTicketTermsLoadBackAsTheyWere() {
        Terms benefit = terms(new Benefit(BenefitType.EXTRA_MILES, "500 extra miles", Money.of(300, "JPY"), 500L));
        Terms ticket = terms(new Ticket("Harbor Jazz Night", "Yokohama Bay Hall", NOW.plus(Duration.ofDays(3))));
        Campaign miles = Campaign.submit(SampleTerms.MERCHANT, new ShortCode("MILES500"), benefit, SAKURA, NOW);
        Campaign jazz = Campaign.submit(SampleTerms.MERCHANT, new ShortCode("JAZZ"), ticket, SAKURA, NOW);
        campaigns.add(miles);
        campaigns.add(jazz);
        entityManager.flush();
        entityManager.clear();

        assertThat(campaigns.findById(miles.id()).orElseThrow().latestVersion().terms()).isEqualTo(benefit);
        assertThat(campaigns.findByShortCode(new ShortCode("JAZZ")).orElseThrow().latestVersion().terms())
                .isEqualTo(ticket);
    }

    @Test
    void aLoadedCampaignSavesWhatItsStepsChangedAndAppendsTheirRecords() {
        Terms terms = SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        UUID id = added(terms, "EDITED");
        campaigns.change(id, campaign -> campaign.approve(1, ALICE, "fine", NOW));
        entityManager.flush();
        entityManager.clear();

        Terms edit = SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(60)));
        campaigns.change(id, campaign -> campaign.submitVersion(edit, SAKURA, NOW.plusSeconds(1)));
        campaigns.change(id, campaign -> campaign.approve(2, BOB, null, NOW.plusSeconds(2)));
        entityManager.flush();
        entityManager.clear();

        Campaign loaded = campaigns.findById(id).orElseThrow();
        assertThat(loaded.state()).isEqualTo(CampaignState.APPROVED);
        assertThat(loaded.liveVersionNumber()).isEqualTo(2);
        assertThat(loaded.versions()).extracting(CampaignVersion::number, CampaignVersion::approvalState)
                .containsExactly(tuple(1, ApprovalState.SUPERSEDED), tuple(2, ApprovalState.APPROVED));
        assertThat(loaded.findVersion(1).orElseThrow().terms()).as("a decision leaves the terms alone").isEqualTo(terms);
        assertThat(loaded.liveVersion().orElseThrow().terms()).isEqualTo(edit);
        assertThat(campaigns.history(id)).extracting(Transition::action, Transition::versionNumber).containsExactly(
                tuple(TransitionAction.SUBMITTED, 1),
                tuple(TransitionAction.APPROVED, 1),
                tuple(TransitionAction.SUBMITTED, 2),
                tuple(TransitionAction.APPROVED, 2));
        assertThat(loaded.recordedTransitions()).as("the whole history, read from the campaign").hasSize(4);
    }

    @Test
    void aShortCodeIsTakenOnce() {
        Terms terms = SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        added(terms, "ONCE");
        Campaign again = Campaign.submit(SampleTerms.MERCHANT, new ShortCode("ONCE"), terms, SAKURA, NOW);
        assertThat(campaigns.add(again)).isFalse();
        entityManager.flush();
        assertThat(campaigns.findById(again.id())).isEmpty();
    }

    @Test
    void theCountOfCouponsStopsAtTheCapOfTheLiveVersion() {
        UUID id = added(SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))), "CAPPED");
        campaigns.change(id, campaign -> campaign.approve(1, ALICE, null, NOW));
        entityManager.flush();

        assertThat(campaigns.takeCoupon(id, 2, 2)).as("not the live version").isFalse();
        assertThat(campaigns.takeCoupon(id, 1, 2)).isTrue();
        assertThat(campaigns.takeCoupon(id, 1, 2)).isTrue();
        assertThat(campaigns.takeCoupon(id, 1, 2)).as("the cap is reached").isFalse();
        assertThat(campaigns.takeCoupon(id, 1, null)).as("no cap").isTrue();
        campaigns.giveBackCoupon(id);
        assertThat(campaigns.findById(id).orElseThrow().acquiredCount()).isEqualTo(2);
    }

    @Test
    void aNewVersionWithdrawsTheOneAwaitingApprovalInTheSameCommit() {
        UUID id = added(SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))), "REPLACED");
        TestTransaction.flagForCommit();
        TestTransaction.end();

        TestTransaction.start();
        campaigns.change(id, campaign -> campaign.submitVersion(
                SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(60))), SAKURA, NOW));
        TestTransaction.flagForCommit();
        TestTransaction.end();

        assertThat(campaigns.findById(id).orElseThrow().versions())
                .extracting(CampaignVersion::number, CampaignVersion::approvalState)
                .containsExactly(tuple(1, ApprovalState.WITHDRAWN), tuple(2, ApprovalState.PENDING_APPROVAL));
    }

    @Test
    void twoVersionsAwaitingApprovalAreRefusedWhenTheTransactionCommits() {
        UUID id = added(SampleTerms.discount(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))), "TWICE");
        entityManager.flush();
        entityManager.getEntityManager().createNativeQuery("""
                        insert into campaign_version (id, campaign_id, version, approval_state, title, kind, currency,
                            discount_type, discount_basis_points, time_zone, valid_from, valid_until, accepted_media,
                            per_card_limit, uses_per_coupon, stacking, submitted_by)
                        select gen_random_uuid(), campaign_id, 2, approval_state, title, kind, currency, discount_type,
                               discount_basis_points, time_zone, valid_from, valid_until, accepted_media,
                               per_card_limit, uses_per_coupon, stacking, submitted_by
                          from campaign_version where campaign_id = :id""")
                .setParameter("id", id)
                .executeUpdate();

        TestTransaction.flagForCommit();
        assertThatThrownBy(TestTransaction::end).hasStackTraceContaining("campaign_version_one_pending");
    }

    private UUID added(Terms terms, String shortCode) {
        Campaign campaign = Campaign.submit(SampleTerms.MERCHANT, new ShortCode(shortCode), terms, SAKURA, NOW);
        assertThat(campaigns.add(campaign)).isTrue();
        return campaign.id();
    }

    private static Terms terms(Offer offer) {
        return new Terms("Harbor offer", "At every Harbor Cafe", Money.currency("JPY"), offer,
                new ValidityWindow(SampleTerms.TOKYO, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))), 7,
                new Usability(List.of(SampleTerms.MERCHANT), List.of(UUID.randomUUID()), List.of("5814", "5411"),
                        List.of("SKU-1"), List.of("DRINKS"), Money.of(1000, "JPY")),
                new AcceptedMedia(Set.of(MediumType.CREDIT, MediumType.MILEAGE), Set.of(CardBrand.VISA, CardBrand.JCB)),
                new Limits(100, 2, 1), Stacking.EXCLUSIVE, null);
    }
}
