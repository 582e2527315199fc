//! `leadgap assess` in a terminal: ask every question, saving progress after
//! each answer, and offer to resume an unfinished run.

use std::io::{IsTerminal, Write};

use super::AssessArgs;
use super::{Setup, finish, plan_steps, rating, start};
use crate::Config;
use crate::answers::interactive::{Seed, Stop, Walk, shuffled};
use crate::answers::terminal::Terminal;
use crate::catalog::{self, DEFAULT_QUESTIONNAIRE};
use crate::clock;
use crate::config::shell_word;
use crate::error::{Error, Result};
use crate::files;
use crate::output::clean_line;
use crate::questionnaire::Answers;
use crate::store::runs::{self, Progress};

/// Runs an interactive assessment.
pub(super) fn run(config: &Config, args: &AssessArgs, out: &mut dyn Write) -> Result<u8> {
    // Never read answers from a pipe by accident, and never draw prompts
    // into a file.
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Error::user_with_help(
            "no terminal to ask the questions in (standard input or output is not a terminal)",
            "run it scripted: `leadgap template > answers.toml`, fill in the answers, then \
             `leadgap assess --answers answers.toml`",
        ));
    }
    let data = config.data_dir()?;
    // Answers are saved as they are given: a data directory that cannot be
    // written should stop the run before the first question, not after it.
    files::create_private_dir(data.root())?;
    let spec = args
        .questionnaire
        .as_deref()
        .unwrap_or(DEFAULT_QUESTIONNAIRE);
    let rating = rating::of(config, args, &data)?;
    let found = match &rating {
        // Someone else is rated with the team form, in the rater's voice.
        Some(_) => catalog::team_form(spec, Some(&data))?,
        None => catalog::questionnaire(spec, Some(&data))?,
    };
    let setup = Setup::new(found, args)?;
    let questionnaire = &setup.found.questionnaire;
    let mut terminal = Terminal::new(config.stderr_color());
    let mut resume = String::from("assess");
    if let Some(spec) = &args.questionnaire {
        resume.push_str(&format!(" --questionnaire {}", shell_word(spec)));
    }
    if let Some(rating) = &rating {
        resume.push_str(&rating.resume_arguments());
        terminal = terminal.rating();
    }
    resume.push_str(" --resume");
    let resume_command = config.invocation().command(&resume);

    let mut walk = Walk {
        answers: Answers::empty(questionnaire),
        notes_asked: vec![false; questionnaire.themes.len()],
        with_notes: args.notes && rating.is_none(),
        with_evidence: !args.no_examples && rating.is_none(),
        orders: shuffled(questionnaire, seed()?),
        offers: setup.offers.clone(),
    };
    let run = runs::run_name(
        &questionnaire.id,
        rating.as_ref().map(|r| r.subject.as_str()),
    );
    let mut total = questionnaire.questions.len();
    // One run of a questionnaire (or of one rating) at a time: held until
    // this function ends.
    let _lock = runs::lock(&data, &run, &resume_command)?;
    let started = start::restore(
        config,
        args,
        &mut terminal,
        &data,
        (questionnaire, &run),
        &mut walk,
        &resume_command,
    )?;
    match &rating {
        Some(rating) => {
            rating.apply(questionnaire, &mut walk.answers)?;
            // The group is given: only the questions it is asked count.
            total = (0..total)
                .filter(|&index| walk.answers.applies(questionnaire, index))
                .count();
        }
        None => walk.answers.respondent = start::respondent(config, args, &mut terminal, &data)?,
    }

    // A new self-assessment starts by asking how the open actions of the
    // plan went; a rating of someone else has no plan of the rater's.
    if walk.answers.answered() == 0 && rating.is_none() {
        plan_steps::review(config, &mut terminal, &data).map_err(|stop| match stop {
            Stop::Interrupted => Error::Interrupted {
                help: "Stopped before the first question; nothing to resume.".to_owned(),
            },
            Stop::Failed(error) => error,
        })?;
    }

    let _ = writeln!(std::io::stderr());
    terminal.heading(&clean_line(&questionnaire.title));
    match &rating {
        // The form's own words are for raters a manager invited.
        Some(rating) => terminal.say(&clean_line(&rating.introduction())),
        None if !questionnaire.description.is_empty() => {
            terminal.say(&clean_line(&questionnaire.description));
        }
        None => {}
    }
    terminal.say(&format!(
        "{total} questions in {} themes. Every answer is saved as you go: esc goes back one question, \
         Ctrl-C stops, and `{resume_command}` continues later.",
        questionnaire.themes.len()
    ));

    let mut save = |walk: &Walk| -> Result<()> {
        let now = clock::format_rfc3339(clock::now()?);
        let saved = Progress::capture(
            questionnaire,
            &walk.answers,
            &walk.notes_asked,
            &walk.orders,
            &started,
            &now,
        );
        runs::save(&data, &saved).map(|_| ())
    };
    if let Err(stop) = walk.run(questionnaire, &mut terminal, &mut save) {
        terminal.interrupted();
        // Counted as the progress of each question counts them: the
        // questions that apply to the context given.
        let (done, asked) = walk.answers.progress(questionnaire);
        return Err(match stop {
            Stop::Interrupted => Error::Interrupted {
                help: format!(
                    "Stopped; {done} of {asked} questions are answered and saved.\nContinue with: {resume_command}"
                ),
            },
            other => stop_error(other, &resume_command),
        });
    }
    let _ = writeln!(std::io::stderr());
    let finished = finish(config, args, Some(&data), &setup, &walk.answers, out)?;
    runs::discard(&data, &run)?;
    if rating.is_some() {
        return Ok(finished.code);
    }
    // The report is saved: stopping now loses nothing but the plan.
    if let Err(stop) = plan_steps::commit(config, &mut terminal, &data, &finished) {
        terminal.interrupted();
        return Err(match stop {
            Stop::Interrupted => Error::Interrupted {
                help: "Stopped; the report is saved. Add actions with `leadgap plan add`."
                    .to_owned(),
            },
            Stop::Failed(error) => error,
        });
    }
    Ok(finished.code)
}

/// How this run orders each question's options: at random, unless
/// `LEADGAP_SEED` says otherwise (`0` keeps the file's order, another
/// number gives a reproducible shuffle), for tests.
fn seed() -> Result<Seed> {
    match std::env::var("LEADGAP_SEED") {
        Err(_) => Ok(Seed::Random),
        Ok(text) if text.trim() == "0" => Ok(Seed::AsWritten),
        Ok(text) => text.trim().parse::<u64>().map(Seed::Fixed).map_err(|_| {
            Error::user(format!(
                "LEADGAP_SEED must be a whole number (0 keeps the questionnaire's order), found `{}`",
                crate::output::clean_line(&text)
            ))
        }),
    }
}

/// The error for a walk that stopped.
pub(super) fn stop_error(stop: Stop, resume_command: &str) -> Error {
    match stop {
        Stop::Interrupted => Error::Interrupted {
            help: format!("Stopped. Continue with: {resume_command}"),
        },
        Stop::Failed(error) => error,
    }
}
