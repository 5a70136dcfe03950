package com.cardcoupons.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service, and which of them are up. Calls go round the instances up. An instance is taken out
 * the moment a connection to it is refused, and comes back when its readiness says so ({@link ServiceHealth});
 * while none is known to be up, calls go round all of them, as what is known may be older than the outage's end.
 */
final class ServiceInstances {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    private final String service;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    ServiceInstances(String service, List<URI> uris) {
        this.service = service;
        this.instances = uris.stream().map(Instance::new).toList();
    }

    String service() {
        return service;
    }

    int size() {
        return instances.size();
    }

    List<URI> all() {
        return instances.stream().map(Instance::uri).toList();
    }

    /** The next instance up that was not tried yet; one not known to be up when none is; null when all were tried. */
    URI choose(Collection<URI> tried) {
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        URI fallback = null;
        for (int i = 0; i < instances.size(); i++) {
            Instance candidate = instances.get((start + i) % instances.size());
            if (tried.contains(candidate.uri())) {
                continue;
            }
            if (candidate.up) {
                return candidate.uri();
            }
            if (fallback == null) {
                fallback = candidate.uri();
            }
        }
        return fallback;
    }

    void down(URI uri, String why) {
        instances.stream().filter(instance -> instance.uri().equals(uri)).forEach(instance -> instance.set(false, why));
    }

    void up(URI uri, boolean up, String why) {
        instances.stream().filter(instance -> instance.uri().equals(uri)).forEach(instance -> instance.set(up, why));
    }

    private final class Instance {

        private final URI uri;
        private volatile boolean up = true;

        Instance(URI uri) {
            this.uri = uri;
        }

        URI uri() {
            return uri;
        }

        synchronized void set(boolean nowUp, String why) {
            if (up != nowUp) {
                up = nowUp;
                if (nowUp) {
                    log.info("{} instance {} is back: {}", service, uri, why);
                } else {
                    log.warn("{} instance {} is out of the rotation: {}", service, uri, why);
                }
            }
        }
    }
}
