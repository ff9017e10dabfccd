-- Local adoption (issue 4): what each province declares it deploys, per year,
-- with the legal document and who is responsible for each platform; the
-- province's own local platforms; its proposals to add platforms to the
-- national list. Declarations keep the province code they were made under:
-- after the 2025 merger they roll up to the successor, never rewritten.

create table adoption_plan (
    id              uuid primary key,
    province_code   text not null references agency (code),
    year            int not null check (year between 2000 and 2100),
    document_kind   text not null check (document_kind in ('PLAN', 'DECISION', 'NONE')),
    document_number text,
    document_date   date,
    document_title  text,
    target_note     text,
    progress_note   text,
    sample          boolean not null default false,
    created_by      text not null,
    created_at      timestamptz not null,
    updated_by      text not null,
    updated_at      timestamptz not null,
    version         int not null default 0,
    unique (province_code, year)
);

create table adoption_entry (
    plan_id        uuid not null references adoption_plan (id) on delete cascade,
    platform_code  text not null references platform (code),
    status         text not null check (status in ('PLANNED', 'DEPLOYING', 'IN_USE', 'STOPPED')),
    department     text,
    contact_name   text,
    contact_title  text,
    contact_phone  text,
    contact_email  text,
    target_note    text,
    progress_note  text,
    position       int not null,
    primary key (plan_id, platform_code)
);
create index adoption_entry_platform on adoption_entry (platform_code);

create table local_platform (
    id              uuid primary key,
    province_code   text not null references agency (code),
    name_vi         text not null,
    name_en         text,
    description_vi  text,
    functions       text[] not null default '{}',
    category        text,
    type            text,
    status          text,
    website         text,
    department      text,
    overlap_verdict text not null,
    overlap_matches text[] not null default '{}',
    overlap_reason  text,
    sample          boolean not null default false,
    created_by      text not null,
    created_at      timestamptz not null,
    version         int not null default 0
);
create index local_platform_province on local_platform (province_code);

create table province_proposal (
    id              uuid primary key,
    province_code   text not null references agency (code),
    name            text not null,
    description     text,
    reason          text not null,
    status          text not null check (status in ('SUBMITTED', 'ACCEPTED', 'DECLINED')),
    decision_reason text,
    decided_by      text,
    decided_at      timestamptz,
    sample          boolean not null default false,
    created_by      text not null,
    created_at      timestamptz not null,
    version         int not null default 0
);
create index province_proposal_province on province_proposal (province_code);
