# figures.csv cannot be read; root reads it anyway, so skip then.
if [ "$(id -u)" -eq 0 ]; then
	echo "running as root"
	exit 77
fi
chmod 000 "$1/figures.csv"
