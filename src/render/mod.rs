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
use std::str::FromStr;

pub use gap::{Extras, PlanView};

/// Every output format. Each document has some of them; its `FORMATS` lists
/// which, and the command line offers exactly those.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// Markdown, to paste into a 1:1 document.
    Markdown,
    /// JSON, for scripts.
    Json,
    /// CSV, one row per item, for spreadsheets.
    Csv,
    /// A self-contained HTML page with charts.
    Html,
    /// The chart alone, as SVG.
    Svg,
    /// An iCalendar file (RFC 5545).
    Ics,
    /// The report file itself, as leadgap saves it.
    Toml,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: &[Format] = &[
        Format::Table,
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::Html,
        Format::Svg,
        Format::Ics,
        Format::Toml,
    ];

    /// The name on the command line: `table`, `markdown`…
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Svg => "svg",
            Format::Ics => "ics",
            Format::Toml => "toml",
        }
    }

    /// What the format is for, as `--help` says it.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Table => "A table for the terminal",
            Format::Markdown => "Markdown, to paste into a 1:1 document",
            Format::Json => "JSON, for scripts",
            Format::Csv => "CSV, one row per item, for spreadsheets",
            Format::Html => {
                "A self-contained HTML page with charts, to open anywhere or attach to an email"
            }
            Format::Svg => "The chart alone, as SVG",
            Format::Ics => "An iCalendar file (RFC 5545) to import into any calendar",
            Format::Toml => {
                "The report file itself, as leadgap saves it: to keep, send or read with `show`"
            }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Format, String> {
        Format::ALL
            .iter()
            .copied()
            .find(|format| format.name() == name)
            .ok_or_else(|| format!("unknown format `{name}`"))
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
