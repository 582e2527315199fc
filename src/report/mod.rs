//! The gap report: what a run computed, in the self-contained form that is
//! saved to history, shown again, compared and rendered (`render`). This
//! module holds the type and its assembly from a scored run, nothing else.

use serde::{Deserialize, Serialize};

use crate::quality;

mod action;
mod answers;
mod build;
mod team;

pub use action::{Action, Status};
pub use answers::{AnswerRecord, CheckRecord, ContextRecord, Measured};
pub use team::{Global, GroupTheme, GroupView, Mirror, TeamTheme, TeamView};

/// How many priorities a report shows with their advice.
pub const SHOWN_PRIORITIES: usize = 3;

/// How an answer that did not apply reads.
pub const NOT_APPLICABLE: &str = "does not apply";

/// The fewest people any figure about a group of people rests on: a team
/// round's groups (its minimum may be higher, never lower) and a cohort's.
/// The one group minimum every report and page uses.
pub const MIN_GROUP: usize = 3;

/// The rater of a team report: the aggregate of a feedback round.
pub const TEAM_RATER: &str = "team";

/// The rater of a self-assessment.
pub const SELF_RATER: &str = "self";

/// One completed assessment, with everything needed to show, compare and
/// diff it years later, even after the questionnaire has changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// File format version.
    pub schema: i64,
    /// Unique id, also the file name: `2026-11-22T13-05-01Z` (plus `-2`… when
    /// several runs share a second).
    pub id: String,
    /// When the run completed, RFC 3339 in UTC.
    pub created: crate::clock::Timestamp,
    /// The leadgap version that wrote the report.
    pub leadgap: String,
    /// Whom the report is about.
    pub respondent: Option<String>,
    /// Who answered: `self`, or another rater's name.
    pub rater: String,
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireInfo,
    /// How it was scored.
    pub rubric: RubricInfo,
    /// The overall score, `None` when no weighted theme was scored.
    pub overall: Option<f64>,
    /// The weighted mean target of the scored themes.
    pub overall_target: Option<f64>,
    /// Theme ids with a gap, most pressing first.
    pub priorities: Vec<String>,
    /// One entry per theme, in questionnaire order.
    pub themes: Vec<ThemeReport>,
    /// One entry per question, in questionnaire order.
    pub answers: Vec<AnswerRecord>,
    /// The facts about the job given before the questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<ContextRecord>,
    /// The questionnaire's checks that hold: claims set against facts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckRecord>,
    /// What stands out about the answers (contradictions, straight-lining…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality: Vec<quality::Note>,
    /// Notes added later by reviewers (`leadgap note`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// The actions made with this report, as the plan stood when it last
    /// changed: the report carries them wherever it is sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Action>,
    /// For a team report (`rater = "team"`): the round, the counts and
    /// spreads, the groups, the comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamView>,
    /// For a team report: the signature of its collector over its figures
    /// ([`Report::signed_text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// The answers `leadgap evidence` measured (`assess --evidence`), by
    /// question id. No name from the evidence is ever kept here.
    #[serde(
        default,
        rename = "evidence",
        skip_serializing_if = "std::collections::BTreeMap::is_empty"
    )]
    pub measured: std::collections::BTreeMap<String, Measured>,
}

/// A collector's signature of a team report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The collector's age recipient (`age1…`).
    pub recipient: String,
    /// The collector's signing key (`ed25519:…`).
    pub key: String,
    /// The signature, in hex digits.
    pub value: String,
}

/// A reviewer's note on one theme of a saved report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The theme id.
    pub theme: String,
    /// Who wrote it.
    pub author: String,
    /// When (RFC 3339).
    pub created: String,
    /// The note.
    pub text: String,
}

/// The questionnaire a report was made with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireInfo {
    /// Its id.
    pub id: String,
    /// Its content version.
    pub version: String,
    /// Its title.
    pub title: String,
    /// `sha256:` of its content.
    pub hash: String,
}

/// The rubric and profile a report was scored with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricInfo {
    /// The rubric's id.
    pub id: String,
    /// The profile whose targets were used.
    pub profile: String,
    /// The rubric's minimum coverage.
    pub min_coverage: f64,
}

/// One theme's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeReport {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// The theme's one-line description.
    #[serde(default)]
    pub description: String,
    /// Hash of the theme's questions; equal hashes mean comparable scores.
    pub hash: String,
    /// Whether it is a global item of a team form ("would you recommend…"):
    /// reported beside the themes, never in the overall score or among the
    /// priorities.
    #[serde(default, skip_serializing_if = "is_false")]
    pub global: bool,
    /// The rubric's weight (`W`).
    pub weight: f64,
    /// `0..=100`, `None` when not enough questions were answered.
    pub score: Option<f64>,
    /// The profile's target.
    pub target: f64,
    /// `max(0, target - score)`.
    pub gap: Option<f64>,
    /// The band the score falls in.
    pub band: Option<String>,
    /// The score of the theme's facts alone (what happened); `None` when
    /// none was answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<f64>,
    /// The score of its views alone (how the respondent rates themselves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<f64>,
    /// Answered share of the weight of the theme's questions that apply.
    pub coverage: f64,
    /// How many of the theme's questions did not apply.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub not_applicable: usize,
    /// The rubric's advice for the theme's band.
    #[serde(default)]
    pub advice: Vec<String>,
    /// The respondent's own note on the theme.
    pub note: Option<String>,
}

