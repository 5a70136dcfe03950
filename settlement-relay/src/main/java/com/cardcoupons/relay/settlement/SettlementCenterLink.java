package com.cardcoupons.relay.settlement;

import org.jdom2.Element;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.q2.QBean;
import org.jpos.q2.iso.QMUX;
import org.jpos.space.LocalSpace;
import org.jpos.space.SpaceFactory;
import org.jpos.space.SpaceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one persistent connection to the settlement center's ISO 8583 host. jPOS does the protocol: a
 * {@link SettlementCenterChannel} (two-byte length framing, the 1987 ASCII packager {@link ISO87APackager}) carries
 * the messages, and a {@link QMUX} matches each answer to its request by its MTI class, terminal (41) and STAN (11),
 * so any number of authorizations share the connection. A thread of its own makes the connection, signs on (0800,
 * network management code 001) before it lets anything else through, sends an echo test (301) every echo interval,
 * and makes the connection again, after a delay doubling up to a limit, whenever it is lost: refused, cut, silent at
 * an echo, or carrying a frame that is not a readable message. Answers nobody waits for any more (they came after
 * their request's timeout, or twice) are logged and dropped: what the relay stopped waiting for it reverses anyway.
 */
@Component
public class SettlementCenterLink implements SmartLifecycle {

    /** Before the web server's start (Spring Boot starts it in phase {@code DEFAULT_PHASE - 2048}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(SettlementCenterLink.class);
    private static final String SIGN_ON = "001";
    private static final String ECHO = "301";

    /** Where the link stands. */
    public enum State {
        DISCONNECTED, CONNECTED, SIGNED_ON
    }

    private final SettlementCenterProperties properties;
    private final Clock clock;
    private final String name = "settlement-center-" + UUID.randomUUID();
    private final org.jpos.util.Logger jposLog = JposLog.named(name);
    private final LocalSpace<String, Object> space;
    private final String in = name + ".in";
    private final String out = name + ".out";
    private final QMUX mux = new QMUX();
    private final AtomicInteger networkStan = new AtomicInteger(ThreadLocalRandom.current().nextInt(999_999));
    private final Object changes = new Object();

    private volatile boolean running;
    private volatile SettlementCenterChannel channel;
    private volatile State state = State.DISCONNECTED;
    private volatile Instant since;
    private volatile String lastProblem;
    private Thread keeper;

    @SuppressWarnings("unchecked")
    SettlementCenterLink(SettlementCenterProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.space = (LocalSpace<String, Object>) SpaceFactory.getSpace("tspace:" + name);
        this.since = clock.instant();
    }

    /**
     * Sends a message and waits for its answer; null when none came in time.
     *
     * @throws SettlementCenterUnavailable when the link is not signed on: nothing was sent
     */
    ISOMsg request(ISOMsg message, Duration timeout) {
        if (state != State.SIGNED_ON) {
            throw new SettlementCenterUnavailable();
        }
        return exchange(message, timeout);
    }

    public boolean signedOn() {
        return state == State.SIGNED_ON;
    }

    public State state() {
        return state;
    }

    /** Since when the link has been in its state. */
    public Instant since() {
        return since;
    }

    /** What last went wrong with the connection, if anything did. */
    public String lastProblem() {
        return lastProblem;
    }

    public String host() {
        return properties.host() + ":" + properties.port();
    }

    /**
     * Starts the link and waits, a little, for the first sign-on: a relay whose host is up is ready when it has
     * started; one whose host is down starts all the same, not ready, and keeps trying.
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        startMux();
        running = true;
        keeper = new Thread(this::keepConnected, "settlement-center-link");
        keeper.setDaemon(true);
        keeper.start();
        Instant giveUp = clock.instant().plus(properties.connectTimeout()).plus(properties.signOnTimeout());
        synchronized (changes) {
            while (state != State.SIGNED_ON && clock.instant().isBefore(giveUp)) {
                try {
                    changes.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        SettlementCenterChannel current = channel;
        if (current != null) {
            recycle(current, "the relay is stopping");
        }
        if (keeper != null) {
            keeper.interrupt();
        }
        mux.stop();
        mux.destroy();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void startMux() {
        Element persist = new Element("qmux");
        persist.addContent(new Element("space").setText("tspace:" + name));
        persist.addContent(new Element("in").setText(in));
        persist.addContent(new Element("out").setText(out));
        persist.addContent(new Element("key").setText("41, 11"));
        mux.setName(name);
        mux.setLogger(name);
        mux.setPersist(persist);
        try {
            mux.setConfiguration(new SimpleConfiguration());
        } catch (org.jpos.core.ConfigurationException e) {
            throw new IllegalStateException("QMUX refused its configuration", e);
        }
        mux.init();
        mux.start();
        if (mux.getState() != QBean.STARTED) {
            throw new IllegalStateException("QMUX did not start: " + mux.getStateAsString());
        }
        mux.addISORequestListener((source, unmatched) -> {
            unmatched(unmatched);
            return true;
        });
        space.addListener(out, (SpaceListener<String, Object>) (key, value) -> sendNext());
    }

    /** The connection's life: connect, sign on, echo until it fails, then again after a growing delay. */
    private void keepConnected() {
        int failures = 0;
        while (running) {
            SettlementCenterChannel connection = new SettlementCenterChannel(properties.host(), properties.port(),
                    new ISO87APackager());
            connection.setLogger(jposLog, "channel");
            try {
                connection.setConfiguration(new SimpleConfiguration(connectTimeout()));
                connection.connect();
                channel = connection;
                moveTo(State.CONNECTED, null);
                Thread receiver = new Thread(() -> receive(connection), "settlement-center-receiver");
                receiver.setDaemon(true);
                receiver.start();
                if (networkManagement(SIGN_ON)) {
                    moveTo(State.SIGNED_ON, null);
                    log.info("signed on to the settlement center at {}", host());
                    failures = 0;
                    echoWhileConnected(connection);
                } else {
                    recycle(connection, "sign-on not answered with 00");
                }
            } catch (IOException | org.jpos.core.ConfigurationException e) {
                lastProblem = "cannot connect: " + e.getMessage();
                moveTo(State.DISCONNECTED, lastProblem);
            }
            if (running) {
                pause(backoff(++failures));
            }
        }
    }

    private void echoWhileConnected(SettlementCenterChannel connection) {
        while (running && channel == connection && connection.isConnected()) {
            synchronized (changes) {
                try {
                    changes.wait(properties.echoInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!running || channel != connection || !connection.isConnected()) {
                return;
            }
            if (!networkManagement(ECHO)) {
                recycle(connection, "echo test not answered");
                return;
            }
        }
    }

    /** Sign-on or echo test: true when answered with 00. */
    private boolean networkManagement(String code) {
        ISOMsg message = new ISOMsg("0800");
        message.set(7, MessageTrace.of("00000000", "000000000000000", 1, clock.instant()).transmissionDateTime());
        message.set(11, String.format("%06d", networkStan.updateAndGet(stan -> stan % 999_999 + 1)));
        message.set(70, code);
        ISOMsg answer = exchange(message, properties.signOnTimeout());
        return answer != null && "00".equals(answer.getString(39));
    }

    private ISOMsg exchange(ISOMsg message, Duration timeout) {
        try {
            return mux.request(message, timeout.toMillis());
        } catch (ISOException e) {
            throw new IllegalStateException("QMUX refused a message: " + e.getMessage(), e);
        }
    }

    /** Sends what QMUX queued, on the requesting thread: no thread hand-off on the way out. */
    private void sendNext() {
        Object next = space.inp(out);
        if (!(next instanceof ISOMsg message)) {
            return;
        }
        SettlementCenterChannel connection = channel;
        if (connection == null || !connection.isConnected()) {
            return;
        }
        try {
            connection.send(message);
        } catch (ISOException e) {
            log.error("could not pack an {} for the settlement center: {}", mti(message), e.getMessage());
        } catch (IOException e) {
            recycle(connection, "send failed: " + e.getMessage());
        }
    }

    /** Hands every message read to QMUX, until the connection ends or delivers something unreadable. */
    private void receive(SettlementCenterChannel connection) {
        while (running && connection.isConnected()) {
            try {
                space.out(in, connection.receive());
            } catch (ISOException unreadable) {
                log.warn("the settlement center sent a message that is not readable ISO 8583 ({}); the connection is"
                        + " made again", unreadable.getMessage());
                recycle(connection, "unreadable message: " + unreadable.getMessage());
                return;
            } catch (IOException ended) {
                recycle(connection, "connection lost: " + ended.getMessage());
                return;
            }
        }
    }

    /** An answer nobody waits for, or a request from the host: the host's own echo test is answered. */
    private void unmatched(ISOMsg message) {
        String mti = mti(message);
        if ("0800".equals(mti)) {
            try {
                ISOMsg answer = (ISOMsg) message.clone();
                answer.setResponseMTI();
                answer.set(39, "00");
                SettlementCenterChannel connection = channel;
                if (connection != null) {
                    connection.send(answer);
                }
            } catch (ISOException | IOException e) {
                log.warn("could not answer the settlement center's {}: {}", mti, e.getMessage());
            }
            return;
        }
        log.info("{} for terminal {} STAN {} arrived after its request stopped waiting, or twice; ignored",
                mti, message.getString(41), message.getString(11));
    }

    private void recycle(SettlementCenterChannel connection, String problem) {
        synchronized (changes) {
            if (channel == connection) {
                channel = null;
                if (running) {
                    log.warn("connection to the settlement center at {} closed: {}", host(), problem);
                }
                moveTo(State.DISCONNECTED, problem);
            }
            changes.notifyAll();
        }
        try {
            connection.disconnect();
        } catch (IOException ignored) {
            // closed already
        }
    }

    private void moveTo(State next, String problem) {
        synchronized (changes) {
            if (state != next) {
                state = next;
                since = clock.instant();
            }
            if (problem != null) {
                lastProblem = problem;
            }
            changes.notifyAll();
        }
    }

    private Duration backoff(int failures) {
        Duration delay = properties.reconnectMin();
        for (int i = 1; i < failures && delay.compareTo(properties.reconnectMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        delay = delay.compareTo(properties.reconnectMax()) > 0 ? properties.reconnectMax() : delay;
        // up to a quarter more, so that relays cut off together do not all call back at the same moment
        return delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 4 + 1));
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private java.util.Properties connectTimeout() {
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty("host", properties.host());
        settings.setProperty("port", Integer.toString(properties.port()));
        settings.setProperty("connect-timeout", Long.toString(properties.connectTimeout().toMillis()));
        settings.setProperty("timeout", "0");
        return settings;
    }

    private static String mti(ISOMsg message) {
        try {
            return message.getMTI();
        } catch (ISOException e) {
            return "a message without an MTI";
        }
    }
}
