//! The store's tables. `FORMAT` is the store format written in `meta`; a store of format
//! 4, 5 or 6 is brought to it on open, an older one is refused with what to run (`store::open`).

/// The store format this version writes and reads.
pub(crate) const FORMAT: u32 = 7;

pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    inputs TEXT NOT NULL,
    pipeline INTEGER NOT NULL,
    items INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
-- Every input item seen: its file by canonical path, the file's size and modification
-- time when it was read (an edited file is read again), and the article it gave (NULL
-- when it failed).
CREATE TABLE IF NOT EXISTS sources (
    key TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    article_id TEXT,
    run_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_path ON sources(path);
-- Files read to their end, with the stamp they had and how many items they held: an
-- unchanged one is skipped without being opened.
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    items INTEGER NOT NULL,
    run_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id);
-- One row per distinct article: the small columns that queries and the corpus passes
-- read and update. Its text and records are in `bodies`, so that setting a flag or a
-- group does not rewrite tens of kilobytes (SQLite writes a whole row on update).
-- `pending` articles still wait for the corpus passes (a run killed before them leaves
-- some; the next run finishes them). `analysed` is 0 when the run knew the article's
-- template lines ahead and analysed only the view, not the per-document record.
CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    pending INTEGER NOT NULL DEFAULT 1,
    analysed INTEGER NOT NULL DEFAULT 1,
    pipeline INTEGER NOT NULL,
    run_id INTEGER NOT NULL,
    exact INTEGER NOT NULL,
    dup_group INTEGER,
    duplicate_of TEXT,
    duplicate_kind TEXT,
    language TEXT,
    published TEXT,
    day TEXT,
    outlet TEXT,
    template TEXT NOT NULL DEFAULT '[]',
    site TEXT,
    own_outlet TEXT,
    site_vote TEXT,
    url TEXT,
    source TEXT NOT NULL,
    title TEXT,
    minhash BLOB NOT NULL,
    lines BLOB NOT NULL
);
-- An article's text and records. `doc` is the per-document record (JSON, what the
-- analysis of the item gave); `view`, when the corpus passes dropped template lines, the
-- record analysed again without them. `title` and `text` are the view's, for search.
CREATE TABLE IF NOT EXISTS bodies (
    n INTEGER PRIMARY KEY,
    title TEXT,
    text TEXT NOT NULL,
    view TEXT,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet_day ON articles(outlet, day);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site, outlet) WHERE site IS NOT NULL;
-- Sites (format 7): `outlet` is the name of the article's site (`site`, its URL's host,
-- set only for the articles shown under their site's name: not for one whose outlet the
-- user gave), `own_outlet` the name the item gave itself (its template lines are counted
-- under it), `site_vote` the name it gives its site (the URL's), if any
-- (`corpus::sites::vote`). How many articles of a site give it each name: the name its
-- articles are shown under is worked out from these counts (`corpus::sites::choose`).
CREATE TABLE IF NOT EXISTS site_names (
    site TEXT NOT NULL,
    name TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (site, name)
) WITHOUT ROWID;
-- Covers the digest's articles and copies per outlet (`outlet_counts`), which otherwise
-- reads every article row, `doc` included, at the end of each run.
CREATE INDEX IF NOT EXISTS articles_outlet_dup ON articles(outlet, duplicate_of);
CREATE INDEX IF NOT EXISTS articles_dup ON articles(duplicate_of);
CREATE INDEX IF NOT EXISTS articles_exact ON articles(exact);
CREATE INDEX IF NOT EXISTS articles_group ON articles(dup_group);
CREATE INDEX IF NOT EXISTS articles_pending ON articles(pending) WHERE pending != 0;
CREATE INDEX IF NOT EXISTS articles_pipeline ON articles(pipeline);
CREATE INDEX IF NOT EXISTS articles_run ON articles(run_id);
-- Words and the column they are in, not their positions (`detail=column`): a third less
-- indexing work; queries are sets of words (see `read::fts_query`), snippets still work.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='bodies', content_rowid='n', detail=column
);

