//! `leadgap assess`: collect answers (from a file, or by asking in the
//! terminal), then score, save, print and judge the gap report.

mod interactive;
mod scripted;

use std::io::Write;

use crate::Context;
use crate::answers::Answers;
use crate::catalog::{self, Found};
use crate::cli::AssessArgs;
use crate::clock;
use crate::error::{Error, Result, exit};
use crate::history;
use crate::report::{self, Meta, Report, SELF_RATER};
use crate::rubric::{Profile, Rubric};
use crate::scoring;
use crate::store::DataDir;

/// Runs `leadgap assess`.
pub fn run(context: &Context, args: AssessArgs, out: &mut dyn Write) -> Result<u8> {
    match &args.answers {
        Some(path) => scripted::run(context, &args, path, out),
        None => interactive::run(context, &args, out),
    }
}

/// What a run is scored with: the questionnaire, its rubric and the profile.
/// All three are checked before any question is asked.
struct Setup {
    found: Found,
    rubric: Rubric,
    profile: Profile,
}

impl Setup {
    fn new(found: Found, args: &AssessArgs) -> Result<Setup> {
        let rubric = catalog::rubric(&found, args.rubric.as_deref())?;
        let profile = rubric.profile(args.profile.as_deref())?.clone();
        Ok(Setup {
            found,
            rubric,
            profile,
        })
    }
}

/// Scores complete answers, then saves (unless `--no-save`), prints the
/// report and applies `--fail-under`. Shared by scripted and interactive runs.
fn finish(
    context: &Context,
    args: &AssessArgs,
    data: Option<&DataDir>,
    setup: &Setup,
    answers: &Answers,
    out: &mut dyn Write,
) -> Result<u8> {
    let questionnaire = &setup.found.questionnaire;
    let outcome = scoring::score(
        questionnaire,
        &setup.rubric,
        &setup.profile,
        &answers.responses,
    );
    let now = clock::now()?;
    let rater = args
        .rater
        .clone()
        .or_else(|| answers.rater.clone())
        .unwrap_or_else(|| SELF_RATER.to_owned());
    let meta = Meta {
        id: now.format("%Y-%m-%dT%H-%M-%SZ").to_string(),
        created: clock::format_rfc3339(now),
        respondent: args.subject.clone().or_else(|| answers.respondent.clone()),
        rater,
    };
    let mut report = Report::build(
        questionnaire,
        &setup.rubric,
        &setup.profile,
        answers,
        &outcome,
        meta,
    );
    // The history this report joins: the reports saved before it.
    let earlier = match data {
        Some(data) => context.load_reports(&data.reports())?,
        None => Vec::new(),
    };
    let saved = match (args.no_save, data) {
        (false, Some(data)) => Some(data.save_report(&mut report)?),
        _ => None,
    };
    let trend = history::trend(&report, earlier.iter().map(|loaded| &loaded.report));

    let renderer = report::renderer(args.format, context.stdout_color(), context.width());
    renderer
        .render(&report, &trend, out)
        .map_err(Error::stdout)?;
    out.flush().map_err(Error::stdout)?;
    if let Some(path) = saved {
        context.info(&format!(
            "Saved to {}\nSee it again with: leadgap show {}",
            path.display(),
            report.id
        ));
    }

    if let Some(threshold) = args.fail_under {
        // Compare what scripts see: the overall score to one decimal.
        let overall = report.overall.map(|o| (o * 10.0).round() / 10.0);
        if overall.is_none_or(|overall| overall < threshold) {
            let shown = overall.map_or_else(|| "not scored".to_owned(), |o| o.to_string());
            context.info(&format!(
                "Overall score {shown} is below --fail-under {threshold}"
            ));
            return Ok(exit::BELOW_THRESHOLD);
        }
    }
    Ok(exit::SUCCESS)
}
