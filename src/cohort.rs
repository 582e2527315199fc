//! A cohort: the latest self-assessment of each person, per questionnaire,
//! summarised per theme. Pure: the command reads the folders and renders.

use std::collections::HashMap;

use serde::Serialize;

use crate::report::{Report, SELF_RATER, ThemeReport};
use crate::trend::chronological;

pub use crate::report::MIN_GROUP;

/// The cohort: one group per questionnaire.
#[derive(Clone, Debug, Serialize)]
pub struct Cohort {
    /// Groups in the order of their questionnaire ids.
    pub groups: Vec<Group>,
}

/// The people who answered one questionnaire.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// Questionnaire id.
    pub questionnaire: String,
    /// Questionnaire title (of the latest report).
    pub title: String,
    /// How many people answered each version (left out when hidden).
    pub versions: Vec<Version>,
    /// How many people the group has; left out when the group is hidden
    /// (a count below the minimum could point at someone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
    /// Whether the group is hidden because it is smaller than [`MIN_GROUP`]
    /// (only with `--anonymous`).
    pub hidden: bool,
    /// Per theme figures.
    pub themes: Vec<ThemeStats>,
    /// Each person's latest self-assessment.
    pub people: Vec<Person>,
}

/// A questionnaire version and how many people answered it.
#[derive(Clone, Debug, Serialize)]
pub struct Version {
    /// The version.
    pub version: String,
    /// How many people.
    pub people: usize,
}

/// One theme across the group.
#[derive(Clone, Debug, Serialize)]
pub struct ThemeStats {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// The theme's content hash in the newest report, to find it in norms.
    #[serde(skip)]
    pub hash: String,
    /// How many people have a score for it.
    pub count: usize,
    /// Median score.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub median: Option<f64>,
    /// Lowest score.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub min: Option<f64>,
    /// Highest score.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub max: Option<f64>,
    /// How many people are below their target.
    pub below_target: usize,
    /// The middle of the people's targets (their profiles may differ).
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub target: Option<f64>,
    /// Each scored person's score, lowest first, for the distribution
    /// (left out of JSON, which has them per person).
    #[serde(skip)]
    pub scores: Vec<f64>,
    /// Whether the figures are hidden (fewer than [`MIN_GROUP`] scores, with
    /// `--anonymous`).
    pub hidden: bool,
}

/// One person's latest self-assessment.
#[derive(Clone, Debug, Serialize)]
pub struct Person {
    /// The respondent's name, or "Person N" when anonymous.
    pub name: String,
    /// The report id (omitted when anonymous).
    pub report: Option<String>,
    /// When the report was made; left out when anonymous (the time of a
    /// report is its id, and tells who answered when).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Per theme of the group, in its order.
    pub themes: Vec<PersonTheme>,
}

/// One person's result on one theme.
#[derive(Clone, Debug, Serialize)]
pub struct PersonTheme {
    /// Theme id.
    pub id: String,
    /// Score, if scored.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub score: Option<f64>,
    /// Band, if scored.
    pub band: Option<String>,
    /// The person's target for the theme.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub target: Option<f64>,
    /// Target minus score, at least 0, if scored.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub gap: Option<f64>,
    /// Whether the score is below the person's target.
    pub below_target: bool,
    /// Whether the theme meets the person's target, its facts included.
    pub met: bool,
}

