//! How numbers are rounded for scripts: scores to one decimal, fractions
//! (coverage, question scores) to three. Everything is kept at full
//! precision until it is shown; the models that scripts read as JSON
//! (`diff`, `compare`, `cohort`, the plan) round with these.

use serde::Serialize;

/// A score in JSON: one decimal.
pub fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0 + 0.0
}

/// A fraction in JSON: three decimals.
pub fn three_decimals(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0 + 0.0
}

/// Serialises an optional score to one decimal, as every JSON output of
/// leadgap shows scores (for `#[serde(serialize_with)]`).
pub fn serialize_one_decimal<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.map(one_decimal).serialize(serializer)
}

/// Serializes a list of optional numbers rounded to one decimal.
pub fn serialize_one_decimal_list<S: serde::Serializer>(
    values: &[Option<f64>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    values
        .iter()
        .map(|v| v.map(one_decimal))
        .collect::<Vec<_>>()
        .serialize(serializer)
}
