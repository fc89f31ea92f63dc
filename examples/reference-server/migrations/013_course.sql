-- Issue 26: the programme's whole course around its lessons. The meetings of a class (an
-- information evening, the last lesson with parents, a parent–child–teacher conversation), each
-- household's reply (yes / no / maybe, how many people) and, for the conversation, the
-- preparation sheet the family fills in with the child; and the introduction a teacher posts
-- before lesson 1. Shaped as the library's schemas (src/meeting/schemas.ts,
-- src/programme-intro/schemas.ts). Who reads or writes what is the policy's (`meeting.read`,
-- `rsvp.*`, `preparation.*`): a household its own reply and sheet, the class's teacher the list.
--
-- As in 011_households.sql, the contract's `familyId` is a row of `households` and its
-- `householdId` (one address of that family) a row of `addresses`: a family at two addresses
-- replies twice, once per address; a family without addresses once.

create table meetings (
  id samen_id primary key,
  class_id samen_id not null references classes on delete cascade,
  kind text not null check (kind in ('information-evening', 'last-lesson', 'child-conversation')),
  programme text check (programme is null or programme ~ '^[a-z][a-z0-9-]{0,39}$'),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  starts_at timestamptz not null,
  ends_at timestamptz check (ends_at is null or ends_at >= starts_at),
  place text not null check (char_length(btrim(place)) between 1 and 200),
  -- What to bring ("uw kind, en het blad dat u samen invult").
  bring text check (char_length(bring) <= 500),
  description text check (char_length(description) <= 2000),
  -- Who invites, as the school names them ("Juf Sanne").
  host_name text check (char_length(host_name) <= 100),
  -- Afterwards: a short summary for those who could not come.
  summary text check (char_length(summary) <= 2000),
  lang text check (lang is null or char_length(lang) between 2 and 35),
  created_at timestamptz not null default now()
);
create index meetings_class on meetings (class_id, starts_at);

-- One reply per household (address) and meeting: a new one replaces it. `address_key` is the
-- address, or '' for a family without addresses, so one key covers both (a null never conflicts).
create table meeting_rsvps (
  meeting_id samen_id not null references meetings on delete cascade,
  household_id samen_id not null references households on delete cascade,
  address_id samen_id references addresses on delete cascade,
  address_key text generated always as (coalesce(address_id::text, '')) stored,
  -- The Idempotency-Key of the write that set it last.
  id samen_id not null,
  answer text not null check (answer in ('yes', 'maybe', 'no')),
  -- How many people come: nobody for `no`.
  people integer not null check (people between 0 and 9 and (answer <> 'no' or people = 0)),
  updated_at timestamptz not null default now(),
  primary key (meeting_id, household_id, address_key)
);
create index meeting_rsvps_household on meeting_rsvps (household_id);

-- The preparation sheet of a conversation, per household (address) and meeting; the class's
-- teacher reads it before the meeting.
create table meeting_preparations (
  meeting_id samen_id not null references meetings on delete cascade,
  household_id samen_id not null references households on delete cascade,
  address_id samen_id references addresses on delete cascade,
  address_key text generated always as (coalesce(address_id::text, '')) stored,
  id samen_id not null,
  keywords text not null check (char_length(keywords) <= 500),
  goes_well text not null check (char_length(goes_well) <= 500),
  talk_about text not null check (char_length(talk_about) <= 500),
  updated_at timestamptz not null default now(),
  primary key (meeting_id, household_id, address_key)
);
create index meeting_preparations_household on meeting_preparations (household_id);

-- The introduction a teacher posts before lesson 1. Its timeline is its lessons below; a lesson
-- counts as given once a clip of the class's run is out (clips: the class, the programme and the
-- lesson number), so a published clip moves the timeline on with nothing stored here.
create table intros (
  id samen_id primary key,
  class_id samen_id not null references classes on delete cascade,
  programme text not null check (programme ~ '^[a-z][a-z0-9-]{0,39}$'),
  programme_label text check (char_length(programme_label) <= 100),
  class_label text check (char_length(class_label) <= 200),
  -- What the programme is and what parents are asked to do at home, in the school's words; null:
  -- the widget shows Samen's starting texts for the programme.
  about text check (char_length(about) <= 4000),
  home_asks jsonb check (home_asks is null or jsonb_typeof(home_asks) = 'array'),
  posted_at timestamptz,
  lang text check (lang is null or char_length(lang) between 2 and 35),
  created_at timestamptz not null default now()
);
create index intros_class on intros (class_id, programme);

create table intro_lessons (
  intro_id samen_id not null references intros on delete cascade,
  number integer not null check (number between 1 and 999),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  goal text check (char_length(goal) <= 4000),
  -- When it is planned (a posted lesson shows when its clip was posted).
  planned_at timestamptz,
  primary key (intro_id, number)
);

-- Who parents can ask, as the school configures it, in its order.
create table intro_contacts (
  intro_id samen_id not null references intros on delete cascade,
  position integer not null check (position >= 0),
  role text not null check (role in ('teacher', 'care-coordinator', 'youth-centre', 'other')),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  how text check (char_length(how) <= 500),
  primary key (intro_id, position)
);
