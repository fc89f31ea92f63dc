-- Issue 16: writes save only what they change, and idempotency keys are kept apart, small and
-- for a day. Plain SQL and jsonb functions: the same on PGlite and PostgreSQL.
--
-- The state as one JSONB row per top-level collection (clips, answers, charts, matrices, …),
-- instead of one document rewritten by every write: a write saves the collections it changed.
-- Each row has its own `revision`, bumped by every save; a process only saves over rows whose
-- revision it loaded, so two processes on one database stay correct (see postgres-adapter.mjs).
create table if not exists samen_collections (
  name text primary key,
  data jsonb not null,
  revision integer not null default 0,
  updated_at timestamptz not null default now()
);

-- A database from before this migration: its one state row becomes a row per collection.
-- What is not moved: `writes` (every applied write's whole response, kept forever) and
-- `writeRequests` (who sent each key); keys used before the upgrade are forgotten with them.
-- `uploads` never was in the row (the files are in samen_uploads).
insert into samen_collections (name, data)
select item.key, item.value
from samen_state as s, jsonb_each(s.state) as item (key, value)
where s.id = 'main'
  and jsonb_typeof(s.state) = 'object'
  and item.key not in ('writes', 'writeRequests', 'uploads')
on conflict (name) do nothing;

-- A server still running the code from before would save the whole state here: without the
-- table it can't, and it answers 503 until it is stopped.
drop table if exists samen_state;

-- One row per Idempotency-Key, for 24 hours (then swept): never the request or its response,
-- only a digest of who sent what (SHA-256 of viewer, operation, parameters and body, to refuse
-- the key for another request) and the id of what the write made or changed, so a replay is
-- answered by reading that resource as it is now.
create table if not exists samen_idempotency (
  key text primary key,
  request_digest text not null,
  result_id text,
  created_at timestamptz not null default now()
);
create index if not exists samen_idempotency_created_at on samen_idempotency (created_at);
