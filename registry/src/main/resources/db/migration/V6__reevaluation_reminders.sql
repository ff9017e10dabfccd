-- Which re-evaluation due dates the owners were already told about (once per platform and due date).
create table reevaluation_reminder (
    platform_code text not null references platform (code) on delete cascade,
    due_date      date not null,
    sent_at       timestamptz not null,
    primary key (platform_code, due_date)
);
