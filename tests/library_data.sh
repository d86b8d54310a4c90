# library_data.sh: made-up local authority assessments for the library's
# tests.  MADE UP: no such councils exist and the CQC never published
# these texts or scores.  Sourced by tests/cli/library.sh and
# tests/hostile/library_kill.sh.
#
# made_up_la DIR BODY PUBLISHED RATING OVERALL S1 ... S9
# writes a dataset folder DIR whose nine statement scores are S1..S9 in
# the framework's order (0: no score for that statement).

made_up_la() {
	dir=$1 body=$2 published=$3 rating=$4 overall=$5
	shift 5
	code=$(printf '%s' "$body" | tr 'A-Z ' 'a-z-')
	mkdir -p "$dir"
	title="$body: local authority assessment"
	{
		echo 'key,value'
		echo "title,$title"
		echo 'publisher,Care Quality Commission'
		echo "published,$published"
		echo "body,$body"
		[ -n "$rating" ] && echo "rating,$rating"
	} > "$dir/meta.csv"
	printf 'code,title,publisher,date\ncqc,%s,Care Quality Commission,%s\n' \
	    "$title" "$published" > "$dir/sources.csv"
	echo 'id,parent,kind,slug,title,heading,link,source' > "$dir/nodes.csv"
	echo 'node,kind,text' > "$dir/blocks.csv"
	echo 'id,measure,label,place,value,text,unit,out_of,period,basis,comparator,direction,node' \
	    > "$dir/figures.csv"
	echo 'node,place' > "$dir/mentions.csv"
	printf '1,,part,overview,Overall summary,Overall summary,,cqc\n' \
	    >> "$dir/nodes.csv"
	printf '1,para,MADE UP for icsbrowse tests: %s scored %s out of 100 overall.\n' \
	    "$body" "$overall" >> "$dir/blocks.csv"
	[ "$overall" != 0 ] && printf '1,overall-score,Overall,%s,%s,%s out of 100,score,100,,value,,,1\n' \
	    "$code" "$overall" "$overall" >> "$dir/figures.csv"
	id=1 fig=1 theme=0
	for st in 'Working with people|Assessing needs' \
	    'Working with people|Supporting people to lead healthier lives' \
	    'Working with people|Equity in experience and outcomes' \
	    'Providing support|Care provision, integration and continuity' \
	    'Providing support|Partnerships and communities' \
	    'How the local authority ensures safety within the system|Safe pathways, systems and transitions' \
	    'How the local authority ensures safety within the system|Safeguarding' \
	    'Leadership|Governance, management and sustainability' \
	    'Leadership|Learning, improvement and innovation'; do
		t=${st%%|*} s=${st#*|}
		if [ "$t" != "$lastt" ]; then
			id=$((id + 1)); theme=$id; lastt=$t
			printf '%s,,theme,%s,%s,%s,,cqc\n' $id \
			    "$(printf '%s' "$t" | tr 'A-Z ' 'a-z-')" "$t" "$t" \
			    >> "$dir/nodes.csv"
		fi
		id=$((id + 1))
		slug=$(printf '%s' "$s" | tr -d ',' | tr 'A-Z ' 'a-z-')
		printf '%s,%s,statement,%s,"%s","%s",,cqc\n' $id $theme \
		    "$slug" "$s" "$s" >> "$dir/nodes.csv"
		printf '%s,para,Score: %s\n' $id "$1" >> "$dir/blocks.csv"
		printf '%s,para,"Made-up findings of %s on %s: unpaid carers were heard."\n' \
		    $id "$body" "$s" >> "$dir/blocks.csv"
		if [ "$1" != 0 ]; then
			fig=$((fig + 1))
			printf '%s,score-%s,"%s",%s,%s,Score: %s,score,4,,value,,,%s\n' \
			    $fig "$slug" "$s" "$code" "$1" "$1" $id >> "$dir/figures.csv"
		fi
		shift
	done
	id=$((id + 1))
	printf '%s,,place,%s,%s,%s,,cqc\n' $id "$code" "$body" "$body" >> "$dir/nodes.csv"
	printf '%s,para,A made-up council.\n' $id >> "$dir/blocks.csv"
	printf 'code,kind,name,node\n%s,council,%s,%s\n' "$code" "$body" $id \
	    > "$dir/places.csv"
}
