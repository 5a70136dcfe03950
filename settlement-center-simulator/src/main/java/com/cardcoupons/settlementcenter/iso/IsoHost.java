package com.cardcoupons.settlementcenter.iso;

import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOServerAcceptEvent;
import org.jpos.iso.ISOServerClientDisconnectEvent;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.util.Logger;
import org.jpos.util.ThreadPool;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The settlement center's ISO 8583 host: a jPOS {@link ISOServer} taking connections on the configured port, each a
 * {@link PostChannel} (a two-byte big-endian length before every message) with the 1987 ASCII packager
 * ({@link ISO87APackager}). Messages go to the {@link MessageHandler}. It can cut every open connection, and stop
 * and start listening, for tests of a relay whose host goes away.
 */
@Component
public class IsoHost implements SmartLifecycle {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(IsoHost.class);

    private final IsoHostProperties properties;
    private final MessageHandler handler;
    private final Logger jposLog = JposLog.named("host");
    private final Set<ISOChannel> connections = ConcurrentHashMap.newKeySet();
    private volatile ISOServer server;
    private volatile ServerSocket listening;
    private volatile int boundPort;

    IsoHost(IsoHostProperties properties, MessageHandler handler) {
        this.properties = properties;
        this.handler = handler;
    }

    /** Listens on the configured port, or, once it listened, on the port it had. */
    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        PostChannel template;
        try {
            template = new PostChannel(new ISO87APackager());
        } catch (IOException e) {
            throw new IllegalStateException("could not make the host's channel", e);
        }
        template.setLogger(jposLog, "channel");
        CountDownLatch bound = new CountDownLatch(1);
        int port = boundPort != 0 ? boundPort : properties.port();
        ISOServer listener = new ISOServer(port, template, new ThreadPool(1, properties.maxConnections(), "iso-host")) {
            @Override
            public ServerSocket createServerSocket(int wanted) throws IOException {
                ServerSocket socket = super.createServerSocket(wanted);
                boundPort = socket.getLocalPort();
                IsoHost.this.listening = socket;
                bound.countDown();
                return socket;
            }
        };
        try {
            listener.setConfiguration(new SimpleConfiguration());
        } catch (org.jpos.core.ConfigurationException e) {
            throw new IllegalStateException("the ISO server refused its configuration", e);
        }
        listener.setLogger(jposLog, "server");
        listener.addISORequestListener(handler);
        listener.addServerEventListener(event -> {
            if (event instanceof ISOServerAcceptEvent accepted && accepted.getISOChannel() != null) {
                connections.add(accepted.getISOChannel());
            } else if (event instanceof ISOServerClientDisconnectEvent ended && ended.getISOChannel() != null) {
                connections.remove(ended.getISOChannel());
            }
        });
        Thread thread = new Thread(listener, "iso-host-accept");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!bound.await(10, TimeUnit.SECONDS)) {
                listener.shutdown();
                throw new IllegalStateException("the ISO 8583 host could not listen on port " + port);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the ISO 8583 host", e);
        }
        server = listener;
        log.info("ISO 8583 host listening on port {}", boundPort);
    }

    /** Stops listening and cuts every connection: the host is down. */
    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        // jPOS closes its socket on a thread of its own; closing it here too means nobody connects once stop returns
        server.shutdown();
        try {
            listening.close();
        } catch (IOException ignored) {
            // closed already
        }
        server = null;
        dropConnections();
        log.info("ISO 8583 host stopped");
    }

    /** Cuts every open connection; the host keeps listening. Returns how many were cut. */
    public int dropConnections() {
        int dropped = 0;
        for (ISOChannel connection : Set.copyOf(connections)) {
            try {
                connection.disconnect();
                dropped++;
            } catch (IOException ignored) {
                // already gone
            }
            connections.remove(connection);
        }
        return dropped;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port it listens on, or listened on last. */
    public int port() {
        return boundPort;
    }

    public int openConnections() {
        return (int) connections.stream().filter(ISOChannel::isConnected).count();
    }
}
