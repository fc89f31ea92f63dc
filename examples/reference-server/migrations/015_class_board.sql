-- Issue 24: the class board (GET /clips/{clipId}/board) shows the words of the answers whose
-- family chose "De klas mag ons antwoord zien, zonder naam"; never a name, family or time.
alter table home_answers add column share_with_class boolean not null default false;
