#!/usr/bin/env bash
# Renders the HTML pages of the example reports in headless Chromium and
# saves the screenshots the README shows (docs/report.png, compare.png,
# history.png, invite.png, invite-phone.png, team.png, cohort.png), so that anyone can look at the pages as a reader would and
# check them again after a change.
#
# Needs Debian's Chromium: apt-get install chromium
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  echo "chromium is not installed: apt-get install chromium" >&2
  exit 1
fi

cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LEADGAP_DATA_DIR="$work/data" LEADGAP_NOW="2026-11-22T09:00:00Z"

# Sam's September self-assessment, with its history from the same folder.
target/debug/leadgap show examples/reports/sam-2026-09.toml --format html -o "$work/report.html"
target/debug/leadgap compare examples/reports/sam-2026-09.toml examples/reports/sam-2026-09-by-morgan.toml \
  --format html -o "$work/compare.html"
# A history of one report: its charts start at the left, above its date.
mkdir -p "$work/first"
cp examples/reports/sam-2026-06.toml "$work/first/"
target/debug/leadgap history --from "$work/first" --format html -o "$work/history.html"

# A team round about Sam Hero, collected by his mentor Morgan, who holds
# the key in her own data directory (with a copy of Sam's self-assessment,
# examples/hero.toml): four direct reports, two peers and a manager answer
# through `respond`.
mentor="$work/mentor"
key=$(target/debug/leadgap --data-dir "$mentor" key 2>/dev/null)
target/debug/leadgap --data-dir "$mentor" assess --answers examples/hero.toml --subject "Sam Hero" >/dev/null 2>&1
target/debug/leadgap invite --subject "Sam Hero" --recipient "$key" --collector "Morgan Lee" \
  --reply-to morgan@example.org --closes 2026-12-06 -o "$work/invite" >/dev/null
mkdir -p "$work/responses"
respond() { # name, then the answer file's lines after `questionnaire`
  local name=$1
  shift
  { echo 'questionnaire = "it-manager-team"'; printf '%s\n' "$@"; } >"$work/$name.toml"
  target/debug/leadgap respond "$work/invite" --answers "$work/$name.toml" \
    -o "$work/responses/$name.age" >/dev/null
}
direct() { # decisions-in-my-area, last one-to-one in weeks, feedback, keep, change
  respond "direct-$RANDOM" '[context]' 'group = "direct-report"' '[answers]' \
    "decisions-in-my-area = $1" 'new-work-given = "checked"' 'news-passed-on = "longer"' \
    'when-away = 2' 'reasoning-known = 2' 'mistake-reviewed = "never"' \
    'supplier-handled = "workaround"' 'evidence-seen = "nobody"' 'restore-seen = "last-year"' \
    'knows-expectations = 2' "last-one-to-one = $2" "feedback-received = \"$3\"" \
    'career-talked = "no"' 'workload-heard = "longer"' 'problem-raised = "move-work"' \
    'seen-busy-with = 25' 'credit-given = "the-team"' 'priorities-kept = "slipped"' \
    'asked-for-feedback = "no"' 'would-recommend = 3' \
    '[comments]' "keep = \"$4\"" "change = \"$5\""
}
direct 1 6 general "Jumping in when production is down." "Let us finish what we start."
direct 2 3 specific "Knowing every system inside out." "Tell us what you expect this quarter."
direct 2 8 "no" "" "Hold one-to-ones, even short ones."
direct 3 4 general "Shielding us from noise." ""
around() { # group, then its answers
  local group=$1
  shift
  respond "$group-$RANDOM" '[context]' "group = \"$group\"" '[answers]' "$@"
}
around peer 'team-decides = 1' 'update-heard = "built"' 'asked-about-goals = "once"' \
  'when-away = 1' 'problem-raised = "ask-others"' 'seen-busy-with = 20' \
  'credit-given = "nobody"' 'asked-for-feedback = "no"' 'working-at-it = 2' 'would-recommend = 3'
around peer 'team-decides = 2' 'update-heard = "progress"' 'asked-about-goals = "never"' \
  'when-away = 2' 'problem-raised = "review-cycle"' 'seen-busy-with = 30' \
  'credit-given = "the-team"' 'asked-for-feedback = "once"' 'working-at-it = 2' 'would-recommend = 4'
around manager 'team-decides = 1' 'money-explained = 2' 'case-made = "need-only"' \
  'variance-heard = "longer"' 'update-heard = "built"' 'supplier-handled = "workaround"' \
  'evidence-seen = "nobody"' 'finding-closed = "fixed-told"' 'problem-raised = "move-work"' \
  'seen-busy-with = 20' 'credit-given = "the-team"' 'priorities-kept = "nothing"' \
  'asked-for-feedback = "no"' 'working-at-it = 3' 'measures-reviewed = "not-written"' \
  'would-recommend = 3'
target/debug/leadgap --data-dir "$mentor" collect "$work/invite" "$work/responses" --close \
  --format html -o "$work/team.html" 2>/dev/null
# The form as a direct report sees it once they have chosen their group.
sed 's/<option value="direct-report">/<option value="direct-report" selected>/' \
  "$work/invite/invite.html" >"$work/invite.html"

# A programme's cohort of twelve, from the example answers with a few
# facts varied, its norms, and a roster with someone who never assessed.
cohort="$work/cohort"
bases=(hero balanced technician savvy)
names=("Sam Hero" "Priya Balanced" "Alex Technician" "Casey Savvy" "Fatima Zahra Okafor" "Lee Wong"
  "Jo Smith" "Ana Costa" "Ravi Menon" "Kim Larsen" "Tomás Ruiz" "Mei Chen")
for i in $(seq 0 11); do
  sed -e "s/^team-work-hours = .*/team-work-hours = $(( (i * 7) % 25 ))/" \
    -e "s/^weeks-since-one-to-one = .*/weeks-since-one-to-one = $(( (i * 3) % 12 ))/" \
    "examples/${bases[$((i % 4))]}.toml" >"$work/person-$i.toml"
  LEADGAP_DATA_DIR="$cohort" LEADGAP_NOW="2026-$(printf %02d $((8 + i % 4)))-$(printf %02d $((i + 1)))T09:00:00Z" \
    target/debug/leadgap assess --answers "$work/person-$i.toml" --subject "${names[$i]}" >/dev/null 2>&1
done
target/debug/leadgap norms "$cohort/reports" -o "$work/cohort.norms.toml" >/dev/null 2>&1
printf 'Sam Hero\nPriya Balanced\nMei Chen\nNew Person\n' >"$work/roster.txt"
target/debug/leadgap cohort "$cohort/reports" --norms "$work/cohort.norms.toml" \
  --roster "$work/roster.txt" --every 90d --format html -o "$work/cohort-page.html" 2>/dev/null || true

shoot() { # page, width, height, output
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" --hide-scrollbars --window-size="$2,$3" \
    --screenshot="$4" "file://$work/$1" 2>/dev/null
}
mkdir -p docs
shoot report.html 1000 1400 docs/report.png
shoot compare.html 1000 1250 docs/compare.png
shoot history.html 1000 900 docs/history.png
shoot invite.html 1000 1300 docs/invite.png
shoot invite.html 360 1500 docs/invite-phone.png
shoot team.html 1000 2000 docs/team.png
shoot cohort-page.html 1200 1500 docs/cohort.png
echo "wrote docs/report.png, compare.png, history.png, invite.png, invite-phone.png, team.png and cohort.png"
