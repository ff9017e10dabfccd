-- The support queue is paged in the database; the national authority's default order (most recently changed
-- first) reads this index instead of sorting every request.
create index support_request_updated on support_request (updated_at desc, id);
