/*
 * fuzz.h: what the fuzz targets share, and what their replay calls.
 *
 * Each tests/fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput() and is
 * linked two ways: with libFuzzer (make fuzz, --enable-fuzzing) to search
 * for crashes, and with replay.c (make check) to run the committed corpus
 * tests/fuzz/corpus/NAME as a regression test.  A target reports a broken
 * invariant by abort(), so that both ways see it as a crash.
 */
#ifndef ICSB_FUZZ_H
#define ICSB_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct db;
struct csv_text;

/* Inputs longer than this are ignored: they only slow the search down. */
#define FUZZ_MAX_INPUT	(64 * 1024)

/* libFuzzer's entry point: always returns 0. */
int		 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Once per process: a UTF-8 LC_CTYPE (widths come from wcwidth), as the
 * program sets one at start.
 */
void		 fuzz_init(void);

/*
 * A private scratch directory, made on first use and removed, with what
 * is in it, at exit.  Borrowed; valid until exit.
 */
const char	*fuzz_tmpdir(void);

/*
 * The database of the real dataset, built by csv_import() on first use
 * from $ICSB_DATASET, or the source tree's assets/, and open read-only
 * until exit.  Aborts if it cannot be built: nothing can be fuzzed then.
 */
struct db	*fuzz_dataset_db(void);

/*
 * An empty database in memory, with the schema: the same handle at every
 * call, its tables emptied (after the first import, by rolling back the
 * transaction that the call opens), so that the schema is made once and
 * the statements that db_stmt() keeps stay prepared from one input to the
 * next.  Borrowed; valid until the next call or exit.
 */
struct db	*fuzz_memdb(void);
/* Abort unless every table of fuzz_memdb() is empty (after a failure). */
void		 fuzz_memdb_check_empty(void);

/*
 * Write the dataset in data[0..size) as the files of fuzz_tmpdir(): the
 * files of tables[] in their order, separated by 0xff bytes (which no
 * CSV file may hold).  A file the input does not reach is a header line
 * alone, or, if missing is set, absent.
 */
void		 fuzz_write_dataset(const uint8_t *data, size_t size,
		     int missing);

/*
 * Whether to run a slow check (a PDF, say) on this input: about one input
 * in every, chosen by a hash of the whole input, so that the fuzzer
 * cannot learn to ask for it every time; in the replay (make check),
 * always.
 */
int		 fuzz_sample(const uint8_t *data, size_t size, unsigned every);

/*
 * A hash of data[0..size) (FNV-1a), the same in the fuzzer and the
 * replay: for choosing which part of a large input to check, so that a
 * finding replays as it was found.
 */
uint32_t	 fuzz_hash(const uint8_t *data, size_t size);

/*
 * fuzz_tree's generator (tree_gen.c): make the dataset that
 * data[0..size) describes, as CSV texts in memory.  Returns 1 if the
 * whole dataset is the last call's, else 0.  tree_gen_texts() gives its
 * seven texts, for csv_import_mem(), and returns 7; tree_gen_write()
 * writes them as the CSV files of fuzz_tmpdir(), each only if it differs
 * from what is there.
 */
int		 tree_gen(const uint8_t *data, size_t size);
size_t		 tree_gen_texts(struct csv_text *out);
void		 tree_gen_write(void);

/* /dev/null, open for writing until exit. */
FILE		*fuzz_devnull(void);

/* Report a broken invariant and abort(). */
void		 fuzz_fail(const char *what, const char *detail)
		     __attribute__((noreturn));

#endif
