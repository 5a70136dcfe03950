package com.cardcoupons.localplatform;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM, its output in {@code logs/<module>.log}. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformService service;
    private final Process process;
    private final Path log;

    private ServiceProcess(PlatformService service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(PlatformService service, Path repository, Path logs, Map<String, String> environment) {
        Path jar = executableJar(repository, service.module());
        Path log = logs.resolve(service.name() + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx320m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(service.port()));
        if (service.databaseRole() != null) {
            builder.environment().put("COUPONS_DB_USER", service.databaseRole().roleName());
            builder.environment().put("COUPONS_DB_PASSWORD", LocalDatabase.password(service.databaseRole()));
        }
        try {
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module(), e);
        }
    }

    /**
     * Waits until the service says it is ready to take traffic, or fails with where to look. A service that serves
     * HTTPS is probed over TLS, trusting {@code tls}: its own certificate, whatever host name that names.
     */
    void awaitReady(Duration timeout, SSLContext tls) {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create(service.url() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (status(readiness, tls) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.module(), e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(service.name() + " was not ready within " + timeout + "; see " + log);
    }

    private static int status(URI uri, SSLContext tls) throws IOException, InterruptedException {
        if (tls == null) {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection();
        connection.setSSLSocketFactory(tls.getSocketFactory());
        // the probe runs on this machine against the certificate it was given: the name in it may be the public one
        connection.setHostnameVerifier((host, session) -> "localhost".equals(host));
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(2000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    PlatformService service() {
        return service;
    }

    /** Ends the process at once, as a crash or a lost machine would: no graceful shutdown. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to shut down gracefully, without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for a graceful shutdown, and ends the process when it takes too long. */
    void awaitStop() {
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path executableJar(Path repository, String module) {
        Path target = repository.resolve(module).resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(path -> path.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
                            + ": build first with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException(target + " is missing: build first with ./mvnw -DskipTests package", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
