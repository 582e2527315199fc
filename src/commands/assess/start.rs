//! The start of an interactive run: an unfinished run to resume (or not),
//! and whose answers these are.

use super::AssessArgs;
use super::interactive::stop_error;
use crate::Config;
use crate::answers::interactive::{Stop, Walk};
use crate::answers::terminal::Terminal;
use crate::clock;
use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::questionnaire::Questionnaire;
use crate::report::SELF_RATER;
use crate::store::runs;
use crate::store::{DataDir, identity};

/// Restores the unfinished run of `questionnaire` into `walk` when there is
/// one and the respondent wants it (`--resume`, or yes to the offer), and
/// returns when the run started.
pub(super) fn restore(
    config: &Config,
    args: &AssessArgs,
    terminal: &mut Terminal,
    data: &DataDir,
    (questionnaire, run): (&Questionnaire, &str),
    walk: &mut Walk,
    resume_command: &str,
) -> Result<String> {
    let mut started = clock::format_rfc3339(clock::now()?);
    let total = questionnaire.questions.len();
    let (saved, warning) = runs::load(data, run)?;
    if let Some(warning) = warning {
        config.warn(&warning);
    }
    match saved {
        Some(saved) => {
            let restored = saved.restore(questionnaire);
            let resume = args.resume
                || terminal
                    .confirm(
                        &format!(
                            "You have an unfinished run from {} with {} of {total} questions answered. Continue it?",
                            short_date(&restored.started),
                            restored.answers.answered()
                        ),
                        true,
                    )
                    .map_err(|stop| stop_error(stop, resume_command))?;
            if resume {
                if let Some(old) = &restored.changed_from {
                    terminal.say(&format!(
                        "The questionnaire has changed since you started ({old} → {}): {} of your answers still \
                         apply and are kept; {} no longer apply and will be asked again.",
                        clean_line(&questionnaire.version),
                        restored.answers.answered(),
                        restored.dropped
                    ));
                }
                walk.answers = restored.answers;
                walk.notes_asked = restored.notes_asked;
                // The options keep the order they were shown in.
                for (order, saved) in walk.orders.iter_mut().zip(restored.orders) {
                    if let Some(saved) = saved {
                        *order = saved;
                    }
                }
                started = restored.started;
            } else {
                terminal.say("Starting afresh; the unfinished answers will be replaced.");
            }
        }
        None if args.resume => {
            return Err(Error::user_with_help(
                format!(
                    "there is no unfinished run of `{}` to resume",
                    questionnaire.id
                ),
                format!(
                    "it would be saved in `{}`; start one with `leadgap assess`",
                    data.root().join("runs").display()
                ),
            ));
        }
        None => {}
    }

    Ok(started)
}

/// Whose answers these are: `--subject`, else (for a self-assessment) the
/// name given once.
pub(super) fn respondent(
    config: &Config,
    args: &AssessArgs,
    terminal: &mut Terminal,
    data: &DataDir,
) -> Result<Option<String>> {
    match &args.subject {
        Some(subject) => Ok(Some(subject.clone())),
        None if args.rater.as_deref().is_none_or(|r| r == SELF_RATER) => {
            ask_name(config, terminal, data).map_err(|stop| match stop {
                Stop::Interrupted => Error::Interrupted {
                    help: "Stopped before the first question; nothing to resume.".to_owned(),
                },
                Stop::Failed(error) => error,
            })
        }
        None => Ok(None),
    }
}

/// The name remembered in the data directory, or, the first time, the name
/// asked for and remembered. Esc leaves the report unnamed (and the
/// question for next time).
fn ask_name(
    config: &Config,
    terminal: &mut Terminal,
    data: &DataDir,
) -> Result<Option<String>, Stop> {
    if let Some(name) = config.my_name(data) {
        return Ok(Some(name));
    }
    terminal.say(
        "Your reports carry your name, so that your history, a mentor's comparison and a \
         cohort can tell them apart. It is asked once and kept in this data directory.",
    );
    let name = terminal.line(
        "Your name?",
        "enter when done, esc to leave your reports unnamed for now",
        "",
        |text| {
            if text.trim().is_empty() {
                Err("type your name, or press esc".to_owned())
            } else {
                Ok(())
            }
        },
    )?;
    if let Some(name) = &name {
        identity::remember(data, name)?;
    }
    Ok(name)
}

/// `2026-11-22 13:05` from an RFC 3339 time.
fn short_date(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_owned())
}
