package com.cardcoupons.settlementcenter.iso;

import com.cardcoupons.settlementcenter.Amount;
import com.cardcoupons.settlementcenter.authorization.AuthorizationRequest;
import com.cardcoupons.settlementcenter.authorization.Issuer;
import com.cardcoupons.settlementcenter.authorization.ResponseCode;
import com.cardcoupons.settlementcenter.authorization.ReversalRequest;
import com.cardcoupons.settlementcenter.authorization.ReversalResult;
import com.cardcoupons.settlementcenter.fault.Fault;
import com.cardcoupons.settlementcenter.fault.FaultRule;
import com.cardcoupons.settlementcenter.fault.Faults;
import com.cardcoupons.settlementcenter.fault.Operation;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISORequestListener;
import org.jpos.iso.ISOSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers what arrives on a connection: 0800 network management with 0810, 0100 authorizations with 0110, 0400
 * reversals with 0410, and 0420/0421 reversal advices with 0430. Each message is worked on its own thread, so one
 * slow answer never holds up the others on the same connection, and the fault rules decide, per message, how long
 * its answer takes and whether it comes at all, twice, garbled, or as a cut connection.
 */
@Component
class MessageHandler implements ISORequestListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);
    private static final int[] AUTHORIZATION_FIELDS = {2, 4, 7, 11, 14, 32, 41, 42, 49};
    private static final int[] REVERSAL_FIELDS = {4, 7, 11, 32, 41, 42, 49, 90};
    /** Not echoed in answers: the expiry, track data and PIN block stay with the request. */
    private static final int[] NOT_ECHOED = {14, 35, 45, 52};

    private final Issuer issuer;
    private final Faults faults;
    private final ExecutorService workers;

    MessageHandler(Issuer issuer, Faults faults, IsoHostProperties properties) {
        this.issuer = issuer;
        this.faults = faults;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.workers(), runnable -> {
            Thread thread = new Thread(runnable, "iso-host-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean process(ISOSource source, ISOMsg message) {
        try {
            workers.execute(() -> answer(source, message));
        } catch (RejectedExecutionException stopping) {
            log.warn("message not worked on: the host is stopping");
        }
        return true;
    }

    private void answer(ISOSource source, ISOMsg request) {
        try {
            switch (request.getMTI()) {
                case "0800" -> networkManagement(source, request);
                case "0100" -> authorization(source, request);
                case "0400", "0420", "0421" -> reversal(source, request);
                default -> log.warn("message type {} is not served; ignored", request.getMTI());
            }
        } catch (ISOException e) {
            log.warn("could not answer a message: {}", e.getMessage());
        }
    }

    private void networkManagement(ISOSource source, ISOMsg request) throws ISOException {
        Fault fault = faults.next(Operation.NETWORK_MANAGEMENT, 0);
        if (fault.effect() == FaultRule.Effect.IGNORE) {
            return;
        }
        ISOMsg answer = answerTo(request, fault.responseCode() == null ? "00" : fault.responseCode());
        deliver(source, answer, fault);
    }

    private void authorization(ISOSource source, ISOMsg request) throws ISOException {
        if (!hasAll(request, AUTHORIZATION_FIELDS)) {
            deliver(source, answerTo(request, ResponseCode.FORMAT_ERROR.iso()), faults.next(Operation.AUTHORIZE, 0));
            return;
        }
        Amount amount = amount(request);
        Fault fault = faults.next(Operation.AUTHORIZE, amount.amountMinor());
        if (fault.effect() == FaultRule.Effect.IGNORE) {
            return;
        }
        ISOMsg answer;
        if (!fault.processed()) {
            answer = answerTo(request, fault.responseCode());
        } else {
            YearMonth expiry;
            try {
                String yymm = request.getString(14);
                expiry = YearMonth.of(2000 + Integer.parseInt(yymm.substring(0, 2)), Integer.parseInt(yymm.substring(2, 4)));
            } catch (DateTimeException | NumberFormatException | StringIndexOutOfBoundsException unreadable) {
                deliver(source, answerTo(request, ResponseCode.FORMAT_ERROR.iso()), fault);
                return;
            }
            Issuer.Answer decided = issuer.authorize(new AuthorizationRequest(authorizationKey(request),
                    request.getString(41), request.getString(11), request.getString(37), request.getString(2), expiry, amount));
            answer = answerTo(request, decided.responseCode().iso());
            if (decided.approvalCode() != null) {
                answer.set(38, decided.approvalCode());
            }
        }
        deliver(source, answer, fault);
    }

    private void reversal(ISOSource source, ISOMsg request) throws ISOException {
        if (!hasAll(request, REVERSAL_FIELDS) || request.getString(90).length() != 42) {
            deliver(source, answerTo(request, ResponseCode.FORMAT_ERROR.iso()), faults.next(Operation.REVERSE, 0));
            return;
        }
        Amount amount = amount(request);
        Fault fault = faults.next(Operation.REVERSE, amount.amountMinor());
        if (fault.effect() == FaultRule.Effect.IGNORE) {
            return;
        }
        ISOMsg answer;
        if (!fault.processed()) {
            answer = answerTo(request, fault.responseCode());
        } else {
            Long replacement = request.hasField(95) ? Long.parseLong(request.getString(95).substring(0, 12)) : null;
            ReversalResult result = issuer.reverse(new ReversalRequest(originalKey(request), amount, replacement));
            answer = answerTo(request, result == ReversalResult.REFUSED ? ResponseCode.INVALID_AMOUNT.iso() : "00");
        }
        deliver(source, answer, fault);
    }

    /** Sends the answer as the fault says: after its latency, once, twice, garbled, or not at all. */
    private void deliver(ISOSource source, ISOMsg answer, Fault fault) throws ISOException {
        if (!fault.pause()) {
            return;
        }
        try {
            switch (fault.effect()) {
                case ANSWER -> source.send(answer);
                case DUPLICATE_ANSWER -> {
                    source.send(answer);
                    source.send((ISOMsg) answer.clone());
                }
                case MALFORMED_ANSWER -> sendGarbled(source, answer);
                case DROP_CONNECTION -> {
                    if (source instanceof ISOChannel channel) {
                        channel.disconnect();
                    }
                }
                case NO_ANSWER, IGNORE -> log.info("{} left unanswered (fault)", answer.getMTI());
            }
        } catch (IOException e) {
            log.info("could not answer {}: the connection is gone", answer.getMTI());
        }
    }

    /**
     * A frame of the right length whose content stops short inside the message: what a host with a bug or a line
     * with noise delivers. It still carries the start of the answer, card number included.
     */
    private static void sendGarbled(ISOSource source, ISOMsg answer) throws ISOException, IOException {
        if (!(source instanceof ISOChannel channel) || !(channel instanceof org.jpos.iso.BaseChannel base)) {
            return;
        }
        byte[] packed = base.getPackager().pack(answer);
        byte[] cut = Arrays.copyOf(packed, Math.min(packed.length, 4 + 16 + 2 + 19 + 5));
        byte[] frame = new byte[cut.length + 2];
        frame[0] = (byte) (cut.length >> 8);
        frame[1] = (byte) cut.length;
        System.arraycopy(cut, 0, frame, 2, cut.length);
        base.send(frame);
    }

    private static ISOMsg answerTo(ISOMsg request, String responseCode) throws ISOException {
        ISOMsg answer = (ISOMsg) request.clone();
        answer.setResponseMTI();
        answer.unset(NOT_ECHOED);
        answer.set(39, responseCode);
        return answer;
    }

    /** The authorization as reversals name it: acquiring institution, terminal, STAN, transmission date and time. */
    private static String authorizationKey(ISOMsg request) {
        return key(request.getString(32), request.getString(41), request.getString(11), request.getString(7));
    }

    /** Field 90: original MTI (4), STAN (6), transmission date and time (10), acquiring institution (11), forwarding (11). */
    private static String originalKey(ISOMsg reversal) {
        String original = reversal.getString(90);
        return key(original.substring(20, 31), reversal.getString(41), original.substring(4, 10), original.substring(10, 20));
    }

    private static String key(String acquirer, String terminal, String stan, String transmitted) {
        return acquirer.replaceFirst("^0+(?=.)", "") + "/" + terminal.strip() + "/" + stan + "/" + transmitted;
    }

    private static Amount amount(ISOMsg request) {
        return new Amount(Long.parseLong(request.getString(4)), request.getString(49));
    }

    private static boolean hasAll(ISOMsg message, int[] fields) {
        return Arrays.stream(fields).allMatch(message::hasField);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
