//! The evidence offered to the questions that ask for it: each figure in
//! the question's unit, with where it comes from in words that name no one.

use super::Evidence;
use crate::questionnaire::{EVIDENCE_FIGURES, Kind, Offer, Questionnaire};

/// The weeks the questions' "last three months" are: a figure over the
/// window is offered only when the window is that long.
pub const QUESTION_WEEKS: u32 = 13;

/// Per question of `questionnaire` (in order), the evidence's value for
/// it, if it has one: a share taken as a percentage by a question in `%`,
/// rounded for a question of whole numbers, kept within its range.
pub fn offers(questionnaire: &Questionnaire, evidence: &Evidence) -> Vec<Option<Offer>> {
    questionnaire
        .questions
        .iter()
        .map(|question| {
            let figure = question.evidence.as_deref()?;
            let (_, share, over_window) = EVIDENCE_FIGURES.iter().find(|(n, ..)| *n == figure)?;
            if *over_window && evidence.window.weeks != QUESTION_WEEKS {
                return None;
            }
            let Kind::Number {
                min,
                max,
                unit,
                integer,
                ..
            } = &question.kind
            else {
                return None;
            };
            let measured = value(evidence, figure)?;
            let percent = *share && unit.as_deref() == Some("%");
            let mut value = if percent { measured * 100.0 } else { measured };
            if *integer {
                value = value.round();
            }
            Some(Offer {
                value: value.clamp(*min, *max),
                source: source(figure, evidence),
            })
        })
        .collect()
}

/// The value of the figure `name`.
fn value(evidence: &Evidence, name: &str) -> Option<f64> {
    let f = &evidence.figures;
    match name {
        "longest_since_one_to_one_weeks" => f.longest_since_one_to_one_weeks.map(f64::from),
        "share_one_to_one_4_weeks" => f.share_one_to_one_4_weeks,
        "stakeholder_meetings" => f.stakeholder_meetings.map(|n| n as f64),
        "supplier_meetings" => f.supplier_meetings.map(|n| n as f64),
        "meeting_hours_per_week" => f.meeting_hours_per_week,
        "my_commit_share" => f.my_commit_share,
        "files_only_me_share" => f.files_only_me_share,
        _ => None,
    }
}

/// Where the figure `name` comes from: its source and its period.
fn source(name: &str, evidence: &Evidence) -> String {
    let w = &evidence.window;
    let from = match name {
        "my_commit_share" | "files_only_me_share" => "your repositories",
        _ => "your calendar",
    };
    let period = match name {
        "share_one_to_one_4_weeks" => format!("the four weeks to {}", w.until),
        _ => format!("{} to {}", w.from, w.until),
    };
    format!("from {from}, {period}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{Figures, Window};

    #[test]
    fn a_share_is_a_percentage_and_a_window_figure_needs_three_months() {
        let questionnaire = crate::questionnaire::load(&crate::source::Source::new(
            "it-manager",
            crate::questionnaire::BUILT_IN[0].questionnaire,
        ))
        .unwrap();
        let window = Window::ending(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), 13);
        let evidence = Evidence {
            window,
            figures: Figures {
                share_one_to_one_4_weeks: Some(0.67),
                stakeholder_meetings: Some(5),
                my_commit_share: Some(0.424),
                ..Figures::default()
            },
            sources: Vec::new(),
            absent: Default::default(),
        };
        let offered = |evidence: &Evidence, id: &str| {
            let index = questionnaire.question_index(id).unwrap();
            offers(&questionnaire, evidence)[index].clone()
        };
        let share = offered(&evidence, "one-to-one-share").unwrap();
        assert_eq!(share.value, 67.0);
        assert_eq!(
            share.source,
            "from your calendar, the four weeks to 2026-11-30"
        );
        assert_eq!(offered(&evidence, "business-meetings").unwrap().value, 5.0);
        assert_eq!(offered(&evidence, "change-share").unwrap().value, 42.0);
        // Four weeks of evidence do not answer "the last three months".
        let short = Evidence {
            window: Window::ending(window.until, 4),
            ..evidence.clone()
        };
        assert_eq!(offered(&short, "business-meetings"), None);
        assert_eq!(offered(&short, "one-to-one-share").unwrap().value, 67.0);
    }
}
