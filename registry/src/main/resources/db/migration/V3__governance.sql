-- Platform history: every change to a catalogue entry, workflow or direct.
-- A revision is one change set (who, when, why, the platform version it made);
-- its fields hold before/after in the text form of PlatformField.
create table platform_revision (
    id            bigserial primary key,
    platform_code text not null references platform (code) on delete cascade,
    version       integer not null,
    occurred_at   timestamptz not null,
    actor         text not null,
    cause         text not null,
    reference     text,
    note          text
);
create index platform_revision_platform on platform_revision (platform_code, id);

create table platform_revision_field (
    revision_id bigint not null references platform_revision (id) on delete cascade,
    field       text not null,
    before      text,
    after       text,
    primary key (revision_id, field)
);

-- Proposals of new platforms by ministries; status follows ProposalStatus.
create table proposal (
    id               uuid primary key,
    platform_code    text not null check (platform_code ~ '^[A-Z0-9][A-Z0-9._-]*$'),
    agency_code      text not null references agency (code),
    status           text not null check (status in ('DRAFT', 'SUBMITTED', 'UNDER_EVALUATION', 'RETURNED',
                                                     'RECOGNISED', 'RECOGNISED_AS_POTENTIAL', 'REJECTED',
                                                     'WITHDRAWN')),
    fields           jsonb not null default '{}',
    evaluation       jsonb,
    return_reason    text,
    decision_number  text,
    decision_date    date,
    decision_issuer  text,
    decision_reason  text,
    created_by       text not null,
    created_at       timestamptz not null,
    submitted_at     timestamptz,
    decided_by       text,
    decided_at       timestamptz,
    updated_at       timestamptz not null,
    version          integer not null default 0
);
create index proposal_agency on proposal (agency_code, updated_at desc);
create index proposal_status on proposal (status, submitted_at);
-- One open proposal per platform code.
create unique index proposal_open_code on proposal (platform_code)
    where status in ('DRAFT', 'SUBMITTED', 'UNDER_EVALUATION', 'RETURNED');

-- Changes editors ask for on published entries that need review.
create table change_request (
    id            uuid primary key,
    platform_code text not null references platform (code) on delete cascade,
    agency_code   text not null,
    status        text not null check (status in ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
    changes       jsonb not null,
    base_version  integer not null,
    reason        text,
    requested_by  text not null,
    requested_at  timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    version       integer not null default 0
);
create index change_request_platform on change_request (platform_code, requested_at desc);
create index change_request_status on change_request (status, requested_at);

-- Yearly re-evaluations of published platforms, with their outcome.
create table reevaluation (
    id            uuid primary key,
    platform_code text not null references platform (code) on delete cascade,
    outcome       text not null check (outcome in ('KEEP', 'SUSPEND', 'REVOKE', 'REINSTATE')),
    evaluation    jsonb,
    reason        text,
    legal_basis   text,
    decided_by    text not null,
    decided_on    date not null,
    decided_at    timestamptz not null
);
create index reevaluation_platform on reevaluation (platform_code, decided_on desc);

-- Evidence documents, stored in the database; served only as attachments.
create table evidence_document (
    id            uuid primary key,
    proposal_id   uuid references proposal (id) on delete cascade,
    change_id     uuid references change_request (id) on delete cascade,
    file_name     text not null,
    content_type  text not null,
    size_bytes    integer not null,
    sha256        text not null,
    content       bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null,
    check ((proposal_id is null) <> (change_id is null))
);
create index evidence_document_proposal on evidence_document (proposal_id);
