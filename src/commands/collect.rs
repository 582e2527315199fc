//! `leadgap collect`: open the responses of a round with the collector's
//! key, count them under the round's rules, and — once the round closes —
//! make, save and print its one report. Before it closes only how many have
//! arrived is said; after, the same report is printed again and no other is
//! made. A response's answers live only in memory here; nothing of them but
//! the aggregate is written.

use std::cmp::Ordering;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::Config;
use crate::answers::response;
use crate::cli::CollectArgs;
use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::render::{Extras, Format, gap};
use crate::report::{Meta, Report};
use crate::source::Source;
use crate::store::rounds::{self, Closed, INVITE, RoundFolder};
use crate::store::{DataDir, Loaded, key};
use crate::team::counting::{self, Arrived};
use crate::team::invite::{self, Invite, KeyHolder, key_tail};
use crate::team::{self, encryption, view};
use crate::trend;

/// Runs `leadgap collect`.
pub fn run(config: &Config, args: CollectArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    let (round, invite) = locate(&data, &args.round)?;
    let identity = identity(&data, &round, &invite, args.identity.as_deref())?;
    let paths = if args.responses.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.responses.clone()
    };
    let sealed = response::gather(&paths, &mut |warning| config.warn(&warning))?;
    let mut arrived: Vec<Arrived> = Vec::new();
    for each in &sealed {
        match response::open(each, &identity, &invite) {
            Ok(opened) => arrived.push(opened),
            Err(why) => config.warn(&format!("skipping `{}`: {why}", each.place)),
        }
    }

    if let Some(closed) = round.closed()? {
        return closed_again(config, &args, &data, &round, &invite, &closed, arrived, out);
    }
    let tally = counting::tally(&invite, arrived);
    for warning in &tally.warnings {
        config.warn(warning);
    }
    let now = crate::clock::now()?;
    let today = now.date_naive();
    let every_code = !invite.codes.is_empty() && tally.codes_answered == invite.codes.len();
    let past = invite.closes.is_some_and(|last| today > last);
    if args.status || !(args.close || past || every_code) {
        let status = Status::open(&invite, tally.counted.len(), tally.codes_answered);
        return status.write(config, &args, &invite, out);
    }

    // Closing: the one report of the round.
    if let Some(id) = data.team_report_of(&invite.round)? {
        return Err(Error::user_with_help(
            format!(
                "the team report of round {} is already saved here ({id}); a round gives one \
                 report",
                invite.round
            ),
            format!("`leadgap show {id}` prints it"),
        ));
    }
    let responses: Vec<team::response::Opened> =
        tally.counted.iter().map(|a| a.response.clone()).collect();
    let meta = Meta {
        id: now.format("%Y-%m-%dT%H-%M-%SZ").to_string(),
        created: crate::clock::Timestamp::at(now),
        respondent: Some(invite.subject.clone()),
        rater: team::TEAM_RATER.to_owned(),
    };
    let mut report = view::report(&invite, &responses, meta, &mut randomness()?);
    drop(responses);
    let in_figures = report.team.as_ref().map_or(0, |t| t.raters);
    if in_figures < invite.min_group {
        let why = if args.close {
            "you asked to close it".to_owned()
        } else if every_code {
            "every code has an answer".to_owned()
        } else {
            format!(
                "its last day was {}",
                invite.closes.map(|d| d.to_string()).unwrap_or_default()
            )
        };
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
    let closed = Closed {
        closed: crate::clock::format_rfc3339(now),
        report: report.id.clone(),
        counted: tally
            .counted
            .iter()
            .map(|a| a.fingerprint.clone())
            .collect(),
    };
    round.close(&report, &closed)?;
    if args.no_save {
        config.info(&format!(
            "Closed round {}: its report is kept in {} (not in your history).",
            invite.round,
            round.dir().display()
        ));
    } else {
        let path = data.save_report(&mut report).map_err(|error| {
            Error::user_with_help(
                format!(
                    "round {} is closed and its report kept in {}, but it could not be saved to \
                     your history: {error}",
                    invite.round,
                    round.dir().display()
                ),
                format!("`leadgap collect {}` prints it again", invite.round),
            )
        })?;
        config.info(&format!(
            "Closed round {} and saved its report to {}.",
            invite.round,
            path.display()
        ));
    }
    print(config, &args, &data, &invite, &report, out)
}

