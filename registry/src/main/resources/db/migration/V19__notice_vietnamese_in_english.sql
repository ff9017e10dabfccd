-- The Vietnamese a notice's English subject and body quote (a name with no English name, a subject or a reason
-- someone typed): an English page marks each lang="vi". Notices stored before have none.
alter table notice add column vietnamese_in_en text[] not null default '{}';
