-- The whole Samen state as one JSONB document (one row, id 'main'): a reference, not a
-- schema to copy. A production backend would normalise answers, awards, check-ins… into
-- tables of their own. `revision` is bumped by every save, so a save from a process whose
-- copy is out of date changes nothing (optimistic locking; see postgres-adapter.mjs).
create table if not exists samen_state (
  id text primary key,
  state jsonb not null,
  revision integer not null default 0,
  updated_at timestamptz not null default now()
);
