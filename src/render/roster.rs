//! `cohort --roster`: who is due to re-assess.

use std::io::Write;

use super::{Format, Look, listing_table, write_json, write_table};
use crate::output::{clean_line, paint, styles};
use crate::programme::roster::Entry;

/// The formats of `cohort --roster`.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json];

/// Writes the roster `entries` (checked against `every`) in `format`.
pub fn render(
    entries: &[Entry],
    every: &str,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(
            out,
            &serde_json::json!({ "every": every, "people": entries }),
        ),
        Format::Table => table(entries, every, look, out),
        _ => Err(super::unsupported("cohort --roster", format)),
    }
}

/// Who is due, in one sentence: "2 of 9 are due (no self-assessment within
/// 90d)."
pub fn due_sentence(entries: &[Entry], every: &str) -> String {
    match entries.iter().filter(|e| e.due).count() {
        0 => format!("Nobody is due: everyone on the roster assessed within {every}."),
        1 => format!(
            "1 of {} is due (no self-assessment within {every}).",
            entries.len()
        ),
        due => format!(
            "{due} of {} are due (no self-assessment within {every}).",
            entries.len()
        ),
    }
}

fn table(entries: &[Entry], every: &str, look: Look, out: &mut dyn Write) -> std::io::Result<()> {
    let heading = due_sentence(entries, every);
    writeln!(out, "{}", paint(look.color, styles::HEADING, &heading))?;
    let mut grid = listing_table(look);
    grid.set_header(["Person", "Latest self-assessment", "Days ago", ""]);
    for entry in entries {
        grid.add_row([
            clean_line(&entry.name).into_owned(),
            entry
                .latest
                .map_or_else(|| "never".to_owned(), |d| d.to_string()),
            entry.days.map(|d| d.to_string()).unwrap_or_default(),
            if entry.due { "due" } else { "" }.to_owned(),
        ]);
    }
    super::align_right(&mut grid, 2..=2);
    write_table(out, &grid)
}
