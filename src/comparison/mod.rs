//! Two reports side by side: `diff` (the same person over time) and
//! `compare` (the same person seen by two raters). Pure functions from two
//! reports to a serialisable result; the commands render it.

use serde::Serialize;

use crate::report::{Report, ThemeReport};

mod mirrored;

pub use mirrored::MirroredAnswer;
use mirrored::mirrored_answers;

/// Differences within this much of the threshold count as reaching it, so
/// that a difference of exactly 15 on paper is flagged at 15.
const EPSILON: f64 = 1e-9;

/// Which report a side is, for headings and JSON.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    /// Report id.
    pub id: String,
    /// When it was made.
    pub created: String,
    /// Questionnaire id.
    pub questionnaire: String,
    /// Questionnaire version.
    pub version: String,
    /// Whom it is about.
    pub respondent: Option<String>,
    /// Who answered.
    pub rater: String,
    /// The profile of its targets.
    pub profile: String,
}

impl Side {
    fn of(report: &Report) -> Side {
        Side {
            id: report.id.clone(),
            created: report.created.to_string(),
            questionnaire: report.questionnaire.id.clone(),
            version: report.questionnaire.version.clone(),
            respondent: report.respondent.clone(),
            rater: report.rater.clone(),
            profile: report.rubric.profile.clone(),
        }
    }
}

/// Whether two results of a theme can be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Same questions, both scored.
    Comparable,
    /// The theme's questions differ between the reports.
    QuestionsChanged,
    /// One of the two has no score for the theme.
    NotScored,
    /// Only the first report has the theme.
    OnlyInFirst,
    /// Only the second report has the theme.
    OnlyInSecond,
}

/// The themes of two reports paired by id: the second report's order, then
/// themes only the first has.
fn pair_themes<'a>(
    a: &'a Report,
    b: &'a Report,
) -> Vec<(Option<&'a ThemeReport>, Option<&'a ThemeReport>)> {
    let mut pairs: Vec<_> = b
        .themes
        .iter()
        .map(|theme| (a.theme(&theme.id), Some(theme)))
        .collect();
    pairs.extend(
        a.themes
            .iter()
            .filter(|t| b.theme(&t.id).is_none())
            .map(|t| (Some(t), None)),
    );
    pairs
}

fn status(a: Option<&ThemeReport>, b: Option<&ThemeReport>) -> Status {
    status_of(a, b, true)
}

/// [`status`], comparing themes by their questions' hash only when
/// `same_questions` is asked for: a self form and its team form ask
/// different questions about the same themes, by design.
fn status_of(a: Option<&ThemeReport>, b: Option<&ThemeReport>, same_questions: bool) -> Status {
    match (a, b) {
        (Some(_), None) => Status::OnlyInFirst,
        (None, _) => Status::OnlyInSecond,
        (Some(a), Some(b)) if same_questions && a.hash != b.hash => Status::QuestionsChanged,
        (Some(a), Some(b)) if a.score.is_none() || b.score.is_none() => Status::NotScored,
        _ => Status::Comparable,
    }
}

/// One theme of a diff.
#[derive(Clone, Debug, Serialize)]
pub struct DiffTheme {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// Score in the first report.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub first: Option<f64>,
    /// Score in the second report.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub second: Option<f64>,
    /// Second minus first, when comparable.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub change: Option<f64>,
    /// Band in the first report.
    pub first_band: Option<String>,
    /// Band in the second report.
    pub second_band: Option<String>,
    /// Whether the band changed (comparable themes only).
    pub band_moved: bool,
    /// Whether the two can be compared.
    pub status: Status,
    /// With `--norms`: whether the change is meaningful (`null` when the
    /// norms cannot tell).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaningful: Option<Option<bool>>,
    /// Whether each score is provisional (some of its questions skipped),
    /// as every format marks it with `~`.
    #[serde(skip)]
    pub provisional: (bool, bool),
}

