package com.cardcoupons.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;

/**
 * One service of the platform run as it is deployed, as its own JVM from its executable jar, on a free port, its
 * output in {@code benchmarks/target/<module>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the module's executable jar with these arguments, and waits until it is ready to take traffic. */
    static ServiceProcess start(Path repository, String module, List<String> arguments) {
        return start(repository, module, List.of(), arguments);
    }

    /** The same, with these options for its JVM besides the harness's own (a flight recording, say). */
    static ServiceProcess start(Path repository, String module, List<String> jvmOptions, List<String> arguments) {
        int port = freePort();
        Path log = repository.resolve("benchmarks/target/" + module + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xms256m", "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", executableJar(repository, module).toString(), "--server.port=" + port,
                "--logging.level.root=WARN"));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // a harness stopped by a signal (Ctrl-C, kill) must not leave its services running on the machine
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-" + module));
            ServiceProcess service = new ServiceProcess(module, port, process, log);
            service.awaitReady(Duration.ofMinutes(2));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + module, e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + module, e);
            }
        }
        close();
        throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + log);
    }

    private static Path executableJar(Path repository, String module) {
        Path target = repository.resolve(module).resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(path -> path.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target + ": benchmarks/run-relay builds it"));
        } catch (IOException e) {
            throw new IllegalStateException(target + " is missing: benchmarks/run-relay builds it", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
