//! `history` in each of its formats: per series, a grid of reports with
//! every theme's score and change (or one theme in detail), JSON summaries,
//! CSV rows, and HTML or SVG line charts, written series by series.

mod html;
mod markdown;
mod table;
mod writer;

pub use writer::Writer;

use super::text::{self, change_short, gap_text, percent, score_text, whole};
use super::{Extras, Format};
use crate::plan::Status;
use crate::report::Report;
use crate::trend::{Change, Trend};

/// The formats of `history`.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Markdown,
    Format::Json,
    Format::Csv,
    Format::Html,
    Format::Svg,
];

/// Theme ids of a series in the order of its latest report, then any that
/// only older reports had.
pub(super) fn theme_ids<'a>(group: &[(&'a Report, Extras)]) -> Vec<(&'a str, &'a str)> {
    let mut ids: Vec<(&str, &str)> = Vec::new();
    for (report, _) in group.iter().rev() {
        for theme in &report.themes {
            if !ids.iter().any(|(id, _)| *id == theme.id) {
                ids.push((&theme.id, &theme.title));
            }
        }
    }
    ids
}

/// "Delegation · Sam Hero, self-assessment · 3 reports": the heading of a
/// series.
fn heading(group: &[(&Report, Extras)]) -> Option<String> {
    let (latest, _) = group.last()?;
    let reports = if group.len() == 1 {
        "report"
    } else {
        "reports"
    };
    Some(format!(
        "{} · {} · {} {reports}",
        latest.questionnaire.title,
        text::who(latest),
        group.len()
    ))
}

/// Whether `group` has `only` (or any theme, without `only`).
fn has_theme(group: &[(&Report, Extras)], only: Option<&str>) -> bool {
    only.is_none_or(|id| group.iter().any(|(r, _)| r.theme(id).is_some()))
}

/// A series as rows of plain text, headers first; each format escapes and
/// lays it out.
#[derive(Debug)]
pub(super) struct Grid {
    /// The column headers.
    pub header: Vec<String>,
    /// The rows, a label (or first cell) then one cell per column.
    pub rows: Vec<Vec<String>>,
    /// Per row, the scores over every report of the series, oldest first,
    /// for a trend line (the overall and each theme; empty for the rest).
    pub points: Vec<Vec<Option<f64>>>,
    /// Whether a theme's questions changed between reports (`n/c` cells).
    pub not_comparable: bool,
    /// Whether a score is provisional (`~` cells).
    pub provisional: bool,
}

/// A column label per report of a series: its date, or, where two reports
/// share a date, its time to the minute (or second, or its id) as well, so
/// that no two columns read the same.
pub(super) fn column_labels(group: &[(&Report, Extras)]) -> Vec<String> {
    let precisions: [fn(&Report) -> String; 4] = [
        |r| r.created.date().to_string(),
        |r| r.created.time().format("%Y-%m-%d %H:%M").to_string(),
        |r| r.created.time().format("%Y-%m-%d %H:%M:%S").to_string(),
        |r| r.id.clone(),
    ];
    group
        .iter()
        .map(|(report, _)| {
            let same_day: Vec<&Report> = group
                .iter()
                .map(|(r, _)| *r)
                .filter(|r| r.created.date() == report.created.date())
                .collect();
            precisions
                .iter()
                .map(|label| label(report))
                .find(|mine| {
                    same_day
                        .iter()
                        .filter(|other| precisions.iter().any(|l| l(other) == *mine))
                        .count()
                        == 1
                })
                .unwrap_or_else(|| report.id.clone())
        })
        .collect()
}

