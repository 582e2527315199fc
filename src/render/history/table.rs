//! `history` for the terminal: per series, themes down and reports across
//! with a trend line, or one theme in detail.

use std::io::Write;

use comfy_table::CellAlignment;

use super::{Series, cell, theme_ids};
use crate::output::{clean_line, paint, styles};
use crate::plan::Status;
use crate::render::text::{self, change_short, date_of, percent, shown_change, sparkline, whole};
use crate::render::{Extras, Look, listing_table};
use crate::report::Report;
use crate::trend::{self, Change};

pub(super) fn table(
    look: Look,
    groups: &[Series<'_>],
    theme: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let color = look.color;
    let mut first = true;
    for group in groups {
        let Some((latest, _)) = group.last() else {
            continue;
        };
        if theme.is_some_and(|id| {
            latest.theme(id).is_none() && !group.iter().any(|(r, _)| r.theme(id).is_some())
        }) {
            continue;
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        let reports = if group.len() == 1 {
            "report"
        } else {
            "reports"
        };
        let heading = format!(
            "{} · {} · {} {reports}",
            clean_line(&latest.questionnaire.title),
            clean_line(&text::who(latest)),
            group.len()
        );
        writeln!(out, "{}", paint(color, styles::HEADING, &heading))?;
        match theme {
            Some(id) => theme_detail(look, group, id, out)?,
            None => overview(look, group, out)?,
        }
    }
    Ok(())
}

/// Themes down, reports across (the most recent that fit), then the trend
/// line over every report.
fn overview(look: Look, group: &[(&Report, Extras)], out: &mut dyn Write) -> std::io::Result<()> {
    let ids = theme_ids(group);
    // Columns of about 12 characters after a 26-character theme column and
    // the trend; at least two reports are shown.
    let room = usize::from(look.width).saturating_sub(26 + TREND_POINTS.min(group.len()) + 4);
    let shown = (room / 12).clamp(2, group.len().max(2)).min(group.len());
    let columns = &group[group.len() - shown..];

    let mut table = listing_table(look);
    let mut header = vec![String::new()];
    header.extend(columns.iter().map(|(r, _)| date_of(&r.created).to_owned()));
    header.push("Trend".to_owned());
    table.set_header(header);

    let mut version = vec!["Version".to_owned()];
    version.extend(
        columns
            .iter()
            .map(|(r, _)| clean_line(&r.questionnaire.version).into_owned()),
    );
    table.add_row(version);
    let mut profile = vec!["Profile".to_owned()];
    profile.extend(
        columns
            .iter()
            .map(|(r, _)| clean_line(&r.rubric.profile).into_owned()),
    );
    table.add_row(profile);

    let mut overall = vec!["Overall".to_owned()];
    overall.extend(columns.iter().map(|(report, extras)| {
        match (
            report.overall,
            extras.trend.previous.as_ref().and_then(|p| p.change),
        ) {
            (Some(o), Some(change)) => format!("{} {}", whole(o), shown_change(o, change)),
            (Some(o), None) => whole(o),
            (None, _) => "—".to_owned(),
        }
    }));
    let overall_points: Vec<Option<f64>> = group.iter().map(|(r, _)| r.overall).collect();
    overall.push(recent_sparkline(&overall_points));
    table.add_row(overall);

    let (latest, latest_trend) = &group[group.len() - 1];
    for (id, title) in &ids {
        let mut row = vec![clean_line(title).into_owned()];
        row.extend(
            columns
                .iter()
                .map(|(report, extras)| cell(report, &extras.trend, id)),
        );
        let points = latest
            .themes
            .iter()
            .position(|t| t.id == *id)
            .map(|index| recent_sparkline(&latest_trend.trend.themes[index].points))
            .unwrap_or_default();
        row.push(points);
        table.add_row(row);
    }
    // Follow-through on the actions made with each report.
    if columns
        .iter()
        .any(|(_, extras)| !extras.plan.made.is_empty())
    {
        let mut row = vec!["Plan".to_owned()];
        row.extend(columns.iter().map(|(_, extras)| {
            let made = &extras.plan.made;
            let done = made.iter().filter(|a| a.status == Status::Done).count();
            if made.is_empty() {
                String::new()
            } else {
                format!("{done} of {} done", made.len())
            }
        }));
        table.add_row(row);
    }
    for index in 1..=columns.len() {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    if shown < group.len() {
        writeln!(
            out,
            " Showing the last {shown} of {} reports; the trend covers the last {}, and `--format csv` has them all.",
            group.len(),
            TREND_POINTS.min(group.len())
        )?;
    }
    if group.iter().any(|(_, t)| {
        t.trend
            .themes
            .iter()
            .any(|t| t.change == Change::QuestionsChanged)
    }) {
        writeln!(out, " {}", text::NOT_COMPARABLE_NOTE)?;
    }
    Ok(())
}

/// How many reports a trend line covers at most.
const TREND_POINTS: usize = 24;

/// A sparkline of the most recent [`TREND_POINTS`] points.
fn recent_sparkline(points: &[Option<f64>]) -> String {
    sparkline(&points[points.len().saturating_sub(TREND_POINTS)..])
}

/// One theme of a series in detail: every report's score, change, target,
/// gap, band and coverage.
fn theme_detail(
    look: Look,
    group: &[(&Report, Extras)],
    id: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut table = listing_table(look);
    table.set_header([
        "Date", "Version", "Score", "Change", "Target", "Gap", "Band", "Answered",
    ]);
    for (report, extras) in group {
        let trend = &extras.trend;
        let Some((index, theme)) = report.themes.iter().enumerate().find(|(_, t)| t.id == id)
        else {
            continue;
        };
        table.add_row([
            date_of(&report.created).to_owned(),
            clean_line(&report.questionnaire.version).into_owned(),
            theme.score.map_or_else(|| "—".to_owned(), whole),
            change_short(trend.themes[index].change, theme.score),
            whole(theme.target),
            theme.gap.map_or_else(|| "—".to_owned(), whole),
            theme.band.as_deref().map_or_else(
                || "not enough answers".to_owned(),
                |b| clean_line(b).into_owned(),
            ),
            percent(theme.coverage),
        ]);
    }
    for index in 2..=5 {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    let reports: Vec<&Report> = group.iter().map(|(r, _)| *r).collect();
    writeln!(
        out,
        " Trend of comparable scores: {}",
        recent_sparkline(&trend::comparable_points(&reports, id))
    )?;
    Ok(())
}
