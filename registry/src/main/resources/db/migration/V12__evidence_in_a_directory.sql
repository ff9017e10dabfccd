-- Evidence bytes are kept either in the row (as before) or, when ndp.governance.document-directory is set,
-- in a file of that directory named by the document's SHA-256. Rows written before this migration hold their
-- bytes and stay 'DATABASE'; the row always says where its bytes are, whichever setting is active.
alter table evidence_document add column stored_in text not null default 'DATABASE'
    check (stored_in in ('DATABASE', 'DIRECTORY'));
alter table evidence_document alter column stored_in drop default;
alter table evidence_document alter column content drop not null;
alter table evidence_document add constraint evidence_document_content_where_stored
    check ((stored_in = 'DATABASE') = (content is not null));
