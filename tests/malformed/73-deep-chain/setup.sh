# 100000 nodes each the parent of the next: the paths would grow to 200 KB
# each (20 GB in all) if their length were not bounded.
awk 'BEGIN { for (i = 7; i < 100007; i++)
    print i "," (i == 7 ? 1 : i - 1) ",section,a,Level " i ",,," }' \
    >>"$1/nodes.csv"
