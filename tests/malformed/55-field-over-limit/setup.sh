# A block whose text is one byte over the 65536-byte limit, on line 7.
head -c 65537 /dev/zero | tr '\0' x | awk '{ print "1,para," $0 }' \
    >>"$1/blocks.csv"
