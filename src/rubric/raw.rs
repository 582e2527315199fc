//! The rubric file as written, before any check.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// The top-level keys of a rubric file.
pub const TOP_LEVEL_KEYS: &[&str] = &[
    "schema",
    "id",
    "questionnaire",
    "default_profile",
    "min_coverage",
    "bands",
    "themes",
    "profiles",
];

/// `[[bands]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub id: Spanned<String>,
    pub from: Spanned<f64>,
}

/// `[themes.ID]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThemeRubric {
    pub weight: Option<Spanned<f64>>,
    #[serde(default)]
    pub advice: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<RawAdvice>>>>,
}

/// A line of advice: plain, or tied to a question that scored low.
#[derive(Debug, Deserialize)]
#[serde(
    untagged,
    expecting = "a line of advice: a string, or { text = \"...\", if_low = \"QUESTION-ID\" }"
)]
pub enum RawAdvice {
    /// Shown whenever the band's advice is.
    Text(String),
    /// Shown only when `if_low` scored below 0.5 or was answered "don't know".
    Tied { text: String, if_low: String },
}

/// `[profiles.ID]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub description: Option<String>,
    pub default_target: Option<Spanned<f64>>,
    #[serde(default)]
    pub targets: BTreeMap<Spanned<String>, Spanned<f64>>,
    pub checkin_every: Option<Spanned<String>>,
}
