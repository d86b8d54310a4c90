# nodes.csv is a link to an endless device: refused, not read forever.
rm -f "$1/nodes.csv" && ln -s /dev/zero "$1/nodes.csv"
