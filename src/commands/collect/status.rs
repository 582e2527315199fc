//! What is said of a round that is open — how many have answered, and in a
//! round with personal codes which invitations have no answer yet, for a
//! reminder — or closed and asked about.

use std::io::Write;

use serde::Serialize;

use super::CollectArgs;
use crate::Config;
use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::render::Format;
use crate::store::rounds::{Closed, Sent};
use crate::team::counting::Tally;
use crate::team::invite::Invite;

/// The state of a round.
#[derive(Debug, Serialize)]
pub struct Status {
    round: String,
    subject: String,
    /// `open` or `closed`.
    state: &'static str,
    /// Responses that count so far (open), or that the report rests on.
    responses: usize,
    /// In a round with codes: how many were invited.
    invited: Option<usize>,
    /// In a round with codes: the invitations with no answer yet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    waiting: Vec<String>,
    /// The last day to answer.
    closes: Option<String>,
    /// When it closed.
    closed: Option<String>,
    /// Its report's id.
    report: Option<String>,
}

impl Status {
    /// An open round, counted as `tally`; `sent` says which invitation each
    /// code went with.
    pub fn open(invite: &Invite, tally: &Tally, sent: &[Sent]) -> Status {
        let waiting = invite
            .codes
            .iter()
            .zip(&tally.codes_answered)
            .filter(|(_, answered)| !**answered)
            .filter_map(|(code, _)| sent.iter().find(|s| s.code == code.hash))
            .map(|s| s.invitation.clone())
            .collect();
        Status {
            round: invite.round.clone(),
            subject: invite.subject.clone(),
            state: "open",
            responses: if invite.codes.is_empty() {
                tally.counted.len()
            } else {
                tally.answered()
            },
            invited: (!invite.codes.is_empty()).then_some(invite.codes.len()),
            waiting,
            closes: invite.closes.map(|c| c.day.to_string()),
            closed: None,
            report: None,
        }
    }

    /// A closed round, whose report rests on `raters` responses.
    pub fn closed(invite: &Invite, closed: &Closed, raters: usize) -> Status {
        Status {
            round: invite.round.clone(),
            subject: invite.subject.clone(),
            state: "closed",
            responses: raters,
            invited: (!invite.codes.is_empty()).then_some(invite.codes.len()),
            waiting: Vec::new(),
            closes: invite.closes.map(|c| c.day.to_string()),
            closed: Some(closed.closed.clone()),
            report: Some(closed.report.clone()),
        }
    }

    /// Writes the status as `args` asks.
    pub fn write(
        &self,
        config: &Config,
        args: &CollectArgs,
        invite: &Invite,
        out: &mut dyn Write,
    ) -> Result<u8> {
        if args.format == Format::Json {
            let text =
                serde_json::to_string_pretty(self).map_err(|e| Error::user(e.to_string()))?;
            writeln!(out, "{text}").map_err(Error::stdout)?;
            return Ok(exit::SUCCESS);
        }
        let subject = clean_line(&self.subject);
        let text = if let (Some(closed), Some(report)) = (&self.closed, &self.report) {
            format!(
                "Round {} about {subject} closed on {}; its report ({report}) rests on {} \
                 responses. `leadgap collect {}` prints it.\n",
                self.round,
                closed.get(..10).unwrap_or(closed),
                self.responses,
                self.round
            )
        } else {
            let count = match self.invited {
                Some(invited) => format!("{} of {invited} invited have answered", self.responses),
                None => format!(
                    "{} response{} count so far",
                    self.responses,
                    if self.responses == 1 { "" } else { "s" }
                ),
            };
            let when = match (&invite.closes, self.invited) {
                (Some(closes), Some(_)) => format!(
                    "at the end of {} ({}), or once every invited person has answered",
                    closes.day,
                    closes.zone_words()
                ),
                (Some(closes), None) => {
                    format!("at the end of {} ({})", closes.day, closes.zone_words())
                }
                (None, Some(_)) => "once every invited person has answered".to_owned(),
                (None, None) => "when you close it".to_owned(),
            };
            let waiting = if self.waiting.is_empty() {
                String::new()
            } else {
                format!(
                    "\nNo answer yet with {} (send.csv says whose): a reminder to them, not to \
                     everyone.",
                    self.waiting.join(", ")
                )
            };
            format!(
                "Round {} about {subject}: {count}. It closes {when}; until then only this count \
                 is shown, and the round gives one report when it closes. To close it now: {}{waiting}\n",
                self.round,
                config
                    .invocation()
                    .command(&format!("collect {} RESPONSES --close", invite.round))
            )
        };
        out.write_all(text.as_bytes()).map_err(Error::stdout)?;
        Ok(exit::SUCCESS)
    }
}
