//! `history` for the terminal: per series, themes down and reports across
//! with a trend line, or one theme in detail.

use std::io::Write;

use comfy_table::CellAlignment;

use super::{Grid, detail, heading, overview};
use crate::output::{clean_line, paint, styles};
use crate::render::text::{self, sparkline};
use crate::render::{Extras, Look, listing_table};
use crate::report::Report;
use crate::trend;

/// Writes one series (unless it lacks `theme`), after a blank line unless
/// it is the `first` written; says whether it wrote anything.
pub(super) fn table(
    look: Look,
    group: &[(&Report, Extras)],
    theme: Option<&str>,
    first: bool,
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    if !super::has_theme(group, theme) {
        return Ok(false);
    }
    let Some(heading) = heading(group) else {
        return Ok(false);
    };
    if !first {
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}",
        paint(look.color, styles::HEADING, &clean_line(&heading))
    )?;
    match theme {
        Some(id) => theme_detail(look, group, id, out)?,
        None => overview_table(look, group, out)?,
    }
    Ok(true)
}

/// Themes down, reports across (the most recent that fit), then the trend
/// line over every report.
fn overview_table(
    look: Look,
    group: &[(&Report, Extras)],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // Columns of about 12 characters after a 26-character theme column and
    // the trend; at least two reports are shown.
    let room = usize::from(look.width).saturating_sub(26 + TREND_POINTS.min(group.len()) + 4);
    let shown = (room / 12).clamp(2, group.len().max(2)).min(group.len());
    let mut grid = overview(group, group.len() - shown, None);

    // The trend over every report, not only those shown.
    grid.header.push("Trend".to_owned());
    for (row, points) in grid.rows.iter_mut().zip(&grid.points) {
        row.push(recent_sparkline(points));
    }
    write_grid(look, &grid, 1..=shown, out)?;
    if shown < group.len() {
        writeln!(
            out,
            " Showing the last {shown} of {} reports; the trend covers the last {}, and `--format csv` has them all.",
            group.len(),
            TREND_POINTS.min(group.len())
        )?;
    }
    Ok(())
}

/// How many reports a trend line covers at most.
const TREND_POINTS: usize = 24;

/// A sparkline of the most recent [`TREND_POINTS`] points.
fn recent_sparkline(points: &[Option<f64>]) -> String {
    sparkline(&points[points.len().saturating_sub(TREND_POINTS)..])
}

/// One theme of a series in detail, then its trend line.
fn theme_detail(
    look: Look,
    group: &[(&Report, Extras)],
    id: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write_grid(look, &detail(group, id), 2..=5, out)?;
    let reports: Vec<&Report> = group.iter().map(|(r, _)| *r).collect();
    writeln!(
        out,
        " Trend of comparable scores: {}",
        recent_sparkline(&trend::comparable_points(&reports, id))
    )
}

/// A grid as a borderless table, `numbers` right-aligned, and the notes
/// its cells need.
fn write_grid(
    look: Look,
    grid: &Grid,
    numbers: std::ops::RangeInclusive<usize>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut table = listing_table(look);
    table.set_header(grid.header.iter().map(|h| clean_line(h).into_owned()));
    for row in &grid.rows {
        table.add_row(row.iter().map(|c| clean_line(c).into_owned()));
    }
    for index in numbers {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    for (shown, note) in [
        (grid.provisional, text::PROVISIONAL_NOTE),
        (grid.not_comparable, text::NOT_COMPARABLE_NOTE),
    ] {
        if shown {
            writeln!(out, " {note}")?;
        }
    }
    Ok(())
}
