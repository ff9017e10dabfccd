-- The platforms of a list version's statuses that it left out because their
-- listing date was unknown when it was published: a version dated before that
-- day freezes only the platforms known to be listed on its date, and names
-- these apart. Frozen with the version, never updated or deleted.
create table list_undated (
    list_id       uuid not null references list_version (id),
    platform_code text not null,
    name_vi       text not null,
    name_en       text,
    status        text not null,
    primary key (list_id, platform_code)
);
create trigger list_undated_no_change before update or delete on list_undated
    for each statement execute function list_version_is_immutable();
create trigger list_undated_no_truncate before truncate on list_undated
    for each statement execute function list_version_is_immutable();
