#!/usr/bin/env bash
# Bulk ingest throughput: posts N events (default 100,000) as NDJSON to a running ingest-service, in requests of
# 10,000 lines (the per-request maximum), P requests in flight at once, and prints events/s as the service answered
# them (every accepted record acknowledged by the broker before its response).
#
#   ingest-service/bench/bulk-ingest.sh [URL] [N] [P]
#   URL default http://localhost:8081/events, N default 100000, P default 2
set -euo pipefail
URL=${1:-http://localhost:8081/events}
N=${2:-100000}
P=${3:-2}
LINES=10000
RUN=bench-$(date +%s)-$$
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

# Generate the request bodies first, so generation is not timed.
python3 - "$DIR" "$N" "$LINES" "$RUN" <<'PY'
import json, sys, random
out, n, per, run = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
actors = ["RUS", "AZE", "ARM", "TUR", "GEO", "IRN", "USA", "EU", "NATO", "UKR", "KAZ", "CHN"]
codes = ["010", "036", "040", "042", "046", "050", "057", "061", "111", "120", "130", "160", "172", "190"]
rnd = random.Random(42)
for part in range((n + per - 1) // per):
    with open(f"{out}/part-{part:04d}.ndjson", "w") as f:
        for i in range(part * per, min(n, (part + 1) * per)):
            a1, a2 = rnd.sample(actors, 2)
            f.write(json.dumps({"source": "bench", "externalId": f"{run}-{i}",
                                "occurredAt": f"2025-{rnd.randint(1, 3):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:00:00Z",
                                "actor1": a1, "actor2": a2, "cameoCode": rnd.choice(codes),
                                "mentions": rnd.randint(1, 20), "headline": f"benchmark event {i}"}) + "\n")
PY

post() {
  curl -sS -o "$1.out" -w '%{http_code}\n' -H 'Content-Type: application/x-ndjson' --data-binary "@$1" "$URL" \
    || { echo "000"; echo '{}' > "$1.out"; }
}
export -f post
export URL

start=$(date +%s.%N)
codes=$(ls "$DIR"/part-*.ndjson | xargs -P "$P" -I{} bash -c 'post {}' || true)
end=$(date +%s.%N)

accepted=$(python3 -c 'import json, sys
def accepted(f):
    try:
        return json.load(open(f)).get("accepted", 0)
    except ValueError:
        return 0  # a problem+json or empty answer: nothing accepted
print(sum(accepted(f) for f in sys.argv[1:]))' "$DIR"/part-*.ndjson.out)
bad=$(echo "$codes" | grep -vc '^200$' || true)
secs=$(echo "$end - $start" | bc -l)
printf 'events posted: %d in %d requests (%d in flight), non-200 answers: %d\n' "$N" "$(echo "$codes" | wc -l)" "$P" "$bad"
echo "$codes" | sort | uniq -c | sed 's/^/  HTTP answers: /'
printf 'accepted (acknowledged by the broker): %d\n' "$accepted"
printf 'elapsed: %.2f s  →  %.0f events/s\n' "$secs" "$(echo "$accepted / $secs" | bc -l)"
