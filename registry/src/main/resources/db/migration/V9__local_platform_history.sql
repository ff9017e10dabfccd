-- Local platforms change and leave the register without losing history: who
-- last changed each one, its removal (when, by whom, why; the row is kept and
-- only left out of the active list and the overlap corpus), and a revision per
-- version with each field's value before and after (text form, as in
-- platform_revision).
alter table local_platform
    add column updated_by     text,
    add column updated_at     timestamptz,
    add column removed_at     timestamptz,
    add column removed_by     text,
    add column removal_reason text;
update local_platform set updated_by = created_by, updated_at = created_at;
alter table local_platform
    alter column updated_by set not null,
    alter column updated_at set not null,
    add constraint local_platform_removal check ((removed_at is null) = (removed_by is null)
        and (removed_at is null) = (removal_reason is null));

create table local_platform_revision (
    id                bigserial primary key,
    local_platform_id uuid not null references local_platform (id),
    version           integer not null,
    occurred_at       timestamptz not null,
    actor             text not null,
    cause             text not null check (cause in ('REGISTERED', 'CHANGED', 'REMOVED')),
    note              text,
    unique (local_platform_id, version)
);

create table local_platform_revision_field (
    revision_id bigint not null references local_platform_revision (id) on delete cascade,
    field       text not null,
    before      text,
    after       text,
    primary key (revision_id, field)
);

-- Platforms registered before history was kept: their registration is revision 0, every field as saved.
insert into local_platform_revision (local_platform_id, version, occurred_at, actor, cause)
select id, 0, created_at, created_by, 'REGISTERED' from local_platform;
insert into local_platform_revision_field (revision_id, field, before, after)
select r.id, f.field, null, f.after
from local_platform_revision r
join local_platform p on p.id = r.local_platform_id
cross join lateral (values
    ('name_vi', p.name_vi),
    ('name_en', p.name_en),
    ('description', p.description_vi),
    ('functions', nullif(array_to_string(p.functions, '; '), '')),
    ('category', lower(p.category)),
    ('type', lower(p.type)),
    ('status', lower(p.status)),
    ('website', p.website),
    ('department', p.department),
    ('overlap_verdict', lower(p.overlap_verdict)),
    ('overlap_matches', nullif(array_to_string(p.overlap_matches, ', '), '')),
    ('overlap_reason', p.overlap_reason)) as f (field, after)
where f.after is not null;
