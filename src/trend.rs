//! Reports over time: series of comparable reports, what changed since the
//! previous one, and each theme's trend. Pure: `store` reads the reports,
//! `render` shows the result.
//!
//! Two reports are in the same **series** when they are about the same
//! respondent, by the same rater, on the same questionnaire. Within a series,
//! a theme's scores are **comparable** only while the theme's questions are
//! unchanged (its hash is equal); a new questionnaire version that rewords a
//! theme's questions starts that theme's trend afresh.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::clock::Timestamp;
use crate::report::{Report, ThemeReport};

/// Oldest first: by creation time, then by the `-2`, `-3`… suffix of ids
/// saved in the same second.
pub fn chronological(a: &Report, b: &Report) -> Ordering {
    chronological_key(a).cmp(&chronological_key(b))
}

/// What [`chronological`] orders reports by: creation time, the `-2`,
/// `-3`… suffix of an id saved in the same second as another (0 for none),
/// then the id.
pub fn chronological_key(report: &Report) -> (Timestamp, u32, &str) {
    let suffix = report
        .id
        .rsplit_once("Z-")
        .and_then(|(_, n)| n.parse::<u32>().ok())
        .unwrap_or(0);
    (report.created, suffix, &report.id)
}

/// Whether two reports belong to the same series: same questionnaire,
/// respondent and rater.
pub fn same_series(a: &Report, b: &Report) -> bool {
    series_key(a) == series_key(b)
}

/// How far apart in time two reports were made.
pub fn distance(a: &Report, b: &Report) -> chrono::TimeDelta {
    (a.created.time() - b.created.time()).abs()
}

/// What a series is told by: questionnaire, respondent and rater.
pub fn series_key(report: &Report) -> (&str, Option<&str>, &str) {
    (
        &report.questionnaire.id,
        report.respondent.as_deref(),
        &report.rater,
    )
}

/// How a theme's score moved since the previous report of its series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// There is no earlier report: this one is the baseline.
    Baseline,
    /// The score moved by this much (current minus previous).
    Delta(f64),
    /// The theme's questions changed since the previous report.
    QuestionsChanged,
    /// One of the two reports has no score for the theme.
    NotScored,
    /// The previous report did not have the theme.
    NewTheme,
}

impl Change {
    /// The numeric change, when there is one.
    pub fn delta(self) -> Option<f64> {
        match self {
            Change::Delta(delta) => Some(delta),
            _ => None,
        }
    }
}

/// The change between two themes' results: comparable only when the theme's
/// questions are the same in both.
pub fn theme_change(before: Option<&ThemeReport>, after: &ThemeReport) -> Change {
    match before {
        None => Change::NewTheme,
        Some(before) if before.hash != after.hash => Change::QuestionsChanged,
        Some(before) => match (before.score, after.score) {
            (Some(b), Some(a)) => Change::Delta(a - b),
            _ => Change::NotScored,
        },
    }
}

/// The change of the overall score between two reports, when it is
/// comparable: same rubric, and every theme asked the same questions.
pub fn overall_change(before: &Report, after: &Report) -> Option<f64> {
    let same_themes = before.themes.len() == after.themes.len()
        && before
            .themes
            .iter()
            .zip(&after.themes)
            .all(|(b, a)| b.id == a.id && b.hash == a.hash);
    if before.rubric.id != after.rubric.id || !same_themes {
        return None;
    }
    Some(after.overall? - before.overall?)
}

/// What a report's history says about it: the earlier reports of its series,
/// the change since the last one, and each theme's comparable past scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// How many earlier reports the series has.
    pub earlier: usize,
    /// The previous report of the series, if any.
    pub previous: Option<Previous>,
    /// One entry per theme of the report, in its order.
    pub themes: Vec<ThemeTrend>,
}

/// The previous report of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Previous {
    /// Its id.
    pub id: String,
    /// When it was made.
    pub created: Timestamp,
    /// Its overall score.
    pub overall: Option<f64>,
    /// The overall change since it, when comparable.
    pub change: Option<f64>,
}

