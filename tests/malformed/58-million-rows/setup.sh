# A million more blocks: valid, and must import in bounded time.
awk 'BEGIN { for (i = 1; i <= 1000000; i++) print "1,para,Paragraph " i }' \
    >>"$1/blocks.csv"
