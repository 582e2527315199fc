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
    // number
    pub unit: Option<Spanned<String>>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    pub bands: Option<Spanned<Vec<Spanned<RawNumberBand>>>>,
    pub integer: Option<Spanned<bool>>,
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
