package com.cardcoupons.localplatform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/errors.md} lists every code the platform can answer with, and nothing else. The codes in the code are
 * its string literals shaped like a code ({@code CAMPAIGN_NOT_FOUND}) in the services, the platform and the shared
 * model, but for the names of environment variables and of enum constants written as text (a default parameter
 * value, say); and the codes Bean Validation answers with, one per constraint the sources use.
 */
class ErrorCodesTest {

    private static final List<String> MODULES = List.of("common-model", "service-platform", "registration-api",
            "coupon-server", "settlement-relay", "reception-terminal-gateway");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("COUPONS_.*|.*_URL|.*_PORT");
    private static final Pattern ENUM = Pattern.compile("\\benum\\s+\\w+\\s*(?:implements[^{]*)?\\{([^;}]*)");
    private static final Pattern CONSTRAINT = Pattern.compile(
            "@(NotNull|NotBlank|NotEmpty|Size|Positive|PositiveOrZero|Negative|NegativeOrZero|Min|Max|Pattern|Email|Past|Future"
                    + "|DecimalMin|DecimalMax|Digits|AssertTrue|AssertFalse|Null)\\b");
    private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)`");

    private final Path repository = LocalPlatform.repositoryRoot();

    @Test
    void everyCodeInTheCodeIsDocumentedAndEveryDocumentedCodeIsInTheCode() {
        Set<String> documented = documented();
        Set<String> literals = new TreeSet<>();
        Set<String> enumConstants = new TreeSet<>();
        Set<String> validation = new TreeSet<>();
        for (String source : sources()) {
            Matcher literal = LITERAL.matcher(source);
            while (literal.find()) {
                literals.add(literal.group(1));
            }
            Matcher enumeration = ENUM.matcher(source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", ""));
            while (enumeration.find()) {
                for (String constant : enumeration.group(1).replaceAll("\\([^)]*\\)", "").split(",")) {
                    enumConstants.add(constant.strip());
                }
            }
            Matcher constraint = CONSTRAINT.matcher(source);
            while (constraint.find()) {
                validation.add(constraint.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
            }
        }
        Set<String> codes = new TreeSet<>();
        literals.stream()
                .filter(literal -> literal.contains("_"))
                .filter(literal -> !ENVIRONMENT_VARIABLE.matcher(literal).matches())
                .filter(literal -> !enumConstants.contains(literal))
                .forEach(codes::add);
        codes.addAll(validation);

        Set<String> undocumented = new TreeSet<>(codes);
        undocumented.removeAll(documented);
        assertThat(undocumented).as("codes the sources answer with that docs/errors.md does not list").isEmpty();

        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(codes);
        stale.removeIf(literals::contains);
        assertThat(stale).as("codes docs/errors.md lists that no source has").isEmpty();
    }

    private Set<String> documented() {
        Set<String> documented = new TreeSet<>();
        read(repository.resolve("docs/errors.md")).lines()
                .filter(line -> line.startsWith("|"))
                .forEach(line -> {
                    Matcher code = DOCUMENTED.matcher(line);
                    while (code.find()) {
                        documented.add(code.group(1));
                    }
                });
        return documented;
    }

    private List<String> sources() {
        return MODULES.stream().flatMap(module -> {
            try (Stream<Path> files = Files.walk(repository.resolve(module).resolve("src/main/java"))) {
                return files.filter(file -> file.toString().endsWith(".java")).map(ErrorCodesTest::read).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
