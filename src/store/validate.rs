//! Checking a saved report as strictly as an answer file: every number in
//! range and finite, every id well-formed and known, and every computed
//! result consistent with what it was computed from, so that a hand-edited
//! score (or a hostile file) is reported instead of shown as fact.

use std::collections::HashSet;

use toml::de::DeTable;

use crate::document::{Step, span_at};
use crate::error::Diagnostic;
use crate::questionnaire::{MAX_WEIGHT, format_number, is_valid_id};
use crate::report::Report;
use crate::source::Source;

/// Scores recomputed from their parts may differ from the saved ones by
/// this much (floating-point error, never an edit).
const TOLERANCE: f64 = 1e-6;

/// One problem, and where to point at it.
struct Problem<'a> {
    at: Vec<Step<'a>>,
    message: String,
}

/// Every problem of `report` (already deserialized from `source`), each
/// with its `line:column`; empty when the report is sound.
pub fn check(source: &Source, report: &Report) -> Vec<Diagnostic> {
    let problems = problems(report);
    if problems.is_empty() {
        return Vec::new();
    }
    // Only now is the file parsed again, for the places of the problems.
    let root = DeTable::parse(&source.text).ok().map(|t| t.into_inner());
    problems
        .into_iter()
        .map(|problem| {
            let span = root.as_ref().and_then(|root| span_at(root, &problem.at));
            source
                .diagnostic(span, problem.message)
                .with_help("a saved report is written by leadgap; was it edited by hand?")
        })
        .collect()
}

/// Whether a computed value lies in `low..=high`, allowing for
/// floating-point error (a mean of scores of 100 can be 100.00000000000001).
fn in_range(value: f64, low: f64, high: f64) -> bool {
    (low - TOLERANCE..=high + TOLERANCE).contains(&value)
}

