//! What a report says about its answers, in every format: what stands out
//! (quality notes, checks that hold, questions that did not apply, "don't
//! know" answers), the examples given, the notes per theme and how many
//! questions were answered.

use super::text::date_of;
use crate::report::{AnswerRecord, Report};

/// What stands out about the answers, one sentence each; never empty.
pub fn quality_lines(report: &Report) -> Vec<String> {
    // Claims set against facts come first: they say the most.
    let mut lines: Vec<String> = report
        .checks
        .iter()
        .map(|check| match &check.advice {
            Some(advice) => format!("Set against the facts: {} What to do: {advice}", check.note),
            None => format!("Set against the facts: {}", check.note),
        })
        .collect();
    lines.extend(report.quality.iter().map(|note| note.message().to_owned()));
    let dont_know: Vec<&str> = report
        .answers
        .iter()
        .filter(|a| a.dont_know())
        .map(|a| a.text.as_str())
        .collect();
    if !dont_know.is_empty() {
        lines.push(format!(
            "Answered \"Don't know\" ({}), which scores 0: finding out is the first step. {}",
            dont_know.len(),
            quoted(&dont_know)
        ));
    }
    let not_applicable = report
        .themes
        .iter()
        .map(|t| t.not_applicable)
        .sum::<usize>();
    if not_applicable > 0 {
        // A question asked in the form that fits this context (a small
        // team's) is not named as if it had not been asked.
        let (variants, texts): (Vec<&AnswerRecord>, Vec<&AnswerRecord>) = report
            .answers
            .iter()
            .filter(|a| a.not_applicable)
            .partition(|a| report.asked_in_another_form(a));
        let texts: Vec<&str> = texts.iter().map(|a| a.text.as_str()).collect();
        let questions = if not_applicable == 1 {
            "question does"
        } else {
            "questions do"
        };
        let mut line = format!(
            "{not_applicable} {questions} not apply to the context given, and count neither way"
        );
        if !texts.is_empty() {
            line.push_str(&format!(": {}", quoted(&texts)));
        }
        match (variants.len(), texts.is_empty()) {
            (0, _) => {}
            (n, true) => line.push_str(&format!(
                ": {n} are asked in the form that fits this context instead"
            )),
            (1, false) => line.push_str("; 1 more is asked in the form that fits this context"),
            (n, false) => line.push_str(&format!(
                "; {n} more are asked in the form that fits this context"
            )),
        }
        lines.push(line);
    }
    if let Some(line) = measured_line(report) {
        lines.push(line);
    }
    let provisional: Vec<&str> = report
        .themes
        .iter()
        .filter(|t| t.provisional())
        .map(|t| t.title.as_str())
        .collect();
    if !provisional.is_empty() {
        lines.push(format!(
            "Provisional, because some questions were skipped: {}.",
            provisional.join(", ")
        ));
    }
    let unscored: Vec<&str> = report
        .themes
        .iter()
        .filter(|t| t.score.is_none())
        .map(|t| t.title.as_str())
        .collect();
    if !unscored.is_empty() {
        let why = match &report.team {
            Some(team) => format!("fewer than {} responses scored them", team.min_group),
            None => "too few questions were answered".to_owned(),
        };
        lines.push(format!(
            "Not scored, because {why}: {}.",
            unscored.join(", ")
        ));
    }
    if lines.is_empty() {
        lines.push(
            "Nothing stands out: paired statements agree, the answers vary, and every question was answered."
                .to_owned(),
        );
    }
    lines
}

/// Question texts in quotes, joined.
fn quoted(texts: &[&str]) -> String {
    texts
        .iter()
        .map(|text| format!("\"{text}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The examples given with best answers: (statement, answer, example).
pub fn evidence(report: &Report) -> Vec<(&str, &str, &str)> {
    report
        .answers
        .iter()
        .filter_map(|a| Some((a.text.as_str(), a.answer.as_str(), a.evidence.as_deref()?)))
        .collect()
}

/// The notes to show, per theme in questionnaire order: the respondent's own
/// note, then reviewers' notes, each as (who, text).
pub fn notes(report: &Report) -> Vec<(String, Vec<(String, String)>)> {
    let mut grouped: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let own = match &report.respondent {
        Some(name) if report.is_self() => name.clone(),
        _ => "Note".to_owned(),
    };
    for theme in &report.themes {
        let mut entries = Vec::new();
        if let Some(note) = &theme.note {
            entries.push((own.clone(), note.clone()));
        }
        for review in report.reviews.iter().filter(|r| r.theme == theme.id) {
            let date = date_of(&review.created);
            entries.push((format!("{} ({date})", review.author), review.text.clone()));
        }
        if !entries.is_empty() {
            grouped.push((theme.title.clone(), entries));
        }
    }
    // Reviews naming a theme the report does not have are still shown.
    for review in report
        .reviews
        .iter()
        .filter(|r| report.theme(&r.theme).is_none())
    {
        let date = date_of(&review.created);
        grouped.push((
            review.theme.clone(),
            vec![(format!("{} ({date})", review.author), review.text.clone())],
        ));
    }
    grouped
}

/// "Answered 37 of 38 questions (1 skipped)"
pub fn answered_line(report: &Report) -> String {
    if let Some(team) = &report.team {
        return super::gap::counted_line(team);
    }
    let answered = report.answers.iter().filter(|a| a.score.is_some()).count();
    let applying = report.answers.iter().filter(|a| !a.not_applicable).count();
    let skipped = applying - answered;
    let not_applicable = report.answers.len() - applying;
    let mut line = format!("Answered {answered} of {applying} questions");
    let mut aside = Vec::new();
    if skipped > 0 {
        aside.push(format!("{skipped} skipped"));
    }
    if not_applicable > 0 {
        aside.push(format!("{not_applicable} did not apply"));
    }
    if !aside.is_empty() {
        line.push_str(&format!(" ({})", aside.join(", ")));
    }
    line
}

/// The answers measured by `leadgap evidence`, in one sentence: each with
/// its source, and where the person changed it, both values.
fn measured_line(report: &Report) -> Option<String> {
    if report.measured.is_empty() {
        return None;
    }
    let parts: Vec<String> = report
        .answers
        .iter()
        .filter_map(|answer| {
            let measured = report.measured.get(&answer.question)?;
            // In the answer's unit ("40 %", "3 meetings").
            let unit = answer.answer.split_once(' ').map_or("", |(_, unit)| unit);
            let number =
                |v: f64| crate::questionnaire::with_unit(v, Some(unit).filter(|u| !u.is_empty()));
            Some(match measured.answered {
                Some(given) => format!(
                    "\"{}\" measured {} ({}), answered {}",
                    answer.text,
                    number(measured.value),
                    measured.source,
                    number(given)
                ),
                None => format!(
                    "\"{}\" {} ({})",
                    answer.text,
                    number(measured.value),
                    measured.source
                ),
            })
        })
        .collect();
    Some(format!(
        "Measured, not remembered ({}): {}.",
        parts.len(),
        parts.join("; ")
    ))
}
