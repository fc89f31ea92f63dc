-- Issue 17: a table per entity, with foreign keys, the schema's limits as constraints (a row
-- that breaks one is refused by the database itself, whatever code wrote it) and an index for
-- every read path. The same SQL on PGlite and PostgreSQL (15 and later).
--
-- Names: the contract's `familyId` is a household (`households.id`); a viewer is a person who
-- signs in (a carer, a child login, a teacher, a care coordinator, a school leader). Every id
-- that crosses the API is a `samen_id`: what `isSafeId` of src/core/policy.ts allows, so an
-- id like `__proto__` or `constructor` can't be stored, even by a bug.
--
-- Names of people and families live in one place (viewers.name, households.name, children.name)
-- and are joined where a response shows them: an erased family leaves no copy behind.

create domain samen_id as text
  check (value ~ '^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$'
         and value not in ('constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'));

-- ------------------------------------------------------------------ who

create table schools (
  id samen_id primary key,
  name text not null default '' check (char_length(name) <= 200),
  created_at timestamptz not null default now()
);

create table classes (
  id samen_id primary key,
  school_id samen_id not null references schools,
  label text check (char_length(label) <= 200),
  created_at timestamptz not null default now()
);
create index classes_school on classes (school_id);

-- A family: its carers and child logins are viewers, its children children.
create table households (
  id samen_id primary key,
  school_id samen_id not null references schools,
  name text not null check (char_length(name) between 1 and 200),
  created_at timestamptz not null default now()
);
create index households_school on households (school_id);

-- The families of a class, in the order the school lists them: who a clip should reach.
create table class_households (
  class_id samen_id not null references classes on delete cascade,
  household_id samen_id not null references households on delete cascade,
  position integer not null default 0,
  primary key (class_id, household_id)
);
create index class_households_household on class_households (household_id);

create table children (
  id samen_id primary key,
  class_id samen_id not null references classes,
  -- Null when the school did not say whose child it is (most children of the demo).
  household_id samen_id references households on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  created_at timestamptz not null default now()
);
create index children_class on children (class_id);
create index children_household on children (household_id);

create table viewers (
  id samen_id primary key,
  role text not null check (role in ('parent', 'child', 'teacher', 'care-coordinator', 'school-leader')),
  school_id samen_id references schools,
  -- Carers and child logins belong to a household; staff never do.
  household_id samen_id references households on delete cascade,
  name text check (char_length(name) <= 200),
  created_at timestamptz not null default now(),
  check (household_id is null or role in ('parent', 'child'))
);
create index viewers_household on viewers (household_id);
create index viewers_school on viewers (school_id);

-- A viewer's classes and children, in the order the host gave them (the first is the default).
create table viewer_classes (
  viewer_id samen_id not null references viewers on delete cascade,
  class_id samen_id not null references classes on delete cascade,
  position smallint not null default 0,
  primary key (viewer_id, class_id)
);
create index viewer_classes_class on viewer_classes (class_id);

create table viewer_children (
  viewer_id samen_id not null references viewers on delete cascade,
  child_id samen_id not null references children on delete cascade,
  position smallint not null default 0,
  primary key (viewer_id, child_id)
);
create index viewer_children_child on viewer_children (child_id);

-- ------------------------------------------------------------------ lesson clips

create table clips (
  id samen_id primary key,
  class_id samen_id not null references classes,
  programme text not null check (programme ~ '^[a-z][a-z0-9-]{0,39}$'),
  programme_label text check (char_length(programme_label) <= 100),
  lesson_number integer check (lesson_number between 1 and 999),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  goal text check (char_length(goal) <= 4000),
  learned text check (char_length(learned) <= 4000),
  home_question text check (char_length(home_question) <= 4000),
  home_activity text check (char_length(home_activity) <= 4000),
  class_label text check (char_length(class_label) <= 200),
  lang text check (char_length(lang) between 2 and 35),
  -- The host's photo/video consent for this class's viewers: false shows text only.
  media_consent boolean,
  posted_at timestamptz not null,
  published_by samen_id references viewers on delete set null,
  created_at timestamptz not null default now()
);
create index clips_class_posted on clips (class_id, posted_at desc);
create index clips_published_by on clips (published_by);

