//! Closing a round, under its lock: the overlap with earlier rounds about
//! the same person checked, the one report made and signed, the comments
//! sealed, the round closed, the report saved to history.

use std::io::Write;

use super::CollectArgs;
use crate::Config;
use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::report::{Meta, Report, Signature};
use crate::store::DataDir;
use crate::store::rounds::{self, Closed, RoundFolder};
use crate::team::counting::Tally;
use crate::team::invite::Invite;
use crate::team::keys::Collector;
use crate::team::{self, comments, encryption, overlap, view};

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
    let mut report = view::report(invite, &responses, meta, &mut super::print::randomness()?);
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
    let comments = comments::to_text(
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
    super::print::print(c, &report, out)
}

/// Refuses to close when an earlier closed round about the same person
/// counted a set of people that differs from this one's by fewer than the
/// minimum (see [`overlap`]).
fn overlap(c: &Context, people: &[String]) -> Result<()> {
    let kept = rounds::closed_about(c.data, &c.invite.subject, &c.invite.round)?;
    let earlier: Vec<overlap::Earlier> = kept
        .iter()
        .map(|(round, closed)| overlap::Earlier {
            round,
            closed: &closed.closed,
            people: &closed.people,
        })
        .collect();
    let subject = clean_line(&c.invite.subject);
    match overlap::reveals(people, &earlier, c.invite.min_group, &subject) {
        None => Ok(()),
        Some(reveals) => Err(Error::user_with_help(
            reveals,
            format!(
                "the round stays open: wait until the two differ by {} people or more, or \
                 close it anyway with --accept-overlap",
                c.invite.min_group
            ),
        )),
    }
}

/// Saves a copy of the round's report to the history.
pub fn save(c: &Context, report: &mut Report) -> Result<std::path::PathBuf> {
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
