-- Issue 25: evaluations. A school sends a short form at the end of a programme run (and
-- optionally at its start, for a before/after comparison) to the run's parents, children,
-- teachers and the trainer (the care coordinator answers the trainer's form). The programme's own
-- questions come from the library (BUILT_IN_QUESTIONS of src/evaluation/schemas.ts); only the
-- school's own are rows here.
--
-- One response per respondent and evaluation (a second replaces the first): a household (or one
-- address of it), a child, or a member of staff. Who responded is kept only to count response
-- rates and to replace a second response; on an anonymous evaluation (the default) no route ever
-- returns it to the school: results are counts per audience, question and value, computed in SQL,
-- and none below the minimum group size (domain/evaluations.mjs).

create table evaluations (
  id samen_id primary key,
  -- The programme run it belongs to (e.g. `wish-groep6`): its evaluations are its phases.
  programme_run_id samen_id not null,
  programme text not null check (programme ~ '^[a-z][a-z0-9-]{0,39}$'),
  phase text not null check (phase in ('before', 'after')),
  -- The run's name as the school shows it ("WIsH, groep 6").
  title text not null check (char_length(btrim(title)) between 1 and 200),
  -- Who gets the form, each once.
  audiences text[] not null check (
    cardinality(audiences) between 1 and 4 and audiences <@ array['parent', 'child', 'teacher', 'trainer']::text[]
  ),
  anonymous boolean not null default true,
  closes_at timestamptz,
  lang text check (char_length(lang) between 2 and 35),
  created_by samen_id references viewers on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The results of a run: its evaluations, a phase each.
create index evaluations_run on evaluations (programme_run_id, phase);
create index evaluations_programme on evaluations (programme);

-- The classes an evaluation goes to (a run of 30 classes: one evaluation per phase, 30 rows).
create table evaluation_classes (
  evaluation_id samen_id not null references evaluations on delete cascade,
  class_id samen_id not null references classes on delete cascade,
  primary key (evaluation_id, class_id)
);
create index evaluation_classes_class on evaluation_classes (class_id);

-- The school's own questions, in the order the form shows them (after the built-in ones).
create table evaluation_questions (
  evaluation_id samen_id not null references evaluations on delete cascade,
  position integer not null check (position between 0 and 29),
  id samen_id not null,
  kind text not null check (kind in ('yes-no', 'scale', 'choice', 'text')),
  text text not null check (char_length(btrim(text)) between 1 and 500),
  -- A choice question's options: `[{ value, label }]`, at most ten.
  options jsonb check (options is null or (jsonb_typeof(options) = 'array' and jsonb_array_length(options) <= 10)),
  -- The audiences that get it; null: every audience of the evaluation.
  audiences text[] check (audiences is null or audiences <@ array['parent', 'child', 'teacher', 'trainer']::text[]),
  primary key (evaluation_id, id),
  unique (evaluation_id, position)
);

-- Who responded, once per evaluation. `respondent` is the key a second response replaces
-- (`household:<id>`, `child:<id>`, `person:<id>`); the columns beside it name the same one so a
-- family's erasure takes its responses with it.
create table evaluation_responses (
  evaluation_id samen_id not null references evaluations on delete cascade,
  respondent text not null check (char_length(respondent) between 3 and 220),
  audience text not null check (audience in ('parent', 'child', 'teacher', 'trainer')),
  household_id samen_id references households on delete cascade,
  child_id samen_id references children on delete cascade,
  viewer_id samen_id references viewers on delete cascade,
  submitted_at timestamptz not null default now(),
  primary key (evaluation_id, respondent)
);
-- Response rates per audience.
create index evaluation_responses_audience on evaluation_responses (evaluation_id, audience);
create index evaluation_responses_household on evaluation_responses (household_id) where household_id is not null;
create index evaluation_responses_child on evaluation_responses (child_id) where child_id is not null;
create index evaluation_responses_viewer on evaluation_responses (viewer_id) where viewer_id is not null;

-- The answers of a response, one per question: the value chosen (`yes`/`no`, `1` to `5`, an
-- option's value) or, for an open question, the words, in a column of their own that the results
-- never read. The audience is kept beside them, so a run's counts (per evaluation, audience,
-- question and value) are read from one index alone, without a join.
create table evaluation_answers (
  evaluation_id samen_id not null,
  respondent text not null,
  audience text not null check (audience in ('parent', 'child', 'teacher', 'trainer')),
  question_id samen_id not null,
  value text check (char_length(value) between 1 and 200),
  words text check (char_length(btrim(words)) between 1 and 1000),
  check ((value is null) <> (words is null)),
  primary key (evaluation_id, respondent, question_id),
  foreign key (evaluation_id, respondent) references evaluation_responses on delete cascade
);
create index evaluation_answers_counts on evaluation_answers (evaluation_id, audience, question_id, value);
