//! The action plan's file, `DATA/plan.toml`: read, changed under the data
//! directory's lock and replaced atomically. A damaged plan is never
//! overwritten.

use std::path::PathBuf;

use super::DataDir;
use crate::document::{SCHEMA, Step, span_at};
use crate::error::{Error, Result};
use crate::files;
use crate::plan::Plan;
use crate::source::Source;

/// The file name of the plan in the data directory.
pub const FILE: &str = "plan.toml";

/// Where the plan lives.
pub fn path(data: &DataDir) -> PathBuf {
    data.root().join(FILE)
}

/// A plan that could not be read.
#[derive(Debug)]
pub struct Damaged(pub Error);

/// Reads the plan; a missing file is an empty plan.
pub fn load(data: &DataDir) -> std::result::Result<Plan, Damaged> {
    let path = path(data);
    if !path.exists() {
        return Ok(Plan::new());
    }
    let source = Source::read(&path).map_err(Damaged)?;
    parse(&source)
}

/// Parses a plan file.
pub fn parse(source: &Source) -> std::result::Result<Plan, Damaged> {
    let plan: Plan = toml::from_str(&source.text).map_err(|error| {
        Damaged(Error::Invalid(vec![
            source
                .diagnostic(error.span(), format!("the plan file is damaged: {}", error.message().trim()))
                .with_help("fix it by hand, or move it away to start a new plan; leadgap never overwrites it"),
        ]))
    })?;
    if plan.schema != SCHEMA {
        return Err(Damaged(Error::Invalid(vec![source.diagnostic(
            None,
            format!(
                "plan schema {} is not supported; this leadgap reads schema {SCHEMA}",
                plan.schema
            ),
        )])));
    }
    let problems = plan.numbering_problems();
    if !problems.is_empty() {
        let root = toml::de::DeTable::parse(&source.text)
            .ok()
            .map(|t| t.into_inner());
        return Err(Damaged(Error::Invalid(
            problems
                .into_iter()
                .map(|(index, message)| {
                    let at = match index {
                        Some(index) => vec![Step::Key("actions"), Step::Index(index), Step::Key("number")],
                        None => vec![Step::Key("next_number")],
                    };
                    let span = root.as_ref().and_then(|root| span_at(root, &at));
                    source
                        .diagnostic(span, format!("the plan file is damaged: {message}"))
                        .with_help("fix it by hand, or move it away to start a new plan; leadgap never overwrites it")
                })
                .collect(),
        )));
    }
    Ok(plan)
}

/// What [`update`] does with a damaged plan file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IfDamaged {
    /// Refuse, with the problem and where it is.
    Refuse,
    /// Move it aside (never overwritten) and start a new plan.
    StartAfresh,
}

/// Changes the plan under the data directory's lock and saves it
/// atomically. A damaged plan file is refused, or moved aside and a new plan
/// started (the returned warning says where it went).
pub fn update<T>(
    data: &DataDir,
    if_damaged: IfDamaged,
    change: impl FnOnce(&mut Plan) -> Result<T>,
) -> Result<(T, Option<String>)> {
    files::create_private_dir(data.root())?;
    let _lock = files::lock_folder(data.root())?;
    let (mut plan, warning) = match load(data) {
        Ok(plan) => (plan, None),
        Err(Damaged(error)) if if_damaged == IfDamaged::Refuse => return Err(error),
        Err(Damaged(error)) => {
            let kept = set_aside(data)?;
            let first = error.first_line();
            let warning = format!(
                "{first}\n  the damaged plan is kept as `{}`; a new plan starts now",
                kept.display()
            );
            (Plan::new(), Some(warning))
        }
    };
    let before = plan.clone();
    let value = change(&mut plan)?;
    let text =
        toml::to_string(&plan).map_err(|e| Error::user(format!("cannot save the plan: {e}")))?;
    files::replace(data.root(), FILE, text.as_bytes())
        .map_err(|e| Error::io("save the plan in", data.root(), e))?;
    let unsynced = sync_reports(data, &before, &plan);
    let warning = match (warning, unsynced) {
        (Some(a), Some(b)) => Some(format!("{a}\n{b}")),
        (a, b) => a.or(b),
    };
    Ok((value, warning))
}

/// Writes into each report of the data directory whose actions changed
/// between `before` and `after` the actions it now has, so that a report
/// carries its plan wherever it is sent. The plan is saved already: a
/// report that cannot take it is a warning, not a failure.
fn sync_reports(data: &DataDir, before: &Plan, after: &Plan) -> Option<String> {
    let mut ids: Vec<&str> = before
        .actions
        .iter()
        .chain(&after.actions)
        .filter_map(|a| a.report.as_deref())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut problems = Vec::new();
    for id in ids {
        let actions = after.made_with(id);
        if actions == before.made_with(id) {
            continue;
        }
        let path = data.reports().join(format!("{id}.toml"));
        if !path.is_file() {
            continue;
        }
        if let Err(error) = super::set_plan(&path, &actions) {
            let message = error.first_line();
            problems.push(format!(
                "the plan is saved, but report {id} could not carry it: {message}"
            ));
        }
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

/// Moves a damaged plan file to `plan.damaged-N.toml` (a name not in use).
fn set_aside(data: &DataDir) -> Result<PathBuf> {
    let from = path(data);
    for n in 1..1000 {
        let to = data.root().join(format!("plan.damaged-{n}.toml"));
        if to.exists() {
            continue;
        }
        // A hard link then unlink never replaces an existing file.
        return match std::fs::hard_link(&from, &to) {
            Ok(()) => {
                std::fs::remove_file(&from).map_err(|e| Error::io("move aside", &from, e))?;
                Ok(to)
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => Err(Error::io("move aside", &from, error)),
        };
    }
    Err(Error::user(format!(
        "cannot move the damaged plan `{}` aside",
        from.display()
    )))
}
