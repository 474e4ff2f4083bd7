# Sourced by the bench scripts: BENCH_CP, the classpath of the georisk-bench module (its classes and the runtime jars
# that `mvn package` copies to bench/target/lib). Builds the module (and contracts) when it is missing.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_CP="$BENCH_ROOT/bench/target/classes:$BENCH_ROOT/bench/target/lib/*"
if [[ ! -d "$BENCH_ROOT/bench/target/classes/org/georisk/bench" || ! -d "$BENCH_ROOT/bench/target/lib" ]]; then
    echo "bench: building the georisk-bench module (mvn -q -B -pl bench -am package -DskipTests) ..." >&2
    (cd "$BENCH_ROOT" && mvn -q -B -pl bench -am package -DskipTests) >&2 \
        || { echo "bench: the build of the georisk-bench module failed" >&2; exit 2; }
fi
