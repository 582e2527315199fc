//! The questionnaire file as written, before any check. Top-level keys are
//! read one by one by the loader; these are the parts below them.

use serde::Deserialize;
use toml::Spanned;

/// The top-level keys of a questionnaire file.
pub const TOP_LEVEL_KEYS: &[&str] = &[
    "schema",
    "id",
    "version",
    "title",
    "description",
    "rubric",
    "scales",
    "themes",
    "questions",
    "pairs",
    "context",
    "checks",
    "self_form",
];

/// `[scales.NAME]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub labels: Spanned<Vec<String>>,
}

/// `[[themes]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub description: Option<Spanned<String>>,
    pub rater_title: Option<Spanned<String>>,
    pub global: Option<Spanned<bool>>,
}

/// `[[questions]]`: the union of every kind's keys; the loader checks which
/// ones belong to the question's kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub theme: Spanned<String>,
    pub kind: Spanned<String>,
    pub text: Spanned<String>,
    pub weight: Option<Spanned<f64>>,
    pub required: Option<Spanned<bool>>,
    // scale
    pub scale: Option<Spanned<String>>,
    pub labels: Option<Spanned<Vec<String>>>,
    pub reverse: Option<Spanned<bool>>,
    // choice, multi
    pub options: Option<Spanned<Vec<Spanned<RawOption>>>>,
    pub ordered: Option<Spanned<bool>>,
    // number
    pub unit: Option<Spanned<String>>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    pub bands: Option<Spanned<Vec<Spanned<RawNumberBand>>>>,
    pub integer: Option<Spanned<bool>>,
    // applicability, size, not knowing
    pub when: Option<Spanned<RawWhen>>,
    pub per: Option<Spanned<String>>,
    pub of: Option<Spanned<String>>,
    pub dont_know: Option<Spanned<bool>>,
    // what happened, or how one rates oneself
    pub basis: Option<Spanned<String>>,
    // team forms
    pub mirrors: Option<Spanned<String>>,
    // a figure `leadgap evidence` measures that answers it
    pub evidence: Option<Spanned<String>>,
}

/// `when = { context = "budget", in = ["own"] }` or `{ context = "team-size", min = 3 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWhen {
    pub context: Spanned<String>,
    #[serde(rename = "in")]
    pub options: Option<Spanned<Vec<Spanned<String>>>>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
}

/// `[[context]]`: a fact about the job, asked first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContext {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub text: Spanned<String>,
    // number
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    pub unit: Option<Spanned<String>>,
    pub integer: Option<Spanned<bool>>,
    // choice
    pub options: Option<Spanned<Vec<Spanned<RawContextOption>>>>,
}

/// `{ id = "...", label = "..." }` in a context's `options`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContextOption {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
}

/// `[[checks]]`: claims set against facts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheck {
    #[serde(rename = "if")]
    pub conditions: Spanned<Vec<Spanned<RawCheckCondition>>>,
    pub note: Spanned<String>,
    pub advice: Option<Spanned<String>>,
}

/// `{ question = "...", at_least = 0.75 }` in a check's `if`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheckCondition {
    pub question: Spanned<String>,
    pub at_least: Option<Spanned<f64>>,
    pub at_most: Option<Spanned<f64>>,
}

/// `{ id = "...", label = "...", score = 2 }` in `options`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub score: Spanned<f64>,
    pub exclusive: Option<Spanned<bool>>,
}

/// `{ upto = 2, score = 1.0 }` in a number question's `bands`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNumberBand {
    pub upto: Option<Spanned<f64>>,
    pub score: Spanned<f64>,
}

/// `[[pairs]]`: two questions that measure the same thing from opposite
/// directions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPair {
    pub questions: Spanned<Vec<Spanned<String>>>,
}
