//! `leadgap collect`: open the responses of a round, aggregate them with the
//! round's privacy rules, save the team's view as a report and print it.
//! A response's answers live only in memory here; nothing of them but the
//! aggregate is written.

use std::cmp::Ordering;
use std::io::Write;
use std::path::PathBuf;

use crate::Context;
use crate::answers::response::{files, open};
use crate::catalog;
use crate::cli::CollectArgs;
use crate::envelope;
use crate::error::{Error, Result, exit};
use crate::render::{Extras, gap};
use crate::report::{Meta, Report};
use crate::source::Source;
use crate::store::{Loaded, rounds};
use crate::team::{self, Response};
use crate::trend;

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
    // The team's earlier views of this manager (its history), and the
    // manager's own latest self-assessment, read one summary at a time.
    let own_report = |r: &Report| {
        r.is_self()
            && r.respondent.as_deref() == Some(round.subject.as_str())
            && Some(r.questionnaire.id.as_str()) == form.self_form.as_deref()
    };
    let mut earlier: Vec<Loaded> = Vec::new();
    let mut own: Option<Loaded> = None;
    let visited = context.visit_reports(&data.reports(), &mut |loaded| {
        if own_report(&loaded.report) {
            if own.as_ref().is_none_or(|o| {
                trend::chronological(&o.report, &loaded.report) != Ordering::Greater
            }) {
                own = Some(loaded);
            }
        } else if trend::same_series(&loaded.report, &report) {
            earlier.push(loaded);
        }
    });
    if visited.is_err() {
        (earlier, own) = (Vec::new(), None);
    }
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
    // In full (with its answers).
    extras.beside = own.and_then(|l| crate::store::load_report(&l.path).ok());
    gap::render(&report, &extras, args.format, context.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// A random index below `n`.
fn random_below(n: usize) -> usize {
    let mut bytes = [0u8; 8];
    let _ = getrandom::getrandom(&mut bytes);
    (u64::from_le_bytes(bytes) % n.max(1) as u64) as usize
}
