-- Lesson clips say the language of their words (`lang`, BCP 47; issue 12). Clips live in the
-- JSONB state, so a clip a teacher publishes keeps the `lang` it was published with, and
-- `GET /clips/{clipId}` returns it; nothing about that needs a column. What this migration
-- does: a database seeded before `lang` existed gets it on its demo clips (`wish-1`…`wish-8`,
-- `kanjer-1`, `kanjer-2`), in the language they were seeded in, which the seed's own class
-- label says ('Groep 6' in Dutch, 'Year 6 (groep 6)' in English). Clips teachers published
-- (`clip-…`) stay without one: their language was never recorded, and absent means "the
-- page's contentLang", which is better than a wrong guess. Plain PostgreSQL jsonb functions:
-- the same on PGlite and PostgreSQL. Running it twice changes nothing (only demo clips without
-- `lang` are touched); `revision` is bumped so a server process still holding the old state
-- can't save over it (see postgres-adapter.mjs).
with seed as (
  select id,
    case state #>> '{clips,wish-1,classLabel}' when 'Groep 6' then 'nl' when 'Year 6 (groep 6)' then 'en' end as lang
  from samen_state
  where jsonb_typeof(state -> 'clips') = 'object'
),
demo (clip_id) as (
  select 'wish-' || n from generate_series(1, 8) as n
  union all select 'kanjer-' || n from generate_series(1, 2) as n
)
update samen_state s
set state = jsonb_set(s.state, '{clips}', (
      select jsonb_object_agg(
        clip.key,
        case
          when clip.key in (select clip_id from demo) and jsonb_typeof(clip.value) = 'object' and not clip.value ? 'lang'
            then clip.value || jsonb_build_object('lang', seed.lang)
          else clip.value
        end
      )
      from jsonb_each(s.state -> 'clips') as clip (key, value)
    )),
  revision = s.revision + 1,
  updated_at = now()
from seed
where seed.id = s.id
  and seed.lang is not null
  and exists (
    select 1 from jsonb_each(s.state -> 'clips') as clip (key, value)
    where clip.key in (select clip_id from demo) and jsonb_typeof(clip.value) = 'object' and not clip.value ? 'lang'
  );
