package com.cardcoupons.relay.settlement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbers the acquirer knows a till by: its card acceptor terminal id (field 41) and its merchant's card acceptor
 * id (42), given on the terminal's first payment (table {@code acquirer_terminal}, V9_1), and the system trace audit
 * numbers (11) of its messages, unique per terminal per UTC day across every relay: each relay reserves a block of
 * them in one statement and hands them out from memory. A relay that stops leaves the rest of its block unused.
 */
@Component
public class AcquirerTerminals {

    private static final int LAST_STAN = 999_999;

    private static final String RESERVE = """
            update acquirer_terminal t
               set stan_day = :today,
                   stan_reserved = case when t.stan_day = :today then t.stan_reserved + :block else :block end
              from acquirer_merchant m
             where t.terminal_id = :terminal and m.merchant_id = t.merchant_id
               and (t.stan_day <> :today or t.stan_reserved + :block <= :last)
            returning t.card_acceptor_terminal_id, m.card_acceptor_id, t.stan_reserved""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int block;
    private final Map<UUID, Numbers> byTerminal = new ConcurrentHashMap<>();

    AcquirerTerminals(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, SettlementCenterProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.block = properties.stanBlock();
    }

    /** The trace of a new message from that terminal, sent now. */
    public MessageTrace next(UUID terminal, UUID merchant) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Numbers numbers = byTerminal.computeIfAbsent(terminal, id -> new Numbers());
        synchronized (numbers) {
            if (!today.equals(numbers.day) || numbers.next > numbers.last) {
                reserve(terminal, merchant, today, numbers);
            }
            return MessageTrace.of(numbers.terminalId, numbers.merchantId, numbers.next++, now);
        }
    }

    private void reserve(UUID terminal, UUID merchant, LocalDate today, Numbers numbers) {
        Reserved reserved = transactions.execute(status -> {
            Reserved taken = take(terminal, today);
            if (taken == null) {
                jdbc.sql("""
                                insert into acquirer_merchant (merchant_id, card_acceptor_id)
                                values (:merchant, lpad(nextval('acquirer_merchant_number')::text, 15, '0'))
                                on conflict (merchant_id) do nothing""")
                        .param("merchant", merchant).update();
                jdbc.sql("""
                                insert into acquirer_terminal (terminal_id, merchant_id, card_acceptor_terminal_id, stan_day,
                                                               stan_reserved)
                                values (:terminal, :merchant, lpad(nextval('acquirer_terminal_number')::text, 8, '0'),
                                        :today, 0)
                                on conflict (terminal_id) do nothing""")
                        .param("terminal", terminal).param("merchant", merchant).param("today", today).update();
                taken = take(terminal, today);
            }
            return taken;
        });
        if (reserved == null) {
            throw new IllegalStateException("terminal " + terminal + " has used every STAN of " + today);
        }
        numbers.terminalId = reserved.terminalId();
        numbers.merchantId = reserved.merchantId();
        numbers.day = today;
        numbers.next = reserved.last() - block + 1;
        numbers.last = reserved.last();
    }

    private Reserved take(UUID terminal, LocalDate today) {
        return jdbc.sql(RESERVE).param("today", today).param("block", block).param("terminal", terminal)
                .param("last", LAST_STAN)
                .query((row, number) -> new Reserved(row.getString(1), row.getString(2), row.getInt(3)))
                .optional().orElse(null);
    }

    private record Reserved(String terminalId, String merchantId, int last) {
    }

    /** A terminal's numbers in this relay: its ids, and the STANs of its block not yet given out. */
    private static final class Numbers {
        private String terminalId;
        private String merchantId;
        private LocalDate day;
        private int next = 1;
        private int last;
    }
}
