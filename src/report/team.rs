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
    /// How many responses were counted.
    pub raters: usize,
    /// The round's minimum group size.
    pub min_group: usize,
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
    /// The open answers, in a random order and without their group; empty
    /// when fewer responses than the minimum were counted. Printed by
    /// `collect`, never saved: no file holds a rater's words in clear.
    #[serde(skip)]
    pub comments: Vec<Comment>,
    /// For each question that mirrors a self-form question, how the
    /// responses were spread over its answers (shown from the minimum on).
    #[serde(default)]
    pub mirrors: Vec<Mirror>,
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

/// The two open answers of one response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    /// What to keep doing.
    pub keep: Option<String>,
    /// What to change.
    pub change: Option<String>,
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
