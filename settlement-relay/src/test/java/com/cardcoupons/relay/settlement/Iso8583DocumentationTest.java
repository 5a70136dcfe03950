package com.cardcoupons.relay.settlement;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.card.PrimaryAccountNumber;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOUtil;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/iso8583.md shows every message the relay and the settlement center exchange, packed by the real packager. This
 * test builds each example as the relay builds it ({@link IsoMessages}) and as the host answers it, and checks the
 * document shows exactly those bytes and fields, and the relay's response code table. Run with
 * {@code -Diso8583.docs.write=true} to write the examples into the document after a change.
 */
class Iso8583DocumentationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "iso8583.md");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\w+) -->\\n```\\n(.*?)```\\n", Pattern.DOTALL);
    private static final Pattern CODE_ROW = Pattern.compile("^\\| `(\\w\\w)` \\| (\\w+) \\| `(\\w+)` \\|", Pattern.MULTILINE);
    private static final String ACQUIRER = "12345";
    private static final Instant SENT = Instant.parse("2026-05-01T03:00:00Z");
    private static final MessageTrace FULL = MessageTrace.of("00000001", "000000000000001", 123, SENT);

    @Test
    void theDocumentShowsEachMessageAsTheRealPackagerPacksIt() throws Exception {
        Map<String, String> expected = examples();
        String document = Files.readString(DOCUMENT);
        if (Boolean.getBoolean("iso8583.docs.write")) {
            Matcher blocks = EXAMPLE.matcher(document);
            StringBuilder written = new StringBuilder();
            while (blocks.find()) {
                String example = expected.getOrDefault(blocks.group(1), blocks.group(2));
                blocks.appendReplacement(written, Matcher.quoteReplacement("<!-- example: " + blocks.group(1) + " -->\n```\n"
                        + example + "```\n"));
            }
            blocks.appendTail(written);
            Files.writeString(DOCUMENT, written.toString());
            document = written.toString();
        }
        Map<String, String> shown = new TreeMap<>();
        Matcher blocks = EXAMPLE.matcher(document);
        while (blocks.find()) {
            shown.put(blocks.group(1), blocks.group(2));
        }
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void theDocumentListsEveryResponseCodeAsTheRelayReadsIt() throws IOException {
        Map<String, String> shown = new TreeMap<>();
        Matcher rows = CODE_ROW.matcher(Files.readString(DOCUMENT));
        while (rows.find()) {
            shown.put(rows.group(1), rows.group(2) + " " + rows.group(3));
        }
        Map<String, String> relay = new TreeMap<>();
        ResponseCodes.all().forEach((code, meaning) -> relay.put(code,
                (meaning.outcome() == null ? "APPROVED" : meaning.outcome().name()) + " " + meaning.reason()));
        assertThat(shown).isEqualTo(relay);
    }

    private static Map<String, String> examples() throws ISOException {
        Map<String, String> examples = new TreeMap<>();
        ISOMsg signOn = new ISOMsg("0800");
        signOn.set(7, FULL.transmissionDateTime());
        signOn.set(11, "000001");
        signOn.set(70, "001");
        examples.put("signon", show(signOn));
        examples.put("signon_answer", show(answer(signOn, "00", null)));
        ISOMsg echo = (ISOMsg) signOn.clone();
        echo.set(11, "000002");
        echo.set(70, "301");
        examples.put("echo", show(echo));

        PresentedCard card = new PresentedCard(MediumType.CREDIT, PrimaryAccountNumber.parse("4111111111111111"),
                YearMonth.of(2027, 12));
        ISOMsg authorization = IsoMessages.authorization(new AuthorizationMessage(UUID.randomUUID(), FULL, card,
                Money.of(1_200, "JPY")), ACQUIRER);
        examples.put("authorization", show(authorization));
        examples.put("authorization_approved", show(answer(authorization, "00", "UD2SG6")));
        examples.put("authorization_declined", show(answer(authorization, "51", null)));

        ReversalMessage reversal = new ReversalMessage(UUID.randomUUID(), FULL, "000125", Money.of(1_200, "JPY"), null,
                ReversalMessage.Type.REVERSAL);
        ISOMsg online = IsoMessages.reversal(reversal, ACQUIRER, SENT.plusSeconds(1));
        examples.put("reversal", show(online));
        examples.put("reversal_answer", show(answer(online, "00", null)));
        ISOMsg advice = IsoMessages.reversal(new ReversalMessage(reversal.authorizationId(), FULL, "000125",
                Money.of(1_200, "JPY"), null, ReversalMessage.Type.ADVICE), ACQUIRER, SENT.plusSeconds(4));
        examples.put("advice", show(advice));
        ISOMsg repeat = IsoMessages.reversal(new ReversalMessage(reversal.authorizationId(), FULL, "000125",
                Money.of(1_200, "JPY"), null, ReversalMessage.Type.ADVICE_REPEAT), ACQUIRER, SENT.plusSeconds(9));
        examples.put("advice_repeat", show(repeat));
        examples.put("advice_answer", show(answer(repeat, "00", null)));
        ISOMsg partial = IsoMessages.reversal(new ReversalMessage(reversal.authorizationId(), FULL, "000127",
                Money.of(1_200, "JPY"), Money.of(1_080, "JPY"), ReversalMessage.Type.REVERSAL), ACQUIRER, SENT.plusSeconds(2));
        examples.put("partial_reversal", show(partial));
        return examples;
    }

    /** What the host answers: the request's fields less the expiry, with its response code and approval code. */
    private static ISOMsg answer(ISOMsg request, String responseCode, String approvalCode) throws ISOException {
        ISOMsg answer = (ISOMsg) request.clone();
        answer.setResponseMTI();
        answer.unset(14);
        if (approvalCode != null) {
            answer.set(38, approvalCode);
        }
        answer.set(39, responseCode);
        return answer;
    }

    /** The frame as it goes on the wire (two length bytes, then the message), and its fields. */
    private static String show(ISOMsg message) throws ISOException {
        ISO87APackager packager = new ISO87APackager();
        message.setPackager(packager);
        byte[] packed = message.pack();
        byte[] frame = new byte[packed.length + 2];
        frame[0] = (byte) (packed.length >> 8);
        frame[1] = (byte) packed.length;
        System.arraycopy(packed, 0, frame, 2, packed.length);
        StringBuilder shown = new StringBuilder(ISOUtil.hexdump(frame));
        if (!shown.toString().endsWith("\n")) {
            shown.append('\n');
        }
        shown.append('\n');
        List<String> fields = new ArrayList<>();
        fields.add(String.format("%-4s %-36s %s", "MTI", "", message.getMTI()));
        for (int field = 2; field <= 128; field++) {
            if (message.hasField(field)) {
                fields.add(String.format("%-4d %-36s %s", field, packager.getFieldDescription(message, field),
                        message.getString(field)));
            }
        }
        fields.forEach(line -> shown.append(line.stripTrailing()).append('\n'));
        return shown.toString();
    }
}
