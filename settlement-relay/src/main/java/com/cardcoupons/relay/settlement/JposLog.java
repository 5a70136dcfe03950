package com.cardcoupons.relay.settlement;

import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOMsg;
import org.jpos.util.LogEvent;
import org.jpos.util.LogListener;
import org.jpos.util.Logger;
import org.jpos.util.ProtectedLogListener;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The jPOS logger the relay's channel logs to, passed on to SLF4J under {@code iso8583.settlement-center}. Every
 * message goes through jPOS's {@link ProtectedLogListener} first, which wipes the card number, expiry, track data and
 * PIN block (fields 2, 14, 35, 45, 52) from the logged copy. Raw bytes that the channel adds to an event about a frame
 * it could not read are withheld: no listener can protect fields in bytes nobody could parse. Messages are logged at
 * DEBUG, failures at WARN.
 */
final class JposLog implements LogListener {

    static final String WIPED_FIELDS = "2 14 35 45 52";
    static final String LOGGER = "iso8583.settlement-center";
    private static final String RAW_BYTES_FOLLOW = "--- ";

    private final org.slf4j.Logger log = LoggerFactory.getLogger(LOGGER);
    private final ProtectedLogListener protection = new ProtectedLogListener();

    private JposLog() {
        Properties wipe = new Properties();
        wipe.setProperty("wipe", WIPED_FIELDS);
        try {
            protection.setConfiguration(new SimpleConfiguration(wipe));
        } catch (ConfigurationException e) {
            throw new IllegalStateException("jPOS refused the protected fields", e);
        }
    }

    /** A jPOS logger of its own (its name is unique to the caller), logging through this listener. */
    static Logger named(String name) {
        Logger logger = Logger.getLogger(name);
        synchronized (logger) {
            if (!logger.hasListeners()) {
                logger.addListener(new JposLog());
            }
        }
        return logger;
    }

    @Override
    public LogEvent log(LogEvent event) {
        boolean failure = event.getPayLoad().stream().anyMatch(Throwable.class::isInstance);
        if (failure ? !log.isWarnEnabled() : !log.isDebugEnabled()) {
            return event;
        }
        String text = render(protection.log(event));
        if (failure) {
            log.warn(text);
        } else {
            log.debug(text);
        }
        return event;
    }

    private static String render(LogEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            out.print(event.getTag());
            boolean rawBytes = false;
            for (Object item : event.getPayLoad()) {
                if (item instanceof String line && line.startsWith(RAW_BYTES_FOLLOW)) {
                    rawBytes = true;
                    continue;
                }
                if (rawBytes) {
                    out.print(" [the frame's bytes are not logged: they may hold card data]");
                    rawBytes = false;
                    continue;
                }
                out.println();
                if (item instanceof ISOMsg message) {
                    message.dump(out, "  ");
                } else if (item instanceof Throwable failure) {
                    out.print("  " + failure);
                } else {
                    out.print("  " + item);
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).stripTrailing();
    }
}
