package com.cardcoupons.relay.support;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.model.terminal.Stacking;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coupon-server reduced to its terminal contracts, implemented faithfully: it verifies the gateway-signed terminal
 * identity, searches the coupons a card carries, holds single-use coupons so a second hold of a used coupon is
 * refused, replays a reservation by its idempotency key, and confirms or releases. It records every call as it came,
 * and it can fail its holds alone, or its confirmations and releases alone, which the real one cannot be made to do.
 */
public final class CouponServerStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SETTLE = Pattern.compile("/api/v1/reservations/([0-9a-f-]{36})/(confirm|release)");

    private final IdentitySigner signer;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, List<StandInCoupon>> couponsByCard = new ConcurrentHashMap<>();
    private final Map<UUID, Reservation> reservations = new ConcurrentHashMap<>();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> failing = path -> false;
    private volatile long searchDelayMillis;
    private volatile long holdDelayMillis;
    private volatile boolean refusingHolds;
    private volatile long holdDiscountShiftMinor;

    public CouponServerStandIn(IdentitySigner signer) {
        this.signer = signer;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Gives a card a coupon: a discount of {@code basisPoints} (1000 = 10%), or a benefit or ticket with its grant. */
    public void give(String card, StandInCoupon coupon) {
        couponsByCard.computeIfAbsent(card, c -> new CopyOnWriteArrayList<>()).add(coupon);
    }

    /** Answers 503 to reservations only, as if coupon-server failed between the search and the hold. */
    public void failReservations() {
        failing = path -> path.equals("/api/v1/reservations");
    }

    /** Answers 503 to confirmations and releases only. */
    public void failSettlements() {
        failing = path -> SETTLE.matcher(path).matches();
    }

    /** Every search answers this much later, as a coupon-server too slow for the search budget. */
    public void delaySearches(java.time.Duration delay) {
        searchDelayMillis = delay.toMillis();
    }

    /** Every hold answers this much later. */
    public void delayReservations(java.time.Duration delay) {
        holdDelayMillis = delay.toMillis();
    }

    /** Refuses every hold as coupon-server does a coupon used up meanwhile ({@code 409 COUPON_USED_UP}). */
    public void refuseReservations() {
        refusingHolds = true;
    }

    /** Holds take this much more off than searches found, as if the card's coupons changed in between. */
    public void shiftHoldDiscounts(long minor) {
        holdDiscountShiftMinor = minor;
    }

    public void recover() {
        failing = path -> false;
        searchDelayMillis = 0;
        holdDelayMillis = 0;
        refusingHolds = false;
        holdDiscountShiftMinor = 0;
    }

    public void reset() {
        recover();
        calls.clear();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long callsTo(String pathPrefix) {
        return calls.stream().filter(call -> call.path().startsWith(pathPrefix)).count();
    }

    public List<Reservation> reservationsOf(String transactionId) {
        return reservations.values().stream().filter(r -> r.transactionId.equals(transactionId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Optional<CallerIdentity> caller = signer.verify(exchange.getRequestHeaders()::getFirst,
                    exchange.getRequestMethod(), path);
            calls.add(new Call(path, caller.orElse(null), exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            if (failing.test(path)) {
                send(exchange, 503, problem("SERVICE_UNAVAILABLE"));
                return;
            }
            if (caller.isEmpty() || caller.get().terminalId() == null) {
                send(exchange, 401, problem("GATEWAY_IDENTITY_INVALID"));
                return;
            }
            JsonNode body = readBody(exchange);
            Matcher settle = SETTLE.matcher(path);
            if (path.equals("/api/v1/searches")) {
                if (searchDelayMillis > 0) {
                    RelayTestBase.sleep(searchDelayMillis);
                }
                send(exchange, 200, JSON.writeValueAsString(search(body)));
            } else if (path.equals("/api/v1/reservations")) {
                if (holdDelayMillis > 0) {
                    RelayTestBase.sleep(holdDelayMillis);
                }
                if (refusingHolds) {
                    send(exchange, 409, problem("COUPON_USED_UP"));
                    return;
                }
                reserve(exchange, body);
            } else if (settle.matches()) {
                settle(exchange, UUID.fromString(settle.group(1)), settle.group(2).equals("confirm"));
            } else {
                send(exchange, 404, problem("NOT_FOUND"));
            }
        }
    }

    private CouponSearchResponse search(JsonNode request) {
        String card = request.path("medium").path("cardNumber").asString();
        Money amount = money(request.path("intendedUse").path("amount"));
        List<CouponSearchResponse.UsableCoupon> usable = new ArrayList<>();
        for (StandInCoupon coupon : couponsByCard.getOrDefault(card, List.of())) {
            if (coupon.usesLeft() > 0) {
                Money discount = coupon.discountOn(amount);
                usable.add(new CouponSearchResponse.UsableCoupon(coupon.id, coupon.code(), coupon.campaignId, coupon.title(),
                        coupon.kind(), Stacking.EXCLUSIVE,
                        new CouponSearchResponse.Effect(discount, amount.minus(discount), coupon.grant()),
                        coupon.usesLeft(), Instant.now().plus(30, ChronoUnit.DAYS)));
            }
        }
        CouponSearchResponse.Combination best = usable.stream()
                .filter(coupon -> coupon.kind() == CouponKind.DISCOUNT)
                .max(Comparator.comparingLong(coupon -> coupon.effect().discount().amountMinor()))
                .map(coupon -> new CouponSearchResponse.Combination(List.of(coupon.code()), coupon.effect().discount(),
                        coupon.effect().payable()))
                .orElse(null);
        return new CouponSearchResponse(UUID.randomUUID(), usable, best, List.of());
    }

    private void reserve(HttpExchange exchange, JsonNode request) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null) {
            send(exchange, 400, problem("IDEMPOTENCY_KEY_REQUIRED"));
            return;
        }
        String replay = replies.get(key);
        if (replay != null) {
            send(exchange, 201, replay);
            return;
        }
        String card = request.path("medium").path("cardNumber").asString();
        Money amount = money(request.path("intendedUse").path("amount"));
        List<StandInCoupon> wanted = new ArrayList<>();
        for (JsonNode code : request.path("couponCodes")) {
            Optional<StandInCoupon> coupon = couponsByCard.getOrDefault(card, List.of()).stream()
                    .filter(c -> c.code().equals(code.asString())).findFirst();
            if (coupon.isEmpty()) {
                send(exchange, 422, problem("COUPON_NOT_USABLE"));
                return;
            }
            wanted.add(coupon.get());
        }
        synchronized (this) {
            if (wanted.stream().anyMatch(coupon -> coupon.usesLeft() <= 0)) {
                send(exchange, 409, problem("COUPON_USED_UP"));
                return;
            }
            wanted.forEach(coupon -> coupon.held.incrementAndGet());
        }
        Money total = Money.zero(amount.currency());
        List<ReservationResponse.RedeemedCoupon> redeemed = new ArrayList<>();
        for (StandInCoupon coupon : wanted) {
            Money discount = coupon.discountOn(amount).plus(Money.of(holdDiscountShiftMinor, amount.currency().getCurrencyCode()));
            total = total.plus(discount);
            redeemed.add(redeemed(coupon, discount));
        }
        Reservation reservation = new Reservation(UUID.randomUUID(), request.path("transactionId").asString(), wanted);
        reservations.put(reservation.id, reservation);
        ReservationResponse response = new ReservationResponse(reservation.id, reservation.transactionId,
                ReservationResponse.ReservationState.RESERVED, redeemed, total, amount.minus(total),
                Instant.now().plus(5, ChronoUnit.MINUTES));
        String json = JSON.writeValueAsString(response);
        replies.put(key, json);
        send(exchange, 201, json);
    }

    private void settle(HttpExchange exchange, UUID id, boolean confirm) throws IOException {
        Reservation reservation = reservations.get(id);
        if (reservation == null) {
            send(exchange, 404, problem("RESERVATION_NOT_FOUND"));
            return;
        }
        synchronized (this) {
            ReservationResponse.ReservationState target = confirm
                    ? ReservationResponse.ReservationState.CONFIRMED : ReservationResponse.ReservationState.RELEASED;
            if (reservation.state != ReservationResponse.ReservationState.RESERVED && reservation.state != target) {
                send(exchange, 409, problem("RESERVATION_ALREADY_SETTLED"));
                return;
            }
            if (reservation.state == ReservationResponse.ReservationState.RESERVED && !confirm) {
                reservation.coupons.forEach(coupon -> coupon.held.decrementAndGet());
            }
            reservation.state = target;
        }
        send(exchange, 200, JSON.writeValueAsString(new ReservationResponse(reservation.id, reservation.transactionId,
                reservation.state, List.of(), null, null, null)));
    }

    /** The contract's redeemed coupon; built in one place, as the contract may still gain fields. */
    private static ReservationResponse.RedeemedCoupon redeemed(StandInCoupon coupon, Money discount) {
        return new ReservationResponse.RedeemedCoupon(UUID.randomUUID(), coupon.code(), coupon.title(), coupon.kind(),
                discount, coupon.grant(), ReservationResponse.ReservationState.RESERVED);
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static Money money(JsonNode node) {
        return Money.of(node.path("amountMinor").asLong(), node.path("currency").asString());
    }

    private static String problem(String code) {
        return "{\"code\":\"" + code + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A call as it arrived: its path, the verified caller (null if the signature failed), correlation id and key. */
    public record Call(String path, CallerIdentity caller, String correlationId, String idempotencyKey) {
    }

    /** A coupon a card carries: a discount in basis points, or a benefit or ticket granting something. */
    public static final class StandInCoupon {

        private final UUID id = UUID.randomUUID();
        private final UUID campaignId = UUID.randomUUID();
        private final String code;
        private final String title;
        private final CouponKind kind;
        private final int basisPoints;
        private final String grant;
        private final int uses;
        private final AtomicInteger held = new AtomicInteger();

        private StandInCoupon(String code, String title, CouponKind kind, int basisPoints, String grant, int uses) {
            this.code = code;
            this.title = title;
            this.kind = kind;
            this.basisPoints = basisPoints;
            this.grant = grant;
            this.uses = uses;
        }

        public static StandInCoupon discount(String code, String title, int basisPoints) {
            return new StandInCoupon(code, title, CouponKind.DISCOUNT, basisPoints, null, 1);
        }

        public static StandInCoupon benefit(String code, String title, String grant) {
            return new StandInCoupon(code, title, CouponKind.BENEFIT, 0, grant, 1);
        }

        public String code() {
            return code;
        }

        String title() {
            return title;
        }

        CouponKind kind() {
            return kind;
        }

        String grant() {
            return grant;
        }

        public int usesLeft() {
            return uses - held.get();
        }

        Money discountOn(Money amount) {
            return kind == CouponKind.DISCOUNT ? amount.basisPoints(basisPoints) : Money.zero(amount.currency());
        }
    }

    /** A hold on coupons for one transaction, and where it stands. */
    public static final class Reservation {

        private final UUID id;
        private final String transactionId;
        private final List<StandInCoupon> coupons;
        private volatile ReservationResponse.ReservationState state = ReservationResponse.ReservationState.RESERVED;

        Reservation(UUID id, String transactionId, List<StandInCoupon> coupons) {
            this.id = id;
            this.transactionId = transactionId;
            this.coupons = coupons;
        }

        public UUID id() {
            return id;
        }

        public ReservationResponse.ReservationState state() {
            return state;
        }
    }
}
