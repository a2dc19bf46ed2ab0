# Shared by .ci/demo and .ci/test: install what is missing, then build.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail

CP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CP_BUILD=${CP_BUILD:-$CP_ROOT/_build}
CP_ASAN_BUILD=${CP_ASAN_BUILD:-$CP_ROOT/_build-asan}
CP_TSAN_BUILD=${CP_TSAN_BUILD:-$CP_ROOT/_build-tsan}

CP_PACKAGES=(
  gcc meson ninja-build pkg-config
  libglib2.0-dev libjson-glib-dev
  gobject-introspection libgirepository1.0-dev gir1.2-glib-2.0 gir1.2-json-1.0
  libcriterion-dev
  python3-gi gjs
  valgrind gi-docgen
  libpq-dev postgresql
  nettle-dev
  chromium
)

cp_install_missing() {
  local missing=()
  for p in "${CP_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]}; run this as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

cp_build() {
  if [ -f "$CP_BUILD/build.ninja" ]; then
    meson setup --reconfigure "$CP_BUILD" "$CP_ROOT" -Dwerror=true -Ddocs=enabled >/dev/null
  else
    meson setup "$CP_BUILD" "$CP_ROOT" -Dwerror=true -Ddocs=enabled >/dev/null
  fi
  ninja -C "$CP_BUILD"
}

# A second build with AddressSanitizer + UndefinedBehaviorSanitizer, for
# the tests only (introspection needs no second look).
cp_build_sanitized() {
  local opts=(-Db_sanitize=address,undefined -Dintrospection=false -Dwerror=true)
  if [ -f "$CP_ASAN_BUILD/build.ninja" ]; then
    meson setup --reconfigure "$CP_ASAN_BUILD" "$CP_ROOT" "${opts[@]}" >/dev/null
  else
    meson setup "$CP_ASAN_BUILD" "$CP_ROOT" "${opts[@]}" >/dev/null
  fi
  ninja -C "$CP_ASAN_BUILD"
}

# A third build: the fuzz targets as libFuzzer binaries, with ASan and
# UBSan (docs/reliability.md), when clang is installed (cp_clang).
CP_FUZZ_BUILD=${CP_FUZZ_BUILD:-$CP_ROOT/_build-fuzz}
cp_clang() {
  command -v clang-14 || command -v clang || true
}

cp_build_fuzzing() {
  local clang
  clang=$(cp_clang)
  local opts=(-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false -Dintrospection=false)
  if [ -f "$CP_FUZZ_BUILD/build.ninja" ]; then
    CC=$clang meson setup --reconfigure "$CP_FUZZ_BUILD" "$CP_ROOT" "${opts[@]}" >/dev/null || return 1
  else
    CC=$clang meson setup "$CP_FUZZ_BUILD" "$CP_ROOT" "${opts[@]}" >/dev/null || return 1
  fi
  ninja -C "$CP_FUZZ_BUILD"
}

# Runs each libFuzzer target for CP_FUZZ_SECONDS (default 30) on a copy of
# its seed corpus and regressions. A finding (crash-, leak-, timeout-,
# oom- file) is copied into tests/fuzz/regressions/TARGET/, where the
# replay tests pick it up from then on, and fails the stage.
cp_fuzz_campaign() {
  local seconds=${CP_FUZZ_SECONDS:-30}
  local work found=0
  work=$(mktemp -d "${TMPDIR:-/tmp}/careplan-fuzz-ci-XXXXXX")
  for exe in "$CP_FUZZ_BUILD"/tests/fuzz/fuzz-*; do
    [ -f "$exe" ] && [ -x "$exe" ] || continue
    local name=${exe##*/fuzz-}
    local corpus="$work/$name/corpus" findings="$work/$name/findings"
    local dict="$CP_ROOT/tests/fuzz/dict/$name.dict"
    local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                -artifact_prefix="$findings/")
    mkdir -p "$corpus" "$findings"
    cp -r "$CP_ROOT/tests/fuzz/corpus/$name/." "$corpus/"
    if [ -d "$CP_ROOT/tests/fuzz/regressions/$name" ]; then
      cp -r "$CP_ROOT/tests/fuzz/regressions/$name/." "$corpus/"
    fi
    [ -f "$dict" ] && args+=(-dict="$dict")
    echo "-- fuzz-$name, ${seconds}s"
    "$exe" "${args[@]}" "$corpus" >"$work/$name/log" 2>&1 || true
    grep -E '^(stat::number_of_executed_units|stat::new_units_added)' "$work/$name/log" || true
    if compgen -G "$findings/*" >/dev/null; then
      mkdir -p "$CP_ROOT/tests/fuzz/regressions/$name"
      for f in "$findings"/*; do
        cp "$f" "$CP_ROOT/tests/fuzz/regressions/$name/fuzz-ci-${f##*/}"
        echo "FINDING fuzz-$name: tests/fuzz/regressions/$name/fuzz-ci-${f##*/}" >&2
      done
      tail -n 40 "$work/$name/log" >&2
      found=1
    fi
  done
  rm -rf "$work"
  return "$found"
}

