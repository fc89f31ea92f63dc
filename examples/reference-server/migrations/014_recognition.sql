-- Issue 24: recognition for every child, privately for the teacher. A teacher's token on a class
-- chart may be for one child of the class (the contract's award `childId`): kept here so the
-- class chart's teacher-only `recognition` can say which children had no token, sticker or
-- compliment this week. Never returned in an award; a child erased leaves the class's token.
alter table awards add column for_child_id samen_id references children on delete set null;
create index awards_for_child on awards (for_child_id, created_at) where for_child_id is not null;