fn problems(report: &Report) -> Vec<Problem<'static>> {
    let mut found: Vec<Problem<'static>> = Vec::new();
    let mut say = |at: Vec<Step<'static>>, message: String| found.push(Problem { at, message });

    if !crate::store::is_report_id(&report.id) {
        say(
            vec![Step::Key("id")],
            "`id` is not a report id (letters, digits, `-`, `_` and `:` only)".to_owned(),
        );
    }
    if !in_range(report.rubric.min_coverage, 0.0, 1.0) {
        say(
            vec![Step::Key("rubric"), Step::Key("min_coverage")],
            format!(
                "`min_coverage` must be from 0 to 1, found {}",
                format_number(report.rubric.min_coverage)
            ),
        );
    }
    for (key, value) in [
        ("overall", report.overall),
        ("overall_target", report.overall_target),
    ] {
        if let Some(value) = value
            && !in_range(value, 0.0, 100.0)
        {
            say(
                vec![Step::Key(key)],
                format!(
                    "`{key}` must be from 0 to 100, found {}",
                    format_number(value)
                ),
            );
        }
    }

    let mut ids = HashSet::new();
    for (index, theme) in report.themes.iter().enumerate() {
        let at = |key: &'static str| vec![Step::Key("themes"), Step::Index(index), Step::Key(key)];
        if !is_valid_id(&theme.id) {
            say(
                at("id"),
                "a theme id may only use a-z, 0-9 and `-`".to_owned(),
            );
        } else if !ids.insert(theme.id.as_str()) {
            say(at("id"), format!("theme `{}` is listed twice", theme.id));
        }
        if !in_range(theme.weight, 0.0, MAX_WEIGHT) {
            say(
                at("weight"),
                format!(
                    "theme `{}`: weight {} is out of range",
                    theme.id,
                    format_number(theme.weight)
                ),
            );
        }
        if !in_range(theme.target, 0.0, 100.0) {
            say(
                at("target"),
                format!(
                    "theme `{}`: target {} is not from 0 to 100",
                    theme.id,
                    format_number(theme.target)
                ),
            );
        }
        if !in_range(theme.coverage, 0.0, 1.0) {
            say(
                at("coverage"),
                format!(
                    "theme `{}`: coverage {} is not from 0 to 1",
                    theme.id,
                    format_number(theme.coverage)
                ),
            );
        }
        match theme.score {
            Some(score) if !in_range(score, 0.0, 100.0) => {
                say(
                    at("score"),
                    format!(
                        "theme `{}`: score {} is not from 0 to 100",
                        theme.id,
                        format_number(score)
                    ),
                );
            }
            Some(score) => {
                let expected = crate::scoring::gap(theme.target, score);
                if theme
                    .gap
                    .is_none_or(|gap| (gap - expected).abs() > TOLERANCE)
                {
                    say(
                        at("gap"),
                        format!(
                            "theme `{}`: the gap must be the target less the score ({}), found {}",
                            theme.id,
                            format_number(expected),
                            theme.gap.map_or_else(|| "none".to_owned(), format_number)
                        ),
                    );
                }
                if theme.band.is_none() {
                    say(
                        at("score"),
                        format!("theme `{}` has a score but no band", theme.id),
                    );
                }
                if let Some(computed) = from_answers(report, &theme.id)
                    && (computed - score).abs() > TOLERANCE
                {
                    say(
                        at("score"),
                        format!(
                            "theme `{}`: score {} does not follow from its answers, which give {}",
                            theme.id,
                            format_number(score),
                            format_number(computed)
                        ),
                    );
                }
            }
            None if theme.gap.is_some() || theme.band.is_some() => {
                say(
                    at("score"),
                    format!("theme `{}` has a gap or band but no score", theme.id),
                );
            }
            None => {}
        }
    }

    let mut listed = HashSet::new();
    for (index, id) in report.priorities.iter().enumerate() {
        let at = vec![Step::Key("priorities"), Step::Index(index)];
        match report.theme(id) {
            None => say(at, "a priority names no theme of the report".to_owned()),
            Some(_) if !listed.insert(id.as_str()) => {
                say(at, format!("priority `{id}` is listed twice"));
            }
            Some(theme)
                if theme.score.is_none()
                    || (theme.gap.is_none_or(|gap| gap <= 0.0) && theme.met()) =>
            {
                say(
                    at,
                    format!("theme `{id}` is a priority but meets its target"),
                );
            }
            Some(_) => {}
        }
    }

    for (index, answer) in report.answers.iter().enumerate() {
        let at = |key: &'static str| vec![Step::Key("answers"), Step::Index(index), Step::Key(key)];
        if !(answer.weight > 0.0 && answer.weight <= MAX_WEIGHT) {
            say(
                at("weight"),
                format!(
                    "question `{}`: weight {} is out of range",
                    answer.question,
                    format_number(answer.weight)
                ),
            );
        }
        if let Some(score) = answer.score
            && !in_range(score, 0.0, 1.0)
        {
            say(
                at("score"),
                format!(
                    "question `{}`: score {} is not from 0 to 1",
                    answer.question,
                    format_number(score)
                ),
            );
        }
    }

    for (at, message) in team_problems(report) {
        say(at, message);
    }

    if let Some(overall) = report.overall {
        let standings: Vec<_> = report.themes.iter().map(|t| t.standing()).collect();
        if let (Some(follows), _) = crate::scoring::overall(&standings)
            && (follows - overall).abs() > TOLERANCE
        {
            say(
                vec![Step::Key("overall")],
                format!(
                    "overall {} does not follow from the theme scores, which give {}",
                    format_number(overall),
                    format_number(follows)
                ),
            );
        }
    }
    found
}

/// A theme's score as its answers give it: `100 * sum(w * s) / sum(w)` over
/// its answered questions; `None` when the report keeps no answers for it.
fn from_answers(report: &Report, theme: &str) -> Option<f64> {
    let (weights, sum) = report
        .answers
        .iter()
        .filter(|a| a.theme == theme)
        .filter_map(|a| Some((a.weight, a.score?)))
        .fold((0.0, 0.0), |(w, s), (weight, score)| {
            (w + weight, s + weight * score)
        });
    (weights > 0.0).then(|| 100.0 * sum / weights)
}

