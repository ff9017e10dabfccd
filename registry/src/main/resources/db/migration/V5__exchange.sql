-- The exchange directory: who is on the data exchange, which gateways host
-- them, which services they offer and who may call what. Published to the
-- gateways as the signed global configuration.
create table exchange_member (
    id          text primary key,                 -- VN/GOV/000.00.00.H49
    member_class text not null check (member_class in ('GOV', 'COM', 'ORG')),
    member_code text not null,
    name        text not null,
    agency_code text references agency (code),
    sample      boolean not null default false,
    created_at  timestamptz not null,
    unique (member_class, member_code)
);

create table exchange_subsystem (
    id            text primary key,               -- VN/GOV/000.00.00.H49/portal
    member_id     text not null references exchange_member (id),
    code          text not null,
    platform_code text references platform (code),
    sample        boolean not null default false,
    created_at    timestamptz not null,
    unique (member_id, code)
);

create table exchange_gateway (
    id                   text primary key,        -- VN/GOV/000.00.00.G22/lgsp
    owner_member_id      text not null references exchange_member (id),
    address              text not null,           -- host:port of its gateway-to-gateway (mutual TLS) port
    certificate_pem      text not null,
    certificate_sha256   text not null unique,
    certificate_serial   text not null,
    sample               boolean not null default false,
    created_at           timestamptz not null
);

create table exchange_gateway_client (
    gateway_id   text not null references exchange_gateway (id) on delete cascade,
    subsystem_id text not null references exchange_subsystem (id),
    primary key (gateway_id, subsystem_id)
);

create table exchange_service (
    id           text primary key,                -- VN/GOV/000.00.00.H49/portal/units
    subsystem_id text not null references exchange_subsystem (id),
    code         text not null,
    description  text,
    openapi_url  text,
    sample       boolean not null default false,
    created_at   timestamptz not null,
    unique (subsystem_id, code)
);

create table exchange_endpoint (
    service_id text not null references exchange_service (id) on delete cascade,
    method     text not null,
    path       text not null,
    primary key (service_id, method, path)
);

create table exchange_access_request (
    id            uuid primary key,
    client_id     text not null references exchange_subsystem (id),
    service_id    text not null references exchange_service (id),
    method        text,
    path          text,
    purpose       text not null,
    legal_basis   text not null,
    status        text not null check (status in ('PENDING', 'APPROVED', 'DENIED', 'WITHDRAWN')),
    requested_by  text not null,
    requested_at  timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    reason        text,
    check ((method is null) = (path is null))
);
create index exchange_access_request_status on exchange_access_request (status, requested_at);

create table exchange_access_right (
    client_id  text not null references exchange_subsystem (id),
    service_id text not null references exchange_service (id),
    method     text not null default '',              -- '' = any method and path
    path       text not null default '',
    request_id uuid references exchange_access_request (id),
    granted_by text not null,
    granted_at timestamptz not null,
    sample     boolean not null default false,
    primary key (client_id, service_id, method, path)
);

create table exchange_revoked_certificate (
    serial     text primary key,
    revoked_at timestamptz not null,
    reason     text
);

-- Every published version of the global configuration, signed.
create table global_configuration (
    version      bigint primary key,
    generated_at timestamptz not null,
    expires_at   timestamptz not null,
    content_hash text not null,                       -- SHA-256 of the unsigned canonical JSON
    signed       bytea not null,
    etag         text not null
);

-- Usage reported by gateways, aggregated per minute.
create table exchange_usage (
    report_id      uuid not null,
    gateway_id     text not null,
    minute         timestamptz not null,
    side           text not null check (side in ('consumer', 'provider')),
    client_id      text not null,
    service_id     text not null,
    status         integer not null,
    fault          text not null,
    count          bigint not null,
    request_bytes  bigint not null,
    response_bytes bigint not null,
    duration_ms    bigint not null,
    primary key (report_id, minute, side, client_id, service_id, status, fault)
);
create index exchange_usage_minute on exchange_usage (minute);
create table exchange_usage_report (
    report_id   uuid primary key,
    gateway_id  text not null,
    received_at timestamptz not null
);
