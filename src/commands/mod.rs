//! One module per subcommand: its arguments (clap) beside its run, which
//! turns them into work and writes the result to the given output. What
//! several commands take — where to write, a norms file, which formats — is
//! here, once.

pub mod assess;
pub mod check;
pub mod cohort;
pub mod collect;
pub mod compare;
pub mod diff;
pub mod evidence;
pub mod history;
pub mod import;
pub mod invite;
pub mod key;
pub mod list;
pub mod norms;
pub mod note;
pub mod packaging;
pub mod plan;
pub mod raters;
pub mod respond;
pub mod show;
pub mod template;

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::render::Format;

/// `-o/--output FILE`, which every command that prints a document takes.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// Write to this file (atomically) instead of standard output
    #[arg(id = "output", short = 'o', long = "output", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

impl Output {
    /// The format a report is written in: `format`, except that a file
    /// named `*.toml` given with the default format (a table) gets the
    /// report file itself, which is what a script writing `x.toml` wants.
    pub fn report_format(&self, format: Format) -> Format {
        let toml_file = self
            .file
            .as_deref()
            .and_then(|f| f.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        if toml_file && format == Format::Table {
            Format::Toml
        } else {
            format
        }
    }
}

/// `--norms FILE`, which every command that shows scores takes.
#[derive(Debug, clap::Args)]
pub struct NormsFile {
    /// Place each score and change against a cohort's norms file (made by `leadgap norms`)
    #[arg(id = "norms", long = "norms", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

impl NormsFile {
    /// The norms file, read, when one was given.
    pub fn load(&self) -> crate::error::Result<Option<crate::programme::norms::Norms>> {
        self.file
            .as_deref()
            .map(crate::programme::norms::Norms::read)
            .transpose()
    }
}

/// A `--format` value: one of `allowed`, each listed in `--help` with what
/// it is for.
pub fn formats(allowed: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        allowed
            .iter()
            .filter_map(clap::ValueEnum::to_possible_value),
    )
    .try_map(|name| <Format as clap::ValueEnum>::from_str(&name, false))
}

/// Refuses a format `what` does not have, as a usage error (exit 2), with
/// the formats it has.
pub(crate) fn offered(format: Format, what: &str, formats: &[Format]) -> crate::error::Result<()> {
    if formats.contains(&format) {
        return Ok(());
    }
    let names: Vec<String> = formats.iter().map(ToString::to_string).collect();
    Err(crate::error::Error::Usage {
        message: format!("`{what}` has no `--format {format}`"),
        help: Some(format!("use one of: {}", names.join(", "))),
    })
}

/// A score from 0 to 100.
pub fn parse_score(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if (0.0..=100.0).contains(&value) => Ok(value),
        _ => Err(format!("expected a score from 0 to 100, found `{text}`")),
    }
}
