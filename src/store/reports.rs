//! Saved reports on disk: `DATA/reports/<id>.toml`, written once and never
//! overwritten, read back with the place of any problem, and annotated
//! without losing anything leadgap does not know.

use std::path::{Path, PathBuf};

use super::DataDir;
use crate::document::SCHEMA;
use crate::error::{Error, Result};
use crate::files;
use crate::report::{Report, Review};
use crate::source::Source;

impl DataDir {
    /// Saves `report` as a new file in the reports folder. When a file with its
    /// id exists (two runs in one second), the id gets a `-2`, `-3`… suffix;
    /// the report's `id` is updated to match. Returns the file's path.
    pub fn save_report(&self, report: &mut Report) -> Result<PathBuf> {
        let folder = self.private_folder("reports")?;
        if let Some(round) = report.team.as_ref().map(|t| t.round.clone())
            && let Some(id) = self.team_report_of(&round)?
        {
            // A round gives one report: a second, from other responses,
            // would tell one response from the difference.
            return Err(Error::user_with_help(
                format!(
                    "the team report of round {round} is already saved here ({id}); a round \
                     gives one report"
                ),
                format!("`leadgap show {id}` prints it"),
            ));
        }
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

/// What bringing a received report in did.
#[derive(Debug, PartialEq, Eq)]
pub enum Imported {
    /// It was saved under its id.
    Saved(PathBuf),
    /// The same file was already there.
    AlreadyThere(PathBuf),
}

impl DataDir {
    /// Brings the report file at `path` — a team report the collector
    /// sent, a mentor's view — into this data directory as it is, under its
    /// own id, after reading it as strictly as any saved report (a team
    /// report's signature and figures included). Nothing is replaced: a
    /// different report with the same id, or a second report of one round,
    /// is refused.
    pub fn import_report(&self, path: &Path) -> Result<(Imported, Report)> {
        let source = Source::read(path)?;
        let report = parse_report(&source)?;
        if !super::is_report_id(&report.id) {
            return Err(Error::user(format!(
                "`{}`: its id `{}` cannot name a file",
                path.display(),
                crate::output::clean_line(&report.id)
            )));
        }
        let folder = self.private_folder("reports")?;
        let name = format!("{}.toml", report.id);
        let target = folder.join(&name);
        if let Ok(there) = std::fs::read(&target) {
            if there == source.text.as_bytes() {
                return Ok((Imported::AlreadyThere(target), report));
            }
            return Err(Error::user_with_help(
                format!(
                    "`{}`: a different report with its id `{}` is already saved here; it was not \
                     replaced",
                    path.display(),
                    report.id
                ),
                format!("`leadgap show {}` prints the one saved", report.id),
            ));
        }
        if let Some(round) = report.team.as_ref().map(|t| t.round.clone())
            && let Some(id) = self.team_report_of(&round)?
        {
            return Err(Error::user_with_help(
                format!(
                    "`{}`: the team report of round {round} is already saved here ({id}); a \
                     round gives one report",
                    path.display()
                ),
                format!("`leadgap show {id}` prints it"),
            ));
        }
        let saved = files::write_new(&folder, &name, source.text.as_bytes())
            .map_err(|error| Error::io("save a report in", &folder, error))?;
        Ok((Imported::Saved(saved), report))
    }

    /// The id of the saved team report of round `round`, if there is one.
    pub fn team_report_of(&self, round: &str) -> Result<Option<String>> {
        let mut kept: Option<String> = None;
        super::visit(&self.reports(), Some(&self.cache()), &mut |loaded| {
            if kept.is_none()
                && loaded
                    .report
                    .team
                    .as_ref()
                    .is_some_and(|t| t.round == round)
            {
                kept = Some(loaded.report.id);
            }
        })?;
        Ok(kept)
    }
}

/// What a file that is not a leadgap report at all is told.
pub const NOT_A_REPORT: &str = "this is not a leadgap report (it has no `schema = 1`)";

/// Reads a saved report.
pub fn load_report(path: &Path) -> Result<Report> {
    let source = Source::read(path)?;
    parse_report(&source)
}

/// Reads a saved report's summary ([`Report::into_summary`]) for a listing,
/// without parsing its answers where the file allows: they are most of it.
/// The summary is checked as strictly as a whole report, except that theme
/// scores are not recomputed from the answers (reading it whole does that).
/// A file with a problem is parsed whole, so that the problem is reported
/// at its place in the file.
pub fn load_summary(path: &Path) -> Result<Report> {
    let source = Source::read(path)?;
    if let Some(head) = without_answers(&source.text) {
        let summary = Source::new(source.name.clone(), head);
        if let Ok(report) = parse_report(&summary) {
            return Ok(report.into_summary());
        }
    }
    parse_report(&source).map(Report::into_summary)
}

/// The text of a report without its `[[answers]]` tables (and without each
/// theme's description and advice, which a summary leaves out), which leadgap
/// writes one after another: from the first `[[answers]]` header to the next
/// header of anything else. `None` (read it whole) when the file does not
/// end with a line end (it may be cut short) or names the answers in any
/// other way. Whatever else is wrong with the rest shows when it is parsed,
/// and then the file is read whole, so that the problem is reported at its
/// place.
fn without_answers(text: &str) -> Option<String> {
    const ANSWERS: &str = "[[answers]]";
    // A file cut short is read whole, and its problem reported.
    if !text.ends_with('\n') {
        return None;
    }
    let start = if text.starts_with("[[answers]]\n") {
        0
    } else {
        text.find("\n[[answers]]\n")? + 1
    };
    // The answers run until the first header of anything else.
    let mut end = text.len();
    let mut at = start;
    while let Some(found) = text[at + 1..].find("\n[") {
        let header = at + 1 + found + 1;
        let line = text[header..].lines().next().unwrap_or_default().trim_end();
        if line == ANSWERS {
            at = header;
        } else if line.contains("answers") {
            return None;
        } else {
            end = header;
            break;
        }
    }
    // Answers anywhere else: not a file leadgap wrote; read it whole.
    if text[end..].contains("answers") && text[end..].contains("\n[[") {
        return None;
    }
    let mut head = String::with_capacity(start + text.len() - end + 16);
    // The answers left out, as an empty list: a report always has them.
    head.push_str("answers = []\n");
    for line in text[..start]
        .split_inclusive('\n')
        .chain(text[end..].split_inclusive('\n'))
    {
        // Nor what a summary leaves out of each theme: its description and
        // its advice (written on one line each).
        if !line.starts_with("description = ") && !line.starts_with("advice = ") {
            head.push_str(line);
        }
    }
    Some(head)
}

/// Parses a saved report and checks it (see `validate`), naming the place
/// of any problem. A report of a newer schema is refused before its content
/// is interpreted.
pub fn parse_report(source: &Source) -> Result<Report> {
    use serde::Deserialize;
    let located = |error: toml::de::Error, message: String| {
        let span = error
            .span()
            .or_else(|| crate::document::where_unplaced(source, error.message()));
        Error::Invalid(vec![source.diagnostic(span, message)])
    };
    let root = toml::de::DeTable::parse(&source.text).map_err(|error| {
        let message = error.message().trim().to_owned();
        located(error, message)
    })?;
    let schema = root.get_ref().get("schema").map(|value| {
        let number = value.get_ref().as_integer().and_then(|i| {
            let text = i.as_str().replace('_', "");
            i64::from_str_radix(text.trim_start_matches('+'), i.radix()).ok()
        });
        (number, value.span())
    });
    match schema {
        Some((Some(SCHEMA), _)) => {}
        Some((Some(number), span)) if number > SCHEMA => {
            return Err(Error::Invalid(vec![
                source
                    .diagnostic(
                        Some(span),
                        format!(
                            "report schema {number} is newer than this leadgap reads (schema {SCHEMA})"
                        ),
                    )
                    .with_help("upgrade leadgap to read it"),
            ]));
        }
        Some((Some(number), span)) => {
            return Err(Error::Invalid(vec![source.diagnostic(
                Some(span),
                format!(
                    "report schema {number} is not one leadgap writes; this leadgap reads schema {SCHEMA}"
                ),
            )]));
        }
        _ => {
            return Err(Error::Invalid(vec![source.diagnostic(None, NOT_A_REPORT)]));
        }
    }
    // A time written as a TOML date-time rather than the text leadgap writes.
    if let Some(created) = root.get_ref().get("created")
        && !matches!(created.get_ref(), toml::de::DeValue::String(_))
    {
        return Err(Error::Invalid(vec![source.diagnostic(
            Some(created.span()),
            "`created` must be a quoted time such as \"2026-11-22T13:05:01Z\"",
        )]));
    }
    let report = Report::deserialize(toml::Deserializer::from(root)).map_err(|error| {
        let message = if error.message().starts_with("missing field") {
            format!(
                "this is not a complete leadgap report ({})",
                error.message().trim()
            )
        } else {
            error.message().trim().to_owned()
        };
        located(error, message)
    })?;
    let problems = super::validate::check(source, &report);
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// Appends `review` to the saved report at `path`, atomically, changing
/// nothing else in the file: keys a newer leadgap wrote, comments and layout
/// are kept as they are. The report is checked again first (it may have
/// changed since it was read).
pub fn add_review(path: &Path, review: &Review) -> Result<()> {
    edit_report(path, "save the note in", |document| {
        let mut entry = toml_edit::Table::new();
        entry.insert("theme", toml_edit::value(review.theme.as_str()));
        entry.insert("author", toml_edit::value(review.author.as_str()));
        entry.insert("created", toml_edit::value(review.created.as_str()));
        entry.insert("text", toml_edit::value(review.text.as_str()));
        let reviews = document
            .entry("reviews")
            .or_insert_with(|| toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
        let Some(reviews) = reviews.as_array_of_tables_mut() else {
            return Err(Error::user_with_help(
                format!(
                    "`reviews` in `{}` is not a list of `[[reviews]]` tables",
                    path.display()
                ),
                "fix it by hand; leadgap does not rewrite what it cannot read",
            ));
        };
        reviews.push(entry);
        Ok(())
    })
}

/// Writes `actions` (the actions made with the report at `path`, as the
/// plan now has them) into that report file in place of what it held, so
/// that the report carries its plan wherever it is sent; nothing else in
/// the file changes. The caller holds the data directory's lock.
pub fn set_plan(path: &Path, actions: &[crate::plan::Action]) -> Result<()> {
    #[derive(serde::Serialize)]
    struct Actions<'a> {
        plan: &'a [crate::plan::Action],
    }
    let written: toml_edit::DocumentMut = toml::to_string(&Actions { plan: actions })
        .map_err(|e| e.to_string())
        .and_then(|text| {
            text.parse()
                .map_err(|e: toml_edit::TomlError| e.to_string())
        })
        .map_err(|e| Error::user(format!("cannot write the plan into a report: {e}")))?;
    edit_report(path, "save the plan in", |document| {
        document.remove("plan");
        if let Some(item) = written.get("plan").filter(|_| !actions.is_empty()) {
            document.insert("plan", item.clone());
        }
        Ok(())
    })
}

/// Reads the report at `path` (checked again: it may have changed since it
/// was read), applies `edit` to its text as a document, and replaces the
/// file atomically; `doing` says what for messages ("save the note in").
fn edit_report(
    path: &Path,
    doing: &'static str,
    edit: impl FnOnce(&mut toml_edit::DocumentMut) -> Result<()>,
) -> Result<()> {
    let source = Source::read(path)?;
    parse_report(&source)?;
    let mut document: toml_edit::DocumentMut =
        source.text.parse().map_err(|error: toml_edit::TomlError| {
            Error::Invalid(vec![
                source.diagnostic(error.span(), error.message().trim()),
            ])
        })?;
    edit(&mut document)?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::user(format!("`{}` is not a report file", path.display())))?;
    files::replace(folder, &name, document.to_string().as_bytes())
        .map_err(|e| Error::io(doing, path, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/reports")
            .join(name)
    }

    #[test]
    fn a_summary_read_without_the_answers_is_the_summary_of_the_whole() {
        for name in [
            "sam-2026-06.toml",
            "sam-2026-09.toml",
            "sam-2026-09-by-morgan.toml",
        ] {
            let path = example(name);
            let text = std::fs::read_to_string(&path).unwrap();
            let head = without_answers(&text).unwrap();
            assert!(
                head.len() * 2 < text.len(),
                "{name}: most of a report is its answers"
            );
            let whole = load_report(&path).unwrap().into_summary();
            // Read from the head alone, not by falling back to the whole.
            let summary = parse_report(&Source::new(name, head)).unwrap();
            assert_eq!(summary.into_summary(), whole, "{name}");
            assert_eq!(load_summary(&path).unwrap(), whole, "{name}");
        }
    }

    #[test]
    fn an_odd_or_cut_short_file_is_read_whole() {
        // Cut short, or answers named some other way: no cut at all.
        assert_eq!(without_answers("a = 1\n[[answers]]\ntext = \"Wh"), None);
        assert_eq!(without_answers("[[ answers ]]\nquestion = \"a\"\n"), None);
        assert_eq!(
            without_answers("a = 1\n[[answers]]\nq = 2\n[[answers.x]]\ny = 1\n"),
            None
        );
        // "[[answers]]" inside a multi-line string: the cut does not parse,
        // so the file is read whole.
        let head = without_answers("note = \"\"\"\n[[answers]]\n\"\"\"\n").unwrap();
        assert!(toml::from_str::<toml::Table>(&head).is_err(), "{head}");
        assert_eq!(
            without_answers("a = 1\n[[answers]]\nq = 2\n[[answers]]\nq = 3\n[[reviews]]\nb = 3\n")
                .as_deref(),
            Some("answers = []\na = 1\n[[reviews]]\nb = 3\n")
        );
        assert_eq!(
            without_answers("[[themes]]\nid = \"t\"\ndescription = \"d\"\nadvice = [\"x\"]\n[[answers]]\nq = 1\n")
                .as_deref(),
            Some("answers = []\n[[themes]]\nid = \"t\"\n")
        );
    }
}
