#!/usr/bin/env bash
# Measures `leadgap evidence` against its anchors, interleaved in one run:
# a ten-year calendar export (about 14,000 events and a daily series with no
# end) against the one second asked for, and a repository of 100,000 commits
# by ten people over 1,097 files against `git log --numstat` over the same
# history. Needs git and awk; writes into a temporary folder it removes.
#
#   scripts/bench-evidence.sh [RUNS]     (default 3; medians are printed)
set -euo pipefail

runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
leadgap="$root/target/release/leadgap"

# Ten years of a busy calendar: five meetings a working day, one-to-ones
# with ten people on rotation, and a daily stand-up series with no end.
awk 'BEGIN {
  print "BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-CALNAME:me@corp.example\nX-WR-TIMEZONE:Europe/Berlin"
  print "BEGIN:VEVENT\nUID:standup\nDTSTART;TZID=Europe/Berlin:20161003T091500\nDTEND;TZID=Europe/Berlin:20161003T093000"
  print "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\nORGANIZER:mailto:me@corp.example\nATTENDEE:mailto:dev0@corp.example\nEND:VEVENT"
  day = 0; n = 0
  for (t = 1475280000; t < 1475280000 + 3652 * 86400; t += 86400) {
    wd = int(t / 86400 + 4) % 7
    if (wd == 0 || wd == 6) continue
    d = strftime("%Y%m%d", t, 1)
    for (k = 0; k < 5; k++) {
      n++
      h = 10 + k
      printf "BEGIN:VEVENT\nUID:e%d\nDTSTART;TZID=Europe/Berlin:%sT%02d0000\nDTEND;TZID=Europe/Berlin:%sT%02d3000\n", n, d, h, d, h
      printf "ORGANIZER:mailto:me@corp.example\nATTENDEE;PARTSTAT=ACCEPTED:mailto:dev%d@corp.example\n", n % 10
      if (k == 4) printf "ATTENDEE:mailto:lead%d@business.example\n", n % 7
      print "END:VEVENT"
    }
  }
  print "END:VCALENDAR"
}' > "$work/ten-years.ics"

{
  echo "name,email,group"
  for i in 0 1 2 3 4 5 6 7 8 9; do echo "Dev $i,dev$i@corp.example,direct-report"; done
  echo "Business,*@business.example,stakeholder"
} > "$work/people.csv"

# 100,000 commits, ten authors, 1,097 files, each commit changing one file
# (and one in ten a second), written with git fast-import.
git init -q -b main "$work/repo"
awk 'BEGIN {
  for (i = 1; i <= 100000; i++) {
    a = i % 10; t = 1480000000 + i * 3000
    printf "commit refs/heads/main\nmark :%d\n", i
    printf "author Dev %d <dev%d@corp.example> %d +0000\n", a, a, t
    printf "committer Dev %d <dev%d@corp.example> %d +0000\ndata 2\nc\n", a, a, t
    if (i > 1) printf "from :%d\n", i - 1
    body = sprintf("%d\n", i)
    printf "M 100644 inline src/f%d.txt\ndata %d\n%s\n", (i * 7919) % 1000, length(body), body
    if (i % 10 == 0) printf "M 100644 inline doc/d%d.md\ndata %d\n%s\n", i % 97, length(body), body
  }
}' | git -C "$work/repo" fast-import --quiet
git -C "$work/repo" gc -q

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

: > "$work/calendar" ; : > "$work/leadgap" ; : > "$work/git"
for _ in $(seq "$runs"); do
  seconds "$leadgap" evidence --calendar "$work/ten-years.ics" --people "$work/people.csv" \
    --until 2026-09-30 --weeks 520 >> "$work/calendar"
  seconds git -C "$work/repo" log --numstat --format=%H%x09%ae%x09%at >> "$work/git"
  seconds "$leadgap" evidence --repo "$work/repo" --people "$work/people.csv" \
    --me dev0@corp.example --until 2026-12-31 --weeks 520 >> "$work/leadgap"
done

events=$(grep -c '^BEGIN:VEVENT' "$work/ten-years.ics")
commits=$(git -C "$work/repo" rev-list --count HEAD)
cal=$(median < "$work/calendar"); lg=$(median < "$work/leadgap"); gl=$(median < "$work/git")
printf 'calendar: %s events + a daily series, 520 weeks: %.2f s (goal < 1 s)\n' "$events" "$cal"
printf 'repository: %s commits: leadgap %.2f s, git log --numstat %.2f s: %.2fx (goal <= 2x)\n' \
  "$commits" "$lg" "$gl" "$(echo "$lg / $gl" | bc -l)"
