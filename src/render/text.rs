//! The words and numbers every format shares: scores rounded for people,
//! changes with their sign, who a report is about, and the sentences of a
//! gap report (its overall line, history, progress, quality notes, plan).
//! Each format lays them out; none words them differently.

use chrono::NaiveDate;

use super::PlanView;
pub use super::about::{answered_line, evidence, notes, quality_lines};
use crate::plan::{Action, Status};
use crate::report::{Report, SELF_RATER, ThemeReport};
use crate::trend::{Change, Trend};

/// A score for people: rounded to a whole number.
pub fn whole(value: f64) -> String {
    format!("{:.0}", value.round() + 0.0)
}

/// A fraction as a whole percentage.
pub fn percent(fraction: f64) -> String {
    format!("{:.0}%", (fraction * 100.0).round() + 0.0)
}

/// Explains `n/c` under tables that show it.
pub const NOT_COMPARABLE_NOTE: &str =
    "n/c: not comparable with the last report, because the theme's questions changed.";

/// "Sam Hero, self-assessment · 2026-11-22 13:05 UTC · it-manager 1.0.0 · profile new-manager"
pub fn subtitle(report: &Report) -> String {
    format!(
        "{} · {} · {} {} · profile {}",
        who(report),
        created_display(report),
        report.questionnaire.id,
        report.questionnaire.version,
        report.rubric.profile,
    )
}

/// "Overall 22 (target 60) · 38 to go", or "… · target met": the distance
/// in the whole numbers shown, so that it cannot be misread.
pub fn overall_line(report: &Report) -> String {
    let mut line = match (report.overall, report.overall_target) {
        (Some(overall), Some(target)) => {
            let to_go = target.round() - overall.round();
            let distance = if to_go > 0.0 {
                format!("{to_go:.0} to go")
            } else {
                "target met".to_owned()
            };
            format!(
                "Overall {} (target {}) · {distance}",
                whole(overall),
                whole(target)
            )
        }
        (Some(overall), None) => format!("Overall {}", whole(overall)),
        _ => return "Overall: not enough answers to score".to_owned(),
    };
    if report.overall_provisional() {
        line.push_str(" · provisional");
    }
    line
}

/// Why a theme of `report` has no score, in a band's place: too few answers,
/// or, in the team's view, too few responses.
pub fn unscored(report: &Report) -> String {
    match &report.team {
        Some(team) => format!("fewer than {} responses", team.min_group),
        None => "not enough answers".to_owned(),
    }
}

/// A theme's gap as shown: `met`, `facts` when the score reaches the target
/// but the facts do not bear it out, `<1` for a gap that rounds to nothing,
/// the whole number of points otherwise, `—` when not scored or when the
/// theme is a global item, which has no verdict.
pub fn gap_text(theme: &ThemeReport) -> String {
    if theme.global {
        return "—".to_owned();
    }
    match theme.gap {
        Some(_) if theme.met() => "met".to_owned(),
        Some(gap) if gap <= 0.0 => "facts".to_owned(),
        Some(gap) if gap < 0.5 => "<1".to_owned(),
        Some(gap) => whole(gap),
        None => "—".to_owned(),
    }
}

/// Why a theme whose score reaches its target does not meet it: "Delegation:
/// your facts are 34 points below the target (65): the score rests on your
/// views."
pub fn facts_note(theme: &ThemeReport) -> Option<String> {
    let short = theme.facts_short()?;
    Some(format!(
        "{} is not met: your facts are {} points below the target ({}): the score rests on \
         your views. A theme meets its target only when its facts are at most {} points below \
         it.",
        theme.title,
        whole(short),
        whole(theme.target),
        whole(crate::scoring::FACTS_MARGIN)
    ))
}

/// Whether a report has facts and views sub-scores worth a column: some
/// theme has facts (without any, the views are the score).
pub fn has_basis(report: &Report) -> bool {
    report.themes.iter().any(|t| t.facts.is_some())
}

/// A sub-score as shown: whole, `—` when there is none.
pub fn sub_score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), whole)
}

/// A theme's score as shown: whole, with `~` when provisional.
pub fn score_text(theme: &ThemeReport) -> String {
    match theme.score {
        Some(score) if theme.provisional() => format!("{}~", whole(score)),
        Some(score) => whole(score),
        None => "—".to_owned(),
    }
}

/// Explains `~` under tables that show it.
pub const PROVISIONAL_NOTE: &str =
    "~ provisional: not every question of the theme was answered, so the score may still move.";