/// Themes down, the reports of `group` from `from` on across: version,
/// profile, overall, each theme (or only `only`), and the plan when actions
/// were made.
pub(super) fn overview(group: &[(&Report, Extras)], from: usize, only: Option<&str>) -> Grid {
    let columns = &group[from.min(group.len())..];
    let mut header = vec!["Date".to_owned()];
    header.extend(column_labels(group).into_iter().skip(from));
    let row = |label: &str, cell: &dyn Fn(&Report, &Extras) -> String| {
        let mut row = vec![label.to_owned()];
        row.extend(columns.iter().map(|(r, e)| cell(r, e)));
        row
    };
    let mut points = vec![
        Vec::new(),
        Vec::new(),
        group.iter().map(|(r, _)| r.overall).collect(),
    ];
    let latest = group
        .last()
        .map(|(report, extras)| (*report, &extras.trend));
    let mut rows = vec![
        row("Version", &|r, _| r.questionnaire.version.clone()),
        row("Profile", &|r, _| r.rubric.profile.clone()),
        row("Overall", &|report, extras| {
            let score = match report.overall {
                Some(o) if report.overall_provisional() => format!("{}~", whole(o)),
                Some(o) => whole(o),
                None => return "—".to_owned(),
            };
            match extras.trend.previous.as_ref().and_then(|p| p.change) {
                Some(change) => with_change(
                    score,
                    &text::shown_change(report.overall.unwrap_or_default(), change),
                ),
                None => score,
            }
        }),
    ];
    for (id, title) in theme_ids(group) {
        if only.is_some_and(|only| only != id) {
            continue;
        }
        rows.push(row(title, &|report, extras| {
            cell(report, &extras.trend, id)
        }));
        points.push(
            latest
                .and_then(|(report, trend)| {
                    let index = report.themes.iter().position(|t| t.id == id)?;
                    Some(trend.themes[index].points.clone())
                })
                .unwrap_or_default(),
        );
    }
    if columns.iter().any(|(_, e)| !e.plan.made.is_empty()) {
        rows.push(row("Plan", &|_, extras| {
            let made = &extras.plan.made;
            let done = made.iter().filter(|a| a.status == Status::Done).count();
            if made.is_empty() {
                String::new()
            } else {
                format!("{done} of {} done", made.len())
            }
        }));
        points.push(Vec::new());
    }
    Grid {
        header,
        rows,
        points,
        not_comparable: not_comparable(columns),
        provisional: columns
            .iter()
            .any(|(r, _)| r.themes.iter().any(|t| t.provisional())),
    }
}

/// One theme of a series in detail: a row per report with its score,
/// change, target, gap, band and coverage.
pub(super) fn detail(group: &[(&Report, Extras)], id: &str) -> Grid {
    let header = [
        "Date", "Version", "Score", "Change", "Target", "Gap", "Band", "Answered",
    ];
    let mut rows = Vec::new();
    let mut not_comparable = false;
    for ((report, extras), label) in group.iter().zip(column_labels(group)) {
        let Some((index, theme)) = report.themes.iter().enumerate().find(|(_, t)| t.id == id)
        else {
            continue;
        };
        let change = extras.trend.themes[index].change;
        not_comparable |= change == Change::QuestionsChanged;
        rows.push(vec![
            label,
            report.questionnaire.version.clone(),
            score_text(theme),
            change_short(change, theme.score),
            whole(theme.target),
            gap_text(theme),
            theme
                .band
                .clone()
                .unwrap_or_else(|| "not enough answers".to_owned()),
            percent(theme.coverage),
        ]);
    }
    Grid {
        header: header.map(str::to_owned).to_vec(),
        points: vec![Vec::new(); rows.len()],
        rows,
        not_comparable,
        provisional: group
            .iter()
            .any(|(r, _)| r.theme(id).is_some_and(|t| t.provisional())),
    }
}

/// Whether any report of `reports` has a theme whose questions changed.
fn not_comparable(reports: &[(&Report, Extras)]) -> bool {
    reports.iter().any(|(_, e)| {
        e.trend
            .themes
            .iter()
            .any(|t| t.change == Change::QuestionsChanged)
    })
}

/// "41~ +11", "50 ±0", "41 n/c", "41", "—": a theme's score as shown, with
/// its change since the report before.
pub(super) fn cell(report: &Report, trend: &Trend, id: &str) -> String {
    let Some((index, theme)) = report.themes.iter().enumerate().find(|(_, t)| t.id == id) else {
        return String::new();
    };
    if theme.score.is_none() {
        return "—".to_owned();
    }
    match trend.themes[index].change {
        Change::Baseline | Change::NotScored => score_text(theme),
        change => with_change(score_text(theme), &change_short(change, theme.score)),
    }
}

/// A score and its change, which is never a bare `0` that could read as a
/// digit of the score.
fn with_change(score: String, change: &str) -> String {
    let change = if change == "0" { "±0" } else { change };
    format!("{score} {change}")
}
