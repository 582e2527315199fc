#!/usr/bin/env bash
# Renders the HTML pages of the example reports in headless Chromium and
# saves the screenshots the docs show — every page at 1280 px and, as
# `*-phone.png`, at 360 px — so that anyone can look at the pages as a
# reader would and check them again after a change.
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

# A team round about Sam Hero, run by his mentor Morgan Lee from Sam's list
# of raters: Morgan holds the key in her own data directory (with a copy of
# Sam's self-assessment, examples/hero.toml); four direct reports, three
# peers and Sam's manager answer through `respond`.
mentor="$work/mentor"
target/debug/leadgap --data-dir "$mentor" key --email morgan@example.org --name "Morgan Lee" >/dev/null
target/debug/leadgap --data-dir "$mentor" assess --answers examples/hero.toml >/dev/null 2>&1
cat >"$work/raters.csv" <<'LIST'
name,email,group
Lee Park,lee@example.org,direct-report
Ada Okafor,ada@example.org,direct-report
Kim Wu,kim@example.org,direct-report
Jo Smith,jo@example.org,direct-report
Ana Costa,ana@example.org,peer
Ravi Menon,ravi@example.org,peer
Tomas Ruiz,tomas@example.org,peer
Dana Cole,dana@example.org,manager
LIST
target/debug/leadgap --data-dir "$mentor" invite --subject "Sam Hero" --raters "$work/raters.csv" \
  --open-group manager --closes 2026-12-06 -o "$work/invite" >/dev/null 2>&1
mkdir -p "$work/responses"
invitation() { # the personal invitation of the person at this email
  grep ",$1," "$work/invite/send.csv" | cut -d, -f4
}
respond() { # email, then the answer file's lines after `questionnaire`
  local email=$1
  shift
  { echo 'questionnaire = "it-manager-team"'; printf '%s\n' "$@"; } >"$work/$email.toml"
  target/debug/leadgap respond "$work/invite/$(invitation "$email")" --answers "$work/$email.toml" \
    -o "$work/responses/$email.age" >/dev/null
}
direct() { # email, decisions-in-my-area, had a one-to-one, feedback, keep, change
  respond "$1" '[context]' 'group = "direct-report"' '[answers]' \
    "decisions-in-my-area = $2" 'new-work-given = "checked"' 'handed-back-seen = "quarter"' \
    'disagreement-heard = "longer"' 'changes-by-manager = 50' 'news-passed-on = "longer"' \
    'direction-known = ["goals"]' 'when-away = "reached-me"' 'reasoning-known = 2' \
    'cover-seen = "longer"' 'mistake-reviewed = "never"' 'supplier-handled = "workaround"' \
    'evidence-seen = "nobody"' 'restore-seen = "last-year"' 'knows-expectations = 2' \
    "had-one-to-one = \"$3\"" "feedback-received = \"$4\"" 'thanked-me = "privately"' \
    'career-talked = "no"' 'workload-heard = "longer"' 'my-work-slipped = "move-work"' \
    'seen-busy-with = 25' 'reviews-seen = 0' 'priorities-kept = "slipped"' \
    'asked-for-feedback = "no"' 'would-recommend = 3' \
    '[comments]' "keep = \"$5\"" "change = \"$6\""
}
direct lee@example.org 1 no general "Jumping in when production is down." "Let us finish what we start."
direct ada@example.org 2 yes specific "Knowing every system inside out." "Tell us what you expect this quarter."
direct kim@example.org 2 no "no" "" "Hold one-to-ones, even short ones."
direct jo@example.org 3 yes general "Shielding us from noise." ""
peer() { # email, then its answers
  local email=$1
  shift
  respond "$email" '[context]' 'group = "peer"' '[answers]' "$@"
}
peer ana@example.org 'team-decides = 1' 'update-heard = "built"' 'when-away = "reached-me"' \
  'credit-given = "nobody"' 'seen-busy-with = 20' 'asked-for-feedback = "no"' \
  'working-at-it = 2' 'would-recommend = 3'
peer ravi@example.org 'team-decides = 2' 'update-heard = "progress"' 'when-away = "waited"' \
  'credit-given = "the-team"' 'seen-busy-with = 30' 'asked-for-feedback = "once"' \
  'working-at-it = 2' 'would-recommend = 4'
peer tomas@example.org 'team-decides = 2' 'update-heard = "built"' 'when-away = "named-most"' \
  'credit-given = "the-team"' 'seen-busy-with = 25' 'asked-for-feedback = "no"' \
  'working-at-it = 3' 'would-recommend = 3'
respond dana@example.org '[context]' 'group = "manager"' '[answers]' 'team-decides = 1' \
  'money-explained = 2' 'case-made = "need-only"' 'variance-heard = "longer"' \
  'update-heard = "built"' 'supplier-handled = "workaround"' 'evidence-seen = "nobody"' \
  'finding-closed = "fixed-told"' 'problem-raised = "move-work"' 'credit-given = "the-team"' \
  'seen-busy-with = 20' 'priorities-kept = "nothing"' 'asked-for-feedback = "no"' \
  'working-at-it = 3' 'measures-reviewed = "not-written"' 'would-recommend = 3'
target/debug/leadgap --data-dir "$mentor" collect "$(ls "$mentor/rounds")" "$work/responses" \
  --close --format html -o "$work/team.html" 2>/dev/null
# The form as Lee, a direct report, receives it: the group fixed by the list.
cp "$work/invite/$(invitation lee@example.org | sed 's/toml$/html/')" "$work/invite.html"

# A programme's cohort of twelve, from the example answers with a few
# facts varied, its norms, and a roster with someone who never assessed.
cohort="$work/cohort"
bases=(hero balanced technician savvy)
names=("Sam Hero" "Priya Balanced" "Alex Technician" "Casey Savvy" "Fatima Zahra Okafor" "Lee Wong"
  "Jo Smith" "Ana Costa" "Ravi Menon" "Kim Larsen" "Tomás Ruiz" "Mei Chen")
for i in $(seq 0 11); do
  sed -e "s/^team-work-hours = .*/team-work-hours = $(( (i * 7) % 25 ))/" \
    -e "s/^one-to-one-share = .*/one-to-one-share = $(( (i * 30) % 100 ))/" \
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
# Every page at 1280 px (a desktop) and at 360 px (a phone).
for page in report compare history invite team cohort; do
  file="$page.html"
  [ "$page" = cohort ] && file=cohort-page.html
  shoot "$file" 1280 1600 "docs/$page.png"
  shoot "$file" 360 2600 "docs/$page-phone.png"
done
echo "wrote docs/{report,compare,history,invite,team,cohort}.png and their -phone.png at 360 px"
