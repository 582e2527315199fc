//! `leadgap check`: validate files and list every problem in them.

mod kinds;

use clap::Args;
use std::io::Write;
use std::path::PathBuf;

use toml::de::DeTable;

use crate::Config;
use crate::catalog::{self, Found, Origin};

use crate::document::Document;
use crate::error::{Diagnostic, Error, Result, exit};
use crate::output::clean_line;
use crate::questionnaire;
use crate::source::Source;
use kinds::{
    as_diagnostics, check_answers, check_plan, check_report, check_rubric, describe_questionnaire,
    describe_rubric,
};

/// `leadgap check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check: questionnaires, rubrics, answer files, saved reports, plans (`-` reads standard input)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Check rubrics and answer files against this questionnaire [default: the one each file names]
    #[arg(short, long, value_name = "NAME|PATH")]
    pub questionnaire: Option<String>,

    /// Accept answer files with missing answers (as `assess --allow-partial` would)
    #[arg(long)]
    pub allow_partial: bool,
}

/// The kinds of file `check` understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileKind {
    Questionnaire,
    Rubric,
    Answers,
    Report,
    Plan,
}

/// What kind of file a parsed document is, from its top-level keys.
fn detect(root: &DeTable<'_>) -> Option<FileKind> {
    let has = |key: &str| root.contains_key(key);
    if has("created") && has("leadgap") {
        Some(FileKind::Report)
    } else if has("actions") || has("next_number") {
        Some(FileKind::Plan)
    } else if has("questions") || has("themes") && !has("bands") {
        Some(FileKind::Questionnaire)
    } else if has("answers") || has("respondent") || has("rater") {
        Some(FileKind::Answers)
    } else if has("bands") || has("profiles") || has("default_profile") {
        Some(FileKind::Rubric)
    } else {
        None
    }
}

/// Runs `leadgap check`.
pub fn run(config: &Config, args: CheckArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir().ok();
    let explicit = match &args.questionnaire {
        Some(spec) => Some(catalog::questionnaire(spec, data.as_ref())?),
        None => None,
    };

    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut sources: Vec<(Source, FileKind)> = Vec::new();
    // Questionnaires first, so rubrics and answer files given alongside them
    // are checked against them.
    let mut checked: Vec<Found> = Vec::new();
    let mut summaries: Vec<(usize, String)> = Vec::new();
    let mut stdin_read = false;
    for (index, path) in args.files.iter().enumerate() {
        let read = if path.as_os_str() == "-" {
            // Standard input can be read once.
            if std::mem::replace(&mut stdin_read, true) {
                Err(Error::user("standard input (`-`) is named twice"))
            } else {
                Source::stdin()
            }
        } else {
            Source::read(path)
        };
        let source = match read {
            Ok(source) => source,
            Err(error) => {
                problems.extend(as_diagnostics(error, path));
                continue;
            }
        };
        let (mut document, root) = Document::parse(&source);
        if document.has_problems() {
            problems.extend(document.finish());
            continue;
        }
        let Some(kind) = detect(&root) else {
            problems.push(
                source
                    .diagnostic(None, "cannot tell what kind of file this is")
                    .with_help(
                        "leadgap checks questionnaires ([[questions]]), rubrics ([[bands]]), \
                 answer files ([answers]), saved reports and the action plan (plan.toml)",
                    ),
            );
            continue;
        };
        if kind != FileKind::Questionnaire {
            sources.push((source.clone(), kind));
            summaries.push((index, String::new()));
            continue;
        }
        let built = questionnaire::from_document(&mut document, root);
        match document.conclude(built) {
            Ok(q) => {
                let found = Found {
                    questionnaire: q,
                    origin: Origin::File(path.clone()),
                    text: source.text.clone(),
                };
                let mut summary = describe_questionnaire(&found);
                if found.questionnaire.rubric.is_some() {
                    match catalog::rubric(&found, None) {
                        Ok(rubric) => summary.push_str(&format!("; {}", describe_rubric(&rubric))),
                        Err(error) => problems.extend(as_diagnostics(error, path)),
                    }
                }
                summaries.push((index, format!("ok: {}: {summary}", source.name)));
                checked.push(found);
            }
            Err(found_problems) => problems.extend(found_problems),
        }
    }

    let mut others = sources.into_iter();
    for (_, summary) in &mut summaries {
        if !summary.is_empty() {
            continue;
        }
        let Some((source, kind)) = others.next() else {
            break;
        };
        let result = match kind {
            FileKind::Rubric => check_rubric(&source, explicit.as_ref(), &checked, data.as_ref()),
            FileKind::Answers => check_answers(
                &source,
                explicit.as_ref(),
                &checked,
                data.as_ref(),
                args.allow_partial,
            ),
            FileKind::Report => check_report(&source),
            FileKind::Plan => check_plan(&source),
            // Checked in the first pass; never among these.
            FileKind::Questionnaire => continue,
        };
        match result {
            Ok(text) => *summary = format!("ok: {}: {text}", source.name),
            Err(found_problems) => problems.extend(found_problems),
        }
    }

    for (_, summary) in summaries.iter().filter(|(_, s)| !s.is_empty()) {
        writeln!(out, "{}", clean_line(summary)).map_err(Error::stdout)?;
    }
    if problems.is_empty() {
        Ok(exit::SUCCESS)
    } else {
        problems.dedup();
        Err(Error::Invalid(problems))
    }
}
