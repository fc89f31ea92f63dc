-- Issue 24: a child's family may live at more than one address. In this schema the contract's
-- `familyId` is a row of `households` (005_relational.sql), so the contract's `householdId` (one
-- address of that family, each with its own carers) is a row of `addresses`. A family without
-- addresses is one household, as before.
--
-- What a carer writes is private to their address by default; a school may share it within the
-- family (`schools.share_within_family`, the library's SchoolSettings.shareWithinFamily).

create table addresses (
  id samen_id primary key,
  household_id samen_id not null references households on delete cascade,
  -- How the teacher's private not-reached list names it ("tweede adres"), after the family's name.
  name text not null default '' check (char_length(name) <= 100),
  position integer not null default 0,
  created_at timestamptz not null default now()
);
create index addresses_household on addresses (household_id, position);

-- A carer's (or child login's) address within their family; null without addresses.
alter table viewers add column address_id samen_id references addresses on delete set null;
create index viewers_address on viewers (address_id) where address_id is not null;

alter table schools add column share_within_family boolean not null default false;

-- Seen per address (the reach counts addresses as well as families): a mark without an address is
-- the whole family's, from before addresses or seeded.
alter table seen_marks add column address_id samen_id references addresses on delete cascade;
alter table seen_marks drop constraint seen_marks_pkey;
create unique index seen_marks_family on seen_marks (clip_id, household_id) where address_id is null;
create unique index seen_marks_address on seen_marks (clip_id, household_id, address_id) where address_id is not null;
