//! `leadgap assess`: collect answers (from a file, or by asking in the
//! terminal), then score, save, print and judge the gap report.

mod interactive;
mod plan_steps;
mod planned;
mod scripted;
mod start;

use crate::render;
use crate::render::Format;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use crate::Config;
use crate::catalog::{self, Found};

use crate::clock;
use crate::config::Series;
use crate::error::{Error, Result, exit};
use crate::programme::norms::Norms;
use crate::quality;
use crate::questionnaire::Answers;
use crate::render::{Extras, gap};
use crate::report::{Meta, Report, SELF_RATER};
use crate::rounding::one_decimal;
use crate::rubric::{Profile, Rubric};
use crate::scoring;
use crate::store::DataDir;

/// `leadgap assess`
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The questionnaire: a built-in or installed name, or a file path [default: it-manager, or the answer file's]
    #[arg(short, long, value_name = "NAME|PATH")]
    pub questionnaire: Option<String>,

    /// Score with this rubric instead of the questionnaire's own
    #[arg(short, long, value_name = "PATH")]
    pub rubric: Option<PathBuf>,

    /// Whose targets to compare against, e.g. new-manager or director [default: the rubric's]
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// Read the answers from this file instead of asking (`-` reads standard input)
    #[arg(short, long, value_name = "PATH|-")]
    pub answers: Option<String>,

    /// Count questions missing from the answer file as skipped instead of an
    /// error (never a required one: a fact cannot be left out)
    #[arg(long, requires = "answers")]
    pub allow_partial: bool,

    /// How to print the report
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::gap::FORMATS))]
    pub format: Format,

    /// Do not save the report to history
    #[arg(long)]
    pub no_save: bool,

    /// Exit with status 3 when the overall score is below SCORE (0-100)
    #[arg(long, value_name = "SCORE", value_parser = crate::commands::parse_score)]
    pub fail_under: Option<f64>,

    /// Who answered: `self`, or the name of someone rating the subject [default: the answer file's, else self]
    #[arg(long, value_name = "NAME")]
    pub rater: Option<String>,

    /// Whom the answers are about [default: the answer file's respondent]
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    #[command(flatten)]
    pub output: crate::commands::Output,

    #[command(flatten)]
    pub norms: crate::commands::NormsFile,

    /// Continue the unfinished interactive run at its first unanswered question
    #[arg(long, conflicts_with = "answers")]
    pub resume: bool,

    /// Ask for an optional note to your mentor after each theme
    #[arg(long, conflicts_with = "answers")]
    pub notes: bool,

    /// Do not ask for an example when a statement gets its strongest answer
    #[arg(long, conflicts_with = "answers")]
    pub no_evidence: bool,
}

/// Runs `leadgap assess`.
pub fn run(config: &Config, args: AssessArgs, out: &mut dyn Write) -> Result<u8> {
    match &args.answers {
        Some(path) => scripted::run(config, &args, path, out),
        None => interactive::run(config, &args, out),
    }
}

/// What a run is scored with: the questionnaire, its rubric and the profile.
/// All three are checked before any question is asked.
struct Setup {
    found: Found,
    rubric: Rubric,
    profile: Profile,
    norms: Option<Arc<Norms>>,
}

impl Setup {
    fn new(found: Found, args: &AssessArgs) -> Result<Setup> {
        let rubric = catalog::rubric(&found, args.rubric.as_deref())?;
        let profile = rubric.profile(args.profile.as_deref())?.clone();
        let norms = args.norms.load()?;
        Ok(Setup {
            found,
            rubric,
            profile,
            norms: norms.map(Arc::new),
        })
    }
}

/// Scores complete answers, then saves (unless `--no-save`), prints the
/// report and applies `--fail-under`. Shared by scripted and interactive runs.
fn finish(
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
    let rater = args
        .rater
        .clone()
        .or_else(|| answers.rater.clone())
        .unwrap_or_else(|| SELF_RATER.to_owned());
    // A self-assessment that names no one is the data directory owner's.
    let own = || {
        (rater == SELF_RATER)
            .then(|| data.and_then(|data| config.my_name(data)))
            .flatten()
    };
    let respondent = args
        .subject
        .clone()
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

    gap::render(&report, &extras, args.format, config.look(), out).map_err(Error::stdout)?;
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
struct Finished {
    code: u8,
    report: Report,
    saved: bool,
}
