"""The schema, as a sequence of migrations: an older library upgrades in place.

Never edit a migration that has shipped; append a new one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("briefing")


@migrations(name="0001_feeds_and_articles")
def m0001_feeds_and_articles(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            site_url TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',          -- JSON list of strings
            added_at TEXT NOT NULL,                   -- ISO 8601 UTC
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            last_refresh TEXT,
            last_error TEXT,
            retry_after TEXT,                         -- do not fetch before this time
            disabled INTEGER NOT NULL DEFAULT 0,
            full_text INTEGER NOT NULL DEFAULT 1      -- fetch article pages for summary-only feeds
        )
        """
    )
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            guid TEXT,
            link TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT,                           -- ISO 8601 UTC
            updated TEXT,                             -- ISO 8601 UTC
            categories TEXT NOT NULL DEFAULT '[]',    -- JSON list
            text TEXT NOT NULL DEFAULT '',            -- clean plain text, paragraphs kept
            content_hash TEXT NOT NULL DEFAULT '',
            dedupe_key TEXT NOT NULL,                 -- guid, else link, else title+date
            fetched_at TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, dedupe_key)
        )
        """
    )
    db.execute("CREATE INDEX idx_articles_published ON articles(published DESC)")
    db.execute("CREATE INDEX idx_articles_feed_published ON articles(feed_id, published DESC)")
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="porter")


@migrations(name="0002_analysis")
def m0002_analysis(db: Database) -> None:
    """Records found by briefing.understand, one set per article and analyser version."""
    db.execute("ALTER TABLE articles ADD COLUMN language TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN analysed_version TEXT")
    db.execute("CREATE INDEX idx_articles_analysed ON articles(analysed_version)")
    db.execute(
        """
        CREATE TABLE actors (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]',
            mentions INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (article_id, name)
        )
        """
    )
    db.execute("CREATE INDEX idx_actors_name ON actors(name)")
    db.execute(
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            direct INTEGER NOT NULL,
            speaker TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            cue TEXT,
            via TEXT,
            date TEXT
        )
        """
    )
    db.execute("CREATE INDEX idx_quotes_article ON quotes(article_id)")
    db.execute(
        """
        CREATE TABLE red_lines (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            holder TEXT,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'condition'
        )
        """
    )
    db.execute("CREATE INDEX idx_red_lines_article ON red_lines(article_id)")
    db.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            scheduled INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX idx_events_article ON events(article_id)")


@migrations(name="0003_storylines")
def m0003_storylines(db: Database) -> None:
    """Storylines, each article's place in one, and the user's choices that must survive."""
    db.execute(
        """
        CREATE TABLE storylines (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL DEFAULT '',
            user_label TEXT,                    -- set by rename; wins over label
            first_date TEXT,
            last_date TEXT,
            article_count INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT '{}',   -- the grouper's summary (JSON): terms, actors
            last_opened TEXT,                   -- for "what is new since you last opened it"
            merged_into INTEGER REFERENCES storylines(id)
        )
        """
    )
    db.execute("CREATE INDEX idx_storylines_last_date ON storylines(last_date DESC)")
    db.execute("ALTER TABLE articles ADD COLUMN storyline_id INTEGER REFERENCES storylines(id)")
    db.execute("ALTER TABLE articles ADD COLUMN storyline_pinned INTEGER NOT NULL DEFAULT 0")
    db.execute("CREATE INDEX idx_articles_storyline ON articles(storyline_id, published)")


