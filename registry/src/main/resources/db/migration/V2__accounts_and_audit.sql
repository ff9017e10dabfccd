-- People who sign in, each with one role and, for editors and operators, a scope.
create table account (
    id                   uuid primary key,
    username             text not null unique check (username ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
    display_name         text not null,
    email                text,
    password_hash        text,
    role                 text not null check (role in ('ADMIN', 'REVIEWER', 'MINISTRY_EDITOR', 'PROVINCE_EDITOR',
                                                       'OPERATOR')),
    agency_code          text references agency (code),
    enabled              boolean not null default true,
    must_change_password boolean not null default false,
    failed_attempts      integer not null default 0,
    locked_until         timestamptz,
    oidc_issuer          text,
    oidc_subject         text,
    created_at           timestamptz not null,
    last_sign_in_at      timestamptz,
    check ((role in ('MINISTRY_EDITOR', 'PROVINCE_EDITOR')) = (agency_code is not null)),
    unique (oidc_issuer, oidc_subject)
);
create unique index account_email on account (lower(email)) where email is not null;

-- The platforms an operator account runs.
create table account_platform (
    account_id    uuid not null references account (id) on delete cascade,
    platform_code text not null references platform (code) on delete cascade,
    primary key (account_id, platform_code)
);

-- Personal API tokens; only a hash is stored.
create table api_token (
    id           uuid primary key,
    account_id   uuid not null references account (id) on delete cascade,
    name         text not null,
    token_hash   text not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Append-only record of every state change and sign-in.
create table audit_event (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    event       text not null,
    actor       text,
    subject     text,
    detail      jsonb not null default '{}',
    remote_addr text
);
create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_event on audit_event (event, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each statement execute function audit_event_is_append_only();
