package com.cardcoupons.localplatform;

import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform with two instances of coupon-server and of the settlement relay ({@code run-platform --instances=2}),
 * as real processes. Three tills search, use coupons and pay in a steady stream while one coupon-server instance is
 * killed outright. No search fails: the gateway sends a search that failed on the dead instance to the other one. A
 * till retries a use or a payment that failed with its Idempotency-Key, as terminals do, and then no use is lost or
 * made twice and no payment is recorded or charged twice. The test prints what failed on the way and why.
 */
class InstanceFailoverTest {

    private static final Path LOGS = Path.of("target", "failover-test-logs").toAbsolutePath();
    private static final String JSON_MONEY = "{\"amountMinor\":%d,\"currency\":\"JPY\"}";
    private static final int ROUNDS = 45;
    private static final int KILL_AFTER_ROUND = 12;
    private static final int WARM_UP_USES = 4;
    private static final List<String> TILL_KEYS = List.of("demo-shibuya-till-1", "demo-shibuya-till-2", "demo-shinjuku-till-1");
    private static final List<UUID[]> TILLS = List.of(
            new UUID[] {DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, DemoData.SHIBUYA_TILL_1},
            new UUID[] {DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, DemoData.SHIBUYA_TILL_2},
            new UUID[] {DemoData.SAKURA_MART, DemoData.SAKURA_SHINJUKU, DemoData.SHINJUKU_TILL_1});
    private static LocalPlatform platform;

    private final Map<String, LongAdder> firstFailures = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> searchFailures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> finalFailures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Done> uses = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Done> payments = new ConcurrentLinkedQueue<>();
    private final AtomicInteger searches = new AtomicInteger();

