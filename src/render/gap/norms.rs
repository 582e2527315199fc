//! A report against a cohort's norms (`--norms FILE`), as plain lines every
//! format lays out: per theme the score's percentile and the cohort's middle
//! half, and whether the change since the previous report is meaningful or
//! within noise.

use crate::programme::norms::Norms;
use crate::render::text::{shown_change, whole};
use crate::report::Report;
use crate::trend::Trend;

/// The heading of the section.
pub const HEADING: &str = "Against the cohort";

/// One line per theme of `report`.
pub fn section(report: &Report, trend: &Trend, norms: &Norms) -> Vec<String> {
    report
        .themes
        .iter()
        .zip(&trend.themes)
        .map(|(theme, theme_trend)| {
            let change = theme_trend.change.delta();
            let Some(standing) = norms.standing(&report.questionnaire.id, theme, change) else {
                return format!(
                    "{}: the norms do not have this theme as it was asked here.",
                    theme.title
                );
            };
            let mut line = match (theme.score, standing.percentile) {
                (Some(score), Some(percentile)) => format!(
                    "{}: {}, higher than {}% of the cohort (its middle half scores {} to {})",
                    theme.title,
                    whole(score),
                    whole(percentile),
                    whole(standing.middle.0),
                    whole(standing.middle.1)
                ),
                _ => format!("{}: not scored", theme.title),
            };
            if let Some(change) = change {
                let verdict = match (standing.meaningful, standing.needed) {
                    (Some(true), _) => "meaningful".to_owned(),
                    (Some(false), Some(needed)) => {
                        format!(
                            "within noise (a meaningful change is {} or more)",
                            whole(needed)
                        )
                    }
                    _ => "whether it is meaningful cannot be told: the norms have no alpha \
                          for this theme"
                        .to_owned(),
                };
                // As the table shows it: between the scores as shown.
                line.push_str(&format!(
                    "; {} since the last report: {verdict}",
                    shown_change(theme.score.unwrap_or_default(), change)
                ));
            }
            line.push('.');
            line
        })
        .collect()
}