impl ThemeReport {
    /// Whether the theme meets its target: its score reaches it and its
    /// facts are not too far below it (`scoring::meets`).
    pub fn met(&self) -> bool {
        self.standing().met()
    }

    /// What the verdict on the theme rests on; a global item's score
    /// counts for no verdict.
    pub fn standing(&self) -> crate::scoring::Standing {
        crate::scoring::Standing {
            weight: self.weight,
            score: self.score.filter(|_| !self.global),
            target: self.target,
            facts: self.facts,
        }
    }

    /// How many points its facts fall short of what the target needs, when
    /// that is why the theme is not met although its score reaches it.
    pub fn facts_short(&self) -> Option<f64> {
        let facts = self.facts?;
        (self.gap == Some(0.0) && !self.met()).then_some(self.target - facts)
    }

    /// Whether the theme was scored without every question answered: its
    /// score may move once the rest are.
    pub fn provisional(&self) -> bool {
        self.score.is_some() && self.coverage < 1.0 - 1e-9
    }

    /// How far the score is toward the target, overshoot not credited:
    /// `1 - gap / target`, in `0..=1` (1 for a target of 0).
    pub fn to_target(&self) -> Option<f64> {
        let gap = self.gap?;
        Some(if self.target > 0.0 {
            1.0 - gap / self.target
        } else {
            1.0
        })
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_zero(value: &usize) -> bool {
    *value == 0
}

/// Who and when, for a report being built.
#[derive(Clone, Debug)]
pub struct Meta {
    /// Report id.
    pub id: String,
    /// RFC 3339 timestamp.
    pub created: crate::clock::Timestamp,
    /// Whom the report is about.
    pub respondent: Option<String>,
    /// Who answered.
    pub rater: String,
}

impl Report {
    /// Whether the overall score is provisional: some theme with a weight is
    /// provisional or not scored at all.
    pub fn overall_provisional(&self) -> bool {
        self.themes
            .iter()
            .any(|t| t.weight > 0.0 && (t.score.is_none() || t.provisional()))
    }

    /// How far the scored themes are toward their targets, overshoot not
    /// credited: `1 - sum(W * gap) / sum(W * target)`, in `0..=1`.
    pub fn overall_to_target(&self) -> Option<f64> {
        let scored = self.themes.iter().filter(|t| t.score.is_some());
        let (gaps, targets) = scored.fold((0.0, 0.0), |(gaps, targets), t| {
            (
                gaps + t.weight * t.gap.unwrap_or_default(),
                targets + t.weight * t.target,
            )
        });
        (targets > 0.0).then(|| 1.0 - gaps / targets)
    }

    /// The report as a listing holds it: without the answers, and without
    /// each theme's description and advice. Everything `history`, `cohort`
    /// and a report's trend need is kept.
    pub fn into_summary(mut self) -> Report {
        self.answers = Vec::new();
        for theme in &mut self.themes {
            theme.description = String::new();
            theme.advice = Vec::new();
        }
        self
    }

    /// What a team report's signature covers: its figures, as TOML, without
    /// what a summary leaves out or a reader adds later (answers, theme
    /// descriptions and advice, reviewers' notes, the plan), without its id
    /// (the file's name, which a history may suffix) and without the
    /// signature itself — so that a summary in a listing verifies as the
    /// whole file does, and a note does not break it.
    pub fn signed_text(&self) -> String {
        let mut figures = self.clone().into_summary();
        figures.id = String::new();
        figures.reviews = Vec::new();
        figures.plan = Vec::new();
        figures.signature = None;
        toml::to_string(&figures).unwrap_or_default()
    }

    /// Whether `answer` did not apply because the same question was asked
    /// in the form that fits the context (a small team's variant, or the
    /// other way round): it is not news that it was not asked.
    pub fn asked_in_another_form(&self, answer: &AnswerRecord) -> bool {
        answer.not_applicable
            && self
                .answers
                .iter()
                .any(|other| !other.not_applicable && other.text == answer.text)
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&ThemeReport> {
        self.themes.iter().find(|theme| theme.id == id)
    }

    /// The priorities shown with advice: the first [`SHOWN_PRIORITIES`].
    pub fn shown_priorities(&self) -> impl Iterator<Item = &ThemeReport> {
        self.priorities
            .iter()
            .filter_map(|id| self.theme(id))
            .take(SHOWN_PRIORITIES)
    }

    /// The round of which both `self` and `other` are team reports, if
    /// they are two reports of one round (which leadgap never makes: two
    /// made from different responses would tell one response by their
    /// difference).
    pub fn same_round(&self, other: &Report) -> Option<&str> {
        let (Some(a), Some(b)) = (&self.team, &other.team) else {
            return None;
        };
        (a.round == b.round && self.id != other.id).then_some(a.round.as_str())
    }

    /// Whether `other` is the other side of this report's triangulation:
    /// one a person's self-assessment and the other a team report about
    /// them, with a theme in common.
    pub fn counterpart(&self, other: &Report) -> bool {
        let kinds = (self.is_self() && other.rater == TEAM_RATER)
            || (self.rater == TEAM_RATER && other.is_self());
        kinds
            && self.respondent.is_some()
            && self.respondent == other.respondent
            && self.themes.iter().any(|t| other.theme(&t.id).is_some())
    }

    /// Whether the report is a self-assessment.
    pub fn is_self(&self) -> bool {
        self.rater == SELF_RATER
    }
}
