package com.cardcoupons.couponserver;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.TestDatabase;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The world a till test plays in, written with SQL in the shape of the shared schema as registration-api writes it: merchants, stores, terminals, approved (or not) campaigns, and coupons acquired on cards. Callers sign
 * their identity with the service's own signer, as the gateway would.
 */
public final class TillWorld {

    /** The uses of the coupon with the code {@code ?} held at tills, as coupon-server counts them. */
    public static final String USES_HELD = """
            select coalesce(max(u.uses_held), 0) from coupon c
              left join coupon_use u on u.coupon_id = c.id and u.card_token = c.card_token
             where c.code = ?""";
    /** Takes every use of the coupon with the code {@code ?}, as uses at tills would have: for the schema's owner. */
    public static final String USE_UP = """
            insert into coupon_use (coupon_id, card_token, uses_allowed, uses_held)
            select id, card_token, uses_allowed, uses_allowed from coupon where code = ?
            on conflict (coupon_id, card_token) do update set uses_held = excluded.uses_held""";

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UsageMediumTokenizer tokenizer;
    private final IdentitySigner signer;
    private final String baseUrl;

    public TillWorld(JdbcClient jdbc, UsageMediumTokenizer tokenizer, IdentitySigner signer, int port) {
        this.jdbc = jdbc;
        this.tokenizer = tokenizer;
        this.signer = signer;
        this.baseUrl = "http://localhost:" + port;
    }

    /**
     * The world of the service a test started: its database, written as the schema's owner (the rows are others'),
     * its card-token key, identity signer and port.
     */
    public static TillWorld of(ApplicationContext service) {
        return new TillWorld(service.getBean(TestDatabase.class).owner(), service.getBean(UsageMediumTokenizer.class),
                service.getBean(IdentitySigner.class), service.getEnvironment().getProperty("local.server.port", Integer.class, 0));
    }

    public UUID merchant(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into merchant (id, name) values (?, ?)").params(id, name).update();
        return id;
    }

