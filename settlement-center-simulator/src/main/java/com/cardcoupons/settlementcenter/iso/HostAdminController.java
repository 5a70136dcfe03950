package com.cardcoupons.settlementcenter.iso;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ISO 8583 host's state, and the faults that concern the host as a whole: cut connections, down, up again. */
@RestController
@RequestMapping("/admin/host")
class HostAdminController {

    private final IsoHost host;

    HostAdminController(IsoHost host) {
        this.host = host;
    }

    record HostState(boolean listening, int port, int connections) {
    }

    @GetMapping
    HostState state() {
        return new HostState(host.isRunning(), host.port(), host.openConnections());
    }

    /** Cuts every open connection, as a network failure would; the host keeps listening. */
    @PostMapping("/connections/drop")
    HostState dropConnections() {
        host.dropConnections();
        return state();
    }

    /** Stops listening and cuts every connection: the host is down. */
    @PostMapping("/stop")
    HostState stop() {
        host.stop();
        return state();
    }

    /** Listens again, on the port it had. */
    @PostMapping("/start")
    HostState start() {
        host.start();
        return state();
    }
}
