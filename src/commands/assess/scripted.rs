//! `leadgap assess --answers FILE`: answers from a file or standard input.

use std::io::Write;
use std::path::Path;

use super::AssessArgs;
use super::{Setup, finish};
use crate::Config;
use crate::answers::file::AnswerFile;
use crate::catalog::{self, DEFAULT_QUESTIONNAIRE};
use crate::error::{Error, Result};
use crate::source::Source;

/// Runs a scripted assessment.
pub(super) fn run(
    config: &Config,
    args: &AssessArgs,
    answers_path: &str,
    out: &mut dyn Write,
) -> Result<u8> {
    // Resolve the data directory first: a run that cannot be saved should
    // fail before any work is done.
    let data = if args.no_save {
        config.data_dir().ok()
    } else {
        Some(config.data_dir()?)
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
    // A rating of someone else is given with the team form.
    let found = if args.about.is_some() {
        catalog::team_form(spec, data.as_ref())
    } else {
        catalog::questionnaire(spec, data.as_ref())
    };
    let found = found.map_err(|error| {
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
    let setup = Setup::new(found, args)?;
    let answers = file
        .on(config.today()?)
        .offered(setup.offers.clone())
        .check(&setup.found.questionnaire, args.allow_partial)?;
    finish(config, args, data.as_ref(), &setup, &answers, out).map(|finished| finished.code)
}
