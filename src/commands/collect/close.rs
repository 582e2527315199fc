//! Closing a round, under its lock: the overlap with earlier rounds about
//! the same person checked, the one report made and signed, the comments
//! sealed, the round closed, the report saved to history; and a closed
//! round collected again — its report as it was made, with its comments,
//! and a close that was cut short completed.

use std::cmp::Ordering;
use std::io::Write;

use super::CollectArgs;
use crate::Config;
use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::render::{Extras, gap};
use crate::report::{Meta, Report, Signature};
use crate::store::rounds::{self, Closed, RoundFolder};
use crate::store::{DataDir, Loaded};
use crate::team::counting::{Arrived, Tally};
use crate::team::invite::Invite;
use crate::team::keys::Collector;
use crate::team::{self, encryption, view};
use crate::trend;

/// What closing works with.
pub struct Context<'a> {
    pub config: &'a Config,
    pub args: &'a CollectArgs,
    pub data: &'a DataDir,
    pub round: &'a RoundFolder,
    pub invite: &'a Invite,
    /// The identity file that opens (and signs for) the round.
    pub identity: &'a str,
}

/// Closes the round with the responses `tally` counted, at `now`, because
/// of `why`.
pub fn close(
    c: &Context,
    tally: Tally,
    now: chrono::DateTime<chrono::Utc>,
    why: &str,
    out: &mut dyn Write,
) -> Result<u8> {
    let invite = c.invite;
    if let Some(id) = c.data.team_report_of(&invite.round)? {
        return Err(Error::user_with_help(
            format!(
                "the team report of round {} is already saved here ({id}); a round gives one \
                 report",
                invite.round
            ),
            format!("`leadgap show {id}` prints it"),
        ));
    }
    let sent = c.round.sent()?;
    let mut people: Vec<String> = tally
        .counted
        .iter()
        .filter_map(|a| a.response.code.as_deref())
        .map(team::invite::code_hash)
        .filter_map(|hash| sent.iter().find(|s| s.code == hash))
        .map(|s| s.person.clone())
        .collect();
    people.sort();
    if !c.args.accept_overlap {
        overlap(c, &people)?;
    }
    let responses: Vec<team::response::Opened> =
        tally.counted.iter().map(|a| a.response.clone()).collect();
    let meta = Meta {
        id: now.format("%Y-%m-%dT%H-%M-%SZ").to_string(),
        created: crate::clock::Timestamp::at(now),
        respondent: Some(invite.subject.clone()),
        rater: team::TEAM_RATER.to_owned(),
    };
    let mut report = view::report(invite, &responses, meta, &mut randomness()?);
    drop(responses);
    let in_figures = report.team.as_ref().map_or(0, |t| t.raters);
    if in_figures < invite.min_group {
        return Err(Error::user_with_help(
            format!(
                "round {} cannot close ({why}): {in_figures} of its {} counted responses are in \
                 groups large enough to show, and no figure rests on fewer than {}",
                invite.round,
                tally.counted.len(),
                invite.min_group
            ),
            "the round stays open and nothing was saved; collect again when more answers arrive",
        ));
    }
    let keys = invite.holder.keys();
    let collector = Collector::for_recipient(c.identity, &keys.recipient)
        .filter(|k| k.public() == keys)
        .ok_or_else(|| {
            Error::user(format!(
                "the key that opens round {} does not sign its reports: the invitation names \
                 another signing key",
                invite.round
            ))
        })?;
    report.signature = Some(Signature {
        recipient: keys.recipient.clone(),
        key: keys.signing.clone(),
        value: collector.sign_report(&report.signed_text()),
    });
    let team = report.team.as_ref();
    let comments = comments_text(
        team.map(|t| t.keep.as_slice()).unwrap_or_default(),
        team.map(|t| t.change.as_slice()).unwrap_or_default(),
    );
    let sealed = encryption::seal(&keys.recipient, comments.as_bytes()).map_err(Error::user)?;
    let closed = Closed {
        closed: crate::clock::format_rfc3339(now),
        report: report.id.clone(),
        history: !c.args.no_save,
        counted: tally
            .counted
            .iter()
            .map(|a| a.fingerprint.clone())
            .collect(),
        people,
    };
    c.round.close(&report, &sealed, &closed)?;
    crate::files::fault_point("closed");
    if c.args.no_save {
        c.config.info(&format!(
            "Closed round {}: its report is kept in {} (not in your history).",
            invite.round,
            c.round.dir().display()
        ));
    } else {
        let path = save(c, &mut report.clone())?;
        c.config.info(&format!(
            "Closed round {} and saved its signed report to {}.",
            invite.round,
            path.display()
        ));
    }
    print(c, &report, out)
}

/// Refuses to close when an earlier closed round about the same person
/// counted a set of people that differs from this one's by fewer than the
/// minimum: the two reports' difference would tell those people's answers.
fn overlap(c: &Context, people: &[String]) -> Result<()> {
    if people.is_empty() {
        return Ok(());
    }
    let min = c.invite.min_group;
    for (id, earlier) in rounds::closed_about(c.data, &c.invite.subject, &c.invite.round)? {
        if earlier.people.is_empty() {
            continue;
        }
        let only_here = people
            .iter()
            .filter(|p| !earlier.people.contains(p))
            .count();
        let only_there = earlier
            .people
            .iter()
            .filter(|p| !people.contains(p))
            .count();
        let differ = only_here + only_there;
        if differ > 0 && differ < min {
            return Err(Error::user_with_help(
                format!(
                    "round {id} about {} (closed {}) counted {} people's answers; this round \
                     would count {}, and the two sets differ by {differ} {}: anyone holding both \
                     reports could work out what {} answered from the difference",
                    clean_line(&c.invite.subject),
                    earlier.closed.get(..10).unwrap_or(&earlier.closed),
                    earlier.people.len(),
                    people.len(),
                    if differ == 1 { "person" } else { "people" },
                    if differ == 1 { "that person" } else { "they" },
                ),
                format!(
                    "the round stays open: wait until the two differ by {min} people or more, or \
                     close it anyway with --accept-overlap"
                ),
            ));
        }
    }
    Ok(())
}

