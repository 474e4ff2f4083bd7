#!/usr/bin/env bash
# Recomputes every assessment from the start of georisk.events (docs/scoring.md, "Rebuild").
#
#   assessment-service/bin/rebuild.sh [--dry-run]     (--dry-run only previews, and only while the service is stopped)
#
# 1. stops assessment-service if ./georisk started it (a Streams application must not run while it is reset);
# 2. resets the Streams application georisk-assessment with Kafka's StreamsResetter (kafka-tools, from the jars that
#    local-infra copies to local-infra/target/broker-lib): input offsets of georisk.events back to the earliest,
#    internal changelog topics (event ids, pair states) deleted, left-over group members removed (--force);
# 3. deletes the local state stores (RocksDB) under $GEORISK_WORK_DIR/kafka-streams/georisk-assessment;
# 4. starts the system again (./georisk start starts what is not running); the stream then replays every event and
#    publishes versions 1..n of every pair anew. The same events in the same log order give the same (pair, version)
#    with byte-identical JSON, which the history consumer stores as the rows it already has (upsert on pair+version).
#
# Environment: KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092), GEORISK_WORK_DIR (default <project>/.georisk),
# KAFKA_TOOLS_LIB (default <project>/local-infra/target/broker-lib), GEORISK_NO_RESTART=1 to leave it stopped
# (compose or another supervisor: stop every instance first, run this, start them again).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
WORK="${GEORISK_WORK_DIR:-$ROOT/.georisk}"
LIB="${KAFKA_TOOLS_LIB:-$ROOT/local-infra/target/broker-lib}"
APP=georisk-assessment
DRY_RUN=()
FORCE=(--force)
# a dry run must not touch the group: --force would remove the running members even then
[[ "${1:-}" == "--dry-run" ]] && DRY_RUN=(--dry-run) && FORCE=()

say() { printf 'rebuild: %s\n' "$*"; }
die() { printf 'rebuild: %s\n' "$*" >&2; exit 1; }

[[ -d "$LIB" ]] || die "no kafka-tools jars at $LIB: build local-infra first (mvn -o -q -pl local-infra package)"

if (( ${#DRY_RUN[@]} == 0 )); then
    pid_file="$WORK/run/assessment-service.pid"
    if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        pid="$(cat "$pid_file")"
        say "stopping assessment-service (pid $pid)"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && die "assessment-service (pid $pid) did not stop in 30 s"
        rm -f "$pid_file"
    elif (exec 3<>"/dev/tcp/127.0.0.1/8082") 2>/dev/null; then
        die "something answers on port 8082 that ./georisk did not start: stop every assessment-service instance first"
    fi
fi

say "resetting Streams application $APP on $BOOTSTRAP"
java -cp "$LIB/*" org.apache.kafka.tools.StreamsResetter \
    --bootstrap-server "$BOOTSTRAP" --application-id "$APP" --input-topics georisk.events "${FORCE[@]}" "${DRY_RUN[@]}"

if (( ${#DRY_RUN[@]} > 0 )); then
    say "dry run: nothing changed"
    exit 0
fi

say "deleting local state $WORK/kafka-streams/$APP"
rm -rf "${WORK:?}/kafka-streams/$APP"

if [[ "${GEORISK_NO_RESTART:-}" == 1 ]]; then
    say "done; start assessment-service again to recompute every assessment"
else
    say "starting the system again; the stream recomputes from the first event"
    "$ROOT/georisk" start
fi
