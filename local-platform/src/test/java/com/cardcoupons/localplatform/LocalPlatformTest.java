package com.cardcoupons.localplatform;

import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, for real: every service as its own JVM with the demo data, reached only through the
 * gateway with the demo keys. Then the patent's story end to end, merchant isolation across services, and a sweep
 * of every route with card numbers, after which no log and no table may hold one.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class LocalPlatformTest {

    private static final Path LOGS = RunningPlatform.LOGS;
    private static final String JSON_MONEY = "{\"amountMinor\":%d,\"currency\":\"JPY\"}";
    private static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
    }

    @Nested
    @Order(1)
    class TheRunCommand {

        @Test
        void everyServiceIsHealthyThroughTheGateway() {
            ApiCaller anyone = ApiCaller.anonymous(platform.gatewayUrl());
            ApiCaller admin = as("demo-admin");
            for (String service : List.of("registration-api", "coupon-server", "settlement-relay")) {
                Reply readiness = admin.get("/services/" + service + "/actuator/health/readiness");
                assertThat(readiness.status()).as(service).isEqualTo(200);
                assertThat(readiness.json().path("components").path("db").path("status").asString()).as(service).isEqualTo("UP");
                Reply status = anyone.get("/services/" + service + "/actuator/health/readiness");
                assertThat(status.body()).as("status only, for anyone").isEqualTo("{\"status\":\"UP\"}");
            }
            assertThat(anyone.get("/actuator/health/readiness").status()).isEqualTo(200);
        }

        @Test
        void theDemoWorldIsLoaded() throws SQLException {
            try (Connection connection = platform.database().connect()) {
                // other tests of the same platform (the documentation's examples, the onboarding story, say) add
                // merchants, terminals and cards of their own
                assertThat(count(connection, "select count(*) from merchant")).isGreaterThanOrEqualTo(2);
                assertThat(count(connection, "select count(*) from terminal")).isGreaterThanOrEqualTo(4);
                assertThat(count(connection, "select count(distinct state) from campaign")).isGreaterThanOrEqualTo(4);
                assertThat(count(connection, "select count(distinct card_token) from coupon")).isGreaterThanOrEqualTo(DemoData.CARDS.size());
            }
        }

        @Test
        void theDemoKeysOpenTheApiAndNothingElseDoes() {
            assertThat(as("demo-sakura-mart").get("/api/v1/campaigns").status()).isEqualTo(200);
            assertThat(ApiCaller.anonymous(platform.gatewayUrl()).get("/api/v1/campaigns").status()).isEqualTo(401);
            assertThat(as("demo-mobile-app").get("/api/v1/campaigns").status()).isEqualTo(403);
        }
    }

    /** Claims 1 to 4, 7 to 9, 11 to 14 and 17 to 19, in the order they happen in a shop. */
    @Nested
    @Order(2)
    class TheClaimsStory {

        private static final String CARD = "4012 8888 8888 1881";

        @Test
        void approvedAcquiredFoundAndPaidAtTheDiscountedPrice() throws SQLException {
            ApiCaller merchant = as("demo-sakura-mart");
            ApiCaller approver = as("demo-approver");
            ApiCaller app = as("demo-mobile-app");
            ApiCaller tv = as("demo-tv");
            ApiCaller till = as("demo-shibuya-till-1");

            // a merchant submits; no coupon of it exists before an approver approves its generation (claims 1, 11)
            String shortCode = "E2E" + (System.nanoTime() % 100_000);
            Reply submitted = merchant.post("/api/v1/campaigns", campaign(shortCode), key());
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            String campaignId = submitted.json().path("id").asString();
            Reply early = app.post("/api/v1/acquisitions", acquisition(campaignId, CARD), key());
            assertThat(early.status()).isIn(409, 422);
            Reply approved = approver.post("/api/v1/campaigns/" + campaignId + "/approve", "{\"version\":1}", key());
            assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");

            // a consumer acquires it on a credit card from the app; the TV receiver may not add a second (claims 3, 7)
            Reply acquired = app.post("/api/v1/acquisitions", acquisition(campaignId, CARD), key());
            assertThat(acquired.status()).as(acquired.body()).isEqualTo(201);
            String code = acquired.json().path("code").asString();
            assertThat(acquired.body()).doesNotContain(CARD.replace(" ", ""));
            Reply second = tv.post("/api/v1/acquisitions/broadcast",
                    "{\"campaignCode\":\"" + shortCode + "\",\"cardNumber\":\"" + CARD + "\"}", key());
            assertThat(second.code()).isEqualTo("PER_CARD_LIMIT_REACHED");

            // at the till, the card alone finds it, with its effect on this purchase (claims 1, 4)
            Reply found = till.post("/api/v1/searches", search(CARD, 5000), key());
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            JsonNode usable = found.json().path("usable").valueStream()
                    .filter(coupon -> coupon.path("code").asString().equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError(code + " not usable: " + found.body()));
            assertThat(usable.path("effect").path("discount").path("amountMinor").asLong()).isEqualTo(1000);

            // paying by that credit card: search and authorization at once, second authorization at the discounted
            // price (claims 8, 9, 18, 19)
            String transaction = "E2E-" + UUID.randomUUID();
            Reply paid = till.post("/api/v1/payments", payment(transaction, CARD, 5000), transaction);
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            assertThat(paid.json().path("result").asString()).isEqualTo("APPROVED");
            assertThat(paid.body()).doesNotContain(CARD.replace(" ", ""));
            assertThat(discountLanded(till, paid.json())).as("the discount, inside the authorization or by a late"
                    + " partial reversal when the search missed its budget on a busy machine: " + paid.body()).isEqualTo(code);
            Reply retried = till.post("/api/v1/payments", payment(transaction, CARD, 5000), transaction);
            assertThat(retried.json().path("paymentId").asString()).isEqualTo(paid.json().path("paymentId").asString());

            // the single-use coupon is used up, and the merchant sees the usage accumulated (claims 2, 12); the card may
            // carry other tests' coupons, as the platform is shared
            Reply again = till.post("/api/v1/searches", search(CARD, 5000), key());
            assertThat(again.json().path("usable").valueStream().map(coupon -> coupon.path("code").asString()))
                    .doesNotContain(code);
            awaitConfirmed(code);
            Reply figures = merchant.get("/api/v1/usage/campaigns/" + campaignId + "/figures.csv");
            assertThat(figures.status()).as(figures.body()).isEqualTo(200);
            Map<String, String> total = csvRow(figures.body(), "total");
            assertThat(total).containsEntry("acquired", "1").containsEntry("used", "1")
                    .containsEntry("discount_granted_minor", "1000").containsEntry("currency", "JPY");
        }

        private void awaitConfirmed(String code) throws SQLException {
            long deadline = System.currentTimeMillis() + 15_000;
            try (Connection connection = platform.database().connect()) {
                while (System.currentTimeMillis() < deadline) {
                    if (count(connection, "select count(*) from redemption r join coupon c on c.id = r.coupon_id"
                            + " where c.code = '" + code + "' and r.state = 'CONFIRMED'") == 1) {
                        return;
                    }
                    sleep(200);
                }
            }
            throw new AssertionError("the coupon's use was never confirmed");
        }
    }

    /** A terminal of one merchant never reaches another merchant's coupons, whichever service it calls. */
    @Nested
    @Order(3)
    class MerchantIsolation {

        private static final String VISA = "4111 1111 1111 1111";

        @Test
        void aSakuraTillNeitherFindsNorRedeemsNorAppliesAHarborCafeCoupon() {
            ApiCaller sakuraTill = as("demo-shibuya-till-2");
            String harborCoupon = walletCodeOf("Free coffee with any pastry");

            Reply found = sakuraTill.post("/api/v1/searches", search(VISA, 3000).replace("\"explain\":false", "\"explain\":true")
                    .replace(DemoData.SHIBUYA_TILL_1.toString(), DemoData.SHIBUYA_TILL_2.toString()), key());
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.body()).doesNotContain(harborCoupon).doesNotContain("Free coffee");

            Reply redeemed = sakuraTill.post("/api/v1/redemptions", """
                    {"transactionId":"ISO-%s","couponCodes":["%s"],"intendedUse":%s}"""
                    .formatted(UUID.randomUUID(), harborCoupon, intendedUse(DemoData.SHIBUYA_TILL_2, 3000)), key());
            assertThat(redeemed.status()).as(redeemed.body()).isBetween(400, 499);
            assertThat(walletStateOf("Free coffee with any pastry")).isEqualTo("ACTIVE");

            String transaction = "ISO-" + UUID.randomUUID();
            Reply paid = sakuraTill.post("/api/v1/payments", payment(transaction, VISA, 3000)
                    .replace(DemoData.SHIBUYA_TILL_1.toString(), DemoData.SHIBUYA_TILL_2.toString()), transaction);
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            assertThat(paid.body()).doesNotContain(harborCoupon);
        }

        @Test
        void aTillCannotClaimToBeAnotherMerchantsTill() {
            ApiCaller sakuraTill = as("demo-shibuya-till-1");
            String claimsHarbor = search(VISA, 3000)
                    .replace(DemoData.SAKURA_MART.toString(), DemoData.HARBOR_CAFE.toString())
                    .replace(DemoData.SAKURA_SHIBUYA.toString(), DemoData.HARBOR_CAFE_YOKOHAMA.toString())
                    .replace(DemoData.SHIBUYA_TILL_1.toString(), DemoData.YOKOHAMA_TILL_1.toString());
            assertThat(sakuraTill.post("/api/v1/searches", claimsHarbor, key()).status()).isEqualTo(403);
            String transaction = "ISO-" + UUID.randomUUID();
            String payAsHarbor = payment(transaction, VISA, 3000)
                    .replace(DemoData.SAKURA_MART.toString(), DemoData.HARBOR_CAFE.toString())
                    .replace(DemoData.SAKURA_SHIBUYA.toString(), DemoData.HARBOR_CAFE_YOKOHAMA.toString())
                    .replace(DemoData.SHIBUYA_TILL_1.toString(), DemoData.YOKOHAMA_TILL_1.toString());
            assertThat(sakuraTill.post("/api/v1/payments", payAsHarbor, transaction).status()).isEqualTo(403);
        }

        @Test
        void aMerchantSeesNeitherTheCampaignsNorTheFiguresOfAnother() {
            String sakuraCampaign = DemoCampaign.catalogue().get(0).id().toString();
            ApiCaller harbor = as("demo-harbor-cafe");
            assertThat(harbor.get("/api/v1/campaigns/" + sakuraCampaign).code()).isEqualTo("OTHER_MERCHANT");
            assertThat(harbor.get("/api/v1/usage/campaigns/" + sakuraCampaign).code()).isEqualTo("OTHER_MERCHANT");
        }

        private String walletCodeOf(String title) {
            return walletEntry(title).path("code").asString();
        }

        private String walletStateOf(String title) {
            return walletEntry(title).path("state").asString();
        }

        private JsonNode walletEntry(String title) {
            Reply wallet = as("demo-mobile-app").post("/api/v1/wallet/lookup",
                    "{\"medium\":{\"type\":\"CREDIT\",\"cardNumber\":\"" + VISA + "\"}}");
            for (JsonNode coupon : wallet.json().path("coupons")) {
                if (coupon.toString().contains(title)) {
                    return coupon;
                }
            }
            throw new AssertionError("no '" + title + "' coupon in the Visa demo card's wallet: " + wallet.body());
        }
    }

    /** Card numbers pushed through every route, valid and invalid requests alike, then looked for everywhere. */
    @Nested
    @Order(4)
    class CardNumbers {

        private static final List<String> PANS = List.of("4000056655665556", "5105105105105100", "378282246310005");

        @Test
        void afterEveryRouteSawCardNumbersNoLogAndNoTableHoldsOne() throws Exception {
            pushCardNumbersThroughEveryRoute();
            sleep(1500);
            List<String> leaks = new ArrayList<>();
            for (String pan : PANS) {
                leaks.addAll(logsHolding(pan));
                leaks.addAll(tablesHolding(pan));
            }
            assertThat(leaks).isEmpty();
        }

        @Test
        void serviceLogsAreStructured() throws IOException {
            try (Stream<Path> files = Files.list(LOGS)) {
                for (Path log : files.toList()) {
                    String first = Files.readString(log).lines().filter(line -> !line.isBlank()).findFirst().orElseThrow();
                    assertThat(first).as(log.toString()).startsWith("{");
                }
            }
        }

        private void pushCardNumbersThroughEveryRoute() {
            String sakura10 = DemoCampaign.catalogue().get(0).id().toString();
            ApiCaller app = as("demo-mobile-app");
            ApiCaller tv = as("demo-tv");
            ApiCaller till = as("demo-shibuya-till-1");
            ApiCaller merchant = as("demo-sakura-mart");
            for (String pan : PANS) {
                String spaced = pan.replaceAll("(\\d{4})(?=\\d)", "$1 ");
                String type = pan.startsWith("3") ? "CREDIT" : "DEBIT";
                String medium = "{\"type\":\"" + type + "\",\"cardNumber\":\"" + spaced + "\"}";
                Reply acquired = app.post("/api/v1/acquisitions", "{\"campaignId\":\"" + sakura10 + "\",\"medium\":" + medium + "}", key());
                String code = acquired.status() == 201 ? acquired.json().path("code").asString() : "NOSUCHCOUPONCODE";
                tv.post("/api/v1/acquisitions/broadcast", "{\"campaignCode\":\"HCOFFEE\",\"cardNumber\":\"" + pan + "\"}", key());
                app.post("/api/v1/wallet/lookup", "{\"medium\":" + medium + "}");
                app.post("/api/v1/wallet/cancellations", "{\"couponCode\":\"NOSUCHCOUPONCODE\",\"medium\":" + medium + "}", key());
                till.post("/api/v1/searches", search(spaced, 3000).replace("\"type\":\"CREDIT\"", "\"type\":\"" + type + "\""), key());
                till.post("/api/v1/reservations", """
                        {"transactionId":"PAN-%s","couponCodes":["%s"],"medium":%s,"intendedUse":%s}"""
                        .formatted(UUID.randomUUID(), code, medium, intendedUse(DemoData.SHIBUYA_TILL_1, 3000)), key());
                till.post("/api/v1/redemptions", """
                        {"transactionId":"PAN-%s","couponCodes":["%s"],"medium":%s,"intendedUse":%s}"""
                        .formatted(UUID.randomUUID(), code, medium, intendedUse(DemoData.SHIBUYA_TILL_1, 3000)), key());
                String transaction = "PAN-" + UUID.randomUUID();
                till.post("/api/v1/payments", payment(transaction, spaced, 3000), transaction);
                // refused requests that still carry the number: wrong types, unknown fields, a dead route, a query
                till.post("/api/v1/payments", payment("PAN-" + UUID.randomUUID(), pan, 3000)
                        .replaceFirst("\"amount\":\\{[^}]*}", "\"amount\":\"" + pan + "\""), key());
                app.post("/api/v1/acquisitions", "{\"campaignId\":\"" + sakura10 + "\",\"medium\":" + medium + ",\"card\":\"" + pan + "\"}", key());
                till.post("/api/v1/searches", "{\"medium\":" + medium + ",\"intendedUse\":\"" + pan + "\"}", key());
                till.get("/api/v1/searches/" + pan);
                merchant.get("/api/v1/campaigns?card=" + pan + "&other=" + spaced.replace(' ', '+'));
            }
        }

        private List<String> logsHolding(String pan) throws IOException {
            List<String> found = new ArrayList<>();
            try (Stream<Path> files = Files.list(LOGS)) {
                for (Path log : files.toList()) {
                    String text = Files.readString(log);
                    for (String form : forms(pan)) {
                        if (text.contains(form)) {
                            found.add(log.getFileName() + " holds " + form);
                        }
                    }
                }
            }
            return found;
        }

        /** Every character or binary column of every table of the shared schema, searched for the number. */
        private List<String> tablesHolding(String pan) throws SQLException {
            String pattern = String.join("[ -]?", pan.split("(?<=\\G.{4})"));
            List<String> found = new ArrayList<>();
            try (Connection connection = platform.database().connect();
                 ResultSet columns = connection.createStatement().executeQuery("""
                         select table_name, column_name, data_type from information_schema.columns
                          where table_schema = 'public'
                            and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')""")) {
                while (columns.next()) {
                    String table = columns.getString(1);
                    String column = columns.getString(2);
                    String value = columns.getString(3).equals("bytea") ? "encode(\"" + column + "\", 'escape')" : "\"" + column + "\"::text";
                    try (PreparedStatement query = connection.prepareStatement(
                            "select count(*) from \"" + table + "\" where " + value + " ~ ?")) {
                        query.setString(1, pattern);
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(table + "." + column + " holds " + pan);
                            }
                        }
                    }
                }
            }
            return found;
        }

        private List<String> forms(String pan) {
            String spaced = pan.replaceAll("(\\d{4})(?=\\d)", "$1 ");
            return List.of(pan, spaced, spaced.replace(' ', '-'), spaced.replace(" ", "%20"), spaced.replace(' ', '+'));
        }
    }

    /**
     * An operator onboards a merchant, a store and a terminal through the gateway; the terminal's key works until it is
     * decommissioned, and the merchant's key until the merchant is closed.
     */
    @Nested
    @Order(5)
    class MerchantOnboarding {

        @Test
        void onboardedIssuedUsedAndDecommissioned() {
            ApiCaller admin = as("demo-admin");
            Reply merchant = admin.post("/api/v1/merchants", "{\"name\":\"Kyoto Tea House\"}", key());
            assertThat(merchant.status()).as(merchant.body()).isEqualTo(201);
            String merchantId = merchant.json().path("id").asString();
            Reply store = admin.post("/api/v1/merchants/" + merchantId + "/stores", """
                    {"code":"GION","name":"Kyoto Tea House Gion","timeZone":"Asia/Tokyo","mcc":"5814",
                     "address":{"line1":"570-8 Gionmachi Minamigawa","city":"Kyoto","region":"Kyoto","postalCode":"605-0074","country":"JP"}}""",
                    key());
            assertThat(store.status()).as(store.body()).isEqualTo(201);
            String storeId = store.json().path("id").asString();
            Reply terminal = admin.post("/api/v1/merchants/" + merchantId + "/terminals",
                    "{\"storeId\":\"" + storeId + "\",\"code\":\"TILL-1\"}", key());
            assertThat(terminal.status()).as(terminal.body()).isEqualTo(201);
            String terminalId = terminal.json().path("id").asString();

            // the terminal's key is issued right away, through the gateway's credentials API
            Reply issued = admin.post("/api/v1/credentials",
                    "{\"kind\":\"TERMINAL\",\"label\":\"Gion till 1\",\"terminalId\":\"" + terminalId + "\"}", key());
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            String apiKey = issued.json().path("apiKey").asString();
            ApiCaller till = new ApiCaller(platform.gatewayUrl(), (method, path) -> Map.of("X-Api-Key", apiKey));
            String search = """
                    {"medium":{"type":"CREDIT","cardNumber":"4111111111111111"},"explain":false,
                     "intendedUse":{"merchantId":"%s","storeId":"%s","terminalId":"%s","amount":%s,
                      "basket":[{"sku":"TEA-1","category":"DRINKS","quantity":1,"unitPrice":%s}]}}"""
                    .formatted(merchantId, storeId, terminalId, JSON_MONEY.formatted(800), JSON_MONEY.formatted(800));
            Reply searched = till.post("/api/v1/searches", search, key());
            assertThat(searched.status()).as(searched.body()).isEqualTo(200);

            // merchants read their own, and only their own; the demo's stores came through the same API
            ApiCaller sakura = as("demo-sakura-mart");
            Reply own = sakura.get("/api/v1/merchants/" + DemoData.SAKURA_MART + "/stores");
            assertThat(own.status()).as(own.body()).isEqualTo(200);
            assertThat(own.json().path("stores").get(0).path("address").path("country").asString()).isEqualTo("JP");
            assertThat(sakura.get("/api/v1/merchants/" + merchantId).code()).isEqualTo("OTHER_MERCHANT");
            assertThat(sakura.post("/api/v1/merchants", "{\"name\":\"Sneaky\"}", key()).code()).isEqualTo("ROLE_NOT_PERMITTED");

            Reply decommissioned = admin.post("/api/v1/merchants/" + merchantId + "/terminals/" + terminalId + "/decommissioning",
                    null, key());
            assertThat(decommissioned.json().path("status").asString()).as(decommissioned.body()).isEqualTo("DECOMMISSIONED");
            Reply refused = till.post("/api/v1/searches", search, key());
            for (int waited = 0; refused.status() != 401 && waited < 50; waited++) {
                sleep(100);
                refused = till.post("/api/v1/searches", search, key());
            }
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("API_KEY_INVALID");

            JsonNode audit = admin.get("/api/v1/merchants/" + merchantId + "/audit").json().path("entries");
            assertThat(audit.size()).isEqualTo(4);
            assertThat(audit.get(0).path("action").asString()).isEqualTo("DECOMMISSIONED");
            assertThat(audit.get(0).path("actor").asString()).isEqualTo("demo-admin");

            // the merchant's own key works until the merchant is closed, and then is refused like its terminals' keys
            String officeKeyRequest = "{\"kind\":\"MERCHANT\",\"label\":\"Kyoto Tea House office\",\"merchantId\":\"" + merchantId + "\"}";
            Reply officeKey = admin.post("/api/v1/credentials", officeKeyRequest, key());
            assertThat(officeKey.status()).as(officeKey.body()).isEqualTo(201);
            String officeApiKey = officeKey.json().path("apiKey").asString();
            ApiCaller office = new ApiCaller(platform.gatewayUrl(), (method, path) -> Map.of("X-Api-Key", officeApiKey));
            assertThat(office.get("/api/v1/merchants/" + merchantId).status()).isEqualTo(200);
            Reply closed = admin.post("/api/v1/merchants/" + merchantId + "/closure", "{\"reason\":\"moved away\"}", key());
            assertThat(closed.json().path("status").asString()).as(closed.body()).isEqualTo("CLOSED");
            Reply refusedOffice = office.get("/api/v1/merchants/" + merchantId);
            for (int waited = 0; refusedOffice.status() != 401 && waited < 50; waited++) {
                sleep(100);
                refusedOffice = office.get("/api/v1/merchants/" + merchantId);
            }
            assertThat(refusedOffice.code()).as(refusedOffice.body()).isEqualTo("API_KEY_INVALID");
            assertThat(admin.post("/api/v1/credentials", officeKeyRequest, key()).code()).isEqualTo("MERCHANT_CLOSED");
        }
    }

    private static ApiCaller as(String keyId) {
        String apiKey = DemoCredentials.KEYS.stream().filter(key -> key.id().equals(keyId)).findFirst().orElseThrow().apiKey();
        return new ApiCaller(platform.gatewayUrl(), (method, path) -> Map.of("X-Api-Key", apiKey));
    }

    private static String campaign(String shortCode) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of(DemoData.TOKYO)).truncatedTo(ChronoUnit.MINUTES);
        return """
                {"shortCode":"%s","terms":{"title":"End-to-end 20%% off","kind":"DISCOUNT","currency":"JPY",
                 "discount":{"type":"PERCENTAGE","basisPoints":2000,"cap":%s},
                 "timeZone":"Asia/Tokyo","validFrom":"%s","validUntil":"%s",
                 "acceptedMedia":["CREDIT"],"totalCap":5,"perCardLimit":1,"stacking":"EXCLUSIVE"}}"""
                .formatted(shortCode, JSON_MONEY.formatted(1000), now.minusDays(1), now.plusDays(30));
    }

    private static String acquisition(String campaignId, String card) {
        return "{\"campaignId\":\"" + campaignId + "\",\"medium\":{\"type\":\"CREDIT\",\"cardNumber\":\"" + card + "\"}}";
    }

    private static String intendedUse(UUID terminal, long amount) {
        return """
                {"merchantId":"%s","storeId":"%s","terminalId":"%s","amount":%s,
                 "basket":[{"sku":"SKU-1","category":"GROCERY","quantity":1,"unitPrice":%s}]}"""
                .formatted(DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, terminal, JSON_MONEY.formatted(amount), JSON_MONEY.formatted(amount));
    }

    private static String search(String card, long amount) {
        return "{\"medium\":{\"type\":\"CREDIT\",\"cardNumber\":\"" + card + "\"},\"intendedUse\":"
                + intendedUse(DemoData.SHIBUYA_TILL_1, amount) + ",\"explain\":false}";
    }

    private static String payment(String transaction, String card, long amount) {
        return """
                {"transactionId":"%s","merchantId":"%s","storeId":"%s","terminalId":"%s",
                 "card":{"number":"%s","expiry":"2030-12"},"amount":%s,
                 "basket":[{"sku":"SKU-1","category":"GROCERY","quantity":1,"unitPrice":%s}]}"""
                .formatted(transaction, DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, DemoData.SHIBUYA_TILL_1, card,
                        JSON_MONEY.formatted(amount), JSON_MONEY.formatted(amount));
    }

    /**
     * The code of the discount coupon that landed on a 5,000 yen payment charged 4,000: applied inside the
     * authorization, or, when the coupon search missed its budget, applied late by a partial reversal (the payment's
     * status then shows the amount the card finally holds).
     */
    private static String discountLanded(ApiCaller till, JsonNode paid) {
        if (paid.path("coupon").path("status").asString().equals("APPLIED")) {
            assertThat(paid.path("chargedAmount").path("amountMinor").asLong()).isEqualTo(4000);
            return paid.path("coupon").path("applied").get(0).path("code").asString();
        }
        assertThat(paid.path("coupon").path("reason").asString()).isEqualTo("COUPON_SEARCH_TIMED_OUT");
        String path = "/api/v1/payments/" + paid.path("paymentId").asString();
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(30);
        JsonNode late = till.get(path).json().path("lateCoupon");
        while (!late.path("status").asString("").equals("APPLIED") && java.time.Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            late = till.get(path).json().path("lateCoupon");
        }
        assertThat(late.path("status").asString()).as(late.toString()).isEqualTo("APPLIED");
        assertThat(late.path("heldAmount").path("amountMinor").asLong()).isEqualTo(4000);
        return late.path("applied").get(0).path("code").asString();
    }

    /** The row of a figures CSV whose first cell is {@code breakdown}, by column name. */
    private static Map<String, String> csvRow(String csv, String breakdown) {
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",", -1);
        String[] row = lines.stream().filter(line -> line.startsWith(breakdown + ",")).findFirst().orElseThrow().split(",", -1);
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            cells.put(header[i], row[i]);
        }
        return cells;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
