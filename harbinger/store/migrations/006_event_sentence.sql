-- Each event carries its evidence sentence, so a row (and an export of the table) proves itself without its
-- article, and lists of events need not read article texts. Stores made before get it from the article.
ALTER TABLE events ADD COLUMN sentence_text VARCHAR;
UPDATE events SET sentence_text = substring(a.text, events.sentence_start + 1, events.sentence_end - events.sentence_start)
FROM articles a WHERE a.id = events.article_id;