/// A closed round collected again: its one report, printed as it was made;
/// what arrived since is not counted. The comments, which no file keeps,
/// are listed when every response the round counted is among the files.
#[allow(clippy::too_many_arguments)]
fn closed_again(
    config: &Config,
    args: &CollectArgs,
    data: &DataDir,
    round: &RoundFolder,
    invite: &Invite,
    closed: &Closed,
    arrived: Vec<Arrived>,
    out: &mut dyn Write,
) -> Result<u8> {
    let mut report = round.report()?;
    let mut counted: Vec<Arrived> = Vec::new();
    for each in arrived {
        if closed.counted.contains(&each.fingerprint) {
            if !counted.iter().any(|c| c.fingerprint == each.fingerprint) {
                counted.push(each);
            }
        } else {
            config.warn(&format!(
                "`{}`: it arrived after round {} closed on {}; not counted",
                each.place,
                invite.round,
                closed.closed.get(..10).unwrap_or(&closed.closed)
            ));
        }
    }
    if args.status {
        let raters = report.team.as_ref().map_or(0, |t| t.raters);
        return Status::closed(invite, closed, raters).write(config, args, invite, out);
    }
    if counted.len() == closed.counted.len() {
        let responses: Vec<team::response::Opened> =
            counted.into_iter().map(|a| a.response).collect();
        let again = view::report(
            invite,
            &responses,
            Meta {
                id: report.id.clone(),
                created: report.created,
                respondent: report.respondent.clone(),
                rater: report.rater.clone(),
            },
            &mut randomness()?,
        );
        if let (Some(kept), Some(made)) = (report.team.as_mut(), again.team) {
            kept.keep = made.keep;
            kept.change = made.change;
        }
    } else {
        config.info(&format!(
            "The comments are listed only with every response the round counted: {} of {} were \
             among the files given.",
            counted.len(),
            closed.counted.len()
        ));
    }
    config.info(&format!(
        "Round {} closed on {}; this is its report, as it was made. A round gives one report.",
        invite.round,
        closed.closed.get(..10).unwrap_or(&closed.closed)
    ));
    print(config, args, data, invite, &report, out)
}

