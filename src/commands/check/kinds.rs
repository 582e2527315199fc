//! Checking each kind of file: a rubric or answer file against the
//! questionnaire it names, a saved report on its own.

use std::path::Path;

use toml::de::DeValue;

use crate::answers::file::AnswerFile;
use crate::catalog::{self, Found};
use crate::document::Document;
use crate::error::{Diagnostic, Error};
use crate::plan::Status;
use crate::render::text;
use crate::rubric;
use crate::source::Source;
use crate::store::{self, DataDir};

pub(super) fn describe_questionnaire(found: &Found) -> String {
    let q = &found.questionnaire;
    format!(
        "questionnaire `{}` {}, {} themes, {} questions",
        q.id,
        q.version,
        q.themes.len(),
        q.questions.len()
    )
}

pub(super) fn describe_rubric(rubric: &rubric::Rubric) -> String {
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

pub(super) fn check_rubric(
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

pub(super) fn check_answers(
    source: &Source,
    explicit: Option<&Found>,
    checked: &[Found],
    data: Option<&DataDir>,
    allow_partial: bool,
) -> Result<String, Vec<Diagnostic>> {
    let file = AnswerFile::parse(source);
    if file.questionnaire().is_none() && explicit.is_none() {
        // Why it names none (a syntax error, a path instead of an id) says more.
        let problems = file.into_problems();
        return Err(if problems.is_empty() {
            questionnaire_for(None, source, None, checked, data)
                .err()
                .unwrap_or_default()
        } else {
            problems
        });
    }
    let named = file.questionnaire_span();
    let found = questionnaire_for(named, source, explicit, checked, data)?;
    let today = crate::clock::now()
        .map_err(|e| vec![source.diagnostic(None, e.to_string())])?
        .date_naive();
    // A team response may leave out what its rater cannot judge, as `respond` allows.
    let partial = allow_partial || found.questionnaire.self_form.is_some();
    let answers = file.on(today).check(&found.questionnaire, partial)?;
    let answered = answers.responses.iter().filter(|r| r.is_answered()).count();
    Ok(format!(
        "answers to `{}`: {answered} of {} questions answered",
        found.questionnaire.id,
        answers.responses.len()
    ))
}

pub(super) fn check_report(source: &Source) -> Result<String, Vec<Diagnostic>> {
    let report = store::parse_report(source)
        .map_err(|error| as_diagnostics(error, Path::new(&source.name)))?;
    let overall = report
        .overall
        .map_or_else(|| "not scored".to_owned(), text::whole);
    Ok(format!(
        "report `{}` ({} {}, {}, overall {overall})",
        report.id,
        report.questionnaire.id,
        report.questionnaire.version,
        text::who(&report)
    ))
}

pub(super) fn check_plan(source: &Source) -> Result<String, Vec<Diagnostic>> {
    let plan = store::plan::parse(source)
        .map_err(|damaged| as_diagnostics(damaged.0, Path::new(&source.name)))?;
    let count = |status: Status| plan.actions.iter().filter(|a| a.status == status).count();
    let actions = if plan.actions.len() == 1 {
        "action"
    } else {
        "actions"
    };
    Ok(format!(
        "action plan: {} {actions} ({} open, {} done, {} dropped)",
        plan.actions.len(),
        count(Status::Open),
        count(Status::Done),
        count(Status::Dropped)
    ))
}

/// Any error as diagnostics, so that `check` can go on with the next file.
pub(super) fn as_diagnostics(error: Error, path: &Path) -> Vec<Diagnostic> {
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
