-- Files teachers upload for lesson clips (issue 12), kept apart from the JSONB state: a clip
-- refers to one as `upload:<media_id>`. The bytes are a bytea; a production backend would
-- put them in object storage and keep this row. `media_id` is random: it is all a file's URL
-- holds. One upload per teacher and Idempotency-Key, so a repeated upload stores nothing new.
create table if not exists samen_uploads (
  media_id text primary key,
  owner text not null,
  idempotency_key text not null,
  kind text not null check (kind in ('video', 'photo', 'captions')),
  content_type text not null,
  size integer not null check (size > 0),
  name text not null default '',
  bytes bytea not null,
  created_at timestamptz not null default now(),
  unique (owner, idempotency_key)
);
