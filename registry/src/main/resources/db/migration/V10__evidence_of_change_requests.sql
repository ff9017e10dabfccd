-- Evidence documents of change requests are listed by request (V3 indexed only the proposal side).
create index evidence_document_change on evidence_document (change_id) where change_id is not null;