/// One sentence per theme whose score (as shown) has moved since its
/// baseline, in points: how much of the way to the target was closed, or
/// that the target is met, or how far it slipped.
pub fn progress_lines(report: &Report, trend: &Trend) -> Vec<String> {
    report
        .themes
        .iter()
        .zip(&trend.themes)
        .filter_map(|(theme, theme_trend)| {
            let (baseline, created) = theme_trend.baseline.as_ref()?;
            let (then, now, target) =
                (baseline.round(), theme.score?.round(), theme.target.round());
            if now == then {
                return None;
            }
            let moved = format!(
                "{}: {then:.0} → {now:.0} since {}",
                theme.title,
                created.date()
            );
            Some(if theme.met() {
                format!("{moved}; the target of {target:.0} is met.")
            } else if let Some(short) = theme.facts_short() {
                format!(
                    "{moved}; the score reaches the target of {target:.0}, but your facts are \
                     {:.0} points below it, so it is not met.",
                    short.round()
                )
            } else if now > then {
                format!(
                    "{moved}; {:.0} of the {:.0} points to the target of {target:.0} closed.",
                    now - then,
                    target - then
                )
            } else {
                format!(
                    "{moved}; down {:.0}, now {:.0} short of the target of {target:.0}.",
                    then - now,
                    target - now
                )
            })
        })
        .collect()
}

/// The facts about the job the report was answered in, and what they left
/// out, in one line: "Context: team-size = 6, budget = own …; 3 questions
/// do not apply to it." `None` for a report without context.
pub fn context_line(report: &Report) -> Option<String> {
    if report.context.is_empty() {
        return None;
    }
    let given: Vec<String> = report
        .context
        .iter()
        .map(|c| {
            use crate::questionnaire::{AnswerValue, format_number};
            let value = match &c.value {
                AnswerValue::Text(text) => text.clone(),
                AnswerValue::Whole(n) => n.to_string(),
                AnswerValue::Number(n) => format_number(*n),
                AnswerValue::List(items) => items.join(", "),
            };
            format!("{} = {}", c.id, value)
        })
        .collect();
    let left_out: usize = report.themes.iter().map(|t| t.not_applicable).sum();
    let left = match left_out {
        0 => "every question applies to it".to_owned(),
        1 => "1 question does not apply to it".to_owned(),
        n => format!("{n} questions do not apply to it"),
    };
    Some(format!("Context: {}; {left}.", given.join(", ")))
}

/// Where the report stands in its history, in one sentence.
pub fn history_line(trend: &Trend) -> String {
    let Some(previous) = &trend.previous else {
        return "This is the baseline: there is no earlier report of this questionnaire by the \
                same rater. Take it again in a few months to see what moves."
            .to_owned();
    };
    let reports = if trend.earlier == 1 {
        "report"
    } else {
        "reports"
    };
    let date = previous.created.date();
    let overall = match (previous.overall, previous.change) {
        (Some(before), Some(change)) => {
            format!(
                "overall {} then, {} since",
                whole(before),
                shown_change(before + change, change)
            )
        }
        (Some(before), None) => format!("overall {} then, not comparable now", whole(before)),
        (None, _) => "not scored then".to_owned(),
    };
    format!(
        "{} earlier {reports}; the last on {date}: {overall}.",
        trend.earlier
    )
}

/// The follow-through on the previous report's actions, as sentences: a
/// summary, then one line per theme that had actions.
pub fn follow_through_lines(plan: &PlanView) -> Vec<String> {
    let Some(follow) = &plan.follow else {
        return Vec::new();
    };
    let date = date_of(&follow.created);
    let actions = if follow.total == 1 {
        "action"
    } else {
        "actions"
    };
    let mut lines = vec![format!(
        "From the report of {date} you committed to {} {actions}: {} done, {} dropped, {} still open.",
        follow.total, follow.done, follow.dropped, follow.open
    )];
    for theme in &follow.themes {
        let actions = if theme.actions == 1 {
            "action"
        } else {
            "actions"
        };
        let moved = match (theme.before, theme.now, theme.change) {
            (Some(before), Some(now), Some(change)) => {
                format!(
                    "{} → {} ({})",
                    whole(before),
                    whole(now),
                    shown_change(now, change)
                )
            }
            (_, Some(now), None) if theme.before.is_some() => {
                format!("now {} (not comparable)", whole(now))
            }
            (_, Some(now), _) => format!("now {}", whole(now)),
            _ => "not scored now".to_owned(),
        };
        lines.push(format!(
            "{}: {} {actions}, {} done; {moved}.",
            theme.title, theme.actions, theme.done
        ));
    }
    lines
}

/// One action made with a report, as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanLine {
    /// Open, done or dropped.
    pub status: Status,
    /// The action in one line (see [`action_line`]), not yet escaped.
    pub line: String,
    /// The note given when it was done or dropped.
    pub note: Option<String>,
}

