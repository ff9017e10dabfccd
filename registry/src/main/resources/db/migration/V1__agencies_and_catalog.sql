-- Agencies: ministries, provinces, enterprises... unique across time. A body
-- that is reorganised keeps its row and gets a succession to its successor.
create table agency (
    code           text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    kind           text not null check (kind in ('MINISTRY', 'MINISTERIAL_AGENCY', 'GOVERNMENT_AGENCY',
                                                  'PROVINCE', 'CENTRAL_CITY', 'DEPARTMENT', 'ENTERPRISE', 'OTHER')),
    name_vi        text not null,
    name_en        text,
    short_name     text,
    official_code  text unique,
    admin_code     text,
    parent_code    text references agency (code),
    valid_from     date,
    valid_to       date,
    source         text not null,
    sample         boolean not null default false,
    check (valid_from is null or valid_to is null or valid_from <= valid_to)
);

create table agency_succession (
    predecessor_code text not null references agency (code),
    successor_code   text not null references agency (code),
    effective_date   date not null,
    kind             text not null check (kind in ('MERGED', 'RENAMED', 'SPLIT')),
    main             boolean not null,
    legal_basis      text,
    note             text,
    source           text not null,
    primary key (predecessor_code, successor_code, effective_date),
    check (predecessor_code <> successor_code)
);
create unique index agency_succession_one_main
    on agency_succession (predecessor_code, effective_date) where main;
create index agency_succession_successor on agency_succession (successor_code);

-- Platforms of the national list (and, later, local ones). owner_code is the
-- owner when the platform was listed; the owner on any date follows successions.
create table platform (
    code                      text primary key check (code ~ '^[A-Z0-9][A-Z0-9._-]*$'),
    name_vi                   text not null,
    name_en                   text,
    description_vi            text,
    description_en            text,
    owner_code                text not null references agency (code),
    operator_name             text,
    operator_contact          text,
    operator_phone            text,
    operator_email            text,
    developer                 text,
    category                  text not null check (category in ('GOVERNMENT', 'ECONOMY', 'SOCIETY')),
    type                      text not null check (type in ('PLATFORM', 'INFORMATION_SYSTEM', 'APPLICATION', 'NATIONAL_DATABASE')),
    scopes                    text[] not null default '{}',
    status                    text not null check (status in ('PROPOSED', 'POTENTIAL', 'RECOGNISED', 'TRIAL', 'IN_USE',
                                                              'SUSPENDED', 'REVOKED', 'RETIRED')),
    legal_basis_number        text,
    legal_basis_date          date,
    legal_basis_issuer        text,
    website                   text,
    security_level            smallint check (security_level between 1 and 5),
    security_dossier_approved boolean,
    security_dossier_date     date,
    data_in_vietnam           boolean,
    ndxp_status               text not null default 'UNKNOWN' check (ndxp_status in ('CONNECTED', 'NOT_CONNECTED', 'UNKNOWN')),
    tags                      text[] not null default '{}',
    listed_from               date,
    source                    text,
    sample                    boolean not null default false,
    version                   integer not null default 0,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now()
);
create index platform_owner on platform (owner_code);

create table platform_relation (
    from_code text not null references platform (code) on delete cascade,
    to_code   text not null references platform (code) on delete cascade,
    kind      text not null check (kind in ('DEPENDS_ON', 'USES', 'PROVIDES_DATA_TO')),
    source    text,
    primary key (from_code, to_code, kind),
    check (from_code <> to_code)
);

-- Published programme figures (reference statistics), each with its source.
create table programme_figure (
    id        bigserial primary key,
    key       text not null,
    dimension text not null default '',
    label_vi  text not null,
    label_en  text,
    value     numeric not null,
    unit      text not null,
    as_of     date,
    document  text,
    source    text not null
);
create unique index programme_figure_key on programme_figure (key, dimension, coalesce(as_of, '-infinity'::date));

-- Which version of each shipped reference file the database holds.
create table reference_load (
    file      text primary key,
    sha256    text not null,
    rows      integer not null,
    loaded_at timestamptz not null
);