@migrations(name="0004_storyline_grouping")
def m0004_storyline_grouping(db: Database) -> None:
    """What the incremental grouper keeps between refreshes."""
    db.execute(
        """
        CREATE TABLE storyline_members (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            content_hash TEXT NOT NULL,          -- the text that was grouped
            simhash INTEGER NOT NULL,            -- 64-bit text fingerprint (signed)
            wire_of INTEGER,                     -- first-seen article this one is a copy of
            assigned_at TEXT NOT NULL            -- ISO 8601 UTC
        )
        """
    )
    db.execute("CREATE INDEX idx_storyline_members_wire ON storyline_members(wire_of)")
    db.execute("CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID")
    db.execute("CREATE TABLE grouper_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations(name="0005_reader_indexes")
def m0005_reader_indexes(db: Database) -> None:
    """A covering index for the per-storyline counts the reader asks for on every move.

    Without it the outlet/unread counts read every article row (text included); with it
    SQLite answers from the index alone.
    """
    db.execute(
        "CREATE INDEX idx_articles_storyline_feed_read ON articles(storyline_id, feed_id, read)"
    )


@migrations(name="0006_storyline_stats_index")
def m0006_storyline_stats_index(db: Database) -> None:
    """The per-storyline counts now include first and last dates: cover `published` too."""
    db.execute("DROP INDEX IF EXISTS idx_articles_storyline_feed_read")
    db.execute(
        "CREATE INDEX idx_articles_storyline_stats"
        " ON articles(storyline_id, feed_id, read, published)"
    )


@migrations(name="0007_record_confidence")
def m0007_record_confidence(db: Database) -> None:
    """How sure the analyser is of each quote, red line and event, in [0, 1].

    Records stored before it have none (NULL): they read back as fully confident until the
    next analysis replaces them.
    """
    for table in ("quotes", "red_lines", "events"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN confidence REAL")


@migrations(name="0008_search_index_fed_in_bulk")
def m0008_search_index_fed_in_bulk(db: Database) -> None:
    """The full-text index is fed in bulk, not one article at a time.

    Tokenising every article as it is inserted, in each feed's own transaction, cost a
    refresh more than storing the articles did (FTS5 writes a segment per transaction and
    merges them); and any update of an article (read, its storyline, its analysis version)
    tokenised its whole text again. Now an insert only notes the article in `fts_pending`;
    `catch_up_search_index` tokenises what is pending in one transaction (after a refresh,
    and before a search). Only an edit of the title or text touches the index, and an article
    still pending is never deleted from it (FTS5 would be corrupted by deleting what it does
    not hold).
    """
    db.execute("CREATE TABLE fts_pending (article_id INTEGER PRIMARY KEY)")
    for name in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    indexed = "NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id)"
    forget = (
        "INSERT INTO articles_fts (articles_fts, rowid, title, text)"
        f" SELECT 'delete', old.id, old.title, old.text WHERE {indexed};"
    )
    db.execute(
        "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
        " INSERT INTO fts_pending (article_id) VALUES (new.id); END"
    )
    db.execute(
        f"CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN {forget}"
        " DELETE FROM fts_pending WHERE article_id = old.id; END"
    )
    db.execute(
        f"CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN {forget}"
        " INSERT OR IGNORE INTO fts_pending (article_id) VALUES (new.id); END"
    )


@migrations(name="0009_actor_affiliation")
def m0009_actor_affiliation(db: Database) -> None:
    """The country or organisation each actor speaks for, as the analyser read it from the
    text ("Kremlin spokesman Dmitry Peskov": Russia). Older rows have none (NULL) until the
    next analysis (analyser version 25) replaces them."""
    db.execute("ALTER TABLE actors ADD COLUMN affiliation TEXT")


@migrations(name="0010_pending_index")
def m0010_pending_index(db: Database) -> None:
    """A covering index for the digest's walk through pending articles, in its own order.

    Without it each page of 50 read every article row, walking each one's text to reach the
    columns stored after it (12 ms a page on 6,000 articles, and growing with the library);
    with it a page reads its 50 index entries (0.3 ms).
    """
    db.execute(
        "CREATE INDEX idx_articles_pending ON articles(COALESCE(published, ''), dedupe_key,"
        " COALESCE(content_hash, ''), analysed_version, storyline_id)"
    )


@migrations(name="0011_no_pending_index")
def m0011_no_pending_index(db: Database) -> None:
    """Drop 0010's index: the digest now reads the pending articles' order once (one pass over
    the rows, 13 ms on 6,000 full-length articles), and the index cost every refresh 18 µs an
    article stored, its key led by the publication date sending each to a random page."""
    db.execute("DROP INDEX IF EXISTS idx_articles_pending")