/// The actions made with the report, in plan order.
pub fn plan_lines(plan: &PlanView) -> Vec<PlanLine> {
    let today = plan.today.unwrap_or_default();
    plan.made
        .iter()
        .map(|action| PlanLine {
            status: action.status,
            line: action_line(action, &action.theme_title, &action.text, today),
            note: action.note.clone(),
        })
        .collect()
}

/// "Alex Doe, self-assessment", "Alex Doe, rated by Sam", or without a
/// name "Self-assessment" / "Rated by Sam".
pub fn who(report: &Report) -> String {
    who_of(report.respondent.as_deref(), &report.rater)
}

/// "Sam Hero's self-assessment", "Morgan's view of Sam Hero", "the unnamed
/// self-assessment".
pub fn who_possessive(report: &Report) -> String {
    match (report.respondent.as_deref(), report.is_self()) {
        (Some(name), true) => format!("{name}'s self-assessment"),
        (Some(name), false) => format!("{}'s view of {name}", report.rater),
        (None, true) => "the unnamed self-assessment".to_owned(),
        (None, false) => format!("{}'s view of someone unnamed", report.rater),
    }
}

/// [`who`] from a respondent and a rater.
pub fn who_of(respondent: Option<&str>, rater: &str) -> String {
    if rater == crate::report::TEAM_RATER {
        return match respondent {
            Some(respondent) => format!("{respondent}, the team's view"),
            None => "The team's view".to_owned(),
        };
    }
    match (respondent, rater == SELF_RATER) {
        (Some(respondent), true) => format!("{respondent}, self-assessment"),
        (Some(respondent), false) => format!("{respondent}, rated by {rater}"),
        (None, true) => "Self-assessment".to_owned(),
        (None, false) => format!("Rated by {rater}"),
    }
}

/// The creation time as `2026-11-22 13:05 UTC`.
pub fn created_display(report: &Report) -> String {
    report.created.display()
}

/// The date part (`2026-11-22`) of an RFC 3339 time.
pub fn date_of(rfc3339: &str) -> &str {
    rfc3339.get(..10).unwrap_or(rfc3339)
}

/// A change in short, for tables: `+5`, `-3`, `0`, `n/c`, `new`, `—`. The
/// number is the difference of the scores as shown (whole numbers), so that
/// a table's columns add up; `now` is the current score.
pub fn change_short(change: Change, now: Option<f64>) -> String {
    match change {
        Change::Delta(delta) => shown_change(now.unwrap_or_default(), delta),
        Change::QuestionsChanged => "n/c".to_owned(),
        Change::NewTheme => "new".to_owned(),
        Change::Baseline | Change::NotScored => "—".to_owned(),
    }
}

/// The change between two scores as shown in whole numbers: from
/// `now - delta` to `now`, with its sign.
pub fn shown_change(now: f64, delta: f64) -> String {
    signed(now.round() - (now - delta).round())
}

/// A whole-number change with its sign: `+5`, `-3`, `0`.
pub fn signed(delta: f64) -> String {
    let rounded = delta.round() + 0.0;
    if rounded > 0.0 {
        format!("+{rounded:.0}")
    } else {
        format!("{rounded:.0}")
    }
}

/// A sparkline of scores from 0 to 100 (`▁` to `█`); `·` where a report has
/// no score. The scale is absolute, so lines of different themes compare.
pub fn sparkline(points: &[Option<f64>]) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    points
        .iter()
        .map(|point| match point {
            Some(score) => LEVELS[((score.clamp(0.0, 100.0) / 12.5) as usize).min(7)],
            None => '·',
        })
        .collect()
}

/// `#3 Delegation: Hand the runbook to Lee (due 2027-01-15; due in 5 days)`:
/// an action as every listing shows it, with its theme and text already
/// prepared for the format (cleaned, escaped, emphasised).
pub fn action_line(action: &Action, theme: &str, text: &str, today: NaiveDate) -> String {
    format!(
        "#{} {theme}: {text} (due {}; {})",
        action.number,
        action.due,
        action.standing(today)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_use_an_absolute_scale() {
        assert_eq!(
            sparkline(&[
                Some(0.0),
                Some(12.5),
                Some(50.0),
                Some(99.0),
                Some(100.0),
                None
            ]),
            "▁▂▅██·"
        );
    }

    #[test]
    fn signed_changes_round_to_whole_numbers() {
        assert_eq!(signed(4.6), "+5");
        assert_eq!(signed(-2.5), "-3");
        assert_eq!(signed(0.4), "0");
        assert_eq!(signed(-0.4), "0");
    }
}
