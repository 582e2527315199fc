//! A team report as `collect` prints it: beside the subject's own latest
//! self-assessment, with the team's earlier reports as its history.

use std::cmp::Ordering;
use std::io::Write;

use super::close::Context;
use crate::error::{Error, Result, exit};
use crate::render::{Extras, gap};
use crate::report::Report;
use crate::store::Loaded;
use crate::trend;

/// Prints the team's report, beside the subject's own latest
/// self-assessment and with the team's earlier reports as its history.
pub fn print(c: &Context, report: &Report, out: &mut dyn Write) -> Result<u8> {
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
    let format = c.args.output.report_format(c.args.format);
    gap::render(report, &extras, format, c.config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// Randomness to shuffle the comments with: without the system's, there is
/// no order that hides the order the responses came in, so that is an
/// error rather than a weaker shuffle.
pub fn randomness() -> Result<rand::rngs::StdRng> {
    <rand::rngs::StdRng as rand::SeedableRng>::from_rng(rand::rngs::OsRng).map_err(|e| {
        Error::user(format!(
            "the system gives no randomness to shuffle the comments with: {e}"
        ))
    })
}
