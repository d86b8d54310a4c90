/*
 * import_fts.c: the search index of an import, built on a thread of its
 * own while the tables load (see import_fts.h).
 *
 * The caller's side appends each row to a chunk of 256 KiB and queues the
 * chunk when it is full; the thread takes what is queued, keeps the nodes
 * (and the chunks they are in) until the blocks come, and writes a node's
 * row into its own database as soon as a block of a later node says that
 * the node has all its blocks.  At most FTS_QUEUED chunks wait: a caller
 * that runs ahead of the index waits for it, so that the text is never
 * held twice over.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/import_fts.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

#define FTS_CHUNK	(256 * 1024)
#define FTS_QUEUED	16		/* chunks waiting: 4 MiB */
#define FTS_STOP_EVERY	256		/* rows between looks at stop */

struct fts_chunk {
	struct fts_chunk	*next;
	size_t			 len;
	size_t			 cap;
	int			 nodes;		/* holds nodes: kept to the end */
	char			 data[];
};

struct fts_node {
	long long	 id;
	size_t		 seq;		/* the order given, for a stable sort */
	const char	*title;
	const char	*heading;
	size_t		 tlen;
	size_t		 hlen;
};

enum fts_state { FTS_RUNNING, FTS_BUILT, FTS_UNORDERED, FTS_FAILED };

struct import_fts {
	/* The caller's: the chunk being filled; the thread takes no more. */
	struct fts_chunk	*fill;
	int			 gone;
	int			 ended;
	int			 joined;

	/* Shared, under lock. */
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 more;		/* a chunk, the end or stop */
	pthread_cond_t		 room;		/* room in the queue, or quit */
	struct fts_chunk	*head;
	struct fts_chunk	*tail;
	size_t			 nqueued;
	int			 last;		/* no chunk after those queued */
	int			 stop;		/* the caller gives up */
	int			 quit;		/* the thread takes no more */
	sqlite3			*h;		/* open: for sqlite3_interrupt */

	/* The thread's, read by the caller once it has joined. */
	char			*path;
	char			*name;
	struct db		*db;
	sqlite3_stmt		*insert;
	struct fts_chunk	*kept;		/* chunks that hold nodes */
	struct fts_node		*nodes;
	size_t			 nnodes;
	size_t			 anodes;
	size_t			 next;		/* the first node not written */
	int			 sorted;
	struct strbuf		 title;
	struct strbuf		 body;		/* the blocks of nodes[next] */
	size_t			 nbody;
	size_t			 rows;
	enum fts_state		 state;
	char			*cause;
};

/* --- the caller's side ------------------------------------------------ */

/* Queue the chunk being filled (if any); last: it is the end. */
static void
fts_publish(struct import_fts *f, int last)
{
	struct fts_chunk	*c = f->fill;

	f->fill = NULL;
	pthread_mutex_lock(&f->lock);
	while (!f->quit && f->nqueued >= FTS_QUEUED)
		pthread_cond_wait(&f->room, &f->lock);
	if (f->quit) {
		free(c);
		f->gone = 1;
	} else if (c != NULL) {
		if (f->tail != NULL)
			f->tail->next = c;
		else
			f->head = c;
		f->tail = c;
		f->nqueued++;
	}
	if (last)
		f->last = 1;
	pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
}

/* Room for a record of need bytes in the chunk being filled. */
static char *
fts_reserve(struct import_fts *f, size_t need)
{
	char	*p;
	size_t	 cap;

	if (f->fill != NULL && f->fill->cap - f->fill->len < need)
		fts_publish(f, 0);
	if (f->fill == NULL) {
		cap = need > FTS_CHUNK ? need : FTS_CHUNK;
		f->fill = xmalloc(sizeof *f->fill + cap);
		f->fill->next = NULL;
		f->fill->len = 0;
		f->fill->cap = cap;
		f->fill->nodes = 0;
	}
	p = f->fill->data + f->fill->len;
	f->fill->len += need;
	return p;
}

static char *
fts_put(char *p, const void *v, size_t n)
{
	memcpy(p, v, n);
	return p + n;
}

