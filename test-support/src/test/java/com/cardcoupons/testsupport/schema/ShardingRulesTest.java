package com.cardcoupons.testsupport.schema;

import com.cardcoupons.testsupport.PostgresTestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema keeps Citus's rules for the distribution docs/scale-out.md plans, checked on the catalogs of the migrated
 * schema so that no later migration breaks them unnoticed:
 * <ul>
 *     <li>every table is placed: distributed by the card token, distributed by its own key, a reference table, or a
 *     single-shard table;</li>
 *     <li>a distributed table has its distribution column in its primary key and in every unique constraint;</li>
 *     <li>a foreign key between tables distributed by the card token includes the card token on both sides, and no
 *     other foreign key points at such a table;</li>
 *     <li>a reference table refers to reference tables only, and a single-shard table to reference tables and the
 *     single-shard tables of its group;</li>
 *     <li>the tables distributed by the card token give it the same type, so that they can be co-located.</li>
 * </ul>
 */
class ShardingRulesTest {

    private static final String CARD = "card_token";

    /** Where each table goes in a Citus cluster (docs/scale-out.md). */
    private static final Map<String, Placement> PLACEMENT = Map.ofEntries(
            entry("coupon", Placement.byCard()),
            entry("coupon_use", Placement.byCard()),
            entry("campaign_card_holding", Placement.byCard()),
            entry("reservation", Placement.byCard()),
            entry("redemption", Placement.byCard()),
            entry("usage_event", Placement.byCard()),
            entry("coupon_server_idempotency_record", Placement.byCard()),
            entry("card_budget_count", Placement.byCard()),
            entry("coupon_by_code", Placement.distributedBy("code")),
            entry("campaign_issue", Placement.distributedBy("campaign_id")),
            entry("campaign_budget_count", Placement.distributedBy("campaign_id")),
            entry("merchant", Placement.reference()),
            entry("store", Placement.reference()),
            entry("terminal", Placement.reference()),
            entry("campaign", Placement.reference()),
            entry("campaign_version", Placement.reference()),
            entry("campaign_transition", Placement.singleShard("registration")),
            entry("registration_idempotency_record", Placement.singleShard("registration")),
            entry("onboarding_audit", Placement.singleShard("registration")),
            entry("registration_event", Placement.singleShard("registration")),
            entry("webhook_endpoint", Placement.singleShard("registration")),
            entry("webhook_delivery", Placement.singleShard("registration")),
            entry("webhook_attempt", Placement.singleShard("registration")),
            entry("api_credential", Placement.singleShard("gateway")),
            entry("gateway_idempotency_record", Placement.singleShard("gateway")),
            entry("payment", Placement.singleShard("relay")),
            entry("settlement_journal", Placement.singleShard("relay")),
            entry("settlement_outbox", Placement.singleShard("relay")),
            entry("acquirer_merchant", Placement.singleShard("relay")),
            entry("acquirer_terminal", Placement.singleShard("relay")));

    private static Catalog catalog;

    @BeforeAll
    static void migratedSchema() {
        catalog = new Catalog(PostgresTestDatabases.create("shardingrules").owner());
    }

    @Test
    void everyTableIsPlaced() {
        assertThat(catalog.tableOwners().keySet()).isEqualTo(PLACEMENT.keySet());
    }

    @Test
    void aDistributedTableHasItsDistributionColumnInEveryUniqueKey() {
        List<String> wrong = new ArrayList<>();
        catalog.uniqueKeys().forEach((table, keys) -> {
            String column = PLACEMENT.get(table).column();
            if (column != null) {
                keys.stream().filter(key -> !key.contains(column))
                        .forEach(key -> wrong.add(table + " is unique by " + key + " without " + column));
            }
        });
        PLACEMENT.forEach((table, placement) -> {
            if (placement.column() != null && catalog.uniqueKeys().getOrDefault(table, List.of()).isEmpty()) {
                wrong.add(table + " has no primary key");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void foreignKeysStayWithinAShardOrPointAtReferenceTables() {
        List<String> wrong = new ArrayList<>();
        for (Catalog.ForeignKey key : catalog.foreignKeys()) {
            Placement from = PLACEMENT.get(key.table());
            Placement to = PLACEMENT.get(key.references());
            String named = key.name() + " (" + key.table() + " -> " + key.references() + ")";
            if (to.kind() == Kind.REFERENCE) {
                continue;
            }
            if (from.kind() == Kind.REFERENCE) {
                wrong.add(named + ": a reference table refers to a table that is not one");
            } else if (from.kind() == Kind.BY_CARD && to.kind() == Kind.BY_CARD) {
                if (!key.maps(CARD, CARD)) {
                    wrong.add(named + ": leaves out the card token");
                }
            } else if (!(from.kind() == Kind.SINGLE_SHARD && to.kind() == Kind.SINGLE_SHARD && from.group().equals(to.group()))) {
                wrong.add(named + ": crosses shards");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTablesDistributedByTheCardTokenGiveItOneType() {
        Map<String, String> types = catalog.columnTypes(CARD);
        Set<String> byCard = PLACEMENT.entrySet().stream().filter(table -> table.getValue().kind() == Kind.BY_CARD)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        assertThat(types.keySet()).containsAll(byCard);
        assertThat(byCard.stream().map(types::get).distinct()).containsExactly("card_token");
    }

    enum Kind { BY_CARD, DISTRIBUTED, REFERENCE, SINGLE_SHARD }

    /** A table's place: its kind, its distribution column, the group of single-shard tables it is co-located with. */
    record Placement(Kind kind, String column, String group) {

        static Placement byCard() {
            return new Placement(Kind.BY_CARD, CARD, null);
        }

        static Placement distributedBy(String column) {
            return new Placement(Kind.DISTRIBUTED, column, null);
        }

        static Placement reference() {
            return new Placement(Kind.REFERENCE, null, null);
        }

        static Placement singleShard(String group) {
            return new Placement(Kind.SINGLE_SHARD, null, group);
        }
    }
}
