//! A closed round collected again: its one report, printed as it was made,
//! with its comments opened from where the round keeps them sealed; what
//! arrived since is not counted, and a close cut short before the report
//! reached the history is completed.

use std::io::Write;

use super::close::{Context, save};
use crate::error::{Error, Result};
use crate::store::rounds::Closed;
use crate::team::counting::Arrived;
use crate::team::{comments, encryption};

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
    let (keep, change) = comments::from_text(&String::from_utf8_lossy(&plain))
        .ok_or_else(|| Error::user("the round's sealed comments are damaged"))?;
    if let Some(team) = report.team.as_mut() {
        team.keep = keep;
        team.change = change;
    }
    c.config.info(&format!(
        "Round {} closed on {on}; this is its report, as it was made. A round gives one report.",
        c.invite.round
    ));
    super::print::print(c, &report, out)
}
