#!/usr/bin/env bash
# Cold start of the editor the way a person starts it: `./mapwork` (the launcher script, then the JVM), to the first
# rendered frame of the start screen, RUNS times in a row under one Xvfb server, over one library (MAPWORK_HOME; a new
# one unless LIBRARY is given, so the first run also creates it). Prints each run's figures, the load average beside
# each, and the medians. Extra arguments go to ./mapwork (e.g. nothing, or a map file).
#
#   bench/coldstart.sh [RUNS]          (default 7; needs xvfb-run)
#   MAPWORK_JAVA_OPTS=... bench/coldstart.sh 5   to try JVM flags
#
# Columns: "jvm" = JVM start (RuntimeMXBean) -> first rendered frame, as the editor's --startup-report prints it;
# "script" = the moment this script calls ./mapwork -> the same frame (adds the launcher script and the JVM's own boot);
# "cpu" = the process's CPU time up to that frame (all threads, JIT and GC included): far steadier than the clock
# when others share the two cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
shift || true
library="${LIBRARY:-$(mktemp -d /tmp/mapwork-coldstart-XXXXXX)}"

# build (and whatever else ./mapwork does once) outside the timed runs
MAPWORK_HOME="$library" "$root/mapwork" --version >/dev/null

export root runs library
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  jvms=(); scripts=(); cpus=()
  for i in $(seq 1 "$runs"); do
    load=$(cut -d" " -f1-3 /proc/loadavg)
    t0=$(date +%s%3N)
    out=$(MAPWORK_HOME="$library" "$root/mapwork" --startup-report "$@" 2>&1 || true)
    line=$(grep -m1 "^first frame" <<<"$out" || true)
    if [ -z "$line" ]; then echo "run $i: no first frame; output:"; echo "$out"; continue; fi
    jvm=$(sed -E "s/^first frame ([0-9]+) ms.*/\1/" <<<"$line")
    at=$(sed -E "s/.*epoch ms ([0-9]+).*/\1/" <<<"$line")
    cpu=$(sed -nE "s/.*process CPU ([0-9]+) ms.*/\1/p" <<<"$line")
    jvms+=("$jvm"); scripts+=($((at - t0))); cpus+=("${cpu:-0}")
    printf "run %2d  load %s  jvm %5d ms  script %5d ms  cpu %5s ms  | %s\n" "$i" "$load" "$jvm" $((at - t0)) "${cpu:--}" \
      "${line#first frame }"
    grep "^library ready" <<<"$out" | sed "s/^/        /" || true
  done
  median() { printf "%s\n" "$@" | sort -n | awk "{a[NR]=\$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}"; }
  echo "median of ${#jvms[@]} runs: jvm $(median "${jvms[@]}") ms, script $(median "${scripts[@]}") ms," \
    "process CPU $(median "${cpus[@]}") ms (first run on a new library included)"
  echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"
' coldstart "$@"
[ -n "${LIBRARY:-}" ] || rm -rf "$library"
