//! Every answer of a report, grouped by theme: what `show --answers` lists
//! (and the HTML page always holds, folded), so that a mentor sees which
//! answers pulled a theme down.

use crate::render::text::{score_text, whole};
use crate::report::{AnswerRecord, Report, ThemeReport};

/// One theme and its answers, in questionnaire order.
#[derive(Debug)]
pub struct ThemeAnswers<'r> {
    /// The theme.
    pub theme: &'r ThemeReport,
    /// Its answers, skipped ones included.
    pub answers: Vec<&'r AnswerRecord>,
}

impl ThemeAnswers<'_> {
    /// "Delegation · 5 against a target of 65"
    pub fn heading(&self) -> String {
        format!(
            "{} · {} against a target of {}",
            self.theme.title,
            score_text(self.theme),
            whole(self.theme.target)
        )
    }
}

/// Says what the `Points` column means, under every listing.
pub const POINTS_NOTE: &str = "Points: what the answer scores out of 100 (— for a skipped question). \
     A theme's score is the weighted mean of its answers' points.";

/// The themes of `report` with their answers; themes without answers (a
/// summary, or a theme the answers do not name) are left out.
pub fn by_theme(report: &Report) -> Vec<ThemeAnswers<'_>> {
    report
        .themes
        .iter()
        .map(|theme| ThemeAnswers {
            theme,
            answers: report
                .answers
                .iter()
                .filter(|answer| answer.theme == theme.id)
                .filter(|answer| !report.asked_in_another_form(answer))
                .collect(),
        })
        .filter(|group| !group.answers.is_empty())
        .collect()
}

/// An answer's points out of 100, whole; `—` when skipped.
pub fn points(answer: &AnswerRecord) -> String {
    answer
        .score
        .map_or_else(|| "—".to_owned(), |score| whole(100.0 * score))
}

/// The three cells of an answer, not yet escaped: question, answer, points.
pub fn row(answer: &AnswerRecord) -> [String; 3] {
    [answer.text.clone(), answer.answer.clone(), points(answer)]
}
