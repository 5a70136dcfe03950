package com.cardcoupons.couponserver.printing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads barcodes with {@code zbarimg} (Debian's zbar-tools), a reader independent of ZXing, which wrote them. CI
 * installs it ({@code .ci/run}); without it these tests fail rather than pass unproven.
 */
final class Zbar {

    private Zbar() {
    }

    /** Every symbol zbarimg finds in the image, as {@code TYPE:data}. */
    static List<String> read(byte[] image) throws IOException, InterruptedException {
        Path file = Files.createTempFile("barcode-", ".png");
        try {
            Files.write(file, image);
            Process process;
            try {
                process = new ProcessBuilder("zbarimg", "--quiet", file.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException missing) {
                throw new AssertionError("zbarimg is not installed: apt-get install -y zbar-tools", missing);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("zbarimg did not finish");
            }
            return output.lines().filter(line -> line.contains(":")).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
