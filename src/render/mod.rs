//! Every document leadgap prints, in every format: the gap report (`gap`),
//! history, diff, compare, cohort, the plan and the answer-file template,
//! with the wording (`text`), HTML page, chart (`svg`) and CSV helpers they
//! share. Pure: a renderer gets the model and a [`Look`], and writes.

pub mod about;
pub mod calendar;
pub mod cohort;
pub mod compare;
pub mod csv;
pub mod diff;
pub mod evidence;
pub mod gap;
pub mod history;
pub mod invite;
pub mod markdown;
pub mod page;
pub mod plan;
pub mod reliability;
pub mod roster;
pub mod svg;
pub mod template;
pub mod text;

use std::fmt;

pub use gap::{Extras, PlanView};

/// Every output format. Each document has some of them; its `FORMATS` lists
/// which, and the command line offers exactly those, each with the help
/// below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for the terminal
    Table,
    /// Markdown, to paste into a 1:1 document
    Markdown,
    /// JSON, for scripts
    Json,
    /// CSV, one row per item, for spreadsheets
    Csv,
    /// A self-contained HTML page with charts, to open anywhere or attach to an email
    Html,
    /// The chart alone, as SVG
    Svg,
    /// An iCalendar file (RFC 5545) to import into any calendar
    Ics,
    /// The report file itself, as leadgap saves it: to keep, send or read with `show`
    Toml,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match clap::ValueEnum::to_possible_value(self) {
            Some(value) => f.write_str(value.get_name()),
            None => Ok(()),
        }
    }
}

/// The error for a document asked for in a format it does not have; the
/// command line never asks for one.
pub fn unsupported(document: &str, format: Format) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        format!("{document} has no {format} form"),
    )
}

/// How terminal output looks, decided once per run: whether to color it and
/// how wide it may be. Only tables use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    /// Whether to use color.
    pub color: bool,
    /// The width to fit, in columns.
    pub width: u16,
}

/// A borderless table as wide as the output, without color: the layout of
/// every listing (`history`, `diff`, `compare`, `cohort`, `plan`, `list`).
pub fn listing_table(look: Look) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::NOTHING)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(look.width)
        .force_no_tty();
    table
}

/// Writes a finished table, its lines without trailing spaces.
pub fn write_table(
    out: &mut dyn std::io::Write,
    table: &comfy_table::Table,
) -> std::io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Right-aligns `columns` of `table` (numbers).
pub fn align_right(table: &mut comfy_table::Table, columns: impl IntoIterator<Item = usize>) {
    for index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
}

/// Writes `value` as pretty-printed JSON followed by a line break.
pub fn write_json(
    out: &mut dyn std::io::Write,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
