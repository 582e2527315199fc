//! Saved reports on disk: `DATA/reports/<id>.toml`, written once and never
//! overwritten, read back with the place of any problem.

use std::path::{Path, PathBuf};

use super::DataDir;
use crate::document::SCHEMA;
use crate::error::{Error, Result};
use crate::files;
use crate::report::Report;
use crate::source::Source;

impl DataDir {
    /// Saves `report` as a new file in the reports folder. When a file with its
    /// id exists (two runs in one second), the id gets a `-2`, `-3`… suffix;
    /// the report's `id` is updated to match. Returns the file's path.
    pub fn save_report(&self, report: &mut Report) -> Result<PathBuf> {
        let folder = self.reports();
        files::create_private_dir(&folder)?;
        let base = report.id.clone();
        for attempt in 1..=1000 {
            report.id = if attempt == 1 {
                base.clone()
            } else {
                format!("{base}-{attempt}")
            };
            let text = toml::to_string(&*report)
                .map_err(|e| Error::user(format!("cannot save the report: {e}")))?;
            match files::write_new(&folder, &format!("{}.toml", report.id), text.as_bytes()) {
                Ok(path) => return Ok(path),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(Error::io("save a report in", folder, error)),
            }
        }
        Err(Error::user(format!(
            "cannot save the report: 1000 reports named `{base}` already exist in `{}`",
            folder.display()
        )))
    }
}

/// What a file that is not a leadgap report at all is told.
pub const NOT_A_REPORT: &str = "this is not a leadgap report (it has no `schema = 1`)";

/// Reads a saved report.
pub fn load_report(path: &Path) -> Result<Report> {
    let source = Source::read(path)?;
    parse_report(&source)
}

/// Parses a saved report, naming the place of any problem. A report of a
/// newer schema is refused before its content is interpreted.
pub fn parse_report(source: &Source) -> Result<Report> {
    use serde::Deserialize;
    let located = |error: toml::de::Error, message: String| {
        Error::Invalid(vec![source.diagnostic(error.span(), message)])
    };
    let root = toml::de::DeTable::parse(&source.text).map_err(|error| {
        let message = error.message().trim().to_owned();
        located(error, message)
    })?;
    let schema = root.get_ref().get("schema").map(|value| {
        (
            value.get_ref().as_integer().map(|i| i.as_str().to_owned()),
            value.span(),
        )
    });
    match schema {
        Some((Some(number), _)) if number == SCHEMA.to_string() => {}
        Some((Some(number), span)) => {
            return Err(Error::Invalid(vec![
                source
                    .diagnostic(Some(span), format!("report schema {number} is newer than this leadgap reads (schema {SCHEMA})"))
                    .with_help("upgrade leadgap to read it"),
            ]));
        }
        _ => {
            return Err(Error::Invalid(vec![source.diagnostic(
                None,
                NOT_A_REPORT,
            )]));
        }
    }
    Report::deserialize(toml::Deserializer::from(root)).map_err(|error| {
        let message = if error.message().starts_with("missing field") {
            format!(
                "this is not a complete leadgap report ({})",
                error.message().trim()
            )
        } else {
            error.message().trim().to_owned()
        };
        located(error, message)
    })
}