/* A record: its kind, the id, then each string as its length and bytes. */
static void
fts_record(struct import_fts *f, char kind, long long id, const char *a,
    size_t alen, const char *b, size_t blen)
{
	char	*p;

	if (f->gone || f->ended)
		return;
	p = fts_reserve(f, 1 + sizeof id + sizeof alen + alen +
	    (kind == 'n' ? sizeof blen + blen : 0));
	*p++ = kind;
	p = fts_put(p, &id, sizeof id);
	p = fts_put(p, &alen, sizeof alen);
	p = fts_put(p, a, alen);
	if (kind == 'n') {
		p = fts_put(p, &blen, sizeof blen);
		fts_put(p, b, blen);
	}
}

void
import_fts_node(struct import_fts *f, long long id, const char *title,
    size_t tlen, const char *heading, size_t hlen)
{
	fts_record(f, 'n', id, title, tlen, heading, hlen);
}

void
import_fts_block(struct import_fts *f, long long node, const char *text,
    size_t len)
{
	fts_record(f, 'b', node, text, len, NULL, 0);
}

void
import_fts_end(struct import_fts *f)
{
	if (f->ended)
		return;
	f->ended = 1;
	fts_publish(f, 1);
}

/* --- the thread's side ------------------------------------------------- */

static void
fts_fail(struct import_fts *f, const char *what)
{
	if (f->state != FTS_RUNNING)
		return;
	f->state = FTS_FAILED;
	f->cause = db_cause(f->db, what);
}

static int
fts_stopped(struct import_fts *f)
{
	int	 stop;

	pthread_mutex_lock(&f->lock);
	stop = f->stop;
	pthread_mutex_unlock(&f->lock);
	return stop;
}

/* Write the row of nodes[next], its body the blocks gathered. */
static int
fts_row(struct import_fts *f)
{
	const struct fts_node	*n = &f->nodes[f->next++];
	int			 r;

	if (++f->rows % FTS_STOP_EVERY == 0 && fts_stopped(f)) {
		f->state = FTS_FAILED;
		return -1;
	}
	strbuf_reset(&f->title);
	strbuf_add(&f->title, n->title, n->tlen);
	if (n->hlen > 0 && (n->hlen != n->tlen ||
	    memcmp(n->heading, n->title, n->tlen) != 0)) {
		strbuf_addc(&f->title, '\n');
		strbuf_add(&f->title, n->heading, n->hlen);
	}
	sqlite3_bind_int64(f->insert, 1, n->id);
	sqlite3_bind_text(f->insert, 2, strbuf_str(&f->title),
	    (int)f->title.len, SQLITE_STATIC);
	sqlite3_bind_text(f->insert, 3, strbuf_str(&f->body),
	    (int)f->body.len, SQLITE_STATIC);
	r = sqlite3_step(f->insert);
	sqlite3_reset(f->insert);
	strbuf_reset(&f->body);
	f->nbody = 0;
	if (r != SQLITE_DONE) {
		fts_fail(f, "cannot build the search index");
		return -1;
	}
	return 0;
}