/// One theme's history.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeTrend {
    /// The change since the previous report.
    pub change: Change,
    /// The theme's comparable scores, oldest first, ending with this report's.
    pub points: Vec<Option<f64>>,
    /// The first comparable earlier score of the theme and when it was
    /// given: the baseline that progress is measured from.
    pub baseline: Option<(f64, Timestamp)>,
}

impl ThemeTrend {
    /// How much of the way from the baseline to the target this report has
    /// come: `(current - baseline) / (target - baseline)`. `None` without a
    /// baseline, or when the baseline already met the target.
    pub fn progress(&self, current: Option<f64>, target: f64) -> Option<f64> {
        let (baseline, _) = self.baseline.as_ref()?;
        let span = target - baseline;
        let current = current?;
        (span > 1e-9).then(|| (current - baseline) / span)
    }
}

impl Trend {
    /// Whether there is no earlier report: the report is the baseline.
    pub fn is_baseline(&self) -> bool {
        self.previous.is_none()
    }
}

/// The trend of `report` among `others` (any reports; only the earlier ones
/// of its series count). A different report made in the same second counts
/// as earlier (by its `-2`… suffix); the report itself, or anything with its
/// id, does not.
pub fn trend<'a>(report: &Report, others: impl IntoIterator<Item = &'a Report>) -> Trend {
    let mut earlier: Vec<&Report> = others
        .into_iter()
        .filter(|other| same_series(other, report))
        // Equal means the same id: the report itself (or its summary).
        .filter(|other| chronological(other, report) == Ordering::Less)
        .collect();
    earlier.sort_by(|a, b| chronological(a, b));
    let previous = earlier.last().copied();
    let themes = report
        .themes
        .iter()
        .map(|theme| {
            let change = match previous {
                None => Change::Baseline,
                Some(previous) => theme_change(previous.theme(&theme.id), theme),
            };
            // The scores of earlier reports that asked this theme's questions
            // the same way, then this report's.
            let comparable: Vec<(&Report, &ThemeReport)> = earlier
                .iter()
                .filter_map(|r| {
                    r.theme(&theme.id)
                        .filter(|t| t.hash == theme.hash)
                        .map(|t| (*r, t))
                })
                .collect();
            let points = comparable
                .iter()
                .map(|(_, t)| t.score)
                .chain(std::iter::once(theme.score))
                .collect();
            let baseline = comparable
                .iter()
                .find_map(|(r, t)| t.score.map(|score| (score, r.created)));
            ThemeTrend {
                change,
                points,
                baseline,
            }
        })
        .collect();
    Trend {
        earlier: earlier.len(),
        previous: previous.map(|p| Previous {
            id: p.id.clone(),
            created: p.created,
            overall: p.overall,
            change: overall_change(p, report),
        }),
        themes,
    }
}

/// The trend of every report of one series (oldest first, as [`series`]
/// gives it), in one pass: the same as [`trend`] of each among the others,
/// except that a theme's `points` are filled in for the newest report only.
/// Every report's full list would grow with the square of the series, and a
/// listing only draws the newest one's.
pub fn trends(series: &[&Report]) -> Vec<Trend> {
    /// What is known so far about one version (id and hash) of a theme.
    #[derive(Default)]
    struct Seen {
        points: Vec<Option<f64>>,
        baseline: Option<(f64, Timestamp)>,
    }
    let mut seen: HashMap<(&str, &str), Seen> = HashMap::new();
    let mut trends = Vec::with_capacity(series.len());
    for (index, report) in series.iter().enumerate() {
        let previous = index.checked_sub(1).map(|i| series[i]);
        let newest = index + 1 == series.len();
        let themes = report
            .themes
            .iter()
            .map(|theme| {
                let change = match previous {
                    None => Change::Baseline,
                    Some(previous) => theme_change(previous.theme(&theme.id), theme),
                };
                let entry = seen
                    .entry((theme.id.as_str(), theme.hash.as_str()))
                    .or_default();
                let baseline = entry.baseline;
                let points = if newest {
                    let mut points = entry.points.clone();
                    points.push(theme.score);
                    points
                } else {
                    Vec::new()
                };
                entry.points.push(theme.score);
                if entry.baseline.is_none() {
                    entry.baseline = theme.score.map(|score| (score, report.created));
                }
                ThemeTrend {
                    change,
                    points,
                    baseline,
                }
            })
            .collect();
        trends.push(Trend {
            earlier: index,
            previous: previous.map(|p| Previous {
                id: p.id.clone(),
                created: p.created,
                overall: p.overall,
                change: overall_change(p, report),
            }),
            themes,
        });
    }
    trends
}

