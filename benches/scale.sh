#!/usr/bin/env bash
# The benchmarks at scale: demo registers of 10,000, 100,000 and 1,000,000 formularies, the
# in-process figures on each (benches/register.rs), the same searches through the CLI side
# by side with the sqlite3 shell running the same SQL on the same file, and the workstation
# in a pty (benches/tui.rs) with its peak memory. Slow (the million takes minutes and about
# 2 GB of disk): never run by CI, which only builds the benches (cargo bench --no-run).
#
#   benches/scale.sh                  # all three sizes
#   SIZES="10000" benches/scale.sh    # one size
#   KENSE_BENCH_DIR=/data/bench benches/scale.sh
#
# Needs the sqlite3 shell (apt-get install -y sqlite3) and /usr/bin/time (apt-get install -y
# time); uses hyperfine when installed (apt-get install -y hyperfine), else a loop timed
# with date +%s%N. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
DIR=${KENSE_BENCH_DIR:-/tmp/kense-bench}
RUNS=${RUNS:-30}
# A fixed clock and seed: the same registers every time.
NOW=${NOW:-2026-11-20T17:00:00}
SEED=${SEED:-1}

if ! command -v sqlite3 >/dev/null; then
    echo "scale.sh: the sqlite3 shell is missing: apt-get install -y sqlite3" >&2
    exit 1
fi
mkdir -p "$DIR"
cargo build --release --locked
kense=$PWD/target/release/kense

# Median wall time of a command in ms, over $RUNS runs.
median_ms() {
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$DIR/h.json" "$@" >/dev/null 2>&1 || true
        # The median of each command, in ms, one per line.
        sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$DIR/h.json" | awk '{printf "%.2f\n", $1 * 1000}'
    else
        for cmd in "$@"; do
            for _ in $(seq "$RUNS"); do
                start=$(date +%s%N)
                bash -c "$cmd" >/dev/null 2>&1 || true
                echo $(( ($(date +%s%N) - start) / 1000 ))
            done | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int((NR+1)/2)] / 1000}'
        done
    fi
}

cols="id, number, registered_on, surname, given_name, patronymic, iin, filling_code, status"
for n in $SIZES; do
    db=$DIR/demo-$n.sqlite
    if [ ! -f "$db" ]; then
        # About 2,000 formularies a working day, as the end-of-day row asks.
        days=$(( n / 2000 * 7 / 5 + 1 ))
        echo "== making $db ($n formularies over $days days)"
        /usr/bin/time -f "demo: %e s wall, %U s user, %S s system, %M KB peak" \
            "$kense" --db "$db" demo --count "$n" --days "$days" --seed "$SEED" --now "$NOW"
    fi
    echo "== $n formularies: in-process"
    KENSE_BENCH_DB=$db cargo bench --locked --bench register

    echo "== $n formularies: CLI against the sqlite3 shell (median ms of $RUNS)"
    # The prefix from the folded key (issue 11: ASCII, as Code lookup folds names).
    read -r iin prefix coupon < <(sqlite3 -separator ' ' "$db" \
        "SELECT iin, substr(surname_fold, 1, 4), coupon FROM formularies
         WHERE id = (SELECT MAX(id) / 2 FROM formularies)")
    # The SQL kense's search runs (src/store/search.rs), with the same LIMIT of a page + 1.
    end="substr('$prefix', 1, length('$prefix') - 1) || char(unicode(substr('$prefix', -1)) + 1)"
    declare -A sql=(
        [iin]="SELECT $cols FROM formularies WHERE iin = '$iin' ORDER BY id DESC LIMIT 51"
        # A one-word name walks the surnames first; a prefix of a real surname fills the
        # page of 50 (+1) there, so the given-name walk never runs.
        [name]="SELECT $cols, surname_fold FROM formularies INDEXED BY formularies_surname WHERE (surname_fold >= '$prefix' AND surname_fold < $end) ORDER BY surname_fold ASC, id ASC LIMIT 51"
        [coupon]="SELECT $cols FROM formularies WHERE coupon = '$coupon' ORDER BY id DESC LIMIT 51"
    )
    declare -A arg=([iin]="--iin $iin" [name]="--name $prefix" [coupon]="--coupon $coupon")
    for what in iin name coupon; do
        mapfile -t ms < <(median_ms \
            "$kense --db $db register ${arg[$what]}" \
            "sqlite3 $db \"${sql[$what]}\"")
        echo "register --$what: kense ${ms[0]} ms, sqlite3 ${ms[1]} ms"
    done

    echo "== $n formularies: the work queue and the day's review through the CLI (median ms of $RUNS)"
    # Issue 12: the queue by index only (target <= 20 ms in-process); the last day of the demo.
    last=$(sqlite3 "$db" "SELECT MAX(registered_on) FROM formularies")
    mapfile -t ms < <(median_ms "$kense --db $db queue --json" "$kense --db $db day show --date $last --json")
    echo "queue --json: ${ms[0]} ms; day show --date $last --json: ${ms[1]} ms"

    echo "== $n formularies: audit verify (issue 15: every row against its digest; <= 10 s at 1M)"
    # Once, cold for the process, warm for the page cache (the previous steps read the file).
    /usr/bin/time -f "audit verify: %e s wall, %U s user, %S s system, %M KB peak" \
        "$kense" --db "$db" audit verify

    echo "== $n formularies: another clerk's write while a head closes a day"
    # The close checks the whole register before its write lock (issue 15): a write made
    # meanwhile waits for none of it. The earliest open day is named by a refused close.
    open_day=$("$kense" --db "$db" day close --date "$last" 2>&1 | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}, which' | cut -c1-10)
    if [ -n "$open_day" ]; then
        /usr/bin/time -f "day close: %e s wall" "$kense" --db "$db" day close --date "$open_day" &
        sleep 1
        /usr/bin/time -f "iin generate during the close: %e s wall" \
            "$kense" --db "$db" iin generate --birth-date 1990-01-01 --sex male
        wait
    fi

    echo "== $n formularies: the workstation in a pty"
    KENSE_BENCH_DB=$db KENSE_BENCH_TIME=/usr/bin/time cargo bench --locked --bench tui
done
