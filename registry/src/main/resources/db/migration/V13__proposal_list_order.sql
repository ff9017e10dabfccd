-- The proposal lists are paged in the database, the most recently changed first: the national authority reads
-- all of them in that order (an agency's editors use proposal_agency from V3), and a province proposal last
-- changed when it was decided, or else when it was submitted.
create index proposal_updated on proposal (updated_at desc, id);
create index province_proposal_changed on province_proposal ((coalesce(decided_at, created_at)) desc, id);
