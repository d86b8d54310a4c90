# A mention of a place whose 1000-byte code does not exist: the message
# quotes only the start of it.
head -c 1000 /dev/zero | tr '\0' x | awk '{ print "1," $0 }' \
    >>"$1/mentions.csv"