/// The comparable scores of theme `id` in `series` (oldest first), up to
/// the newest report that has the theme: those with the same questions.
pub fn comparable_points(series: &[&Report], id: &str) -> Vec<Option<f64>> {
    let Some((last, latest)) = series
        .iter()
        .enumerate()
        .rev()
        .find_map(|(index, r)| r.theme(id).map(|t| (index, t)))
    else {
        return Vec::new();
    };
    series[..=last]
        .iter()
        .filter_map(|r| r.theme(id).filter(|t| t.hash == latest.hash))
        .map(|t| t.score)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_measured_from_the_baseline_to_the_target() {
        let trend = |baseline: Option<f64>| ThemeTrend {
            change: Change::Baseline,
            points: Vec::new(),
            baseline: baseline.map(|b| (b, Timestamp::parse("2026-01-01T00:00:00Z").unwrap())),
        };
        // From 20 toward 70, now at 45: half way.
        assert_eq!(trend(Some(20.0)).progress(Some(45.0), 70.0), Some(0.5));
        assert_eq!(
            trend(Some(20.0)).progress(Some(10.0), 70.0),
            Some(-0.2),
            "a step back is negative"
        );
        assert_eq!(trend(None).progress(Some(45.0), 70.0), None, "no baseline");
        assert_eq!(
            trend(Some(80.0)).progress(Some(85.0), 70.0),
            None,
            "the baseline already met it"
        );
        assert_eq!(
            trend(Some(20.0)).progress(None, 70.0),
            None,
            "not scored now"
        );
    }

    fn example(name: &str) -> Report {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/reports")
            .join(name);
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn one_pass_trends_agree_with_each_reports_own_trend() {
        // A series with every kind of change: scores moving, a theme whose
        // questions changed and changed back, a theme not scored, a theme
        // dropped and brought back.
        let mut series = vec![example("sam-2026-06.toml"), example("sam-2026-09.toml")];
        let mut reworded = series[1].clone();
        reworded.id = "2026-12-01T09-00-00Z".to_owned();
        reworded.created = Timestamp::parse("2026-12-01T09:00:00Z").unwrap();
        reworded.themes[0].hash = "0000000000000000".to_owned();
        reworded.themes[1].score = None;
        reworded.themes.remove(2);
        series.push(reworded);
        let mut back = series[1].clone();
        back.id = "2027-03-01T09-00-00Z".to_owned();
        back.created = Timestamp::parse("2027-03-01T09:00:00Z").unwrap();
        back.themes[0].score = Some(61.0);
        series.push(back);

        let all: Vec<&Report> = series.iter().collect();
        let trends = trends(&all);
        for (index, report) in series.iter().enumerate() {
            let mut own = trend(report, all.iter().copied());
            if index + 1 < series.len() {
                for theme in &mut own.themes {
                    theme.points.clear();
                }
            }
            assert_eq!(trends[index], own, "report {index}");
        }
        let last = &trends[3].themes[0];
        assert_eq!(last.points.len(), 3, "the reworded report is left out");
        assert_eq!(
            comparable_points(&all, &series[3].themes[0].id),
            last.points
        );
    }
}