/// What is wrong with a team report, or with a report that claims to be
/// one: a team report is signed by its collector, and its figures add up —
/// every group shown from its threshold, the team's figure of each theme
/// the pooled mean of exactly the shown groups' — so an edited or made-up
/// one is refused, not shown as the team's view.
fn team_problems(report: &Report) -> Vec<(Vec<Step<'static>>, String)> {
    use crate::report::TEAM_RATER;
    let mut found = Vec::new();
    let team = match (&report.team, report.rater == TEAM_RATER) {
        (Some(team), true) => team,
        (None, false) => return found,
        (Some(_), false) => {
            found.push((
                vec![Step::Key("rater")],
                "a team's view (`[team]`) belongs only to a team report (`rater = \"team\"`)"
                    .to_owned(),
            ));
            return found;
        }
        (None, true) => {
            found.push((
                vec![Step::Key("rater")],
                "`rater = \"team\"` is kept for the report of a team round, which this is not"
                    .to_owned(),
            ));
            return found;
        }
    };
    match &report.signature {
        None => found.push((
            vec![Step::Key("team")],
            "a team report is signed by the collector who made it, and this one is not".to_owned(),
        )),
        Some(signature) => {
            let keys = crate::team::keys::PublicKeys {
                recipient: signature.recipient.clone(),
                signing: signature.key.clone(),
            };
            if !keys.verifies_report(&report.signed_text(), &signature.value) {
                found.push((
                    vec![Step::Key("signature")],
                    "the team report's figures do not match its collector's signature: it was \
                     changed after it was signed"
                        .to_owned(),
                ));
            }
        }
    }
    let threshold = |group: &str| {
        if team.open_groups.iter().any(|g| g == group) {
            1
        } else {
            team.min_group
        }
    };
    let mut say = |message: String| found.push((vec![Step::Key("team")], message));
    if team.min_group < crate::team::MIN_GROUP {
        say(format!(
            "the team report's minimum is {}, below the {} every round keeps",
            team.min_group,
            crate::team::MIN_GROUP
        ));
    }
    for group in &team.groups {
        if group.n < threshold(&group.id) {
            say(format!(
                "the group `{}` is shown with {} responses, fewer than its threshold",
                group.id, group.n
            ));
        }
    }
    if team.raters != team.groups.iter().map(|g| g.n).sum::<usize>() {
        say("the team's count is not the sum of its groups' counts".to_owned());
    }
    let themes = report
        .themes
        .iter()
        .zip(&team.themes)
        .map(|(theme, stats)| {
            let groups: Vec<(Option<f64>, Option<usize>, &str)> = team
                .groups
                .iter()
                .filter_map(|g| {
                    g.themes
                        .iter()
                        .find(|t| t.id == theme.id)
                        .map(|t| (t.score, t.n, g.id.as_str()))
                })
                .collect();
            (theme.id.as_str(), theme.score, stats.n, groups)
        });
    let globals = team.global.iter().map(|global| {
        let groups = global
            .groups
            .iter()
            .map(|g| (g.score, g.n, g.id.as_str()))
            .collect();
        (global.id.as_str(), global.score, global.n, groups)
    });
    for (id, score, n, groups) in themes.chain(globals) {
        let shown: Vec<(f64, usize)> = groups
            .iter()
            .filter_map(|(score, n, _)| Some(((*score)?, (*n)?)))
            .collect();
        for (score, n, group) in &groups {
            if score.is_some() && n.is_none_or(|n| n < threshold(group)) {
                say(format!(
                    "`{id}` is shown for the group `{group}` with fewer responses than its \
                     threshold"
                ));
            }
        }
        let total: usize = shown.iter().map(|(_, n)| n).sum();
        let pooled = (total > 0)
            .then(|| shown.iter().map(|(s, n)| s * *n as f64).sum::<f64>() / total as f64);
        let adds_up = match (score, n) {
            (Some(score), Some(n)) => {
                n >= team.min_group
                    && n == total
                    && pooled.is_some_and(|p| (p - score).abs() <= TOLERANCE)
            }
            (None, None) => true,
            _ => false,
        };
        if !adds_up {
            say(format!(
                "the team's figure of `{id}` is not the pooled mean of its shown groups, from \
                 {} responses on",
                team.min_group
            ));
        }
    }
    found
}
