//! The end of every run, scripted or interactive: score the answers, build
//! the report, save it, print it and judge `--fail-under`.

use std::io::Write;

use super::{AssessArgs, Setup, planned, rating};
use crate::Config;
use crate::clock;
use crate::config::Series;
use crate::error::{Error, Result, exit};
use crate::quality;
use crate::questionnaire::Answers;
use crate::render::{Extras, gap};
use crate::report::{Meta, Report, SELF_RATER};
use crate::rounding::one_decimal;
use crate::scoring;
use crate::store::DataDir;

/// Scores complete answers, then saves (unless `--no-save`), prints the
/// report and applies `--fail-under`. Shared by scripted and interactive runs.
pub(super) fn finish(
    config: &Config,
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
        &answers.context,
    );
    let now = clock::now()?;
    let rater = match &args.about {
        // A rating of someone else is never anyone's self-assessment.
        Some(_) => rating::rater_of(config, args, data, answers)?,
        None => args
            .rater
            .clone()
            .or_else(|| answers.rater.clone())
            .unwrap_or_else(|| SELF_RATER.to_owned()),
    };
    // A self-assessment that names no one is the data directory owner's.
    let own = || {
        (rater == SELF_RATER)
            .then(|| data.and_then(|data| config.my_name(data)))
            .flatten()
    };
    let respondent = args
        .subject
        .clone()
        .or_else(|| args.about.clone())
        .or_else(|| answers.respondent.clone())
        .or_else(own);
    let meta = Meta {
        id: now.format("%Y-%m-%dT%H-%M-%SZ").to_string(),
        created: clock::Timestamp::at(now),
        respondent,
        rater,
    };
    let notes = quality::notes(questionnaire, &answers.responses, &outcome.questions);
    let mut report = Report::build(
        questionnaire,
        &setup.rubric,
        &setup.profile,
        answers,
        &outcome,
        notes,
        meta,
    );
    report.measured = measured(questionnaire, &setup.offers, answers);
    // The history this report joins: the reports saved before it.
    // Without a readable history the report is its own baseline; saving, if
    // asked for, then says what is wrong with the folder.
    let earlier = match data.map(|data| config.series_in(&data.reports(), true, &report)) {
        Some(Ok(earlier)) => earlier,
        Some(Err(error)) => {
            if args.no_save {
                config.warn(&format!("no history: {error}"));
            }
            Series::default()
        }
        None => Series::default(),
    };
    let saved = match (args.no_save, data) {
        (false, Some(data)) => Some(data.save_report(&mut report)?),
        _ => None,
    };
    let today = config.today()?;
    if !answers.plan.is_empty() {
        match (&saved, data) {
            (Some(_), Some(data)) => planned::commit(config, data, &report, &answers.plan, today)?,
            _ => config.info("The answer file's [[plan]] actions are not saved with --no-save."),
        }
    }
    let plan = config.load_plan();
    let mut extras = Extras::new(
        &report,
        earlier.reports.iter().map(|l| &l.report),
        plan.as_ref(),
        today,
    );
    extras.norms = setup.norms.clone();
    // The team's view beside the manager's own, read in full.
    extras.beside = earlier
        .counterpart
        .and_then(|l| crate::store::load_report(&l.path).ok());

    let format = args.output.report_format(args.format);
    gap::render(&report, &extras, format, config.look(), out).map_err(Error::stdout)?;
    out.flush().map_err(Error::stdout)?;
    if let Some(path) = &saved {
        config.info(&format!(
            "Saved to {}\nSee it again with: {}",
            path.display(),
            config.invocation().command(&format!("show {}", report.id))
        ));
    }

    // Compare what scripts see: the overall score to one decimal.
    let overall = report.overall.map(one_decimal);
    let below = args
        .fail_under
        .filter(|threshold| overall.is_none_or(|overall| overall < *threshold));
    if let Some(threshold) = below {
        let shown = overall.map_or_else(|| "not scored".to_owned(), |o| o.to_string());
        config.info(&format!(
            "Overall score {shown} is below --fail-under {threshold}"
        ));
    }
    let code = if below.is_some() {
        exit::BELOW_THRESHOLD
    } else {
        exit::SUCCESS
    };
    let saved = saved.is_some();
    Ok(Finished {
        code,
        report,
        saved,
    })
}

/// A scored run: its exit code, its report, and whether the report was saved.
pub(super) struct Finished {
    pub(super) code: u8,
    pub(super) report: Report,
    pub(super) saved: bool,
}

/// The answers the evidence measured: each question it offered a value for
/// and that was answered with a number, with the answer given when it
/// differs from the measured value.
fn measured(
    questionnaire: &crate::questionnaire::Questionnaire,
    offers: &[Option<crate::questionnaire::Offer>],
    answers: &Answers,
) -> std::collections::BTreeMap<String, crate::report::Measured> {
    offers
        .iter()
        .enumerate()
        .filter_map(|(index, offer)| {
            let offer = offer.as_ref()?;
            let crate::questionnaire::Response::Number(given) = answers.responses.get(index)?
            else {
                return None;
            };
            let answered = ((given - offer.value).abs() > 1e-9).then_some(*given);
            Some((
                questionnaire.questions[index].id.clone(),
                crate::report::Measured {
                    value: offer.value,
                    source: offer.source.clone(),
                    answered,
                },
            ))
        })
        .collect()
}
