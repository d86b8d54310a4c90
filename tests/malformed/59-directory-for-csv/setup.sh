# places.csv is a directory.
rm -f "$1/places.csv" && mkdir "$1/places.csv"