    public UUID store(UUID merchant, String code, String mcc) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into store (id, merchant_id, code, name, mcc, time_zone) values (?, ?, ?, ?, ?, 'Asia/Tokyo')")
                .params(id, merchant, code, "Store " + code, mcc).update();
        return id;
    }

    public Terminal terminal(UUID merchant, UUID store) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, ?)")
                .params(id, merchant, store, "T" + id.toString().substring(0, 8)).update();
        return new Terminal(merchant, store, id, signedAs(CallerIdentity.terminal("terminal:" + id, merchant, store, id)));
    }

    public ApiCaller merchantUser(UUID merchant) {
        return signedAs(CallerIdentity.merchant("merchant-user:" + merchant, merchant));
    }

    public ApiCaller approver() {
        return signedAs(CallerIdentity.approver("approver:test"));
    }

    public ApiCaller signedAs(CallerIdentity identity) {
        return new ApiCaller(baseUrl, (method, path) -> signer.sign(identity, method, path));
    }

    public CampaignSpec campaign(UUID merchant) {
        return new CampaignSpec(merchant);
    }

    /** A coupon of the campaign acquired on the medium through the mobile app, valid as long as the campaign. */
    public String coupon(Campaign campaign, UsageMediumId medium) {
        return coupon(campaign, medium, campaign.validUntil());
    }

    public String coupon(Campaign campaign, UsageMediumId medium, Instant expiresAt) {
        TokenizedMedium tokenized = tokenizer.tokenize(medium);
        String code = newCode();
        UUID id = UUID.randomUUID();
        Instant acquiredAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type, medium_last_four,
                                            card_brand, program, channel, uses_allowed, acquired_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'MOBILE_APP', ?, ?, ?)""")
                .params(id, code, campaign.id(), campaign.versionId(), tokenized.token().value(), tokenized.type().name(),
                        tokenized.lastFour(), tokenized.brand() == null ? null : tokenized.brand().name(), tokenized.program(),
                        campaign.usesPerCoupon(), java.sql.Timestamp.from(acquiredAt), java.sql.Timestamp.from(expiresAt))
                .update();
        jdbc.sql("insert into coupon_by_code (code, card_token, coupon_id) values (?, ?, ?)")
                .params(code, tokenized.token().value(), id).update();
        return code;
    }

    public void cancel(String code) {
        jdbc.sql("update coupon set state = 'CANCELLED', cancelled_at = now(), cancelled_via = 'MOBILE_APP' where code = ?")
                .param(code).update();
    }

    public void setCampaignState(Campaign campaign, String state) {
        jdbc.sql("update campaign set state = ? where id = ?").params(state, campaign.id()).update();
    }

    /** A fresh Visa test number (Luhn-valid, 16 digits), so each test has a card of its own. */
    public static String newVisa() {
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (luhn(digits.toString() + check)) {
                return digits.toString() + check;
            }
        }
        throw new IllegalStateException("no Luhn check digit");
    }

    private static boolean luhn(String number) {
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A terminal of the world and the caller that speaks as it. */
    public record Terminal(UUID merchantId, UUID storeId, UUID terminalId, ApiCaller api) {

        /** An intended use at this terminal, now, in JPY. */
        public Map<String, Object> use(long amountMinor, Map<?, ?>... basket) {
            Map<String, Object> use = new LinkedHashMap<>();
            use.put("merchantId", merchantId);
            use.put("storeId", storeId);
            use.put("terminalId", terminalId);
            use.put("amount", yen(amountMinor));
            use.put("basket", List.of(basket));
            use.put("occurredAt", Instant.now().toString());
            return use;
        }
    }

    /** A basket line in JPY. */
    public static Map<String, Object> line(String sku, String category, int quantity, long unitPriceMinor) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("category", category);
        line.put("quantity", quantity);
        line.put("unitPrice", yen(unitPriceMinor));
        return line;
    }

    public static Map<String, Object> yen(long amountMinor) {
        return Map.of("amountMinor", amountMinor, "currency", "JPY");
    }

    public static Map<String, Object> card(String type, String number) {
        return Map.of("type", type, "cardNumber", number);
    }

    public static Map<String, Object> searchOf(Map<String, Object> medium, Map<String, Object> use, boolean explain) {
        return Map.of("medium", medium, "intendedUse", use, "explain", explain);
    }

    /** A reservation or redemption body; {@code medium} is null for a code scanned from a barcode. */
    public static Map<String, Object> useOf(String transactionId, List<String> codes, Map<String, Object> medium,
            Map<String, Object> use) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId);
        body.put("couponCodes", codes);
        if (medium != null) {
            body.put("medium", medium);
        }
        body.put("intendedUse", use);
        return body;
    }

    /** A campaign as inserted: what coupons need to be acquired under it. */
    public record Campaign(UUID id, UUID versionId, int usesPerCoupon, Instant validUntil) {
    }

    /** The terms of a campaign to insert, set fluently; defaults: approved, 10% off, any card, open for 30 days. */
    public final class CampaignSpec {

        private final UUID merchant;
        private String state = "APPROVED";
        private String title = "Campaign " + UUID.randomUUID().toString().substring(0, 6);
        private String kind = "DISCOUNT";
        private String currency = "JPY";
        private String discountType = "PERCENTAGE";
        private Integer basisPoints = 1000;
        private Long discountAmount;
        private Long discountCap;
        private String benefitType;
        private String benefitDescription;
        private Long benefitValue;
        private String ticketEvent;
        private Instant validFrom = Instant.now().minus(Duration.ofDays(7));
        private Instant validUntil = Instant.now().plus(Duration.ofDays(30));
        private List<UUID> merchants = new ArrayList<>();
        private List<UUID> stores = List.of();
        private List<String> mccs = List.of();
        private List<String> skus = List.of();
        private List<String> categories = List.of();
        private Long minSpend;
        private List<String> media = List.of("CREDIT", "DEBIT", "POINT", "MILEAGE");
        private List<String> brands = List.of();
        private int uses = 1;
        private String stacking = "STACKABLE";
        private List<Object> budget;

        private CampaignSpec(UUID merchant) {
            this.merchant = merchant;
        }

        public CampaignSpec state(String value) { state = value; return this; }
        public CampaignSpec title(String value) { title = value; return this; }
        public CampaignSpec percentage(int bp, Long cap) { discountType = "PERCENTAGE"; basisPoints = bp; discountAmount = null; discountCap = cap; return this; }
        public CampaignSpec fixed(long amount) { discountType = "FIXED_AMOUNT"; discountAmount = amount; basisPoints = null; discountCap = null; return this; }
        public CampaignSpec benefit(String type, String description, long value) {
            kind = "BENEFIT"; discountType = null; basisPoints = null; benefitType = type; benefitDescription = description; benefitValue = value; return this;
        }
        public CampaignSpec ticket(String event) {
            kind = "TICKET"; discountType = null; basisPoints = null; ticketEvent = event; uses = 1; stacking = "EXCLUSIVE"; return this;
        }
        public CampaignSpec window(Instant from, Instant until) { validFrom = from; validUntil = until; return this; }
        public CampaignSpec merchants(UUID... ids) { merchants = List.of(ids); return this; }
        public CampaignSpec stores(UUID... ids) { stores = List.of(ids); return this; }
        public CampaignSpec mccs(String... codes) { mccs = List.of(codes); return this; }
        public CampaignSpec skus(String... values) { skus = List.of(values); return this; }
        public CampaignSpec categories(String... values) { categories = List.of(values); return this; }
        public CampaignSpec minSpend(long minor) { minSpend = minor; return this; }
        public CampaignSpec media(String... types) { media = List.of(types); return this; }
        public CampaignSpec brands(String... values) { brands = List.of(values); return this; }
        public CampaignSpec uses(int perCoupon) { uses = perCoupon; return this; }
        public CampaignSpec exclusive() { stacking = "EXCLUSIVE"; return this; }
        /** A budget: total discount in minor units, then uses per day, week, month, and per card per day, week, month. */
        public CampaignSpec budget(Long totalMinor, Integer perDay, Integer perWeek, Integer perMonth, Integer cardPerDay,
                Integer cardPerWeek, Integer cardPerMonth) {
            budget = java.util.Arrays.asList(totalMinor, perDay, perWeek, perMonth, cardPerDay, cardPerWeek, cardPerMonth);
            return this;
        }

        public Campaign create() {
            UUID id = UUID.randomUUID();
            UUID versionId = UUID.randomUUID();
            String shortCode = "C" + Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase().substring(0, 8);
            boolean approvedOnce = !state.equals("PENDING_APPROVAL") && !state.equals("REJECTED");
            jdbc.sql("insert into campaign (id, merchant_id, short_code, state, live_version) values (?, ?, ?, ?, ?)")
                    .params(id, merchant, shortCode, state, approvedOnce ? 1 : null).update();
            String approval = switch (state) {
                case "PENDING_APPROVAL" -> "PENDING_APPROVAL";
                case "REJECTED" -> "REJECTED";
                default -> "APPROVED";
            };
            List<UUID> usableMerchants = merchants.isEmpty() ? List.of(merchant) : merchants;
            jdbc.sql("""
                            insert into campaign_version (id, campaign_id, version, approval_state, title, kind, currency,
                                discount_type, discount_basis_points, discount_amount_minor, discount_cap_minor,
                                benefit_type, benefit_description, benefit_value_minor, ticket_event, ticket_venue,
                                time_zone, valid_from, valid_until, usable_merchant_ids, usable_store_ids, usable_mccs,
                                skus, product_categories, min_spend_minor, accepted_media, accepted_brands,
                                per_card_limit, uses_per_coupon, stacking, submitted_by)
                            values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Asia/Tokyo', ?, ?,
                                    ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?, ?::text[], ?::text[], 5, ?, ?, 'merchant:test')""")
                    .params(versionId, id, approval, title, kind, currency, discountType, basisPoints, discountAmount,
                            discountCap, benefitType, benefitDescription, benefitValue, ticketEvent,
                            ticketEvent == null ? null : "Main hall", java.sql.Timestamp.from(validFrom),
                            java.sql.Timestamp.from(validUntil), array(usableMerchants), array(stores), array(mccs),
                            array(skus), array(categories), minSpend, array(media), array(brands), uses, stacking)
                    .update();
            if (budget != null) {
                List<Object> params = new ArrayList<>(budget);
                params.add(versionId);
                jdbc.sql("""
                                update campaign_version set budget_total_minor = ?::bigint, uses_per_day = ?::int,
                                    uses_per_week = ?::int, uses_per_month = ?::int, uses_per_card_per_day = ?::int,
                                    uses_per_card_per_week = ?::int, uses_per_card_per_month = ?::int where id = ?""")
                        .params(params).update();
            }
            return new Campaign(id, versionId, uses, validUntil);
        }

        private static String array(List<?> values) {
            return "{" + String.join(",", values.stream().map(Object::toString).toList()) + "}";
        }
    }
}
