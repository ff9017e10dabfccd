-- Official list versions: what the national authority published, frozen at
-- publication. A version and its entries are never updated or deleted.
create table list_version (
    id              uuid primary key,
    title           text not null,
    document_number text not null,
    document_date   date not null,
    issuer          text not null,
    note            text,
    statuses        text[] not null,
    published_at    timestamptz not null,
    published_by    text not null
);
create index list_version_published on list_version (published_at desc);

-- One platform as it stood when the version was published. No foreign key to
-- platform: the snapshot outlives any later change to the catalogue.
create table list_entry (
    list_id       uuid not null references list_version (id),
    position      integer not null,
    platform_code text not null,
    owner_code    text not null,
    owner_name_vi text not null,
    owner_name_en text,
    fields        jsonb not null,
    primary key (list_id, platform_code),
    unique (list_id, position)
);

create function list_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'official list versions are immutable: % on % refused', tg_op, tg_table_name;
end $$;
create trigger list_version_no_change before update or delete on list_version
    for each statement execute function list_version_is_immutable();
create trigger list_entry_no_change before update or delete on list_entry
    for each statement execute function list_version_is_immutable();
create trigger list_version_no_truncate before truncate on list_version
    for each statement execute function list_version_is_immutable();
create trigger list_entry_no_truncate before truncate on list_entry
    for each statement execute function list_version_is_immutable();

-- In-app notices, one row per recipient account.
create table notice (
    id           uuid primary key,
    account_id   uuid not null references account (id) on delete cascade,
    kind         text not null,
    subject_vi   text not null,
    subject_en   text not null,
    body_vi      text not null,
    body_en      text not null,
    link         text,
    created_at   timestamptz not null,
    read_at      timestamptz,
    emailed_at   timestamptz,
    email_error  text
);
create index notice_account on notice (account_id, created_at desc);
create index notice_unread on notice (account_id) where read_at is null;
