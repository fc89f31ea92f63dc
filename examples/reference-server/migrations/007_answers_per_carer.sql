-- Issue 18: a home answer is one carer's, not the household's. Every carer has their own (two
-- households of one child, or a grandparent who picks up, never read each other's); the teacher's
-- reach lists each carer's answer and counts the family once. An answer without a carer (the
-- demo's seeded ones, or from before this) is listed and counted, and nobody's to read.
alter table home_answers drop constraint home_answers_pkey;
alter table home_answers drop constraint home_answers_id_key;
alter table home_answers add primary key (id);
alter table home_answers add column carer_id samen_id references viewers on delete cascade;
update home_answers set carer_id = answered_by;
alter table home_answers drop column answered_by;
-- One answer per carer and clip (on conflict target of a save); one without a carer per household.
alter table home_answers add constraint home_answers_carer unique (clip_id, carer_id);
create unique index home_answers_unattributed on home_answers (clip_id, household_id) where carer_id is null;
-- The teacher's reach reads a clip's answers, newest first; export and erasure a carer's.
create index home_answers_clip on home_answers (clip_id, updated_at desc);
create index home_answers_carer_id on home_answers (carer_id);
