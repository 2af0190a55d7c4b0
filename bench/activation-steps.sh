# Sourced by bench/run.sh once the profiles are in (it uses run.sh's api, psql_cdp, log, die, calc, now, ok and
# its variables). Measures
#   a. a segmentation job over every profile (two segments: one on scores only, one on a record attribute),
#      target <= 30 s at 1,000,000 profiles;
#   b. the ad-hoc export of a segment of every profile, against psql \copy of the same select to a file in the
#      same run, target <= 2x; and the heap it takes (old generation peak while it runs, and what is left after
#      a full GC, both against a full GC just before), target <= 64 MB.
# Sets SEG_* and EXPORT_* for the results.

await_json() {   # await_json PATH JQ_DONE_EXPR TIMEOUT_S: polls until the expression is true; prints the last answer
  local path=$1 done=$2 timeout=$3 t0 body
  t0=$(now)
  while :; do
    body=$(api GET "$path" -f) || die "GET $path failed"
    if [ "$(jq -r "$done" <<<"$body")" = true ]; then echo "$body"; return 0; fi
    ok "$(now) - $t0 > $timeout" && { echo "$body" >&2; die "$path: not done within ${timeout}s"; }
    sleep 0.2
  done
}
heap_kb() {      # heap used (KB) of the server: young + old, and old alone, from jstat -gc
  jstat -gc "$SERVER_PID" | awk 'NR == 2 { printf "%d %d\n", $3 + $4 + $6 + $8, $8 }'
}

log "segments: every profile (lifetimeValue >= 0) and gold members (loyalty.tier, read from each record)"
SEG_ALL=$(api POST /data/core/ups/segment/definitions -f -H 'Content-Type: application/json' \
  -d '{"name": "Everyone", "expression": {"type": "PQL", "format": "pql/text", "value": "lifetimeValue >= 0"}}' | jq -r .id)
SEG_GOLD=$(api POST /data/core/ups/segment/definitions -f -H 'Content-Type: application/json' \
  -d '{"name": "Gold", "expression": {"type": "PQL", "format": "pql/text", "value": "loyalty.tier = \"gold\""}}' | jq -r .id)
t0=$(now)
JOB=$(api POST /data/core/ups/segment/jobs -f -H 'Content-Type: application/json' \
  -d "[{\"segmentId\": \"$SEG_ALL\"}, {\"segmentId\": \"$SEG_GOLD\"}]" | jq -r .id)
JOB_JSON=$(await_json "/data/core/ups/segment/jobs/$JOB" '.status == "SUCCEEDED" or .status == "FAILED"' 3600)
SEG_WALL=$(calc "$(now) - $t0" 2)
[ "$(jq -r .status <<<"$JOB_JSON")" = SUCCEEDED ] || { echo "$JOB_JSON" >&2; die "the segmentation job failed"; }
SEG_MS=$(jq -r .metrics.profileSegmentationTime.totalTimeInMs <<<"$JOB_JSON")
SEG_PROFILES=$(jq -r .metrics.totalProfiles <<<"$JOB_JSON")
SEG_MEMBERS=$(jq -r ".metrics.segmentedProfileCounter[\"$SEG_ALL\"]" <<<"$JOB_JSON")
SEG_GOLD_MEMBERS=$(jq -r ".metrics.segmentedProfileCounter[\"$SEG_GOLD\"]" <<<"$JOB_JSON")
log "  $SEG_PROFILES profiles in $(calc "$SEG_MS / 1000" 2) s ($SEG_WALL s from the request); members: $SEG_MEMBERS and $SEG_GOLD_MEMBERS"

log "export: a CSV destination (email, lifetimeValue, churnPropensity, purchasesLast30Days) and its dataflow"
DEST=$(api POST /data/foundation/destinations -f -H 'Content-Type: application/json' -d '{"name": "Bench files",
  "folder": "bench", "format": "csv", "fileNameTemplate": "{segment}_{runId}.csv", "identities": ["email"],
  "attributes": ["lifetimeValue", "churnPropensity", "purchasesLast30Days"]}' | jq -r .id)
api POST /data/foundation/flowservice/flows -f -H 'Content-Type: application/json' -d "{\"name\": \"Bench\",
  \"destinationId\": \"$DEST\", \"segments\": [{\"segmentId\": \"$SEG_ALL\", \"schedule\": {\"frequency\": \"daily\",
  \"time\": \"23:59\"}}]}" >/dev/null

jcmd "$SERVER_PID" GC.run >/dev/null
jcmd "$SERVER_PID" GC.class_histogram > "$WORK/histogram-before.txt" 2>/dev/null || true
read -r HEAP_BEFORE OLD_BEFORE < <(heap_kb)
( while :; do heap_kb; sleep 0.2; done ) > "$WORK/heap-samples.txt" 2>/dev/null &
SAMPLER=$!
ORDER=$(api POST /data/core/activation/disflowprovider/adhocrun -f -H 'Content-Type: application/json' \
  -H 'Accept: application/vnd.adobe.adhoc.activation+json; version=2' \
  -d "{\"activationInfo\": {\"$DEST\": [\"$SEG_ALL\"]}}")
RUN_ID=$(jq -r '.order[0].statusURL' <<<"$ORDER" | sed 's|.*/||')
RUN_JSON=$(await_json "/data/foundation/flowservice/runs/$RUN_ID" \
  '.metrics.statusSummary.status == "success" or .metrics.statusSummary.status == "failed"' 3600)
kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
[ "$(jq -r .metrics.statusSummary.status <<<"$RUN_JSON")" = success ] || { echo "$RUN_JSON" >&2; die "the export failed"; }
EXPORT_ROWS=$(jq -r .metrics.recordSummary.outputRecordCount <<<"$RUN_JSON")
EXPORT_BYTES=$(jq -r .metrics.sizeSummary.outputBytes <<<"$RUN_JSON")
ms() { date -d "$1" +%s%3N; }
EXPORT_S=$(calc "($(ms "$(jq -r .metrics.durationSummary.completedAtUTC <<<"$RUN_JSON")") - $(ms "$(jq -r .metrics.durationSummary.startedAtUTC <<<"$RUN_JSON")")) / 1000" 2)
OLD_PEAK=$(awk -v m="$OLD_BEFORE" '$2 > m { m = $2 } END { print m }' "$WORK/heap-samples.txt")
HEAP_PEAK=$(awk -v m="$HEAP_BEFORE" '$1 > m { m = $1 } END { print m }' "$WORK/heap-samples.txt")
jcmd "$SERVER_PID" GC.run >/dev/null
read -r HEAP_AFTER _ < <(heap_kb)
# What the live heap gained, class by class (GC.class_histogram counts live objects only, after its own full GC).
jcmd "$SERVER_PID" GC.class_histogram > "$WORK/histogram-after.txt" 2>/dev/null || true
HEAP_GAINERS=$(awk 'FNR == NR { if ($1 ~ /^[0-9]+:$/) before[$4] = $3; next }
  $1 ~ /^[0-9]+:$/ { gain = $3 - before[$4]; if (gain > 1048576) printf "%d %s\n", gain / 1024, $4 }' \
  "$WORK/histogram-before.txt" "$WORK/histogram-after.txt" | sort -rn | head -n 8 | awk '{ printf "%s%s +%d KB", sep, $2, $1; sep = ", " }')
[ -z "$HEAP_GAINERS" ] || log "  live heap gained most in: $HEAP_GAINERS"
EXPORT_OLD_GROWTH_MB=$(calc "($OLD_PEAK - $OLD_BEFORE) / 1024" 1)
# The live heap: the histograms' totals (live objects only). jstat just after GC.run also counts whatever the
# server allocated in between, and once read +118 MB of such young garbage; it is the fallback.
LIVE_BEFORE=$(awk '$1 == "Total" { print $3 }' "$WORK/histogram-before.txt" 2>/dev/null)
LIVE_AFTER=$(awk '$1 == "Total" { print $3 }' "$WORK/histogram-after.txt" 2>/dev/null)
if [ -n "$LIVE_BEFORE" ] && [ -n "$LIVE_AFTER" ]; then
  EXPORT_LIVE_GROWTH_MB=$(calc "($LIVE_AFTER - $LIVE_BEFORE) / 1048576" 1)
else
  EXPORT_LIVE_GROWTH_MB=$(calc "($HEAP_AFTER - $HEAP_BEFORE) / 1024" 1)
fi
EXPORT_HEAP_PEAK_MB=$(calc "($HEAP_PEAK - $HEAP_BEFORE) / 1024" 1)
log "  $EXPORT_ROWS rows, $EXPORT_BYTES bytes in $EXPORT_S s; old generation $(signed "$EXPORT_OLD_GROWTH_MB") MB at its peak, live heap $(signed "$EXPORT_LIVE_GROWTH_MB") MB after (heap peak $(signed "$EXPORT_HEAP_PEAK_MB") MB with young garbage)"

COPY_S=""; EXPORT_RATIO=""
if [ "$DB" = postgres ]; then
  # The same rows as the export's queries give: members in profile order, their emails joined by |, the scores.
  COPY_SQL="SELECT (SELECT string_agg(i.identity_value, '|' ORDER BY i.identity_value) FROM profile_identity i
    WHERE i.profile_id = p.id AND i.sandbox = p.sandbox AND i.namespace = 'email') AS email, p.lifetime_value,
    p.churn_propensity, p.purchases_30d FROM segment_membership m JOIN profile p ON p.id = m.profile_id
    WHERE m.segment_id = '$SEG_ALL' AND m.exited_at IS NULL ORDER BY m.profile_id"
  t0=$(now)
  psql_cdp -c "\\copy ($(tr '\n' ' ' <<<"$COPY_SQL")) TO '$WORK/copy.csv' WITH (FORMAT csv, HEADER)"
  COPY_S=$(calc "$(now) - $t0" 2)
  COPY_ROWS=$(( $(wc -l < "$WORK/copy.csv") - 1 ))
  EXPORT_RATIO=$(calc "$EXPORT_S / $COPY_S" 2)
  log "  psql \\copy of the same select: $COPY_ROWS rows in $COPY_S s; export / copy = $EXPORT_RATIO"
fi
V_SEG=$(if ok "$SEG_MS <= 30000"; then echo PASS; else echo MISS; fi)
V_EXPORT=n/a; [ -z "$EXPORT_RATIO" ] || V_EXPORT=$(if ok "$EXPORT_RATIO <= 2"; then echo PASS; else echo MISS; fi)
V_HEAP=$(if ok "$EXPORT_OLD_GROWTH_MB <= 64 && $EXPORT_LIVE_GROWTH_MB <= 64"; then echo PASS; else echo MISS; fi)
