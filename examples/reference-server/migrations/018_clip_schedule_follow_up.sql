-- Issue 26: the rhythm and after the last lesson. A clip may be scheduled (`scheduled_at`: parents
-- and children read it from then on; before, only the class's teacher, and for anyone else it does
-- not exist yet), and may follow up a lesson of a run: a follow-up post after the last lesson
-- ("Denkt u nog aan …?") or a repeat lesson for a later year group, linked to the original run's
-- lesson (and class, run and clip, when known). Both optional: existing clips are posted lessons.
alter table clips add column scheduled_at timestamptz;
alter table clips add column follows_up_kind text check (follows_up_kind in ('follow-up', 'repeat'));
alter table clips add column follows_up_lesson integer check (follows_up_lesson between 1 and 999);
alter table clips add column follows_up_class_id text check (char_length(follows_up_class_id) between 1 and 200);
alter table clips add column follows_up_clip_id text check (char_length(follows_up_clip_id) between 1 and 200);
alter table clips add column follows_up_run_id text check (char_length(follows_up_run_id) between 1 and 200);
alter table clips add constraint clips_follows_up_whole check ((follows_up_kind is null) = (follows_up_lesson is null));
-- A class's clips still to come, for the reads that hide them and the composer's rhythm.
create index clips_class_scheduled on clips (class_id, scheduled_at) where scheduled_at is not null;