/// Two reports of the same person over time.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    /// The earlier report.
    pub first: Side,
    /// The later report.
    pub second: Side,
    /// Overall score of the first.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub first_overall: Option<f64>,
    /// Overall score of the second.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub second_overall: Option<f64>,
    /// The overall change, when every theme is comparable.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub overall_change: Option<f64>,
    /// Whether each overall score is provisional.
    #[serde(skip)]
    pub overall_provisional: (bool, bool),
    /// Per theme.
    pub themes: Vec<DiffTheme>,
}

/// The diff of two reports, `a` before `b`.
pub fn diff(a: &Report, b: &Report) -> Diff {
    let themes = pair_themes(a, b)
        .into_iter()
        .filter_map(|(first, second)| {
            let status = status(first, second);
            let theme = second.or(first)?;
            let comparable = status == Status::Comparable;
            let band = |t: Option<&ThemeReport>| t.and_then(|t| t.band.clone());
            Some(DiffTheme {
                id: theme.id.clone(),
                title: theme.title.clone(),
                first: first.and_then(|t| t.score),
                second: second.and_then(|t| t.score),
                change: comparable
                    .then(|| Some(second?.score? - first?.score?))
                    .flatten(),
                first_band: band(first),
                second_band: band(second),
                band_moved: comparable && band(first) != band(second),
                status,
                meaningful: None,
                provisional: (
                    first.is_some_and(ThemeReport::provisional),
                    second.is_some_and(ThemeReport::provisional),
                ),
            })
        })
        .collect();
    Diff {
        first: Side::of(a),
        second: Side::of(b),
        first_overall: a.overall,
        second_overall: b.overall,
        overall_change: crate::trend::overall_change(a, b),
        overall_provisional: (a.overall_provisional(), b.overall_provisional()),
        themes,
    }
}

impl Diff {
    /// Marks each change as meaningful or within noise, by `norms` (for
    /// the themes of `later`, the second report).
    pub fn judge(&mut self, later: &Report, norms: &crate::programme::norms::Norms) {
        for theme in &mut self.themes {
            let Some(asked) = later.theme(&theme.id) else {
                continue;
            };
            theme.meaningful = Some(
                norms
                    .standing(&later.questionnaire.id, asked, theme.change)
                    .and_then(|s| s.meaningful),
            );
        }
    }
}

/// How many points apart two views of a theme must be to be flagged, unless
/// `compare --threshold` says otherwise; the team section of a report uses
/// the same.
pub const FLAG_THRESHOLD: f64 = 15.0;

/// The flag of a theme that the person scores `own` and another rater
/// `other`: a blind spot when the person's own score is at least
/// `threshold` above the other's, a hidden strength when it is at least
/// `threshold` below; equal views are never a flag. The one rule `compare`
/// and every report's team section use.
pub fn flag(own: f64, other: f64, threshold: f64) -> Option<Flag> {
    let d = own - other;
    if d.abs() <= EPSILON {
        None
    } else if d + EPSILON >= threshold {
        Some(Flag::BlindSpot)
    } else if -d + EPSILON >= threshold {
        Some(Flag::HiddenStrength)
    } else {
        None
    }
}

/// A theme where two raters differ by the threshold or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// The person rates themselves higher than the other rater does.
    BlindSpot,
    /// The other rater rates the person higher than they rate themselves.
    HiddenStrength,
}

impl Flag {
    /// "blind spot" / "hidden strength".
    pub fn words(self) -> &'static str {
        match self {
            Flag::BlindSpot => "blind spot",
            Flag::HiddenStrength => "hidden strength",
        }
    }
}