# A third build with ThreadSanitizer, for the thread test only
# (docs/threads.md): nothing else in the tests starts a thread.
cp_build_tsan() {
  local opts=(-Db_sanitize=thread -Dintrospection=false -Dwerror=true)
  if [ -f "$CP_TSAN_BUILD/build.ninja" ]; then
    meson setup --reconfigure "$CP_TSAN_BUILD" "$CP_ROOT" "${opts[@]}" >/dev/null
  else
    meson setup "$CP_TSAN_BUILD" "$CP_ROOT" "${opts[@]}" >/dev/null
  fi
  ninja -C "$CP_TSAN_BUILD" tests/test-threads
}

# The main job: what a new user runs first.
cp_main_job() {
  local careplan="$CP_BUILD/tools/careplan"
  local data="$CP_ROOT/examples/data"
  echo
  echo "== The policy profiles that ship with the library =="
  "$careplan" policy list
  echo
  echo "== Where Stoke-on-Trent differs from england =="
  "$careplan" policy diff stoke-on-trent
  echo
  echo "== The bundled example caseload (200 invented children): is it valid? =="
  "$careplan" validate "$data/authority-caseload.jsonl"
  echo
  echo "== The authority-wide picture under stoke-on-trent, as at 2026-11-22 =="
  # summary and check exit 1 when something is overdue: a finding, not a failure.
  "$careplan" summary --policy stoke-on-trent --on 2026-11-22 "$data/authority-caseload.jsonl" || [ $? -eq 1 ]
  echo
  echo "== Each case's overdue and due-soon obligations, with their citations =="
  "$careplan" check --policy stoke-on-trent --on 2026-11-22 "$data/authority-caseload.jsonl" || [ $? -eq 1 ]
  echo
  echo "== The same deadlines still to come, as an iCalendar file =="
  "$careplan" check --policy stoke-on-trent --on 2026-11-22 --format ics \
    --uid-key "$CP_BUILD/calendar-uid.key" \
    --output "$CP_BUILD/deadlines.ics" "$data/authority-caseload.jsonl" || [ $? -eq 1 ]
  echo
  echo "== One calendar per social worker, with reminders 5 days before =="
  "$careplan" calendar deadlines --policy stoke-on-trent --on 2026-11-22 --split-by worker \
    --uid-key "$CP_BUILD/calendar-uid.key" --output "$CP_BUILD/calendars" "$data/authority-caseload.jsonl"
  echo
  echo "== One case in full: how each date was worked out =="
  "$careplan" check --all --policy stoke-on-trent --on 2026-11-22 "$data/case-every-type.json" || [ $? -eq 1 ]
  echo
  echo "== A connected person caring under temporary approval: 16 weeks from the day it was given, weekly visits to the first review =="
  "$careplan" check --all --policy england --on 2026-11-22 "$data/connected-person.json" || [ $? -eq 1 ]
  echo
  echo "== A synthetic SSDA903 return (200 invented children): review timeliness at the end of its year, 31 March 2026 =="
  /usr/bin/python3 "$CP_ROOT/tools/careplan-generate" --children 200 --seed 903 --as-at 2026-03-31 \
    "$CP_BUILD/ssda903-demo"
  "$careplan" check --ssda903 "$CP_BUILD/ssda903-demo/ssda903" | tail -n 1 || [ $? -eq 1 ]
  echo
  echo "== The example caseload's children as Standard Safeguarding Dataset extracts (CSV): reviews, visits, health and the care plan =="
  /usr/bin/python3 "$CP_ROOT/tools/careplan-generate" --children 200 --seed 2026 --as-at 2026-11-22 \
    --case-records "$CP_BUILD/ssd-demo"
  "$careplan" check --on 2026-11-22 --ssd "$CP_BUILD/ssd-demo/ssd" | tail -n 1 || [ $? -eq 1 ]
  echo "Due dates the case-management system computed, against the library's:"
  "$careplan" check --on 2026-11-22 --ssd "$CP_BUILD/ssd-demo/ssd" --compare-due-dates | tail -n 2 | head -n 1 || [ $? -eq 1 ]
  echo
  cp_ssd_postgresql_demo "$careplan" "$CP_BUILD/ssd-demo"
  echo "== Timeliness over the last year, by team (stoke-on-trent) =="
  "$careplan" summary --policy stoke-on-trent --on 2026-11-22 --from 2025-11-23 --to 2026-11-22 --by team \
    "$data/authority-caseload.jsonl" | tail -n 40 || [ $? -eq 1 ]
  echo
  echo "== A manager's report: one self-contained HTML page =="
  "$careplan" report --format html --policy stoke-on-trent --on 2026-11-22 \
    --output "$CP_BUILD/report.html" "$data/authority-caseload.jsonl" || [ $? -eq 1 ]
  echo "written: $CP_BUILD/report.html"
}