-- A clip's photos, or its video with poster and captions, in order. Each is a teacher's upload
-- (`upload_id`) or a URL / demo reference (`illustration:…`, `captions:…`).
create table clip_media (
  clip_id samen_id not null references clips on delete cascade,
  position smallint not null check (position between 0 and 39),
  role text not null check (role in ('photo', 'video', 'poster', 'captions')),
  upload_id text references samen_uploads (media_id),
  url text check (char_length(url) between 1 and 2000),
  alt text check (char_length(alt) <= 1000),
  srclang text check (char_length(srclang) between 2 and 35),
  label text check (char_length(label) <= 200),
  is_default boolean not null default false,
  content_type text check (char_length(content_type) <= 100),
  primary key (clip_id, position),
  check (num_nonnulls(upload_id, url) = 1),
  check (role <> 'photo' or alt is not null),
  check (role <> 'captions' or (srclang is not null and label is not null))
);
create index clip_media_upload on clip_media (upload_id) where upload_id is not null;
create index clip_media_url on clip_media (url) where url is not null;

-- What families do with a clip: one answer and one "seen" per household.
create table home_answers (
  clip_id samen_id not null references clips on delete cascade,
  household_id samen_id not null references households on delete cascade,
  id samen_id not null unique,
  kind text not null check (kind in ('text', 'talked')),
  text text check (char_length(text) <= 500),
  answered_by samen_id references viewers on delete set null,
  updated_at timestamptz not null,
  primary key (clip_id, household_id),
  check (kind = 'text' or text is null)
);
create index home_answers_household on home_answers (household_id);
create index home_answers_answered_by on home_answers (answered_by);

create table seen_marks (
  clip_id samen_id not null references clips on delete cascade,
  household_id samen_id not null references households on delete cascade,
  seen_at timestamptz not null default now(),
  primary key (clip_id, household_id)
);
create index seen_marks_household on seen_marks (household_id);

-- ------------------------------------------------------------------ feedback bar

-- Host posts families react to: feedback-bar targets that are not clips.
create table posts (
  id samen_id primary key,
  class_id samen_id not null references classes,
  created_at timestamptz not null default now()
);
create index posts_class on posts (class_id);

-- A reaction or reply is on a clip or on a post: exactly one of the two.
create table reactions (
  clip_id samen_id references clips on delete cascade,
  post_id samen_id references posts on delete cascade,
  target_id text generated always as (coalesce(clip_id, post_id)) stored,
  reaction text not null check (reaction ~ '^[a-z][a-z0-9-]{0,39}$'),
  household_id samen_id not null references households on delete cascade,
  reacted_by samen_id references viewers on delete set null,
  created_at timestamptz not null default now(),
  primary key (target_id, reaction, household_id),
  check (num_nonnulls(clip_id, post_id) = 1)
);
create index reactions_household on reactions (household_id);
create index reactions_reacted_by on reactions (reacted_by);

create table replies (
  id samen_id primary key,
  clip_id samen_id references clips on delete cascade,
  post_id samen_id references posts on delete cascade,
  target_id text generated always as (coalesce(clip_id, post_id)) stored,
  household_id samen_id references households on delete cascade,
  author_id samen_id references viewers on delete set null,
  text text not null check (char_length(btrim(text)) between 1 and 280),
  created_at timestamptz not null default now(),
  check (num_nonnulls(clip_id, post_id) = 1)
);
create index replies_target on replies (target_id, created_at);
create index replies_household on replies (household_id);
create index replies_author on replies (author_id);

-- ------------------------------------------------------------------ reward charts

