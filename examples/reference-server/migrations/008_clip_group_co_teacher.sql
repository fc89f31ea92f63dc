-- Issue 18: a lesson clip may say which group of the class it was for ("Groep 6 — meisjes": WIsH
-- teaches girls and boys apart) and who gave it with the teacher ("Ellen,
-- weerbaarheidsspecialist"). Both optional, at most 100 characters (CLIP_GROUP_MAX_LENGTH,
-- CO_TEACHER_MAX_LENGTH).
alter table clips add column group_label text check (char_length(group_label) <= 100);
alter table clips add column co_teacher text check (char_length(co_teacher) <= 100);
