//! `cohort --roster`: who is due to re-assess.

use std::io::Write;

use super::{Format, Look, listing_table, write_json, write_table};
use crate::output::{clean_line, paint, styles};
use crate::programme::roster::{Entry, Roster};

/// The formats of `cohort --roster`.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json];

/// Writes the `roster` (checked against `every`) in `format`.
pub fn render(
    roster: &Roster,
    every: &str,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(
            out,
            &serde_json::json!({
                "every": every,
                "people": roster.entries,
                "unnamed": roster.unnamed,
            }),
        ),
        Format::Table => table(roster, every, look, out),
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

/// What the last column says of an entry: "due", with the name it may
/// be a misspelling of.
pub fn status_words(entry: &Entry) -> String {
    match (entry.due, &entry.did_you_mean) {
        (true, Some(name)) => format!("due; did you mean {}?", clean_line(name)),
        (true, None) => "due".to_owned(),
        (false, _) => String::new(),
    }
}

/// The people of the cohort that no roster line names, in a sentence.
pub fn unnamed_sentence(roster: &Roster) -> Option<String> {
    (!roster.unnamed.is_empty()).then(|| {
        let names: Vec<String> = roster
            .unnamed
            .iter()
            .map(|n| clean_line(n).into_owned())
            .collect();
        format!("In the cohort but on no roster line: {}.", names.join(", "))
    })
}

fn table(roster: &Roster, every: &str, look: Look, out: &mut dyn Write) -> std::io::Result<()> {
    let entries = &roster.entries;
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
            status_words(entry),
        ]);
    }
    super::align_right(&mut grid, 2..=2);
    write_table(out, &grid)?;
    if let Some(sentence) = unnamed_sentence(roster) {
        writeln!(out, "{sentence}")?;
    }
    Ok(())
}
