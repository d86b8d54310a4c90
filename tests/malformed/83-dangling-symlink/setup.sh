# sources.csv is a symbolic link to nothing.
rm -f "$1/sources.csv" && ln -s no-such-file.csv "$1/sources.csv"