static int
fts_node_cmp(const void *a, const void *b)
{
	const struct fts_node	*x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
fts_sort(struct import_fts *f)
{
	size_t	 i;

	f->sorted = 1;
	for (i = 1; i < f->nnodes; i++)
		if (f->nodes[i - 1].id > f->nodes[i].id)
			break;
	if (i < f->nnodes)
		qsort(f->nodes, f->nnodes, sizeof *f->nodes, fts_node_cmp);
}

static void
fts_add_node(struct import_fts *f, long long id, const char *title,
    size_t tlen, const char *heading, size_t hlen)
{
	struct fts_node	*n;

	if (f->sorted) {
		f->state = FTS_UNORDERED;	/* a node after a block */
		return;
	}
	if (f->nnodes == f->anodes) {
		f->anodes = f->anodes ? f->anodes * 2 : 1024;
		f->nodes = xreallocarray(f->nodes, f->anodes, sizeof *f->nodes);
	}
	n = &f->nodes[f->nnodes];
	n->id = id;
	n->seq = f->nnodes++;
	n->title = title;
	n->tlen = tlen;
	n->heading = heading;
	n->hlen = hlen;
}

static void
fts_add_block(struct import_fts *f, long long node, const char *text,
    size_t len)
{
	if (!f->sorted)
		fts_sort(f);
	while (f->next < f->nnodes && f->nodes[f->next].id < node)
		if (fts_row(f) != 0)
			return;
	if (f->next == f->nnodes || f->nodes[f->next].id != node) {
		f->state = FTS_UNORDERED;	/* a block of a node done */
		return;
	}
	if (f->nbody++ > 0)
		strbuf_addc(&f->body, '\n');
	strbuf_add(&f->body, text, len);
}

static size_t
fts_get(const char *p, void *v, size_t n)
{
	memcpy(v, p, n);
	return n;
}

static void
fts_chunk(struct import_fts *f, struct fts_chunk *c)
{
	const char	*d = c->data;
	long long	 id;
	size_t		 off = 0, alen, blen, a, b;
	char		 kind;

	while (off < c->len && f->state == FTS_RUNNING) {
		kind = d[off++];
		off += fts_get(d + off, &id, sizeof id);
		off += fts_get(d + off, &alen, sizeof alen);
		a = off;
		off += alen;
		if (kind == 'b') {
			fts_add_block(f, id, d + a, alen);
			continue;
		}
		off += fts_get(d + off, &blen, sizeof blen);
		b = off;
		off += blen;
		c->nodes = 1;
		fts_add_node(f, id, d + a, alen, d + b, blen);
	}
}

/* Take what is queued; 0 with the chunks, 1 at the end, -1 stopped. */
static int
fts_take(struct import_fts *f, struct fts_chunk **list)
{
	struct fts_chunk	*c;
	int			 rc;

	pthread_mutex_lock(&f->lock);
	while (f->head == NULL && !f->last && !f->stop)
		pthread_cond_wait(&f->more, &f->lock);
	*list = f->head;
	f->head = f->tail = NULL;
	f->nqueued = 0;
	rc = f->stop ? -1 : *list == NULL ? 1 : 0;
	pthread_cond_broadcast(&f->room);
	pthread_mutex_unlock(&f->lock);
	if (rc < 0)
		while ((c = *list) != NULL) {
			*list = c->next;
			free(c);
		}
	return rc;
}

/* Every chunk until the end, then the nodes without a row yet. */
static void
fts_rows(struct import_fts *f)
{
	struct fts_chunk	*c, *next;
	int			 r;

	while ((r = fts_take(f, &c)) == 0) {
		for (; c != NULL; c = next) {
			next = c->next;
			if (f->state == FTS_RUNNING)
				fts_chunk(f, c);
			if (c->nodes) {
				c->next = f->kept;
				f->kept = c;
			} else
				free(c);
		}
		if (f->state != FTS_RUNNING)
			return;
	}
	if (r < 0) {
		f->state = FTS_FAILED;
		return;
	}
	if (!f->sorted)
		fts_sort(f);
	while (f->next < f->nnodes)
		if (fts_row(f) != 0)
			return;
}

/*
 * The output's CREATE VIRTUAL TABLE search, from the schema compiled in:
 * the same table made the same way, without the other tables (which the
 * output's connection would parse again when it attaches the file).
 */
static char *
fts_create_sql(struct import_fts *f)
{
	const char	*a, *b;

	if ((a = strstr(db_schema_sql, "CREATE VIRTUAL TABLE search")) ==
	    NULL || (b = strchr(a, ';')) == NULL) {
		f->cause = xasprintf("%s: the schema compiled in has no search "
		    "table", f->name);
		return NULL;
	}
	return xstrndup(a, (size_t)(b + 1 - a));
}

static int
fts_open(struct import_fts *f)
{
	char	*sql;
	int	 rc = -1;

	if ((sql = fts_create_sql(f)) == NULL)
		goto out;
	f->db = db_open(f->path, DB_CREATE | DB_SCRATCH | DB_NOSCHEMA,
	    &f->cause);
	if (f->db == NULL)
		goto out;
	db_set_name(f->db, f->name);
	pthread_mutex_lock(&f->lock);
	f->h = db_handle(f->db);
	pthread_mutex_unlock(&f->lock);
	if (db_exec(f->db, sql, &f->cause) != 0 ||
	    db_exec(f->db, IMPORT_FTS_BEGIN_SQL "BEGIN", &f->cause) != 0 ||
	    db_prepare(f->db, "INSERT INTO search(rowid, title, body) "
	    "VALUES (?1, ?2, ?3)", &f->insert, &f->cause) != 0)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		f->state = FTS_FAILED;
	free(sql);
	return rc;
}

static void
fts_close(struct import_fts *f)
{
	char	*cause = NULL;

	sqlite3_finalize(f->insert);
	f->insert = NULL;
	pthread_mutex_lock(&f->lock);
	f->h = NULL;
	pthread_mutex_unlock(&f->lock);
	if (db_close(f->db, &cause) != 0 && f->state == FTS_BUILT) {
		f->state = FTS_FAILED;
		f->cause = cause;
	} else
		free(cause);
	f->db = NULL;
}

static void *
fts_main(void *arg)
{
	struct import_fts	*f = arg;
	struct fts_chunk	*c;

	if (fts_open(f) == 0) {
		fts_rows(f);
		if (f->state == FTS_RUNNING) {
			if (db_exec(f->db, IMPORT_FTS_END_SQL "COMMIT",
			    &f->cause) == 0)
				f->state = FTS_BUILT;
			else
				f->state = FTS_FAILED;
		}
	}
	fts_close(f);
	pthread_mutex_lock(&f->lock);
	f->quit = 1;
	while ((c = f->head) != NULL) {
		f->head = c->next;
		free(c);
	}
	f->tail = NULL;
	f->nqueued = 0;
	pthread_cond_broadcast(&f->room);
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

/* --- start, finish, free ------------------------------------------------ */

int
import_fts_usable(void)
{
	sqlite3	*h = NULL;
	int	 ok;

	/* A connection has a mutex only where SQLite's mutexes are on. */
	ok = sqlite3_threadsafe() && sqlite3_open_v2(":memory:", &h,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) == SQLITE_OK &&
	    sqlite3_db_mutex(h) != NULL;
	sqlite3_close(h);
	return ok;
}

struct import_fts *
import_fts_start(const char *path, const char *name, char **cause)
{
	struct import_fts	*f;
	int			 r;

	f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	f->name = xstrdup(name);
	strbuf_init(&f->title);
	strbuf_init(&f->body);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->more, NULL);
	pthread_cond_init(&f->room, NULL);
	if ((r = pthread_create(&f->thread, NULL, fts_main, f)) != 0) {
		*cause = xasprintf("%s: cannot start a thread to build the "
		    "search index: %s", name, strerror(r));
		f->joined = 1;	/* nothing to join */
		import_fts_free(f);
		return NULL;
	}
	return f;
}

int
import_fts_finish(struct import_fts *f, char **cause)
{
	import_fts_end(f);
	pthread_join(f->thread, NULL);
	f->joined = f->gone = 1;
	switch (f->state) {
	case FTS_BUILT:
		return 0;
	case FTS_UNORDERED:
		return 1;
	default:
		*cause = f->cause != NULL ? f->cause : xasprintf("%s: cannot "
		    "build the search index", f->name);
		f->cause = NULL;
		return -1;
	}
}

void
import_fts_free(struct import_fts *f)
{
	struct fts_chunk	*c;

	if (f == NULL)
		return;
	if (!f->joined) {
		pthread_mutex_lock(&f->lock);
		f->stop = 1;
		if (f->h != NULL)
			sqlite3_interrupt(f->h);
		pthread_cond_broadcast(&f->more);
		pthread_mutex_unlock(&f->lock);
		pthread_join(f->thread, NULL);
	}
	free(f->fill);
	while ((c = f->kept) != NULL) {
		f->kept = c->next;
		free(c);
	}
	pthread_mutex_destroy(&f->lock);
	pthread_cond_destroy(&f->more);
	pthread_cond_destroy(&f->room);
	strbuf_free(&f->title);
	strbuf_free(&f->body);
	free(f->nodes);
	free(f->cause);
	free(f->path);
	free(f->name);
	free(f);
}