/// A closed round collected again: its one report, printed as it was made,
/// with its comments; what arrived since is not counted. A close cut short
/// before the report reached the history is completed.
pub fn again(
    c: &Context,
    closed: &Closed,
    arrived: Vec<Arrived>,
    out: &mut dyn Write,
) -> Result<u8> {
    let on = closed.closed.get(..10).unwrap_or(&closed.closed);
    for each in arrived {
        if !closed.counted.contains(&each.fingerprint) {
            c.config.warn(&format!(
                "`{}`: it arrived after round {} closed on {on}; not counted",
                each.place, c.invite.round
            ));
        }
    }
    let mut report = c.round.report()?;
    if closed.history && c.data.team_report_of(&c.invite.round)?.is_none() {
        let path = save(c, &mut report.clone())?;
        c.config.info(&format!(
            "Saved the report of round {} to {}: its close had been cut short.",
            c.invite.round,
            path.display()
        ));
    }
    if c.args.status {
        let raters = report.team.as_ref().map_or(0, |t| t.raters);
        return super::status::Status::closed(c.invite, closed, raters)
            .write(c.config, c.args, c.invite, out);
    }
    let sealed = c.round.sealed_comments()?;
    let plain = encryption::open(c.identity, &sealed)
        .map_err(|_| Error::user("the round's sealed comments cannot be opened with its key"))?;
    let (keep, change) = read_comments(&String::from_utf8_lossy(&plain))?;
    if let Some(team) = report.team.as_mut() {
        team.keep = keep;
        team.change = change;
    }
    c.config.info(&format!(
        "Round {} closed on {on}; this is its report, as it was made. A round gives one report.",
        c.invite.round
    ));
    print(c, &report, out)
}

/// Saves a copy of the round's report to the history.
fn save(c: &Context, report: &mut Report) -> Result<std::path::PathBuf> {
    c.data.save_report(report).map_err(|error| {
        Error::user_with_help(
            format!(
                "round {} is closed and its report kept in {}, but it could not be saved to \
                 your history: {}",
                c.invite.round,
                c.round.dir().display(),
                error.first_line()
            ),
            format!("`leadgap collect {}` tries again", c.invite.round),
        )
    })
}

/// The comments as the round keeps them, sealed: two lists, each in the
/// order the report shows it.
fn comments_text(keep: &[String], change: &[String]) -> String {
    let mut table = toml::Table::new();
    for (key, list) in [("keep", keep), ("change", change)] {
        table.insert(
            key.into(),
            toml::Value::Array(list.iter().cloned().map(toml::Value::String).collect()),
        );
    }
    toml::to_string(&table).unwrap_or_default()
}

fn read_comments(text: &str) -> Result<(Vec<String>, Vec<String>)> {
    let damaged = || Error::user("the round's sealed comments are damaged");
    let table: toml::Table = toml::from_str(text).map_err(|_| damaged())?;
    let list = |key: &str| -> Result<Vec<String>> {
        table
            .get(key)
            .and_then(toml::Value::as_array)
            .ok_or_else(damaged)?
            .iter()
            .map(|v| v.as_str().map(str::to_owned).ok_or_else(damaged))
            .collect()
    };
    Ok((list("keep")?, list("change")?))
}

/// Prints the team's report, beside the subject's own latest
/// self-assessment and with the team's earlier reports as its history.
fn print(c: &Context, report: &Report, out: &mut dyn Write) -> Result<u8> {
    let invite = c.invite;
    let own_report = |r: &Report| {
        r.is_self()
            && r.respondent.as_deref() == Some(invite.subject.as_str())
            && Some(r.questionnaire.id.as_str()) == invite.form.self_form.as_deref()
    };
    let mut earlier: Vec<Loaded> = Vec::new();
    let mut own: Option<Loaded> = None;
    let visited = c.config.visit_reports(&c.data.reports(), &mut |loaded| {
        if own_report(&loaded.report) {
            if own.as_ref().is_none_or(|o| {
                trend::chronological(&o.report, &loaded.report) != Ordering::Greater
            }) {
                own = Some(loaded);
            }
        } else if loaded.report.id != report.id
            && trend::same_series(&loaded.report, report)
            && trend::chronological(&loaded.report, report) == Ordering::Less
        {
            earlier.push(loaded);
        }
    });
    if visited.is_err() {
        (earlier, own) = (Vec::new(), None);
    }
    let mut extras = Extras::new(
        report,
        earlier.iter().map(|l| &l.report),
        None,
        c.config.today()?,
    );
    // In full (with its answers).
    extras.beside = own.and_then(|l| crate::store::load_report(&l.path).ok());
    gap::render(report, &extras, c.args.format, c.config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// Randomness to shuffle the comments with: without the system's, there is
/// no order that hides the order the responses came in, so that is an
/// error rather than a weaker shuffle.
fn randomness() -> Result<rand::rngs::StdRng> {
    <rand::rngs::StdRng as rand::SeedableRng>::from_rng(rand::rngs::OsRng).map_err(|e| {
        Error::user(format!(
            "the system gives no randomness to shuffle the comments with: {e}"
        ))
    })
}
