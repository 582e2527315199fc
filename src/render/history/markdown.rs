//! `history` as Markdown, to paste into a 1:1 document: per series, the
//! grid of reports (or one theme in detail).

use std::io::Write;

use super::{Grid, detail, heading, overview};
use crate::render::Extras;
use crate::render::markdown::inline;
use crate::render::text;
use crate::report::Report;

/// Writes one series, unless it lacks `only`.
pub(super) fn markdown(
    group: &[(&Report, Extras)],
    only: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if !super::has_theme(group, only) {
        return Ok(());
    }
    let Some(heading) = heading(group) else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "## {}", inline(&heading))?;
    writeln!(out)?;
    let grid = match only {
        Some(id) => detail(group, id),
        None => overview(group, 0, None),
    };
    table(&grid, only.is_some(), out)?;
    for (shown, note) in [
        (grid.provisional, text::PROVISIONAL_NOTE),
        (grid.not_comparable, text::NOT_COMPARABLE_NOTE),
    ] {
        if shown {
            writeln!(out)?;
            writeln!(out, "{}", inline(note))?;
        }
    }
    Ok(())
}

/// A grid as a Markdown table: the first column (and, for a theme in
/// detail, the version and band) left-aligned, the numbers right-aligned.
fn table(grid: &Grid, detailed: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| inline(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", row(&grid.header))?;
    let alignment: Vec<&str> = grid
        .header
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let text = index == 0 || (detailed && matches!(header.as_str(), "Version" | "Band"));
            if text { "---" } else { "--:" }
        })
        .collect();
    writeln!(out, "|{}|", alignment.join("|"))?;
    for cells in &grid.rows {
        writeln!(out, "{}", row(cells))?;
    }
    Ok(())
}
