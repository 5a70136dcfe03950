-- API keys the gateway authenticates callers with (reception-terminal-gateway). A key is "<key id>.<secret>": the
-- id finds the row, the secret is checked against its SHA-256 hash. Secrets are 256-bit random values, so a fast
-- hash is enough; the secret itself is never stored.

create table api_credential (
    id                   text        primary key check (id ~ '^[a-z0-9][a-z0-9_-]{2,63}$'),
    kind                 text        not null check (kind in ('TERMINAL', 'MERCHANT', 'APPROVER', 'CONSUMER_CHANNEL', 'PLATFORM_ADMIN')),
    label                text        not null check (length(label) between 1 and 200),
    -- a terminal's merchant and store are read from its terminal row, so they can never disagree with it
    terminal_id          uuid        references terminal (id),
    merchant_id          uuid        references merchant (id),
    channel              text        check (channel in ('MOBILE_APP', 'WEB', 'DIGITAL_BROADCAST')),
    secret_hash          bytea       not null check (length(secret_hash) = 32),
    -- after a rotation with an overlap, the previous secret still works until previous_valid_until
    previous_secret_hash bytea       check (length(previous_secret_hash) = 32),
    previous_valid_until timestamptz,
    status               text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
    issued_by            text        not null,
    issued_at            timestamptz not null default now(),
    rotated_at           timestamptz,
    revoked_by           text,
    revoked_at           timestamptz,
    check ((kind = 'TERMINAL') = (terminal_id is not null)),
    check ((kind = 'MERCHANT') = (merchant_id is not null)),
    check ((kind = 'CONSUMER_CHANNEL') = (channel is not null)),
    check ((previous_secret_hash is null) = (previous_valid_until is null)),
    check ((status = 'REVOKED') = (revoked_at is not null and revoked_by is not null)),
    check (status = 'ACTIVE' or previous_secret_hash is null)
);

create index api_credential_by_terminal on api_credential (terminal_id) where terminal_id is not null;
create index api_credential_by_merchant on api_credential (merchant_id) where merchant_id is not null;
