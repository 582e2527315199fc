//! `history` in each of its formats: per series, a table of reports with
//! every theme's score and change and a trend line (or one theme in detail),
//! JSON summaries, CSV rows, and HTML or SVG line charts.

use std::io::Write;
use std::path::Path;

mod table;

use super::csv::{csv_number, csv_text};
use super::text::{self, change_short, date_of, shown_change, whole};
use super::{Extras, Format, Look, gap, svg};
use crate::plan::Status;
use crate::report::Report;
use crate::trend::{self, Change, Trend};

/// The formats of `history`.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Html,
    Format::Svg,
];

/// One series: its reports, oldest first, each with its history and plan.
pub type Series<'a> = Vec<(&'a Report, Extras)>;

/// Writes the history of `groups` (series of the reports read from
/// `folder`), of every theme or only `theme`, in `format`.
pub fn render(
    groups: &[Series<'_>],
    folder: &Path,
    theme: Option<&str>,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Table if groups.is_empty() => writeln!(
            out,
            "No saved reports in `{}` yet; `leadgap assess` makes the first.",
            folder.display()
        ),
        Format::Table => table::table(look, groups, theme, out),
        Format::Html => html(groups, theme, out),
        Format::Svg => svg(groups, theme, out),
        Format::Json => json(groups, theme, out),
        Format::Csv => csv(groups, theme, out),
        Format::Markdown => Err(super::unsupported("history", format)),
    }
}

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

/// "41 +11", "41 n/c", "41", "—".
pub(super) fn cell(report: &Report, trend: &Trend, id: &str) -> String {
    let Some((index, theme)) = report.themes.iter().enumerate().find(|(_, t)| t.id == id) else {
        return String::new();
    };
    let Some(score) = theme.score else {
        return "—".to_owned();
    };
    match trend.themes[index].change {
        Change::Baseline | Change::NotScored => whole(score),
        change => format!("{} {}", whole(score), change_short(change, Some(score))),
    }
}

fn json(groups: &[Series<'_>], theme: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    use serde::Serializer as _;
    // Written as it goes: ten thousand summaries need not be in memory twice.
    let views = chronological(groups)
        .into_iter()
        .map(|(report, extras)| gap::json_view(report, extras, theme, gap::Detail::Summary));
    serde_json::Serializer::pretty(&mut *out).collect_seq(views)?;
    writeln!(out)
}

/// Every report of every series, oldest first.
fn chronological<'a>(groups: &'a [Series<'a>]) -> Vec<(&'a Report, &'a Extras)> {
    let mut all: Vec<(&Report, &Extras)> = groups.iter().flatten().map(|(r, t)| (*r, t)).collect();
    all.sort_by(|a, b| trend::chronological(a.0, b.0));
    all
}

/// One row per report and theme, oldest first.
fn csv(groups: &[Series<'_>], theme: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "report,created,questionnaire,version,respondent,rater,profile,overall,theme,score,change,target,gap,band,coverage"
    )?;
    for (report, extras) in chronological(groups) {
        for (t, theme_trend) in report.themes.iter().zip(&extras.trend.themes) {
            if theme.is_some_and(|id| id != t.id) {
                continue;
            }
            writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{:.3}",
                csv_text(&report.id),
                csv_text(&report.created),
                csv_text(&report.questionnaire.id),
                csv_text(&report.questionnaire.version),
                csv_text(report.respondent.as_deref().unwrap_or_default()),
                csv_text(&report.rater),
                csv_text(&report.rubric.profile),
                csv_number(report.overall),
                csv_text(&t.id),
                csv_number(t.score),
                csv_number(theme_trend.change.delta()),
                csv_number(Some(t.target)),
                csv_number(t.gap),
                csv_text(t.band.as_deref().unwrap_or_default()),
                t.coverage,
            )?;
        }
    }
    Ok(())
}

/// One small line chart per theme of a series (or only `only`): its scores
/// over time against the latest report's target.
fn line_charts(group: &[(&Report, Extras)], only: Option<&str>, prefix: &str) -> Vec<svg::Line> {
    let Some((latest, _)) = group.last() else {
        return Vec::new();
    };
    theme_ids(group)
        .into_iter()
        .filter(|(id, _)| only.is_none_or(|only| only == *id))
        .map(|(id, title)| svg::Line {
            id: id.to_owned(),
            title: format!("{prefix}{title}"),
            points: group
                .iter()
                .filter_map(|(r, _)| {
                    let date = date_of(&r.created).to_owned();
                    r.theme(id).map(|t| (date, t.score))
                })
                .collect(),
            target: latest.theme(id).map(|t| t.target),
        })
        .collect()
}

