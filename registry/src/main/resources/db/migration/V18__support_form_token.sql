-- The token of the web form a support request was sent from: the same form sent twice (a double click, a reload)
-- finds the request it opened instead of opening another.
alter table support_request add column form_token uuid;
create unique index support_request_form_token on support_request (requested_by, form_token)
    where form_token is not null;
