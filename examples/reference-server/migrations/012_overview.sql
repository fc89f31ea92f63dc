-- Issue 25: the programme overview. One aggregate query per overview (domain/overview.mjs) reads,
-- per class of a programme, its posted clips and, per clip, how many of the class's households saw
-- it, talked about it, answered and reacted. These indexes keep that an index walk for a school of
-- 30 classes × 8 lessons × 30 families: the clips of a programme by class and lesson, and the
-- reactions on clips by clip (the key of `reactions` starts with the target and the reaction).
create index if not exists clips_programme_class on clips (programme, class_id, lesson_number);
create index if not exists reactions_clip_household on reactions (clip_id, household_id) where clip_id is not null;
