//! `leadgap assess`: score a set of answers and print, save and judge the
//! gap report.

use std::io::Write;
use std::path::Path;

use crate::Context;
use crate::answers::Answers;
use crate::answers::file::AnswerFile;
use crate::catalog::{self, DEFAULT_QUESTIONNAIRE, Found};
use crate::cli::AssessArgs;
use crate::clock;
use crate::error::{Error, Result, exit};
use crate::report::{self, Meta, Report, SELF_RATER};
use crate::rubric::{Profile, Rubric};
use crate::scoring;
use crate::source::Source;
use crate::store::DataDir;

/// Runs `leadgap assess`.
pub fn run(context: &Context, args: AssessArgs, out: &mut dyn Write) -> Result<u8> {
    // Resolve the data directory first: a run that cannot be saved should
    // fail before any work is done.
    let data = if args.no_save {
        context.data_dir().ok()
    } else {
        Some(context.data_dir()?)
    };
    let Some(answers_path) = &args.answers else {
        return Err(Error::user_with_help(
            "interactive assessment is not available in this build",
            "run it scripted: `leadgap template > answers.toml`, fill it in, then `leadgap assess --answers answers.toml`",
        ));
    };
    let source = if answers_path == "-" {
        Source::stdin()?
    } else {
        Source::read(Path::new(answers_path))?
    };
    let file = AnswerFile::parse(&source);
    let named = file.questionnaire().map(str::to_owned);
    let spec = args
        .questionnaire
        .as_deref()
        .or(named.as_deref())
        .unwrap_or(DEFAULT_QUESTIONNAIRE);
    let found = catalog::questionnaire(spec, data.as_ref()).map_err(|error| {
        if args.questionnaire.is_some() {
            return error;
        }
        // Named only by the answer file: point at that line of it.
        let Some((message, help)) = error.lines().into_iter().next() else {
            return error;
        };
        match file.questionnaire_problem(message) {
            Some(mut diagnostic) => {
                diagnostic.help = help;
                Error::Invalid(vec![diagnostic])
            }
            None => error,
        }
    })?;
    let rubric = catalog::rubric(&found, args.rubric.as_deref())?;
    let profile = rubric.profile(args.profile.as_deref())?;
    let answers = file.check(&found.questionnaire, args.allow_partial)?;
    finish(
        context,
        &args,
        data.as_ref(),
        &found,
        &rubric,
        profile,
        &answers,
        out,
    )
}

/// Scores complete answers, then saves (unless `--no-save`), prints the
/// report and applies `--fail-under`. Shared by scripted and interactive runs.
#[allow(clippy::too_many_arguments)]
pub fn finish(
    context: &Context,
    args: &AssessArgs,
    data: Option<&DataDir>,
    found: &Found,
    rubric: &Rubric,
    profile: &Profile,
    answers: &Answers,
    out: &mut dyn Write,
) -> Result<u8> {
    let questionnaire = &found.questionnaire;
    let outcome = scoring::score(questionnaire, rubric, profile, &answers.responses);
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
    let mut report = Report::build(questionnaire, rubric, profile, answers, &outcome, meta);
    let saved = match (args.no_save, data) {
        (false, Some(data)) => Some(data.save_report(&mut report)?),
        _ => None,
    };

    let renderer = report::renderer(args.format, context.stdout_color(), context.table_width());
    renderer.render(&report, out).map_err(Error::stdout)?;
    out.flush().map_err(Error::stdout)?;
    if let Some(path) = saved {
        context.info(&format!(
            "Saved to {} (see it again with `leadgap show {}`)",
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
