//! `leadgap assess`: collect answers (from a file, or by asking in the
//! terminal), then score, save, print and judge the gap report.

mod interactive;
mod plan_steps;
mod scripted;

use std::io::Write;

use crate::Context;
use crate::answers::{Answers, PlannedAction};
use crate::catalog::{self, Found};
use crate::cli::AssessArgs;
use crate::clock;
use crate::error::{Error, Result, exit};
use crate::plan::{self, NewAction};
use crate::report::{self, Extras, Meta, Report, SELF_RATER};
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
) -> Result<Finished> {
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
    // Without a readable history the report is its own baseline; saving, if
    // asked for, then says what is wrong with the folder.
    let earlier = match data.map(|data| context.load_reports(&data.reports())) {
        Some(Ok(earlier)) => earlier,
        Some(Err(error)) => {
            if args.no_save {
                context.warn(&format!("no history: {error}"));
            }
            Vec::new()
        }
        None => Vec::new(),
    };
    let saved = match (args.no_save, data) {
        (false, Some(data)) => Some(data.save_report(&mut report)?),
        _ => None,
    };
    let today = context.today()?;
    if !answers.plan.is_empty() {
        match (&saved, data) {
            (Some(_), Some(data)) => commit_planned(context, data, &report, &answers.plan, today)?,
            _ => context.info("The answer file's [[plan]] actions are not saved with --no-save."),
        }
    }
    let plan = context.load_plan();
    let extras = Extras::new(
        &report,
        earlier.iter().map(|l| &l.report),
        plan.as_ref(),
        today,
    );

    let renderer = report::renderer(args.format, context.stdout_color(), context.width());
    renderer
        .render(&report, &extras, out)
        .map_err(Error::stdout)?;
    out.flush().map_err(Error::stdout)?;
    if let Some(path) = &saved {
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
            return Ok(Finished {
                code: exit::BELOW_THRESHOLD,
                report,
                saved: saved.is_some(),
            });
        }
    }
    Ok(Finished {
        code: exit::SUCCESS,
        report,
        saved: saved.is_some(),
    })
}

/// A scored run: its exit code, its report, and whether the report was saved.
struct Finished {
    code: u8,
    report: Report,
    saved: bool,
}

/// Adds the answer file's `[[plan]]` actions to the plan, linked to `report`.
fn commit_planned(
    context: &Context,
    data: &DataDir,
    report: &Report,
    planned: &[PlannedAction],
    today: chrono::NaiveDate,
) -> Result<()> {
    let created = clock::format_rfc3339(clock::now()?);
    let actions: Vec<NewAction> = planned
        .iter()
        .map(|p| NewAction {
            theme: p.theme.clone(),
            theme_title: report
                .theme(&p.theme)
                .map(|t| t.title.clone())
                .unwrap_or_else(|| p.theme.clone()),
            text: p.text.clone(),
            due: p
                .due
                .as_deref()
                .and_then(|d| plan::parse_due(d, today).ok())
                .unwrap_or_else(|| plan::default_due(today)),
            report: Some(report.id.clone()),
        })
        .collect();
    let (numbers, warning) = plan::update(data, plan::IfDamaged::StartAfresh, |plan| {
        Ok(actions
            .into_iter()
            .map(|a| plan.add(a, &created))
            .collect::<Vec<u32>>())
    })?;
    if let Some(warning) = warning {
        context.warn(&warning);
    }
    let listed: Vec<String> = numbers.iter().map(|n| format!("#{n}")).collect();
    context.info(&format!(
        "Added {} to your plan (`leadgap plan` lists it).",
        listed.join(", ")
    ));
    Ok(())
}
