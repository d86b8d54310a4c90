-- sqlite-import.sql: the yardstick for `icsbrowse import` (make bench).
--
-- What the sqlite3 shell does with the same CSV files: the same tables and
-- indexes as assets/schema.sql (less the path column, which the CSV files
-- do not have and the importer computes), each file loaded with .import,
-- then the same full-text index, filled by the same statement as
-- import_build() in src/core/csv_import.c, and optimised.  Like the
-- importer, no journal and no syncs while it works.  Run from the
-- dataset's directory: cd CSVDIR && sqlite3 OUT.db < sqlite-import.sql
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE sources (code TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL,
	publisher TEXT NOT NULL, date TEXT NOT NULL);
CREATE TABLE nodes (id INTEGER PRIMARY KEY, parent INTEGER, kind TEXT NOT NULL,
	slug TEXT NOT NULL, title TEXT NOT NULL, heading TEXT NOT NULL,
	link INTEGER, source TEXT);
CREATE INDEX nodes_parent ON nodes(parent, id);
CREATE INDEX nodes_link ON nodes(link);
CREATE TABLE blocks (node INTEGER NOT NULL, kind TEXT NOT NULL,
	text TEXT NOT NULL);
CREATE INDEX blocks_node ON blocks(node);
CREATE TABLE places (code TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL,
	name TEXT NOT NULL, node INTEGER NOT NULL UNIQUE);
CREATE TABLE figures (id INTEGER PRIMARY KEY, measure TEXT NOT NULL,
	label TEXT NOT NULL, place TEXT NOT NULL, value REAL NOT NULL,
	text TEXT NOT NULL, unit TEXT NOT NULL, out_of INTEGER,
	period TEXT NOT NULL, basis TEXT NOT NULL, comparator INTEGER,
	direction TEXT NOT NULL, node INTEGER NOT NULL);
CREATE INDEX figures_place ON figures(place, measure);
CREATE INDEX figures_node ON figures(node);
CREATE TABLE mentions (node INTEGER NOT NULL, place TEXT NOT NULL,
	PRIMARY KEY (node, place));
CREATE INDEX mentions_place ON mentions(place, node);
CREATE VIRTUAL TABLE search USING fts5(
	title, body,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
.mode csv
.import --skip 1 meta.csv meta
.import --skip 1 sources.csv sources
.import --skip 1 nodes.csv nodes
.import --skip 1 blocks.csv blocks
.import --skip 1 places.csv places
.import --skip 1 figures.csv figures
.import --skip 1 mentions.csv mentions
BEGIN;
INSERT INTO search(rowid, title, body) SELECT n.id,
	n.title || CASE WHEN n.heading IN ('', n.title) THEN ''
	ELSE char(10) || n.heading END,
	ifnull((SELECT group_concat(text, char(10)) FROM (SELECT text
	FROM blocks b WHERE b.node = n.id ORDER BY b.rowid)), '')
	FROM nodes n;
INSERT INTO search(search) VALUES ('optimize');
COMMIT;
