-- Issue 24: a short private thread between one family (household) and the teacher(s) of the
-- class, about something the family sent: their home answer to a clip, a reply, the successes
-- they shared, their child. Nobody else reads it (the policy's `thread.read`, `thread.write`).
--
-- A thread is named by its key as the library names its live topic (`threadTopic` of
-- src/thread/schemas.ts: `thread:<kind>:<about id>:<family id>`), kept whole in `thread_key`: a
-- kind or a field the key gains later needs no new column. What it is about and whose family it
-- is are kept beside it, for the export and erasure of a family and for the teacher's lists.

create table thread_messages (
  -- The client's id for the write (its Idempotency-Key): a retried message is the same row.
  id samen_id primary key,
  -- The order messages were written in, oldest first (two in one millisecond keep theirs).
  seq bigint generated always as identity,
  thread_key text not null check (char_length(thread_key) between 1 and 1000),
  about_kind text not null check (about_kind ~ '^[a-z][a-z0-9-]{0,39}$'),
  about_id samen_id not null,
  household_id samen_id not null references households on delete cascade,
  -- `family` (one of the household's carers) or `teacher`.
  from_side text not null check (from_side in ('family', 'teacher')),
  author_id samen_id references viewers on delete set null,
  text text not null check (char_length(btrim(text)) between 1 and 500),
  created_at timestamptz not null default now()
);
-- A thread's messages in order (getThread, and the count markThreadRead takes).
create index thread_messages_thread on thread_messages (thread_key, seq);
-- Export and erasure of a family; a person's own messages.
create index thread_messages_household on thread_messages (household_id);
create index thread_messages_author on thread_messages (author_id);

-- How many of a thread's messages each viewer has read (the rest of the other side's are unread).
create table thread_reads (
  thread_key text not null check (char_length(thread_key) between 1 and 1000),
  viewer_id samen_id not null references viewers on delete cascade,
  household_id samen_id not null references households on delete cascade,
  read_count integer not null check (read_count >= 0),
  updated_at timestamptz not null default now(),
  primary key (thread_key, viewer_id)
);
create index thread_reads_viewer on thread_reads (viewer_id);
create index thread_reads_household on thread_reads (household_id);
