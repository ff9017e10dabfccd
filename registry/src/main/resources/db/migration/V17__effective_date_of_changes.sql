-- The day an owner or status change takes effect, when it is not the day it was made: a change request may state
-- the date of the decision it follows (a transfer decided on 15/10 and approved on 25/11 takes effect on 15/10), and
-- the revision that applied it keeps that day for the platform's history. Null: the day it was approved or made.
alter table change_request add column effective_on date;
alter table platform_revision add column effective_on date;