# The same SSD extracts loaded into a PostgreSQL server of the main job's
# own (initdb and pg_ctl into a temporary directory, on a free local port,
# as user nobody when run as root: PostgreSQL will not run as root),
# checked from the database and the obligations written back into it;
# skipped with a note where the server binaries are not installed.
cp_ssd_postgresql_demo() {
  local careplan=$1 demo=$2 pg_bin dir port conninfo
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  echo "== The same extracts in a PostgreSQL database: checked there, and the obligations written back =="
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "(skipped: no PostgreSQL server installed; apt-get install postgresql)"
    return 0
  fi
  dir=$(mktemp -d /tmp/careplan-pg-demo.XXXXXX)
  local as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$dir"
    as_user=(runuser -u nobody --)
  fi
  chmod 755 "$dir"
  port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (
    cd /
    "${as_user[@]}" "$pg_bin/initdb" -D "$dir/data" -A trust -U careplan -E UTF8 --locale=C --no-sync >/dev/null
    "${as_user[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses='' -c fsync=off" start >/dev/null
  ) || { echo "(skipped: the PostgreSQL server did not start; see $dir/server.log)"; return 0; }
  conninfo="host=$dir port=$port user=careplan dbname=postgres"
  local status=0
  {
    "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U careplan -d postgres \
      -f "$demo/ssd-postgresql.sql" >/dev/null &&
    { "$careplan" check --on 2026-11-22 --ssd "$conninfo" | tail -n 1 || [ $? -eq 1 ]; } &&
    { "$careplan" check --on 2026-11-22 --ssd "$conninfo" --write-table careplan_obligations >/dev/null || [ $? -eq 1 ]; } &&
    echo "rows in careplan_obligations: $("$pg_bin/psql" -X -A -t -h "$dir" -p "$port" -U careplan -d postgres \
      -c 'SELECT count(*) FROM careplan_obligations')"
  } || status=$?
  (cd / && "${as_user[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null)
  rm -rf "$dir"
  echo
  return $status
}
