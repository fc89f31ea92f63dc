-- Issue 24: on a personal chart the child chooses the goal's words and the reward from the options
-- the adults allowed (the library's ChartChoices: `{ words, rewards, wordsId?, rewardId? }`, at most
-- six of each). Kept whole as JSON: what the chart shows back, and what POST /charts/{id}/choice
-- checks a choice against. Null: the chart offers no choice.
alter table reward_charts add column choices jsonb check (choices is null or jsonb_typeof(choices) = 'object');
