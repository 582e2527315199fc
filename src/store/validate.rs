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

    if let Some(overall) = report.overall {
        let scored = report
            .themes
            .iter()
            .filter_map(|t| Some((t.weight, t.score?)));
        let (weights, sum) = scored.fold((0.0, 0.0), |(w, s), (weight, score)| {
            (w + weight, s + weight * score)
        });
        if weights > 0.0 && (sum / weights - overall).abs() > TOLERANCE {
            say(
                vec![Step::Key("overall")],
                format!(
                    "overall {} does not follow from the theme scores, which give {}",
                    format_number(overall),
                    format_number(sum / weights)
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
