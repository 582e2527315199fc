//! What a team report holds beyond a report's themes: the round, the
//! counts and spreads, the groups shown, the comments and how the answers to
//! mirrored questions spread. Built by `team`; saved, shown and compared
//! like any report.

use serde::{Deserialize, Serialize};

/// What a team report holds beyond a report's themes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamView {
    /// The round the responses answered.
    pub round: String,
    /// How many responses count in the figures.
    pub raters: usize,
    /// How many counted responses were left out of every figure, because
    /// their group (and the pool of small groups) had fewer than the
    /// minimum.
    #[serde(default)]
    pub left_out: usize,
    /// The round's minimum group size.
    pub min_group: usize,
    /// The groups shown even with one response (the manager's own manager).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_groups: Vec<String>,
    /// Who held the key and collected the round, when it was not the
    /// subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collector: Option<String>,
    /// Per theme (in questionnaire order): how many responses scored it and
    /// their spread; the score itself is the report theme's.
    pub themes: Vec<TeamTheme>,
    /// The groups shown, in the round's order, then `other`.
    #[serde(default)]
    pub groups: Vec<GroupView>,
    /// The groups not shown, because they had fewer responses than the
    /// minimum (no count is given).
    #[serde(default)]
    pub hidden_groups: Vec<String>,
    /// What to keep doing: the open answers, in a random order of their
    /// own and without their group; empty when fewer responses than the
    /// minimum count. Printed by `collect`, never saved: no file holds a
    /// rater's words in clear.
    #[serde(skip)]
    pub keep: Vec<String>,
    /// What to change, likewise, shuffled apart from `keep`.
    #[serde(skip)]
    pub change: Vec<String>,
    /// For each question that mirrors a self-form question, how the
    /// responses were spread over its answers (shown from the minimum on).
    #[serde(default)]
    pub mirrors: Vec<Mirror>,
    /// The form's global items ("would you recommend this manager?"),
    /// reported on their own beside the themes and outside the overall
    /// score, under the same rule as a theme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub global: Vec<Global>,
}

/// A global item: one overall judgement, as the team and each shown group
/// gave it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Global {
    /// The form's theme id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The mean of the responses that answered it, 0 to 100; `None` below
    /// the round's minimum.
    pub score: Option<f64>,
    /// How many responses it rests on; `None` below the minimum.
    pub n: Option<usize>,
    /// Sample standard deviation; `None` below two or when not shown.
    pub sd: Option<f64>,
    /// Each shown group's mean (with the group's id), in the order of
    /// `groups`.
    pub groups: Vec<GroupTheme>,
}

/// A theme's count and spread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamTheme {
    /// Theme id.
    pub id: String,
    /// Responses with a score for the theme; `None` when fewer than the
    /// round's minimum, so that a count below it is never revealed.
    pub n: Option<usize>,
    /// Sample standard deviation (n − 1); `None` below two responses or
    /// when the theme is not shown.
    pub sd: Option<f64>,
}

/// One group's view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    /// Group id (`direct-report`… or `other`).
    pub id: String,
    /// Responses in the group.
    pub n: usize,
    /// Per theme, in questionnaire order.
    pub themes: Vec<GroupTheme>,
}

/// A theme as one group sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupTheme {
    /// Theme id.
    pub id: String,
    /// The mean of the group's scores; `None` below the minimum.
    pub score: Option<f64>,
    /// Responses of the group with a score for the theme; `None` below the
    /// round's minimum.
    pub n: Option<usize>,
    /// Sample standard deviation; `None` below two or when not shown.
    pub sd: Option<f64>,
}

/// How the responses spread over a mirrored question's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mirror {
    /// The team question's id.
    pub question: String,
    /// Its text.
    pub text: String,
    /// The self-form question it mirrors.
    pub mirrors: String,
    /// Each answer (in words) and how many gave it, in the order of the
    /// answers; answers nobody gave are listed with 0.
    pub answers: Vec<(String, usize)>,
}