/// The cohort of `reports`: per questionnaire, the latest self-assessment of
/// each named respondent. Reports by other raters, or without a respondent
/// name, do not count.
pub fn cohort(reports: &[&Report], anonymous: bool) -> Cohort {
    let latest: Vec<&Report> = latest_self(reports, |r| r).into_iter().copied().collect();
    let mut ids: Vec<&str> = latest.iter().map(|r| r.questionnaire.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let groups = ids
        .into_iter()
        .map(|id| {
            let mut members: Vec<&Report> = latest
                .iter()
                .copied()
                .filter(|r| r.questionnaire.id == id)
                .collect();
            // Anonymous people are numbered in the order of their scores,
            // highest first, which the grid shows anyway: the order in which
            // they answered could tell who is who.
            members.sort_by(|a, b| {
                if anonymous {
                    b.overall
                        .unwrap_or(-1.0)
                        .total_cmp(&a.overall.unwrap_or(-1.0))
                        .then_with(|| scores_of(b).cmp(&scores_of(a)))
                } else {
                    a.respondent.cmp(&b.respondent)
                }
            });
            group(id, &members, anonymous)
        })
        .collect();
    Cohort { groups }
}

/// Of `items` (reports, or things that hold one), the latest
/// self-assessment of each named respondent per questionnaire, in the order
/// each person first appears. Reports by other raters, or without a
/// respondent name, do not count.
pub fn latest_self<T>(items: &[T], report: impl Fn(&T) -> &Report) -> Vec<&T> {
    let mut latest: Vec<&T> = Vec::new();
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for item in items {
        let this = report(item);
        let (Some(respondent), true) = (this.respondent.as_deref(), this.rater == SELF_RATER)
        else {
            continue;
        };
        let key = (this.questionnaire.id.as_str(), respondent);
        match index.get(&key) {
            Some(&at) if chronological(report(latest[at]), this).is_lt() => latest[at] = item,
            Some(_) => {}
            None => {
                index.insert(key, latest.len());
                latest.push(item);
            }
        }
    }
    latest
}

fn group(id: &str, members: &[&Report], anonymous: bool) -> Group {
    let newest = members.iter().copied().max_by(|a, b| chronological(a, b));
    // The themes of the newest report, then any that only older ones have.
    let mut themes: Vec<(String, String, String)> = Vec::new();
    for report in newest.into_iter().chain(members.iter().copied()) {
        for theme in &report.themes {
            if !themes.iter().any(|(t, _, _)| *t == theme.id) {
                themes.push((theme.id.clone(), theme.title.clone(), theme.hash.clone()));
            }
        }
    }
    let mut versions: Vec<Version> = Vec::new();
    for report in members {
        match versions
            .iter_mut()
            .find(|v| v.version == report.questionnaire.version)
        {
            Some(version) => version.people += 1,
            None => versions.push(Version {
                version: report.questionnaire.version.clone(),
                people: 1,
            }),
        }
    }
    let hidden = anonymous && members.len() < MIN_GROUP;
    let stats = themes
        .iter()
        .map(|(theme_id, title, hash)| {
            let mut scores: Vec<f64> = members
                .iter()
                .filter_map(|r| r.theme(theme_id).and_then(|t| t.score))
                .collect();
            scores.sort_by(f64::total_cmp);
            let below_target = members
                .iter()
                .filter(|r| {
                    r.theme(theme_id)
                        .and_then(|t| t.gap)
                        .is_some_and(|gap| gap > 0.0)
                })
                .count();
            let mut targets: Vec<f64> = members
                .iter()
                .filter_map(|r| r.theme(theme_id).map(|t| t.target))
                .collect();
            targets.sort_by(f64::total_cmp);
            let hidden = anonymous && scores.len() < MIN_GROUP;
            ThemeStats {
                id: theme_id.clone(),
                title: title.clone(),
                hash: hash.clone(),
                count: scores.len(),
                median: median(&scores),
                min: scores.first().copied(),
                max: scores.last().copied(),
                below_target,
                target: median(&targets),
                scores: if hidden { Vec::new() } else { scores },
                hidden,
            }
        })
        .collect();
    let people = members
        .iter()
        .enumerate()
        .map(|(index, report)| Person {
            name: if anonymous {
                format!("Person {}", index + 1)
            } else {
                report.respondent.clone().unwrap_or_default()
            },
            report: (!anonymous).then(|| report.id.clone()),
            created: (!anonymous).then(|| report.created.to_string()),
            themes: themes
                .iter()
                .map(|(theme_id, _, _)| {
                    let theme = report.theme(theme_id);
                    PersonTheme {
                        id: theme_id.clone(),
                        score: theme.and_then(|t| t.score),
                        band: theme.and_then(|t| t.band.clone()),
                        target: theme.map(|t| t.target),
                        gap: theme.and_then(|t| t.gap),
                        below_target: theme.and_then(|t| t.gap).is_some_and(|gap| gap > 0.0),
                        met: theme.is_some_and(ThemeReport::met),
                    }
                })
                .collect(),
        })
        .collect();
    Group {
        questionnaire: id.to_owned(),
        title: newest
            .map(|r| r.questionnaire.title.clone())
            .unwrap_or_default(),
        versions: if hidden { Vec::new() } else { versions },
        size: (!hidden).then_some(members.len()),
        hidden,
        themes: if hidden { Vec::new() } else { stats },
        people: if hidden { Vec::new() } else { people },
    }
}

/// A report's theme scores in thousandths, to order people whose overall
/// scores are equal.
fn scores_of(report: &Report) -> Vec<i64> {
    report
        .themes
        .iter()
        .map(|t| t.score.map_or(-1, |s| (s * 1000.0).round() as i64))
        .collect()
}

/// The median of sorted values.
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[1.0, 2.0, 10.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0, 4.0, 10.0]), Some(3.0));
    }
}
