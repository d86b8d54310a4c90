# A quote opened on line 7 and never closed, then 100000 lines of text: the
# reader must stop at the field limit, not hold the rest of the file.
{
	printf '6,para,"Life expectancy\n'
	awk 'BEGIN { for (i = 0; i < 100000; i++) print "and more text, line " i }'
} >>"$1/blocks.csv"
