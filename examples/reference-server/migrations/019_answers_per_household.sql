-- Issue 24: a home answer is the household's, as in the library (MemoryAdapter's getHomeAnswer and
-- saveHomeAnswer): the carers at one address (`addresses`, 011_households.sql) share one answer, and
-- another address of the child's family neither reads nor replaces it. A carer without an address
-- keeps their own answer, as since 007_answers_per_carer.sql. When the school shares within the
-- family (`schools.share_within_family`) the family's latest answer is every carer's. `carer_id`
-- stays: who wrote the answer last (export, erasure); an answer without one (seeded) is nobody's.
alter table home_answers add column address_id samen_id references addresses on delete cascade;

-- A carer's answers move to their address.
update home_answers a
set address_id = v.address_id
from viewers v
where v.id = a.carer_id and v.address_id is not null and v.household_id = a.household_id;

-- Two carers of one address had answered the same clip: the newest is the address's answer.
delete from home_answers a
using home_answers b
where a.address_id = b.address_id and a.clip_id = b.clip_id and a.carer_id is not null and b.carer_id is not null
  and (b.updated_at, b.id) > (a.updated_at, a.id);

-- One answer per address and clip (a save's conflict target), one per carer without an address.
alter table home_answers drop constraint home_answers_carer;
create unique index home_answers_address on home_answers (clip_id, address_id) where address_id is not null and carer_id is not null;
create unique index home_answers_carer on home_answers (clip_id, carer_id) where address_id is null;

-- Replies under a post or clip, and successes shared on a matrix, are the household's too: a
-- parent reads their own address's replies (and the family's from before addresses), and the
-- teacher's answer to a success goes to the thread of the address it came from.
alter table replies add column address_id samen_id references addresses on delete cascade;
update replies r
set address_id = v.address_id
from viewers v
where v.id = r.author_id and v.address_id is not null and v.household_id = r.household_id;
create index replies_address on replies (address_id) where address_id is not null;

alter table successes add column address_id samen_id references addresses on delete cascade;
update successes x
set address_id = v.address_id
from viewers v
where v.id = x.shared_by and v.address_id is not null and v.household_id = x.household_id;
create index successes_address on successes (address_id) where address_id is not null;