/// Prints the team's report, beside the subject's own latest
/// self-assessment and with the team's earlier reports as its history.
fn print(
    config: &Config,
    args: &CollectArgs,
    data: &DataDir,
    invite: &Invite,
    report: &Report,
    out: &mut dyn Write,
) -> Result<u8> {
    let own_report = |r: &Report| {
        r.is_self()
            && r.respondent.as_deref() == Some(invite.subject.as_str())
            && Some(r.questionnaire.id.as_str()) == invite.form.self_form.as_deref()
    };
    let mut earlier: Vec<Loaded> = Vec::new();
    let mut own: Option<Loaded> = None;
    let visited = config.visit_reports(&data.reports(), &mut |loaded| {
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
        config.today()?,
    );
    // In full (with its answers).
    extras.beside = own.and_then(|l| crate::store::load_report(&l.path).ok());
    gap::render(report, &extras, args.format, config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The round `spec` names: an invitation (a `.toml` file, or a folder
/// holding `invite.toml`), kept in this data directory the first time; or
/// the id of a round kept here.
fn locate(data: &DataDir, spec: &str) -> Result<(RoundFolder, Invite)> {
    let path = Path::new(spec);
    let file = if path.is_dir() {
        Some(path.join(INVITE))
    } else if path.is_file() {
        Some(path.to_owned())
    } else {
        None
    };
    match file {
        Some(file) => {
            let invite = invite::parse(&Source::read(&file)?).map_err(Error::Invalid)?;
            let round = rounds::register(data, &invite)?;
            Ok((round, invite))
        }
        None => rounds::find(data, spec),
    }
}

/// The identity that opens the round's responses: `--identity FILE` alone
/// when given; else this data directory's collector key or the round's own
/// key, whichever is the round's.
fn identity(
    data: &DataDir,
    round: &RoundFolder,
    invite: &Invite,
    explicit: Option<&Path>,
) -> Result<String> {
    let recipient = invite.holder.recipient();
    let opens = |text: &str| {
        encryption::recipients_of(text).is_ok_and(|keys| keys.iter().any(|k| k == recipient))
    };
    if let Some(path) = explicit {
        let text = key::read(path)?;
        if opens(&text) {
            return Ok(text);
        }
        return Err(Error::user_with_help(
            format!(
                "`{}` does not open round {}: its answers are sealed to {}",
                path.display(),
                invite.round,
                sealed_to(&invite.holder)
            ),
            "give the identity file whose public key is the round's (`leadgap key` prints the \
             public key of a data directory's collector key)",
        ));
    }
    for text in [key::load(data)?, round.identity()?].into_iter().flatten() {
        if opens(&text) {
            return Ok(text);
        }
    }
    let help = match &invite.holder {
        KeyHolder::Collector { name, .. } => format!(
            "only {} can open them: collect on their machine (`leadgap collect INVITE \
             RESPONSES` there), or pass --identity FILE with their key",
            clean_line(name)
        ),
        KeyHolder::Subject { .. } => "collect where the round was started: its key is kept in \
                                      that data directory's rounds folder"
            .to_owned(),
    };
    Err(Error::user_with_help(
        format!(
            "this data directory has no key that opens round {}: its answers are sealed to {}",
            invite.round,
            sealed_to(&invite.holder)
        ),
        help,
    ))
}

/// "Morgan Lee's key (ending …)", "Sam Hero's round key (ending …)".
fn sealed_to(holder: &KeyHolder) -> String {
    match holder {
        KeyHolder::Collector { name, recipient } => format!(
            "{}'s key (ending {})",
            clean_line(name),
            key_tail(recipient)
        ),
        KeyHolder::Subject { recipient } => {
            format!("the round's own key (ending {})", key_tail(recipient))
        }
    }
}

/// What is said of a round that is open, or closed and asked about.
#[derive(Debug, Serialize)]
struct Status {
    round: String,
    subject: String,
    /// `open` or `closed`.
    state: &'static str,
    /// Responses that count so far (open), or that the report rests on.
    responses: usize,
    /// In a round with codes: how many were invited.
    invited: Option<usize>,
    /// The last day to answer.
    closes: Option<String>,
    /// When it closed.
    closed: Option<String>,
    /// Its report's id.
    report: Option<String>,
}

impl Status {
    fn open(invite: &Invite, responses: usize, codes_answered: usize) -> Status {
        Status {
            round: invite.round.clone(),
            subject: invite.subject.clone(),
            state: "open",
            responses: if invite.codes.is_empty() {
                responses
            } else {
                codes_answered
            },
            invited: (!invite.codes.is_empty()).then_some(invite.codes.len()),
            closes: invite.closes.map(|d| d.to_string()),
            closed: None,
            report: None,
        }
    }

    fn closed(invite: &Invite, closed: &Closed, raters: usize) -> Status {
        Status {
            round: invite.round.clone(),
            subject: invite.subject.clone(),
            state: "closed",
            responses: raters,
            invited: (!invite.codes.is_empty()).then_some(invite.codes.len()),
            closes: invite.closes.map(|d| d.to_string()),
            closed: Some(closed.closed.clone()),
            report: Some(closed.report.clone()),
        }
    }

    fn write(
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
            let when = match (&self.closes, self.invited) {
                (Some(closes), Some(_)) => {
                    format!("after {closes}, or once every invited person has answered")
                }
                (Some(closes), None) => format!("after {closes}"),
                (None, Some(_)) => "once every invited person has answered".to_owned(),
                (None, None) => "when you close it".to_owned(),
            };
            format!(
                "Round {} about {subject}: {count}. It closes {when}; until then only this count \
                 is shown, and the round gives one report when it closes. To close it now: {}\n",
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
