"""All of the archive's DDL, as sqlite-utils Migrations steps; a released step is never edited."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "archivist"
migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    execute_script(
        db,
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            filename TEXT NOT NULL,
            format TEXT NOT NULL CHECK (format IN ('text', 'html', 'mhtml')),
            encoding TEXT NOT NULL,
            size INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );
        -- Original bytes live apart from the metadata so listing sources never reads them.
        CREATE TABLE originals (
            source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
            data BLOB NOT NULL
        );
        -- Files archived with a page (MHTML parts, a saved page's _files folder).
        CREATE TABLE resources (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            location TEXT NOT NULL,
            mime_type TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            data BLOB NOT NULL,
            UNIQUE (source_id, location)
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL UNIQUE REFERENCES sources(id),
            title TEXT NOT NULL,
            subtitle TEXT,
            authors TEXT NOT NULL DEFAULT '',
            authors_json TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            site TEXT,
            section TEXT,
            url TEXT,
            language TEXT,
            text TEXT NOT NULL,
            blocks_json TEXT NOT NULL DEFAULT '[]',
            marks_json TEXT NOT NULL DEFAULT '[]',
            warnings_json TEXT NOT NULL DEFAULT '[]',
            importer_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX articles_title ON articles(title COLLATE NOCASE);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_site ON articles(site);
        CREATE INDEX articles_deleted ON articles(deleted_at);
        CREATE TABLE footnotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            label TEXT NOT NULL,
            markers_json TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('citation', 'note')),
            refers_to TEXT,
            csl_json TEXT,
            UNIQUE (article_id, seq)
        );
        CREATE INDEX footnotes_article ON footnotes(article_id, label);
        CREATE TABLE palette (
            color TEXT PRIMARY KEY,
            meaning TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        INSERT INTO palette (color, meaning, position) VALUES
            ('yellow', 'claim', 0), ('green', 'evidence', 1), ('red', 'doubtful', 2),
            ('blue', 'definition', 3), ('purple', 'quote to use', 4), ('orange', 'follow up', 5);
        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT 'yellow',
            orphaned INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            CHECK (start <= "end")
        );
        CREATE INDEX highlights_article ON highlights(article_id, start);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            target TEXT NOT NULL CHECK (target IN ('article', 'highlight', 'footnote')),
            highlight_id INTEGER REFERENCES highlights(id) ON DELETE CASCADE,
            footnote_label TEXT,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX notes_article ON notes(article_id, target);
        CREATE INDEX notes_highlight ON notes(highlight_id);
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        );
        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        );
        CREATE TABLE dossiers (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            subtitle TEXT,
            compiler TEXT,
            introduction TEXT,
            options_json TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE TABLE dossier_items (
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (dossier_id, position)
        );
        CREATE INDEX dossier_items_article ON dossier_items(article_id);
        -- Full-text index over title, authors and text, kept in sync by triggers. Written out
        -- rather than through enable_fts(), whose executescript() would commit the migration's
        -- transaction half-way.
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, authors, text,
            content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, authors, text)
            VALUES (new.id, new.title, new.authors, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, authors, text)
            VALUES ('delete', old.id, old.title, old.authors, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, authors, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, authors, text)
            VALUES ('delete', old.id, old.title, old.authors, old.text);
            INSERT INTO articles_fts (rowid, title, authors, text)
            VALUES (new.id, new.title, new.authors, new.text);
        END;
        """,
    )


def execute_script(db: Database, script: str) -> None:
    """Run SQL statements one by one, inside the caller's transaction (unlike executescript)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        if not statement and (not line.strip() or line.lstrip().startswith("--")):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:60]!r}")


def latest_version() -> int:
    """The number of migration steps this version of Archivist knows."""
    return len(migrations._migrations)


def known_names() -> set[str]:
    """Names of every migration step this version of Archivist knows."""
    return {m.name for m in migrations._migrations}