-- Corpus passes, kept up to date by what each run adds.
-- Near-duplicate buckets: the LSH band keys of every article whose exact text is new.
CREATE TABLE IF NOT EXISTS bands (
    band INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS bands_article ON bands(article);
-- The band keys filed since the last merge (format 6): a new article's keys land on this
-- small table's few pages, not on pages all over `bands`, and are merged into it in key
-- order once they are a quarter of it (`corpus::merge_bands`). Look-ups read both.
CREATE TABLE IF NOT EXISTS bands_new (
    band INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS bands_new_article ON bands_new(article);
-- Duplicate groups with their representative.
CREATE TABLE IF NOT EXISTS dup_groups (
    grp INTEGER PRIMARY KEY,
    rep INTEGER NOT NULL,
    size INTEGER NOT NULL
);
-- Short lines (template candidates) per outlet: which articles carry them, in which
-- duplicate groups (stories) they appear, and how many stories that is.
CREATE TABLE IF NOT EXISTS lines (
    outlet TEXT NOT NULL,
    key INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (outlet, key, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lines_article ON lines(article);
CREATE TABLE IF NOT EXISTS line_groups (
    outlet TEXT NOT NULL,
    key INTEGER NOT NULL,
    grp INTEGER NOT NULL,
    PRIMARY KEY (outlet, key, grp)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS line_groups_grp ON line_groups(grp);
-- Lines whose story count fell (an article was deleted): the next corpus pass looks at
-- their articles again.
CREATE TABLE IF NOT EXISTS dirty_lines (
    outlet TEXT NOT NULL,
    key INTEGER NOT NULL,
    PRIMARY KEY (outlet, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS line_stories (
    outlet TEXT NOT NULL,
    key INTEGER NOT NULL,
    stories INTEGER NOT NULL,
    PRIMARY KEY (outlet, key)
) WITHOUT ROWID;

-- The entity directory: corpus-wide entities with stable ids; a retired id redirects.
CREATE TABLE IF NOT EXISTS entities (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    surname TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entities_surname ON entities(surname) WHERE surname IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_rank ON entities(quotes DESC, articles DESC);
CREATE TABLE IF NOT EXISTS entity_names (
    entity INTEGER NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_roles (
    entity INTEGER NOT NULL,
    role TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, role)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_first_names (
    entity INTEGER NOT NULL,
    first TEXT NOT NULL,
    PRIMARY KEY (entity, first)
) WITHOUT ROWID;
-- Name keys of organisations, places and unknown names (kind, name without 'the').
CREATE TABLE IF NOT EXISTS entity_keys (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    entity INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
-- An article-local entity signature already placed: the same one again skips the merge.
CREATE TABLE IF NOT EXISTS entity_sigs (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    entity INTEGER NOT NULL,
    PRIMARY KEY (kind, name, roles)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_redirects (
    old TEXT PRIMARY KEY,
    new TEXT NOT NULL
) WITHOUT ROWID;
-- Chains are shortened on each rename (`UPDATE … WHERE new = ?`): without it, a scan.
CREATE INDEX IF NOT EXISTS entity_redirects_new ON entity_redirects(new);
CREATE TABLE IF NOT EXISTS entity_members (
    article INTEGER NOT NULL,
    local TEXT NOT NULL,
    entity INTEGER NOT NULL,
    PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_members_entity ON entity_members(entity, article);

-- What the language stages found, one row each, for queries (the view's spans).
-- Each article's own entities (as the directory merges them).
CREATE TABLE IF NOT EXISTS local_entities (
    article INTEGER NOT NULL,
    local TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    local TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    role_start INTEGER,
    role_end INTEGER,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
    n INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    partial INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    parts TEXT NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_kind TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_local TEXT,
    speaker INTEGER,
    speaker_name TEXT,
    role TEXT,
    text TEXT NOT NULL,
    said TEXT,
    said_first TEXT,
    said_last TEXT,
    said_rule TEXT,
    outlet TEXT,
    day TEXT,
    -- The named rule (frame) that found it: `storyline::quotes::QuoteRule`.
    rule TEXT,
    UNIQUE (article, ord)
);
CREATE INDEX IF NOT EXISTS quotes_speaker_day ON quotes(speaker, day);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    text, speaker_name, content='quotes', content_rowid='n', detail=column
);
CREATE TABLE IF NOT EXISTS timexes (
    article INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    anchor TEXT,
    first_day TEXT,
    last_day TEXT,
    rule TEXT,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sentence_dates (
    article INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    value TEXT NOT NULL,
    first_day TEXT,
    last_day TEXT,
    rule TEXT NOT NULL,
    timex INTEGER,
    PRIMARY KEY (article, sentence)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sentence_dates_day ON sentence_dates(first_day);
-- Figures (quantitative claims), one row each: `storyline::claims::Figure`.
CREATE TABLE IF NOT EXISTS figures (
    article INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    value REAL,
    low REAL,
    low_inclusive INTEGER,
    high REAL,
    high_inclusive INTEGER,
    qualifier TEXT,
    unit TEXT,
    dimension TEXT,
    concept TEXT,
    measured TEXT,
    as_of TEXT,
    as_of_first TEXT,
    as_of_last TEXT,
    cited_name TEXT,
    cited_local TEXT,
    outlet TEXT,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS figures_concept ON figures(concept, as_of_first);

CREATE TABLE IF NOT EXISTS failures (
    source TEXT PRIMARY KEY,
    path TEXT,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_path ON failures(path);
";
