# A million more blocks: valid, and must import in bounded time.
# Under valgrind (.ci/run sets ICSB_SKIP_HUGE there) the import takes
# minutes and can outrun CI's time limit; the plain and the sanitizer
# runs of the suite still import it.
if [ -n "${ICSB_SKIP_HUGE:-}" ]; then
	echo "a million rows is too slow under valgrind (ICSB_SKIP_HUGE)"
	exit 77
fi
awk 'BEGIN { for (i = 1; i <= 1000000; i++) print "1,para,Paragraph " i }' \
    >>"$1/blocks.csv"
