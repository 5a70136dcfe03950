package com.cardcoupons.localplatform;

import com.cardcoupons.model.medium.MediumType;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.cardcoupons.localplatform.DemoData.HARBOR_CAFE;
import static com.cardcoupons.localplatform.DemoData.SAKURA_MART;
import static com.cardcoupons.localplatform.DemoData.SAKURA_SHIBUYA;
import static com.cardcoupons.localplatform.DemoData.update;

/** A campaign of the demo world, with the approval history that brought it to its state. */
record DemoCampaign(int number, UUID merchant, String shortCode, String state, String title, String kind, Terms terms,
                    String reason) {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String MERCHANT_USER = "merchant:demo";
    private static final String APPROVER = "approver:demo";

    static List<DemoCampaign> catalogue() {
        Set<MediumType> anyCard = Set.of(MediumType.CREDIT, MediumType.DEBIT, MediumType.POINT, MediumType.MILEAGE);
        return List.of(
                new DemoCampaign(1, SAKURA_MART, "SAKURA10", "APPROVED", "10% off your groceries", "DISCOUNT",
                        Terms.discount("PERCENTAGE", 1000, null, 500L).minSpend(1000).mccs("5411")
                                .media(MediumType.CREDIT, MediumType.DEBIT, MediumType.POINT).cap(1000), null),
                new DemoCampaign(2, SAKURA_MART, "SAKURA300", "APPROVED", "300 yen off 2,000 yen in Shibuya", "DISCOUNT",
                        Terms.discount("FIXED_AMOUNT", null, 300L, null).minSpend(2000).stores(SAKURA_SHIBUYA)
                                .media(MediumType.CREDIT).exclusive().cap(500), null),
                new DemoCampaign(3, HARBOR_CAFE, "HCOFFEE", "APPROVED", "Free coffee with any pastry", "BENEFIT",
                        Terms.benefit("FREE_ITEM", "One regular coffee", 450L, null).categories("PASTRY").media(anyCard), null),
                new DemoCampaign(4, SAKURA_MART, "SKYFRESH", "APPROVED", "200 extra miles on fresh food", "BENEFIT",
                        Terms.benefit("EXTRA_MILES", "200 SKYMILES miles", null, 200L).categories("FRESH")
                                .media(MediumType.MILEAGE, MediumType.CREDIT).uses(3), null),
                new DemoCampaign(5, HARBOR_CAFE, "JAZZNITE", "APPROVED", "Harbor Jazz Night admission", "TICKET",
                        Terms.ticket("Harbor Jazz Night", "Harbor Cafe Yokohama").media(MediumType.CREDIT, MediumType.DEBIT).cap(80), null),
                new DemoCampaign(6, SAKURA_MART, "WEEKEND20", "PENDING_APPROVAL", "20% off at weekends", "DISCOUNT",
                        Terms.discount("PERCENTAGE", 2000, null, 1000L).media(anyCard), null),
                new DemoCampaign(7, SAKURA_MART, "HALFOFF", "REJECTED", "Half price on everything", "DISCOUNT",
                        Terms.discount("PERCENTAGE", 5000, null, null).media(anyCard),
                        "exceeds the 30% ceiling agreed with the card issuer"),
                new DemoCampaign(8, HARBOR_CAFE, "SUMMER5", "SUSPENDED", "5% off all summer", "DISCOUNT",
                        Terms.discount("PERCENTAGE", 500, null, null).media(anyCard), "paused at the merchant's request"),
                new DemoCampaign(9, SAKURA_MART, "SPRING15", "ENDED", "15% off spring vegetables", "DISCOUNT",
                        Terms.discount("PERCENTAGE", 1500, null, 300L).categories("FRESH").media(anyCard), "season over"));
    }

    UUID id() {
        return UUID.nameUUIDFromBytes(("demo-campaign-" + number).getBytes());
    }

    UUID versionId() {
        return UUID.nameUUIDFromBytes(("demo-campaign-version-" + number).getBytes());
    }

    /** Coupons can be acquired and found. */
    boolean live() {
        return state.equals("APPROVED");
    }

    boolean accepts(MediumType type) {
        return terms.media.contains(type);
    }

    int usesPerCoupon() {
        return terms.uses;
    }

    Instant validUntil() {
        return DemoData.startOfDay(LocalDate.now(ZoneId.of(DemoData.TOKYO)).plusDays(90));
    }

    static String couponCode(int sequence) {
        return "DEMOCOUPONCODE" + ALPHABET.charAt(sequence / ALPHABET.length() % ALPHABET.length())
                + ALPHABET.charAt(sequence % ALPHABET.length());
    }

    void insert(Connection connection) throws SQLException {
        boolean approvedOnce = !state.equals("PENDING_APPROVAL") && !state.equals("REJECTED");
        int created = update(connection, """
                insert into campaign (id, merchant_id, short_code, state, live_version) values (?, ?, ?, ?, ?)
                on conflict do nothing""", id(), merchant, shortCode, state, approvedOnce ? 1 : null);
        if (created == 0) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of(DemoData.TOKYO));
        String approval = switch (state) {
            case "PENDING_APPROVAL" -> "PENDING_APPROVAL";
            case "REJECTED" -> "REJECTED";
            default -> "APPROVED";
        };
        update(connection, """
                insert into campaign_version (id, campaign_id, version, approval_state, title, kind, currency,
                    discount_type, discount_basis_points, discount_amount_minor, discount_cap_minor,
                    benefit_type, benefit_description, benefit_value_minor, benefit_points,
                    ticket_event, ticket_venue, ticket_starts_at,
                    time_zone, valid_from, valid_until,
                    usable_merchant_ids, usable_store_ids, usable_mccs, product_categories, min_spend_minor,
                    accepted_media, total_cap, per_card_limit, uses_per_coupon, stacking, submitted_by)
                values (?, ?, 1, ?, ?, ?, 'JPY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""",
                versionId(), id(), approval, title, kind,
                terms.discountType, terms.basisPoints, terms.amount, terms.discountCap,
                terms.benefitType, terms.benefitDescription, terms.benefitValue, terms.benefitPoints,
                terms.ticketEvent, terms.ticketVenue,
                terms.ticketEvent == null ? null : Timestamp.from(DemoData.startOfDay(today.plusDays(30)).plusSeconds(19 * 3600)),
                DemoData.TOKYO, Timestamp.from(DemoData.startOfDay(today.minusDays(7))), Timestamp.from(validUntil()),
                array(connection, "uuid", List.of(merchant)), array(connection, "uuid", terms.stores),
                array(connection, "text", terms.mccs), array(connection, "text", terms.categories), terms.minSpend,
                array(connection, "text", terms.media.stream().map(Enum::name).sorted().toList()),
                terms.cap, terms.uses, terms.stacking, MERCHANT_USER);
        for (String[] step : history()) {
            update(connection, """
                    insert into campaign_transition (campaign_id, campaign_version_id, from_state, to_state, actor, actor_role, reason, action)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", id(), versionId(), step[0], step[1], step[2], step[3], step[4], step[5]);
        }
    }

    /** The transitions that lead to the campaign's state: from, to, actor, role, reason, action (registration-api's V2_1). */
    private List<String[]> history() {
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {null, "PENDING_APPROVAL", MERCHANT_USER, "MERCHANT", null, "SUBMITTED"});
        switch (state) {
            case "REJECTED" -> steps.add(new String[] {"PENDING_APPROVAL", "REJECTED", APPROVER, "APPROVER", reason, "REJECTED"});
            case "APPROVED", "SUSPENDED", "ENDED" -> {
                steps.add(new String[] {"PENDING_APPROVAL", "APPROVED", APPROVER, "APPROVER", null, "APPROVED"});
                if (!state.equals("APPROVED")) {
                    steps.add(new String[] {"APPROVED", state, APPROVER, "APPROVER", reason, state});
                }
            }
            default -> { }
        }
        return steps;
    }

    private static Array array(Connection connection, String type, List<?> values) throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }

    /** The terms of a demo campaign, set fluently; only what a campaign uses is set. */
    static final class Terms {

        private String discountType;
        private Integer basisPoints;
        private Long amount;
        private Long discountCap;
        private String benefitType;
        private String benefitDescription;
        private Long benefitValue;
        private Long benefitPoints;
        private String ticketEvent;
        private String ticketVenue;
        private List<UUID> stores = List.of();
        private List<String> mccs = List.of();
        private List<String> categories = List.of();
        private Long minSpend;
        private Set<MediumType> media = Set.of();
        private Integer cap;
        private int uses = 1;
        private String stacking = "STACKABLE";

        static Terms discount(String type, Integer basisPoints, Long amount, Long cap) {
            Terms terms = new Terms();
            terms.discountType = type;
            terms.basisPoints = basisPoints;
            terms.amount = amount;
            terms.discountCap = cap;
            return terms;
        }

        static Terms benefit(String type, String description, Long value, Long points) {
            Terms terms = new Terms();
            terms.benefitType = type;
            terms.benefitDescription = description;
            terms.benefitValue = value;
            terms.benefitPoints = points;
            return terms;
        }

        static Terms ticket(String event, String venue) {
            Terms terms = new Terms();
            terms.ticketEvent = event;
            terms.ticketVenue = venue;
            terms.stacking = "EXCLUSIVE";
            return terms;
        }

        Terms minSpend(long minor) {
            minSpend = minor;
            return this;
        }

        Terms stores(UUID... ids) {
            stores = List.of(ids);
            return this;
        }

        Terms mccs(String... codes) {
            mccs = List.of(codes);
            return this;
        }

        Terms categories(String... names) {
            categories = List.of(names);
            return this;
        }

        Terms media(MediumType... types) {
            return media(Set.of(types));
        }

        Terms media(Set<MediumType> types) {
            media = types;
            return this;
        }

        Terms cap(int total) {
            cap = total;
            return this;
        }

        Terms uses(int perCoupon) {
            uses = perCoupon;
            return this;
        }

        Terms exclusive() {
            stacking = "EXCLUSIVE";
            return this;
        }
    }
}