    @BeforeAll
    static void start() {
        PlatformService.Ports ports = new PlatformService.Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        platform = LocalPlatform.start(ports, LocalPlatform.repositoryRoot(), LOGS, Map.of("RELAY_COUPON_SEARCH_BUDGET", "3s"), 2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void killingACouponServerInstanceFailsNoSearchAndLosesOrDoublesNoUseAndNoPayment() throws Exception {
        List<String[]> coupons = freshCoupons(TILLS.size() * (ROUNDS + WARM_UP_USES));
        warmUp(coupons.subList(TILLS.size() * ROUNDS, coupons.size()));
        CountDownLatch killed = new CountDownLatch(1);
        ExecutorService tills = Executors.newFixedThreadPool(TILLS.size());
        List<Future<?>> running = new ArrayList<>();
        for (int till = 0; till < TILLS.size(); till++) {
            int index = till;
            running.add(tills.submit(() -> {
                stream(index, coupons.subList(index * ROUNDS, (index + 1) * ROUNDS), killed);
                return null;
            }));
        }
        for (Future<?> till : running) {
            till.get(5, TimeUnit.MINUTES);
        }
        tills.shutdown();

        Map<String, Long> failovers = gatewayFailovers();
        System.out.printf("[failover] %d searches, %d uses, %d payments; coupon-server-2 killed after round %d%n",
                searches.get(), uses.size(), payments.size(), KILL_AFTER_ROUND);
        System.out.printf("[failover] calls the gateway sent to the other instance, by call and cause: %s%n", failovers);
        System.out.printf("[failover] first attempts that failed, by call and cause: %s%n", firstFailures);
        System.out.printf("[failover] failed after the till's retries: %s; searches failed: %s%n", finalFailures, searchFailures);

        assertThat(killed.getCount()).as("the instance was killed during the stream").isZero();
        assertThat(searchFailures).as("failed searches").isEmpty();
        assertThat(finalFailures).as("uses and payments that failed even when retried").isEmpty();
        assertThat(uses).hasSize(TILLS.size() * ROUNDS);
        assertThat(payments).hasSize(TILLS.size() * ROUNDS);
        try (Connection connection = platform.database().connect()) {
            for (Done use : uses) {
                assertThat(count(connection, "select count(*) from reservation where terminal_id = ? and transaction_id = ?",
                        use.terminal(), use.transaction())).as("reservations of use " + use.transaction()).isEqualTo(1);
                assertThat(count(connection, "select count(*) from redemption r join coupon c on c.id = r.coupon_id where c.code = ?",
                        use.detail())).as("redemptions of coupon " + use.detail()).isEqualTo(1);
            }
            for (Done payment : payments) {
                assertThat(count(connection, "select count(*) from payment where terminal_id = ? and transaction_id = ?"
                        + " and state = 'APPROVED' and charged_minor = 3000", payment.terminal(), payment.transaction()))
                        .as("payment " + payment.transaction()).isEqualTo(1);
            }
        }
    }

    /** One till's rounds: a search, a use of a fresh coupon, a payment by a card without coupons. */
    private void stream(int till, List<String[]> coupons, CountDownLatch killed) throws InterruptedException {
        UUID[] ids = TILLS.get(till);
        ApiCaller caller = as(TILL_KEYS.get(till));
        for (int round = 0; round < ROUNDS; round++) {
            if (till == 0 && round == KILL_AFTER_ROUND) {
                platform.process("coupon-server", 2).kill();
                killed.countDown();
            }
            long started = System.nanoTime();
            String[] coupon = coupons.get(round);
            try {
                searches.incrementAndGet();
                Reply found = caller.post("/api/v1/searches", "{\"medium\":" + medium(coupon[1]) + ",\"intendedUse\":"
                        + intendedUse(ids, 3000) + "}");
                if (found.status() != 200) {
                    searchFailures.add(found.status() + " " + found.code());
                }
            } catch (UncheckedIOException e) {
                searchFailures.add(e.getCause().toString());
            }
            String useTransaction = "USE-" + UUID.randomUUID();
            String use = "{\"transactionId\":\"" + useTransaction + "\",\"couponCodes\":[\"" + coupon[0] + "\"],\"medium\":"
                    + medium(coupon[1]) + ",\"intendedUse\":" + intendedUse(ids, 3000) + "}";
            if (retried("use", () -> caller.post("/api/v1/redemptions", use, useTransaction), 201) != null) {
                uses.add(new Done(ids[2], useTransaction, coupon[0]));
            }
            String payTransaction = "PAY-" + UUID.randomUUID();
            String payment = payment(ids, payTransaction, card(900_000 + till * 1000 + round), 3000);
            Reply paid = retried("payment", () -> caller.post("/api/v1/payments", payment, payTransaction), 201);
            if (paid != null) {
                payments.add(new Done(ids[2], payTransaction, paid.json().path("paymentId").asString()));
            }
            // about 15 calls a second per till, under a terminal key's rate limit of 20
            long pause = 200 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (pause > 0) {
                Thread.sleep(pause);
            }
        }
    }

    /**
     * Until every till's searches are answered 20 times in a row, and each till has used a few coupons: what is
     * measured is the loss of an instance, not the first calls to services that just started on a busy machine (those
     * may overrun the gateway's timeouts and open its circuit breaker, which closes again by itself).
     */
    private void warmUp(List<String[]> coupons) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (int till = 0; till < TILLS.size(); till++) {
            UUID[] ids = TILLS.get(till);
            ApiCaller caller = as(TILL_KEYS.get(till));
            int inARow = 0;
            while (inARow < 20 && System.nanoTime() < deadline) {
                String[] coupon = coupons.get(till * WARM_UP_USES);
                Reply found = caller.post("/api/v1/searches", "{\"medium\":" + medium(coupon[1]) + ",\"intendedUse\":"
                        + intendedUse(ids, 3000) + "}");
                inARow = found.status() == 200 ? inARow + 1 : 0;
                Thread.sleep(found.status() == 200 ? 50 : 1000);
            }
            assertThat(inARow).as("searches answered in a row while warming up").isEqualTo(20);
            for (int use = 0; use < WARM_UP_USES; use++) {
                String[] coupon = coupons.get(till * WARM_UP_USES + use);
                String transaction = "WARM-" + UUID.randomUUID();
                String body = "{\"transactionId\":\"" + transaction + "\",\"couponCodes\":[\"" + coupon[0] + "\"],\"medium\":"
                        + medium(coupon[1]) + ",\"intendedUse\":" + intendedUse(ids, 3000) + "}";
                Reply used = caller.post("/api/v1/redemptions", body, transaction);
                for (int attempt = 1; attempt < 10 && used.status() != 201; attempt++) {
                    Thread.sleep(1000);
                    used = caller.post("/api/v1/redemptions", body, transaction);
                }
                assertThat(used.status()).as(used.toString()).isEqualTo(201);
            }
        }
    }

    /** Sends until answered {@code expected}, at most five times half a second apart, as a till does. */
    private Reply retried(String call, java.util.function.Supplier<Reply> send, int expected) throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            String cause;
            try {
                Reply reply = send.get();
                if (reply.status() == expected) {
                    return reply;
                }
                cause = reply.status() + " " + reply.code();
            } catch (UncheckedIOException e) {
                cause = e.getCause().toString();
            }
            if (attempt == 1) {
                firstFailures.computeIfAbsent(call + ": " + cause, key -> new LongAdder()).increment();
            }
            Thread.sleep(500);
        }
        finalFailures.add(call);
        return null;
    }

    /** Fresh coupons of a new campaign of Sakura Mart, each on a card of its own: [code, card number]. */
    private List<String[]> freshCoupons(int count) {
        ApiCaller merchant = as("demo-sakura-mart");
        ApiCaller approver = as("demo-approver");
        ApiCaller app = as("demo-mobile-app");
        LocalDateTime now = LocalDateTime.now(ZoneId.of(DemoData.TOKYO)).truncatedTo(ChronoUnit.MINUTES);
        String shortCode = "FAIL" + (System.nanoTime() % 100_000);
        String submission = key();
        Reply submitted = settingUp(() -> merchant.post("/api/v1/campaigns", """
                {"shortCode":"%s","terms":{"title":"Failover 10%% off","kind":"DISCOUNT","currency":"JPY",
                 "discount":{"type":"PERCENTAGE","basisPoints":1000,"cap":%s},
                 "timeZone":"Asia/Tokyo","validFrom":"%s","validUntil":"%s",
                 "acceptedMedia":["CREDIT"],"totalCap":%d,"perCardLimit":1,"stacking":"EXCLUSIVE"}}"""
                .formatted(shortCode, JSON_MONEY.formatted(1000), now.minusDays(1), now.plusDays(30), count), submission));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String campaignId = submitted.json().path("id").asString();
        String approval = key();
        assertThat(settingUp(() -> approver.post("/api/v1/campaigns/" + campaignId + "/approve", "{\"version\":1}", approval))
                .status()).isEqualTo(200);
        List<String[]> coupons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String card = card(100_000 + i);
            String acquisition = key();
            Reply acquired = settingUp(() -> app.post("/api/v1/acquisitions",
                    "{\"campaignId\":\"" + campaignId + "\",\"medium\":" + medium(card) + "}", acquisition));
            assertThat(acquired.status()).as(acquired.body()).isEqualTo(201);
            coupons.add(new String[] {acquired.json().path("code").asString(), card});
        }
        return coupons;
    }

    /** A set-up call, sent again with its key while a service that has just started answers 503 or 504. */
    private static Reply settingUp(java.util.function.Supplier<Reply> send) {
        Reply reply = send.get();
        for (int attempt = 1; attempt < 5 && (reply.status() == 503 || reply.status() == 504); attempt++) {
            reply = send.get();
        }
        return reply;
    }

    /** The gateway's log lines "POST /api/v1/searches failed on ... (cause); sending it to another instance". */
    private Map<String, Long> gatewayFailovers() throws IOException {
        java.util.regex.Pattern failover = java.util.regex.Pattern.compile(
                "\"message\":\"(\\w+ \\S+) failed on \\S+ \\((.*?)\\); sending it to another instance");
        return Files.readString(LOGS.resolve("reception-terminal-gateway.log")).lines()
                .map(failover::matcher).filter(java.util.regex.Matcher::find)
                .collect(java.util.stream.Collectors.groupingBy(found -> found.group(1) + ": " + found.group(2),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /** A Visa test number, Luhn-valid, different for each {@code n}. */
    private static String card(int n) {
        String body = "4000" + String.format("%011d", n);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static String medium(String card) {
        return "{\"type\":\"CREDIT\",\"cardNumber\":\"" + card + "\"}";
    }

    private static String intendedUse(UUID[] till, long amount) {
        return """
                {"merchantId":"%s","storeId":"%s","terminalId":"%s","amount":%s,
                 "basket":[{"sku":"SKU-1","category":"GROCERY","quantity":1,"unitPrice":%s}]}"""
                .formatted(till[0], till[1], till[2], JSON_MONEY.formatted(amount), JSON_MONEY.formatted(amount));
    }

    private static String payment(UUID[] till, String transaction, String card, long amount) {
        return """
                {"transactionId":"%s","merchantId":"%s","storeId":"%s","terminalId":"%s",
                 "card":{"number":"%s","expiry":"2030-12"},"amount":%s,
                 "basket":[{"sku":"SKU-1","category":"GROCERY","quantity":1,"unitPrice":%s}]}"""
                .formatted(transaction, till[0], till[1], till[2], card, JSON_MONEY.formatted(amount), JSON_MONEY.formatted(amount));
    }

    private static ApiCaller as(String keyId) {
        String apiKey = DemoCredentials.KEYS.stream().filter(key -> key.id().equals(keyId)).findFirst().orElseThrow().apiKey();
        return new ApiCaller(platform.gatewayUrl(), (method, path) -> Map.of("X-Api-Key", apiKey));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A use or a payment that was answered: its terminal, its transaction, and its coupon code or payment id. */
    private record Done(UUID terminal, String transaction, String detail) {
    }
}