-- Positive only, by design: a goal is a number of tokens to earn (1 to 1,000), an award is one
-- token; nothing takes tokens away (an undo removes a mis-tap, within seconds, by its giver).
create table reward_charts (
  id samen_id primary key,
  kind text not null check (kind in ('class', 'personal')),
  class_id samen_id not null references classes,
  child_id samen_id references children on delete cascade,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  goal integer not null check (goal between 1 and 1000),
  reward text not null check (char_length(btrim(reward)) between 1 and 200),
  home_stickers_enabled boolean not null default false,
  lang text check (char_length(lang) between 2 and 35),
  created_at timestamptz not null default now(),
  check ((kind = 'personal') = (child_id is not null))
);
create index reward_charts_class on reward_charts (class_id);
create index reward_charts_child on reward_charts (child_id) where child_id is not null;

-- At most two focus expectations per chart.
create table chart_focus (
  chart_id samen_id not null references reward_charts on delete cascade,
  position smallint not null check (position between 0 and 1),
  id samen_id not null,
  text text not null check (char_length(btrim(text)) between 1 and 200),
  pictogram text check (char_length(pictogram) <= 16),
  primary key (chart_id, position),
  unique (chart_id, id)
);

-- A reached goal, redeemed: the reward as it was named then.
create table earned_rewards (
  id bigint generated always as identity primary key,
  chart_id samen_id not null references reward_charts on delete cascade,
  reward text not null check (char_length(btrim(reward)) between 1 and 200),
  earned_at timestamptz not null,
  redeemed_by samen_id references viewers on delete set null
);
create index earned_rewards_chart on earned_rewards (chart_id, earned_at);
create index earned_rewards_redeemed_by on earned_rewards (redeemed_by);

-- One token. `given_by` is who may take it back (within the undo window); a redeem keeps the
-- awards that reached the goal (`redeemed_in`), so reports can count them per week.
create table awards (
  id samen_id primary key,
  chart_id samen_id not null references reward_charts on delete cascade,
  source text not null check (source in ('school', 'home')),
  expectation_id samen_id,
  reason text check (char_length(reason) <= 200),
  given_by samen_id references viewers on delete set null,
  created_at timestamptz not null,
  redeemed_in bigint references earned_rewards on delete cascade
);
-- The chart as shown: its awards not redeemed yet.
create index awards_open on awards (chart_id, created_at) where redeemed_in is null;
create index awards_redeemed_in on awards (redeemed_in) where redeemed_in is not null;
create index awards_given_by on awards (given_by);

-- ------------------------------------------------------------------ feelings

-- A check-in keeps the device's UTC offset it was written with (`utc_offset_minutes`, null for
-- a time sent in UTC), so the child's local day (`local_day`) is the day it was written on.
-- The widget keeps one per child, context and local day by its id
-- (`checkin:<child>:<context>:<day>`); the contract keys a check-in by that id, so two ids on
-- one day are two check-ins here too.
create table checkins (
  id samen_id primary key,
  child_id samen_id not null references children on delete cascade,
  feeling text not null check (feeling ~ '^[a-z][a-z0-9-]{0,39}$'),
  strength smallint not null check (strength between 1 and 5),
  context text not null check (context in ('home', 'school')),
  note text check (char_length(note) <= 280),
  created_at timestamptz not null,
  utc_offset_minutes smallint check (utc_offset_minutes between -840 and 840),
  local_day date not null,
  recorded_by samen_id references viewers on delete set null,
  updated_at timestamptz not null default now()
);
create index checkins_child_time on checkins (child_id, created_at);
create index checkins_recorded_by on checkins (recorded_by);

-- ------------------------------------------------------------------ expectation matrices

-- A school's matrix, or a family's home matrix. `version` is the current one; every save adds
-- a version (the last ones are kept, see domain/matrices.mjs) and a save from an older one is
-- a conflict.
create table matrices (
  id samen_id primary key,
  kind text not null check (kind in ('school', 'home')),
  school_id samen_id references schools,
  household_id samen_id references households on delete cascade,
  version integer not null check (version >= 0),
  created_at timestamptz not null default now(),
  check ((kind = 'school' and school_id is not null and household_id is null)
      or (kind = 'home' and household_id is not null and school_id is null))
);
create index matrices_school on matrices (school_id) where school_id is not null;
create index matrices_household on matrices (household_id) where household_id is not null;

