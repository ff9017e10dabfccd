-- A platform's earlier owners and statuses, so that an "as of" view shows the ones in force on its date. The
-- platform row keeps the current owner and status; each row here is a value the platform had until the day
-- its successor took effect (superseded_on, exclusive): an owner transferred by an approved change request, a status changed by a
-- standing decision, a change request or an import. Two changes on one day keep the value held before that day.
create table platform_earlier_value (
    platform_code text not null references platform (code) on delete cascade,
    field         text not null check (field in ('OWNER', 'STATUS')),
    value         text not null,
    superseded_on date not null,
    primary key (platform_code, field, superseded_on)
);

-- Changes made before this table existed are in the platforms' revisions: each revision that changed the owner or
-- the status ended the value before it on the (Vietnamese) day it was made.
insert into platform_earlier_value (platform_code, field, value, superseded_on)
select distinct on (r.platform_code, f.field, (r.occurred_at at time zone 'Asia/Ho_Chi_Minh')::date)
       r.platform_code, f.field, case f.field when 'STATUS' then upper(f.before) else f.before end,
       (r.occurred_at at time zone 'Asia/Ho_Chi_Minh')::date
from platform_revision r
join platform_revision_field f on f.revision_id = r.id
where f.field in ('OWNER', 'STATUS') and f.before is not null and f.before is distinct from f.after
order by r.platform_code, f.field, (r.occurred_at at time zone 'Asia/Ho_Chi_Minh')::date, r.version;
