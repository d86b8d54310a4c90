# 40 nested nodes with slugs of 30 letters: well within the depth limit,
# but the paths pass 1024 bytes at depth 33.
awk 'BEGIN { s = "abcdefghijklmnopqrstuvwxyzabcd"
    for (i = 7; i < 47; i++)
    print i "," (i == 7 ? 1 : i - 1) ",section," s ",Level " i ",,," }' \
    >>"$1/nodes.csv"
