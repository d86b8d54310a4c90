# A source whose title, publisher and date are each exactly 65536 bytes:
# a line of 196 KB, every field at the limit and none over.
head -c 65536 /dev/zero | tr '\0' x | awk '{ print "big," $0 "," $0 "," $0 }' \
    >>"$1/sources.csv"
