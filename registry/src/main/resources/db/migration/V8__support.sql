-- Support requests (issue 4): an agency asks a platform's operator for help; both sides keep a thread.

create table support_request (
    id            uuid primary key,
    platform_code text not null references platform (code),
    agency_code   text not null references agency (code),
    requested_by  text not null,
    subject       text not null check (length(subject) between 1 and 200),
    description   text not null check (length(description) between 1 and 10000),
    priority      text not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status        text not null check (status in ('OPEN', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'RESOLVED', 'CLOSED')),
    due_date      date not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    resolved_at   timestamptz,
    closed_at     timestamptz,
    sample        boolean not null default false
);
create index support_request_platform on support_request (platform_code, status);
create index support_request_agency on support_request (agency_code, status);
create index support_request_due on support_request (status, due_date);

-- The thread: messages and status changes, in order.
create table support_message (
    id          uuid primary key,
    seq         bigint generated always as identity,
    request_id  uuid not null references support_request (id) on delete cascade,
    author      text not null,
    author_name text not null,
    side        text not null check (side in ('REQUESTER', 'OPERATOR')),
    body        text check (length(body) <= 10000),
    status_from text,
    status_to   text,
    created_at  timestamptz not null,
    check (body is not null or status_to is not null)
);
create index support_message_request on support_message (request_id, seq);

create table support_attachment (
    id           uuid primary key,
    request_id   uuid not null references support_request (id) on delete cascade,
    message_id   uuid not null references support_message (id) on delete cascade,
    file_name    text not null,
    content_type text not null,
    size_bytes   integer not null,
    sha256       text not null,
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);
create index support_attachment_message on support_attachment (message_id);