/// One theme of a comparison.
#[derive(Clone, Debug, Serialize)]
pub struct CompareTheme {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// The self-view's score.
    #[serde(
        rename = "self",
        serialize_with = "crate::rounding::serialize_one_decimal"
    )]
    pub own: Option<f64>,
    /// The other rater's score.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub other: Option<f64>,
    /// The target, as the self-assessment's profile sets it (the other
    /// report's, for a theme only it has).
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub target: Option<f64>,
    /// Self minus other, when comparable.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub difference: Option<f64>,
    /// Blind spot or hidden strength, at or beyond the threshold.
    pub flag: Option<Flag>,
    /// When the other view is a team's: the team's spread (sample standard
    /// deviation) for the theme.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub spread: Option<f64>,
    /// Whether the team's spread is wider than the gap: the team disagrees
    /// more among itself than with the self-view.
    pub spread_wider: bool,
    /// Whether the two can be compared.
    pub status: Status,
    /// The self-view's facts sub-score: beside the team's score, what
    /// happened, what the manager says, and what the team sees.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub facts: Option<f64>,
    /// The self-view's views sub-score.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub views: Option<f64>,
}

/// One group of a team's view, theme by theme.
#[derive(Clone, Debug, Serialize)]
pub struct CompareGroup {
    /// Group id.
    pub id: String,
    /// Its score per theme, `None` where not shown.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal_list")]
    pub scores: Vec<Option<f64>>,
}

/// The same person seen by two raters.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// The self-view.
    #[serde(rename = "self")]
    pub own: Side,
    /// The other rater's view.
    pub other: Side,
    /// The threshold for flags.
    pub threshold: f64,
    /// Overall scores and their difference (when every theme is comparable).
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub own_overall: Option<f64>,
    /// The other view's overall score.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub other_overall: Option<f64>,
    /// Per theme.
    pub themes: Vec<CompareTheme>,
    /// When the other view is a team's: each group it shows, with a score
    /// per theme (in the order of `themes`).
    pub groups: Vec<CompareGroup>,
    /// When the other view answered a form that mirrors the self form (a
    /// mentor's view): each mirrored question both answered, side by side.
    pub answers: Vec<MirroredAnswer>,
}

/// Compares the self-view `own` with `other`, flagging differences of at
/// least `threshold` points.
pub fn compare(own: &Report, other: &Report, threshold: f64) -> Comparison {
    let themes: Vec<CompareTheme> = pair_themes(other, own)
        .into_iter()
        .filter_map(|(theirs, mine)| {
            // "First" is the self-view here. A team's view answers the team
            // form, whose themes mirror the self form's.
            let status = status_of(mine, theirs, own.questionnaire.id == other.questionnaire.id);
            let theme = mine.or(theirs)?;
            // A global item ("would you recommend…") is no theme to compare.
            if theme.global {
                return None;
            }
            let difference = (status == Status::Comparable)
                .then(|| Some(mine?.score? - theirs?.score?))
                .flatten();
            let flag = difference.and_then(|d| self::flag(d, 0.0, threshold));
            let spread = other
                .team
                .as_ref()
                .and_then(|team| team.themes.iter().find(|t| t.id == theme.id))
                .and_then(|t| t.sd);
            Some(CompareTheme {
                id: theme.id.clone(),
                title: theme.title.clone(),
                own: mine.and_then(|t| t.score),
                other: theirs.and_then(|t| t.score),
                target: mine.or(theirs).map(|t| t.target),
                difference,
                flag,
                spread,
                spread_wider: flag.is_some()
                    && spread.zip(difference).is_some_and(|(s, d)| s > d.abs()),
                status,
                facts: mine.and_then(|t| t.facts),
                views: mine.and_then(|t| t.views),
            })
        })
        .collect();
    let groups = other
        .team
        .as_ref()
        .map(|team| {
            team.groups
                .iter()
                .map(|group| CompareGroup {
                    id: group.id.clone(),
                    scores: themes
                        .iter()
                        .map(|t: &CompareTheme| {
                            group
                                .themes
                                .iter()
                                .find(|g| g.id == t.id)
                                .and_then(|g| g.score)
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    Comparison {
        groups,
        answers: mirrored_answers(own, other),
        own: Side::of(own),
        other: Side::of(other),
        threshold,
        own_overall: own.overall,
        other_overall: other.overall,
        themes,
    }
}
