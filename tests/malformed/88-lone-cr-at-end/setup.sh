# mentions.csv ends with a CR and no LF.
printf 'node,place\n1,bcp\n3,england\r' >"$1/mentions.csv"
