/*
 * report.h: a CQC assessment report as read, before it becomes rows.
 *
 * The readers (report_text.c for text, report_pdf.c for a PDF) fill a
 * report with its input lines; report_parse() turns them into a tree of
 * nodes with their blocks, the scores and the metadata, noting every
 * line it drops as page furniture or cannot place, and every warning;
 * report_import() writes it through the import sink.
 *
 * A report owns everything in it.  Indexes into nodes[] are kept +1, so
 * that 0 means none.
 */
#ifndef ICSB_REPORT_H
#define ICSB_REPORT_H

#include <stddef.h>

struct db;

/* Reports larger than this are refused (a whole report is ~100 KB). */
#define REPORT_MAX_BYTES	(8 * 1024 * 1024)

enum report_framework {
	REPORT_UNKNOWN,
	REPORT_ICS,	/* integrated care system */
	REPORT_LA	/* local authority (adult social care) */
};

/* One line of input: text without its line end. */
struct report_line {
	const char	*file;		/* borrowed from report.files */
	unsigned long	 no;		/* from 1 */
	char		*text;
	size_t		 len;
	int		 indent;	/* leading columns of text */
	int		 gap;		/* blank lines (or space) before it */
	int		 width;		/* where it ends, from the margin */
	int		 firstw;	/* its first word's width, or 0 */
	int		 space;		/* a space's width, or 0 for 1 */
	int		 bullet;	/* a bullet or dash opened it */
	int		 level;		/* 0 text, 1 list item, 2 sub-item */
	int		 measured;	/* widths are a PDF's, not columns */
	int		 big;		/* set in a larger type than the text */
	int		 page;		/* PDF: its page, from 1 */
	int		 y;		/* PDF: its top, in tenths of a point */
};

struct report_node {
	char		*kind;
	char		*slug;
	char		*title;
	char		*heading;	/* as printed, or "" */
	size_t		 parent;	/* index + 1, or 0 */
	size_t		 link;		/* index + 1, or 0 */
	const char	*file;
	unsigned long	 line;
};

struct report_block {
	size_t		 node;		/* index + 1 */
	const char	*kind;		/* para, item, subitem */
	char		*text;
	const char	*file;
	unsigned long	 line;
};

struct report_score {
	size_t		 node;		/* index + 1 of the citing node */
	char		*label;		/* the statement, or "Overall" */
	char		*measure;
	int		 value;
	int		 out_of;	/* 4 or 100 */
	char		*text;		/* as the node's text writes it */
};

/* A line dropped or not placed, or a warning, for --explain. */
struct report_note {
	const char	*file;
	unsigned long	 line;		/* 0: about the whole report */
	char		*what;
};

struct report {
	enum report_framework	 framework;
	char			**files;
	size_t			 nfiles;
	struct report_line	*lines;
	size_t			 nlines;
	struct report_node	*nodes;
	size_t			 nnodes;
	struct report_block	*blocks;
	size_t			 nblocks;
	struct report_score	*scores;
	size_t			 nscores;
	struct report_note	*dropped;	/* furniture and unplaced */
	size_t			 ndropped;
	struct report_note	*warnings;
	size_t			 nwarnings;
	char			*title;
	char			*body;		/* the ICS or council */
	char			*published;
	char			*started;
	char			*rating;
	size_t			 place;		/* the body's place node + 1 */
	int			 styled;	/* lines tell headings by size */
};

struct report	*report_new(void);
void		 report_free(struct report *);

/* Add a file name; returns the copy the lines borrow. */
const char	*report_add_file(struct report *, const char *name);
/* Add a line; takes ownership of text. */
struct report_line *report_add_line(struct report *, const char *file,
		     unsigned long no, char *text, size_t len);
/* Add a node; strings are copied.  Returns its index + 1. */
size_t		 report_add_node(struct report *, const char *kind,
		     const char *slug, const char *title, const char *heading,
		     size_t parent, const struct report_line *at);
/* Add a block to node (index + 1); takes ownership of text. */
void		 report_add_block(struct report *, size_t node,
		     const char *kind, char *text, const struct report_line *);
/* Notes; at may be NULL (the whole report). */
void		 report_drop(struct report *, const struct report_line *at,
		     const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void		 report_warn(struct report *, const struct report_line *at,
		     const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * Turn the lines into the tree, the scores and the metadata.  Returns 0,
 * or -1 with *cause when the text is not an assessment report.
 */
int		 report_parse(struct report *, char **cause);

/* Write the report into the database file out (see import_sink.h). */
int		 report_import(const struct report *, const char *out,
		     char **cause);
/*
 * The same rows into db, open already, with the schema and its tables
 * empty, as import_sink_begin_db() takes it: the same checks, no file.
 * On failure its tables are left empty.  For the fuzzers and tests.
 */
int		 report_import_db(const struct report *, struct db *db,
		     char **cause);

#endif
