-- The samen_id check of 005, said in a way PostgreSQL's regex engine runs about a hundred times
-- faster: a bounded repetition (`{0,199}`) is expanded into one state per repetition, so every
-- id stored paid for 199 of them (a matrix save at the editor's limits checks some 600 ids). The
-- same ids are allowed: a letter or digit, then letters, digits and `_ . : @ -`, 200 at most,
-- never an inherited name.
alter domain samen_id drop constraint samen_id_check;
alter domain samen_id add constraint samen_id_check
  check (value ~ '^[A-Za-z0-9][A-Za-z0-9_.:@-]*$'
         and char_length(value) <= 200
         and value not in ('constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'));