create table matrix_versions (
  matrix_id samen_id not null references matrices on delete cascade,
  version integer not null check (version >= 0),
  title text check (char_length(btrim(title)) between 1 and 200),
  lang text check (char_length(lang) between 2 and 35),
  saved_by samen_id references viewers on delete set null,
  saved_at timestamptz not null default now(),
  primary key (matrix_id, version)
);
create index matrix_versions_saved_by on matrix_versions (saved_by);

-- The editor's limits (MATRIX_LIMITS of src/core/schemas.ts) as constraints: at most 5
-- values × 8 places, names of at most 60 characters, at most 3 expectations of 1 to 200
-- characters per cell, cells only where a listed value meets a listed place, ids unique.
create table matrix_values (
  matrix_id samen_id not null,
  version integer not null,
  position smallint not null check (position between 0 and 4),
  id samen_id not null,
  label text not null check (char_length(btrim(label)) between 1 and 60),
  pictogram text check (char_length(pictogram) <= 16),
  primary key (matrix_id, version, position),
  unique (matrix_id, version, id),
  foreign key (matrix_id, version) references matrix_versions on delete cascade
);

create table matrix_locations (
  matrix_id samen_id not null,
  version integer not null,
  position smallint not null check (position between 0 and 7),
  id samen_id not null,
  label text not null check (char_length(btrim(label)) between 1 and 60),
  pictogram text check (char_length(pictogram) <= 16),
  primary key (matrix_id, version, position),
  unique (matrix_id, version, id),
  foreign key (matrix_id, version) references matrix_versions on delete cascade
);

create table matrix_cells (
  matrix_id samen_id not null,
  version integer not null,
  value_id samen_id not null,
  location_id samen_id not null,
  position smallint not null check (position between 0 and 2),
  id samen_id not null,
  text text not null check (char_length(btrim(text)) between 1 and 200),
  pictogram text check (char_length(pictogram) <= 16),
  primary key (matrix_id, version, value_id, location_id, position),
  unique (matrix_id, version, id),
  foreign key (matrix_id, version, value_id) references matrix_values (matrix_id, version, id) on delete cascade,
  foreign key (matrix_id, version, location_id) references matrix_locations (matrix_id, version, id) on delete cascade
);

-- The focus of the week: a cell of the matrix, or one expectation in it.
create table matrix_focus (
  matrix_id samen_id not null,
  version integer not null,
  value_id samen_id not null,
  location_id samen_id not null,
  expectation_id samen_id,
  why text check (char_length(why) <= 4000),
  home_tip text check (char_length(home_tip) <= 4000),
  primary key (matrix_id, version),
  foreign key (matrix_id, version) references matrix_versions on delete cascade,
  foreign key (matrix_id, version, value_id) references matrix_values (matrix_id, version, id) on delete cascade,
  foreign key (matrix_id, version, location_id) references matrix_locations (matrix_id, version, id) on delete cascade,
  foreign key (matrix_id, version, expectation_id) references matrix_cells (matrix_id, version, id) on delete cascade
);

-- What families tell the school worked at home, on its matrix.
create table successes (
  id samen_id primary key,
  matrix_id samen_id not null references matrices on delete cascade,
  expectation_id samen_id,
  text text not null check (char_length(btrim(text)) between 1 and 500),
  household_id samen_id references households on delete cascade,
  shared_by samen_id references viewers on delete set null,
  created_at timestamptz not null
);
create index successes_matrix on successes (matrix_id, created_at);
create index successes_household on successes (household_id);
create index successes_shared_by on successes (shared_by);

-- ------------------------------------------------------------------ uploads and idempotency

-- samen_uploads (002) and samen_idempotency (004) stay as they are; uploads get an index for
-- the sweep of drafts nobody published (domain/retention.mjs). Their owner becomes a foreign
-- key once the viewers are in their table (009).
create index if not exists samen_uploads_created_at on samen_uploads (created_at);
