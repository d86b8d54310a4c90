-- schema.sql: the database that icsbrowse reads.
--
-- `icsbrowse import` creates it from the CSV files beside this one (one
-- table, one file, same column names and order) and `icsbrowse export`
-- writes them back.  The CSV files are the source of truth; this database is
-- built from them and never edited by hand.
--
-- The schema carries its version in PRAGMA user_version and identifies the
-- file as icsbrowse's in PRAGMA application_id (0x49435342, "ICSB").  A
-- program that finds another version refuses the file and says which
-- version it expects; rebuild the database with `icsbrowse import`.
--
-- Order matters in a report.  Rows keep the order of their CSV file in
-- their rowid (INTEGER PRIMARY KEY or the implicit rowid), and every query
-- that lists things in report order sorts by it.

PRAGMA application_id = 1229148994;
PRAGMA user_version = 1;

-- meta: facts about the dataset as a whole.
--   key    name of the fact: title, publisher, published, started, dataset;
--          a report read by import also gives body (the ICS or council
--          assessed) and, for a council, rating
--   value  its text, as published
CREATE TABLE meta (
	key	TEXT PRIMARY KEY NOT NULL,
	value	TEXT NOT NULL
);

-- sources: the documents that the text of the dataset is taken from.
--   code       short name used by nodes.source (cqc, vcs, kf)
--   title      the document's title
--   publisher  who published it
--   date       when, as the document or its publisher gives it
CREATE TABLE sources (
	code		TEXT PRIMARY KEY NOT NULL,
	title		TEXT NOT NULL,
	publisher	TEXT NOT NULL,
	date		TEXT NOT NULL
);

-- nodes: the tree of the report, in report order (pre-order by id).
--   id       number of the node; parents come before their children
--   parent   the enclosing node, or NULL for a top-level part
--   kind     what the node is: part, section, theme, direction, strengths,
--            development, summary, statement, key-messages, subsection,
--            priority-area, cyp-section, place, background
--   slug     the node's name in a path: [a-z0-9] words joined by '-'
--   title    the title shown for the node
--   heading  the heading exactly as the source prints it, or '' where the
--            source has no heading for this node (its title is ours)
--   link     the node this one is the counterpart of: for a children and
--            young people sub-section, its quality statement
--   source   the document the node's text comes from (sources.code)
--   path     slugs from the root joined by '/', unique; computed by import
CREATE TABLE nodes (
	id	INTEGER PRIMARY KEY,
	parent	INTEGER REFERENCES nodes(id),
	kind	TEXT NOT NULL,
	slug	TEXT NOT NULL,
	title	TEXT NOT NULL,
	heading	TEXT NOT NULL,
	link	INTEGER REFERENCES nodes(id),
	source	TEXT REFERENCES sources(code),
	path	TEXT NOT NULL UNIQUE
);
CREATE INDEX nodes_parent ON nodes(parent, id);
CREATE INDEX nodes_link ON nodes(link);

-- blocks: the text of the nodes, one paragraph or list item a row, verbatim,
-- in report order (rowid).
--   node  the node the block belongs to
--   kind  para (a paragraph), item (a list item), subitem (an item of a
--         list inside a list item)
--   text  the text as published, UTF-8; dead link markup removed
CREATE TABLE blocks (
	node	INTEGER NOT NULL REFERENCES nodes(id),
	kind	TEXT NOT NULL CHECK (kind IN ('para', 'item', 'subitem')),
	text	TEXT NOT NULL
);
CREATE INDEX blocks_node ON blocks(node);

-- places: every place the texts give a figure for or profile.
--   code  short stable name (bcp, dorset-council, england, ...)
--   kind  ics, place (a place of the system), country, ward, pcn, trust,
--         icb
--   name  the name shown
--   node  the place's node under Places (its profile is that node's text)
CREATE TABLE places (
	code	TEXT PRIMARY KEY NOT NULL,
	kind	TEXT NOT NULL,
	name	TEXT NOT NULL,
	node	INTEGER NOT NULL UNIQUE REFERENCES nodes(id)
);

-- figures: every number the texts give as a fact about a place.
--   id          number of the figure
--   measure     what is measured, as a key shared by every figure of the
--               same measure, whatever the place or wording
--   label       what is measured, in words
--   place       whose figure it is (places.code)
--   value       the number (a rank's position for unit 'rank')
--   text        the figure exactly as the citing node writes it
--   unit        %, years, people, £m, rank, score, ... ('' for a count)
--   out_of      for a rank, the size of the field ("14th of 42"); for a
--               local authority's score (unit 'score', measure
--               score-STATEMENT or overall-score, place the council), the
--               most it can be: 4 for a statement, 100 overall; else NULL
--   period      when the figure applies, where the text says ('' if not)
--   basis       value (a measurement), average (an average of many
--               places), target (a goal set nationally or locally)
--   comparator  the figure this one is compared with in the text, or NULL
--   direction   better, worse or same than the comparator, only where the
--               text says so; '' where it does not
--   node        the node whose text cites the figure
CREATE TABLE figures (
	id		INTEGER PRIMARY KEY,
	measure		TEXT NOT NULL,
	label		TEXT NOT NULL,
	place		TEXT NOT NULL REFERENCES places(code),
	value		REAL NOT NULL,
	text		TEXT NOT NULL,
	unit		TEXT NOT NULL,
	out_of		INTEGER,
	period		TEXT NOT NULL,
	basis		TEXT NOT NULL
			CHECK (basis IN ('value', 'average', 'target')),
	comparator	INTEGER REFERENCES figures(id),
	direction	TEXT NOT NULL
			CHECK (direction IN ('', 'better', 'worse', 'same')),
	node		INTEGER NOT NULL REFERENCES nodes(id)
);
CREATE INDEX figures_place ON figures(place, measure);
CREATE INDEX figures_node ON figures(node);

-- mentions: the sections of the report that speak of a place, beyond
-- those that cite its figures.
--   node   the section
--   place  the place it speaks of
CREATE TABLE mentions (
	node	INTEGER NOT NULL REFERENCES nodes(id),
	place	TEXT NOT NULL REFERENCES places(code),
	PRIMARY KEY (node, place)
);
-- A place's sections, without reading every mention.  An older database
-- without this index reads the same, only slower.
CREATE INDEX mentions_place ON mentions(place, node);

-- search: full-text index over every title and text, one row a node
-- (rowid = nodes.id).  Place profiles are the text of place nodes, so they
-- are searched too.  Prefix indexes keep search-as-you-type fast.
--   title  the node's title and heading
--   body   its blocks joined by newlines
CREATE VIRTUAL TABLE search USING fts5(
	title, body,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
