package com.cardcoupons.localplatform;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code curl} example in {@code README.md} and {@code docs/*.md} runs as written against the one-command
 * platform, so the examples cannot rot. A document's {@code ```bash} blocks that call {@code curl} run in order in one
 * shell, as a reader pastes them, after the README's {@code export} lines (the demo keys); a failing command, an
 * HTTP error answer included, fails the document. Only the port of {@code localhost:8080} is changed, to the test
 * platform's gateway.
 * <p>
 * A block that cannot run here (it needs Docker, say) is marked by the line {@value #SKIP} right above its fence,
 * followed by the reason: {@code <!-- doc-examples: skip (needs a Docker engine) -->}.
 */
class DocExamplesTest {

    static final String SKIP = "<!-- doc-examples: skip";
    private static final Pattern BLOCK = Pattern.compile("(?m)^(?<before>[^\\n]*)\\n```bash\\n(?<code>.*?)^```", Pattern.DOTALL);
    private static final Pattern CURL = Pattern.compile("(?m)^\\s*(?:[A-Z_]+=\\$\\()?curl\\b");

    private final Path repository = LocalPlatform.repositoryRoot();

    @TestFactory
    Stream<DynamicTest> everyCurlExampleRuns() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(repository.resolve("README.md")));
        try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        String exports = exportsOf(repository.resolve("README.md"));
        return documents.stream()
                .filter(document -> !runnableBlocks(document).isEmpty())
                .map(document -> DynamicTest.dynamicTest(repository.relativize(document).toString(),
                        () -> run(document, exports + String.join("\n", runnableBlocks(document)))));
    }

    /** The bash blocks of a document that call curl and are not marked to be skipped. */
    static List<String> runnableBlocks(Path document) {
        List<String> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(read(document));
        while (block.find()) {
            if (CURL.matcher(block.group("code")).find() && !block.group("before").strip().startsWith(SKIP)) {
                blocks.add(block.group("code"));
            }
        }
        return blocks;
    }

    private static String exportsOf(Path readme) {
        StringBuilder exports = new StringBuilder();
        Matcher block = BLOCK.matcher(read(readme));
        while (block.find()) {
            block.group("code").lines().filter(line -> line.startsWith("export ")).forEach(line -> exports.append(line).append('\n'));
        }
        return exports.toString();
    }

    private void run(Path document, String examples) throws IOException, InterruptedException {
        String gateway = RunningPlatform.get().gatewayUrl().replace("http://", "");
        Path directory = Files.createTempDirectory("doc-examples");
        Path script = directory.resolve("examples.sh");
        // the reader's shell, but strict: any failing command (an HTTP error answer too) stops the document
        Files.writeString(script, """
                set -euo pipefail
                curl() { command curl --fail-with-body --show-error --silent --max-time 30 "${@//localhost:8080/%s}"; }
                %s
                """.formatted(gateway, examples));
        Process bash = new ProcessBuilder("bash", script.toString()).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).as("the examples of %s finished", document).isTrue();
        assertThat(bash.exitValue()).as("the examples of %s, as written, ran into an error:\n%s", document, output).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
