-- A person's own page shows the sign-in before the current one (last_sign_in_at is the current one by then): each
-- sign-in moves the last one here first, so that a sign-in by someone else is noticed at the next one.
alter table account add column previous_sign_in_at timestamptz;
