# blocks.csv is a FIFO that nobody writes: opening it must not hang.
rm -f "$1/blocks.csv" && mkfifo "$1/blocks.csv"