/// The charts of every series as one SVG; with several series, each chart's
/// title says whose it is.
fn svg(groups: &[Series<'_>], only: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    let several = groups.len() > 1;
    let charts: Vec<svg::Line> = groups
        .iter()
        .flat_map(|group| {
            let prefix = match group.last() {
                Some((report, _)) if several => format!("{}: ", text::who(report)),
                _ => String::new(),
            };
            line_charts(group, only, &prefix)
        })
        .collect();
    writeln!(out, "{}", svg::line_grid(&charts, 3, "Scores over time"))
}

/// A page per series: the line charts, then the table of reports.
fn html(groups: &[Series<'_>], only: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    use super::page::{self, Cell, escape};
    let mut body = String::from("<header><h1>History</h1>\n");
    body.push_str(
        "<p class=\"sub\">Each chart is one theme: the score in each report (solid line, round markers) \
         against the latest target (dashed line).</p></header>\n",
    );
    if groups.is_empty() {
        body.push_str("<p>No saved reports yet.</p>\n");
    }
    for group in groups {
        let Some((latest, _)) = group.last() else {
            continue;
        };
        let reports = if group.len() == 1 {
            "report"
        } else {
            "reports"
        };
        body.push_str(&format!(
            "<h2>{} · {} · {} {reports}</h2>\n",
            escape(&latest.questionnaire.title),
            escape(&text::who(latest)),
            group.len()
        ));
        let charts = line_charts(group, only, "");
        body.push_str(&format!(
            "<figure>{}</figure>\n",
            svg::line_grid(&charts, 3, &text::who(latest))
        ));

        // Themes down, reports across, as in the terminal: a page stays
        // narrow however many themes there are.
        let ids: Vec<(&str, &str)> = theme_ids(group)
            .into_iter()
            .filter(|(id, _)| only.is_none_or(|o| o == *id))
            .collect();
        let dates: Vec<String> = group
            .iter()
            .map(|(r, _)| date_of(&r.created).to_owned())
            .collect();
        let mut header: Vec<(&str, bool)> = vec![("", false)];
        header.extend(dates.iter().map(|d| (d.as_str(), true)));
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut row = vec![Cell::text("Version")];
        row.extend(
            group
                .iter()
                .map(|(r, _)| Cell::number(&r.questionnaire.version)),
        );
        rows.push(row);
        let mut row = vec![Cell::text("Overall")];
        row.extend(group.iter().map(|(report, extras)| {
            Cell::number(&match (
                report.overall,
                extras.trend.previous.as_ref().and_then(|p| p.change),
            ) {
                (Some(o), Some(change)) => {
                    format!("{} {}", whole(o), shown_change(o, change))
                }
                (Some(o), None) => whole(o),
                (None, _) => "—".to_owned(),
            })
        }));
        rows.push(row);
        for (id, title) in &ids {
            let mut row = vec![Cell::text(title)];
            row.extend(
                group
                    .iter()
                    .map(|(report, extras)| Cell::number(&cell(report, &extras.trend, id))),
            );
            rows.push(row);
        }
        if group.iter().any(|(_, e)| !e.plan.made.is_empty()) {
            let mut row = vec![Cell::text("Plan")];
            row.extend(group.iter().map(|(_, extras)| {
                let made = &extras.plan.made;
                let done = made.iter().filter(|a| a.status == Status::Done).count();
                Cell::number(&if made.is_empty() {
                    String::new()
                } else {
                    format!("{done} of {} done", made.len())
                })
            }));
            rows.push(row);
        }
        body.push_str("<div style=\"overflow-x:auto\">\n");
        body.push_str(&page::table(&header, &rows));
        body.push_str("</div>\n");
        if group.iter().any(|(_, e)| {
            e.trend
                .themes
                .iter()
                .any(|t| t.change == Change::QuestionsChanged)
        }) {
            body.push_str(&format!(
                "<p class=\"footnote\">{}</p>\n",
                escape(text::NOT_COMPARABLE_NOTE)
            ));
        }
    }
    out.write_all(page::page("leadgap history", &body).as_bytes())
}
