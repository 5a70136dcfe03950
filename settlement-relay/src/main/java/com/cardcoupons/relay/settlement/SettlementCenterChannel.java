package com.cardcoupons.relay.settlement;

import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.PostChannel;

import java.io.IOException;
import java.net.Socket;

/**
 * jPOS's {@link PostChannel} (every message preceded by its length in two bytes, big-endian, no header) with Nagle's
 * algorithm off: many authorizations share one connection, and a small message must not wait for the previous one's
 * acknowledgement before it leaves.
 */
class SettlementCenterChannel extends PostChannel {

    SettlementCenterChannel(String host, int port, ISOPackager packager) {
        super(host, port, packager);
    }

    @Override
    protected void connect(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        super.connect(socket);
    }
}
