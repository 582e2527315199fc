//! `leadgap check`: validate files and list every problem in them.

use std::io::Write;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use crate::Context;
use crate::answers::file::AnswerFile;
use crate::catalog::{self, Found, Origin};
use crate::cli::CheckArgs;
use crate::document::Document;
use crate::error::{Diagnostic, Error, Result, exit};
use crate::output::clean_line;
use crate::questionnaire;
use crate::rubric;
use crate::source::Source;
use crate::store::{self, DataDir};

/// The kinds of file `check` understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileKind {
    Questionnaire,
    Rubric,
    Answers,
    Report,
}

/// What kind of file a parsed document is, from its top-level keys.
fn detect(root: &DeTable<'_>) -> Option<FileKind> {
    let has = |key: &str| root.contains_key(key);
    if has("created") && has("leadgap") {
        Some(FileKind::Report)
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
pub fn run(context: &Context, args: CheckArgs, out: &mut dyn Write) -> Result<u8> {
    let data = context.data_dir().ok();
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
    for (index, path) in args.files.iter().enumerate() {
        let source = match Source::read(path) {
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
                 answer files ([answers]) and saved reports",
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
                };
                let mut summary = describe_questionnaire(&found);
                if found.questionnaire.rubric.is_some() {
                    match catalog::rubric(&found, None) {
                        Ok(rubric) => summary.push_str(&format!("; {}", describe_rubric(&rubric))),
                        Err(error) => problems.extend(as_diagnostics(error, path)),
                    }
                }
                summaries.push((index, format!("ok: {}: {summary}", path.display())));
                checked.push(found);
            }
            Err(found_problems) => problems.extend(found_problems),
        }
    }

    let mut others = sources.into_iter();
    for (index, summary) in &mut summaries {
        if !summary.is_empty() {
            continue;
        }
        let Some((source, kind)) = others.next() else {
            break;
        };
        let path = &args.files[*index];
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
            FileKind::Questionnaire => unreachable!("questionnaires are checked first"),
        };
        match result {
            Ok(text) => *summary = format!("ok: {}: {text}", path.display()),
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

fn describe_questionnaire(found: &Found) -> String {
    let q = &found.questionnaire;
    format!(
        "questionnaire `{}` {}, {} themes, {} questions",
        q.id,
        q.version,
        q.themes.len(),
        q.questions.len()
    )
}

fn describe_rubric(rubric: &rubric::Rubric) -> String {
    let profiles: Vec<&str> = rubric.profiles.iter().map(|p| p.id.as_str()).collect();
    format!(
        "rubric `{}`, {} bands, profiles {}",
        rubric.id,
        rubric.bands.len(),
        profiles.join(", ")
    )
}

/// The questionnaire a rubric or answer file is checked against: `--questionnaire`,
/// else one checked in this run with the id the file names, else a built-in or
/// installed one by that name.
fn questionnaire_for(
    named: Option<(&str, std::ops::Range<usize>)>,
    source: &Source,
    explicit: Option<&Found>,
    checked: &[Found],
    data: Option<&DataDir>,
) -> Result<Found, Vec<Diagnostic>> {
    if let Some(found) = explicit {
        return Ok(found.clone());
    }
    let Some((id, span)) = named else {
        return Err(vec![
            source
                .diagnostic(None, "missing key `questionnaire`")
                .with_help("add `questionnaire = \"ID\"` naming the questionnaire"),
        ]);
    };
    if let Some(found) = checked.iter().find(|f| f.questionnaire.id == id) {
        return Ok(found.clone());
    }
    catalog::questionnaire(id, data).map_err(|error| {
        let (message, _) = error.lines().into_iter().next().unwrap_or_default();
        vec![source.diagnostic(Some(span), message).with_help(
            "pass `--questionnaire PATH`, or check the file together with its questionnaire",
        )]
    })
}

fn check_rubric(
    source: &Source,
    explicit: Option<&Found>,
    checked: &[Found],
    data: Option<&DataDir>,
) -> Result<String, Vec<Diagnostic>> {
    let (mut document, root) = Document::parse(source);
    let named = root
        .get("questionnaire")
        .and_then(|value| match value.get_ref() {
            DeValue::String(id) => Some((id.as_ref(), value.span())),
            _ => None,
        });
    let found = questionnaire_for(named, source, explicit, checked, data)?;
    let built = rubric::from_document(&mut document, root, &found.questionnaire);
    let rubric = document.conclude(built)?;
    Ok(describe_rubric(&rubric))
}

fn check_answers(
    source: &Source,
    explicit: Option<&Found>,
    checked: &[Found],
    data: Option<&DataDir>,
    allow_partial: bool,
) -> Result<String, Vec<Diagnostic>> {
    let file = AnswerFile::parse(source);
    let named = file.questionnaire_span();
    let found = questionnaire_for(named, source, explicit, checked, data)?;
    let answers = file.check(&found.questionnaire, allow_partial)?;
    let answered = answers.responses.iter().filter(|r| r.is_answered()).count();
    Ok(format!(
        "answers to `{}`: {answered} of {} questions answered",
        found.questionnaire.id,
        answers.responses.len()
    ))
}

fn check_report(source: &Source) -> Result<String, Vec<Diagnostic>> {
    let report = store::parse_report(source)
        .map_err(|error| as_diagnostics(error, Path::new(&source.name)))?;
    let overall = report
        .overall
        .map_or_else(|| "not scored".to_owned(), crate::report::whole);
    Ok(format!(
        "report `{}` ({} {}, {}, overall {overall})",
        report.id,
        report.questionnaire.id,
        report.questionnaire.version,
        report.who()
    ))
}

/// Any error as diagnostics, so that `check` can go on with the next file.
fn as_diagnostics(error: Error, path: &Path) -> Vec<Diagnostic> {
    match error {
        Error::Invalid(diagnostics) => diagnostics,
        other => other
            .lines()
            .into_iter()
            .map(|(message, help)| Diagnostic {
                file: path.display().to_string(),
                location: None,
                message,
                help,
            })
            .collect(),
    }
}
