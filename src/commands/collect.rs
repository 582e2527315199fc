//! `leadgap collect`: open the responses of a round, aggregate them with the
//! round's privacy rules, save the team's view as a report and print it.
//! A response's answers live only in memory here; nothing of them but the
//! aggregate is written.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::Context;
use crate::answers::file::AnswerFile;
use crate::catalog;
use crate::cli::CollectArgs;
use crate::envelope::{self, Unopened};
use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::questionnaire::Questionnaire;
use crate::render::{Extras, gap};
use crate::report::Meta;
use crate::round::Round;
use crate::source::{MAX_FILE_SIZE, Source};
use crate::store::rounds;
use crate::team::{self, Response};

/// Runs `leadgap collect`.
pub fn run(context: &Context, args: CollectArgs, out: &mut dyn Write) -> Result<u8> {
    let data = context.data_dir()?;
    let (round, own) = rounds::load(&data, &args.round)?;
    let identity = match (&args.identity, own) {
        (Some(path), _) => Source::read(path)?.text,
        (None, Some(identity)) => identity,
        (None, None) => {
            return Err(Error::user_with_help(
                format!(
                    "the responses of round {} are encrypted to {}, whose key this data directory does not have",
                    round.id, round.recipient
                ),
                "pass --identity FILE with the matching age key (the collector's)",
            ));
        }
    };
    if envelope::recipient_of(
        identity
            .lines()
            .find(|l| l.trim().starts_with("AGE-SECRET-KEY-"))
            .unwrap_or_default(),
    )
    .as_deref()
        != Some(round.recipient.as_str())
    {
        return Err(Error::user_with_help(
            "this key does not open the round's responses",
            format!("the round's responses are encrypted to {}", round.recipient),
        ));
    }
    let found = catalog::questionnaire(&round.form.id, Some(&data))?;
    let form = &found.questionnaire;
    if form.hash != round.form.hash {
        return Err(Error::user(format!(
            "round {} was started with `{}` {}, which this leadgap no longer has",
            round.id, round.form.id, round.form.version
        )));
    }
    let rubric = catalog::rubric(&found, None)?;
    let profile = rubric.profile(None)?.clone();

    let folders = if args.responses.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.responses.clone()
    };
    let mut responses: Vec<Response> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for path in files(&folders)? {
        match open(&path, &identity, &round, form) {
            Ok((id, response)) => {
                if seen.contains(&id) {
                    context.info(&format!(
                        "{}: the same response as another file; counted once",
                        path.display()
                    ));
                } else {
                    seen.push(id);
                    responses.push(response);
                }
            }
            Err(problem) => context.warn(&format!("skipping `{}`: {problem}", path.display())),
        }
    }
    if responses.len() < round.min_group {
        return Err(Error::user_with_help(
            format!(
                "{} valid responses to round {}; at least {} are needed before anything can be shown",
                responses.len(),
                round.id,
                round.min_group
            ),
            "wait for more responses; nothing was saved",
        ));
    }
    let now = crate::clock::now()?;
    let meta = Meta {
        id: now.format("%Y-%m-%dT%H-%M-%SZ").to_string(),
        created: crate::clock::format_rfc3339(now),
        respondent: Some(round.subject.clone()),
        rater: team::TEAM_RATER.to_owned(),
    };
    let mut shuffle = random_below;
    let mut report = team::report(
        form,
        &rubric,
        &profile,
        &responses,
        &round.id,
        &round.groups,
        round.min_group,
        meta,
        &mut shuffle,
    );
    drop(responses);
    let earlier = context.load_reports(&data.reports()).unwrap_or_default();
    if !args.no_save {
        let path = data.save_report(&mut report)?;
        context.info(&format!("Saved the team's view to {}", path.display()));
    }
    let mut extras = Extras::new(
        &report,
        earlier.iter().map(|l| &l.report),
        None,
        context.today()?,
    );
    // The manager's own latest self-assessment, in full (with its answers).
    extras.beside = earlier
        .iter()
        .filter(|l| {
            let r = &l.report;
            r.is_self()
                && r.respondent.as_deref() == Some(round.subject.as_str())
                && Some(r.questionnaire.id.as_str()) == form.self_form.as_deref()
        })
        .max_by(|a, b| crate::trend::chronological(&a.report, &b.report))
        .and_then(|l| crate::store::load_report(&l.path).ok());
    gap::render(&report, &extras, args.format, context.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// A random index below `n`.
fn random_below(n: usize) -> usize {
    let mut bytes = [0u8; 8];
    let _ = getrandom::getrandom(&mut bytes);
    (u64::from_le_bytes(bytes) % n.max(1) as u64) as usize
}

/// The response files among `paths`: files as given, folders' `*.age`.
fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io("read", path, e))?;
            let mut ages: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "age"))
                .collect();
            ages.sort();
            found.extend(ages);
        } else {
            found.push(path.clone());
        }
    }
    Ok(found)
}

/// Opens and checks one response: its id and the response.
fn open(
    path: &Path,
    identity: &str,
    round: &Round,
    form: &Questionnaire,
) -> std::result::Result<(String, Response), String> {
    let file = crate::files::open_regular(path).map_err(|e| e.to_string())?;
    let mut sealed = Vec::new();
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut sealed)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if sealed.len() as u64 > MAX_FILE_SIZE {
        return Err("it is larger than any response".to_owned());
    }
    let plain = envelope::open(identity, &sealed).map_err(|error| match error {
        Unopened::NotForUs => "it is encrypted for another key, not this round's".to_owned(),
        Unopened::Damaged(why) => {
            format!("not a response that can be opened (damaged, cut short or edited: {why})")
        }
    })?;
    let text = String::from_utf8(plain).map_err(|_| "it does not hold a response".to_owned())?;
    let source = Source::new(path.display().to_string(), text);
    let mut answers = AnswerFile::parse(&source)
        .check(form, true)
        .map_err(|problems| {
            let first = problems
                .first()
                .map(|p| clean_line(&p.message).into_owned())
                .unwrap_or_default();
            format!("its answers do not fit `{}`: {first}", form.id)
        })?;
    let parts = answers.team.clone();
    if parts.round.as_deref() != Some(round.id.as_str()) {
        return Err(format!(
            "it answers round {}, not {}",
            clean_line(parts.round.as_deref().unwrap_or("(none)")),
            round.id
        ));
    }
    let id = parts.id.ok_or("it has no response id")?;
    let group = parts
        .group
        .filter(|g| round.groups.contains(g))
        .ok_or("its group is not one of the round's")?;
    let (index, value) =
        team::group_value(form, &group).ok_or("its group is unknown to the form")?;
    answers.context[index] = Some(value);
    Ok((
        id,
        Response {
            group,
            keep: parts.keep,
            change: parts.change,
            answers,
        },
    ))
}
