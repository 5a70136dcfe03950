-- Distributes the migrated schema over a Citus cluster (docs/scale-out.md): run once on the coordinator, after the
-- Flyway history and before the services start. ShardingRulesTest holds the schema to the rules this placement needs.

-- small, read on every search and use, changed rarely: a copy on every node
select create_reference_table('merchant');
select create_reference_table('store');
select create_reference_table('terminal');
select create_reference_table('campaign');
select create_reference_table('campaign_version');

-- one card's coupons, their use, holds, redemptions, search log and recorded outcomes: on one shard
select create_distributed_table('coupon', 'card_token', shard_count => 64);
select create_distributed_table('coupon_use', 'card_token', colocate_with => 'coupon');
select create_distributed_table('campaign_card_holding', 'card_token', colocate_with => 'coupon');
select create_distributed_table('reservation', 'card_token', colocate_with => 'coupon');
select create_distributed_table('redemption', 'card_token', colocate_with => 'coupon');
select create_distributed_table('usage_event', 'card_token', colocate_with => 'coupon');
select create_distributed_table('coupon_server_idempotency_record', 'card_token', colocate_with => 'coupon');
select create_distributed_table('card_budget_count', 'card_token', colocate_with => 'coupon');

-- a code finds its card: distributed by the code; a campaign's issue count and budget counts: by the campaign
select create_distributed_table('coupon_by_code', 'code', colocate_with => 'none');
select create_distributed_table('campaign_issue', 'campaign_id', colocate_with => 'none');
select create_distributed_table('campaign_budget_count', 'campaign_id', colocate_with => 'campaign_issue');

-- low-volume tables of one service each: one shard, placed by Citus (Citus 12's single-shard tables)
select create_distributed_table('campaign_transition', null, colocate_with => 'none');
select create_distributed_table('registration_idempotency_record', null, colocate_with => 'campaign_transition');
select create_distributed_table('onboarding_audit', null, colocate_with => 'campaign_transition');
select create_distributed_table('registration_event', null, colocate_with => 'campaign_transition');
select create_distributed_table('webhook_endpoint', null, colocate_with => 'campaign_transition');
select create_distributed_table('webhook_delivery', null, colocate_with => 'campaign_transition');
select create_distributed_table('webhook_attempt', null, colocate_with => 'campaign_transition');
select create_distributed_table('api_credential', null, colocate_with => 'none');
select create_distributed_table('gateway_idempotency_record', null, colocate_with => 'api_credential');
select create_distributed_table('payment', null, colocate_with => 'none');
select create_distributed_table('settlement_journal', null, colocate_with => 'payment');
select create_distributed_table('settlement_outbox', null, colocate_with => 'payment');
select create_distributed_table('acquirer_merchant', null, colocate_with => 'payment');
select create_distributed_table('acquirer_terminal', null, colocate_with => 'payment');
