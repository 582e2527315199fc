//! Feedback rounds under `DATA/rounds/<round>/`, where their collector keeps
//! them: `invite.toml` (the round as its invitations say, without a
//! personal code), `raters.toml` (for each personal code's hash, who it was
//! sent to as a hash of their address, and its invitation's file), and once
//! the round is closed `report.toml` (its one report, signed),
//! `comments.age` (the comments, sealed to the collector's key) and
//! `closed.toml` (when, which report, the fingerprints of the envelopes it
//! counted and who answered — nothing of what they said). Folders are
//! private, and refused when others can read them.
//!
//! Closing is locked and atomic: `closed.toml` is written last, so a round
//! is closed only once its report is kept, and a close killed before its
//! report reached the history is completed by the next `collect`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::DataDir;
use crate::error::{Error, Result};
use crate::files;
use crate::report::Report;
use crate::source::Source;
use crate::team::invite::{self, Invite};

/// The folder of all rounds.
pub fn folder(data: &DataDir) -> PathBuf {
    data.root().join("rounds")
}

/// The invitation's file name, in a round folder and an invite folder.
pub const INVITE: &str = "invite.toml";

const RATERS: &str = "raters.toml";
const CLOSED: &str = "closed.toml";
const REPORT: &str = "report.toml";
const COMMENTS: &str = "comments.age";

/// One round's folder.
#[derive(Clone, Debug)]
pub struct RoundFolder {
    dir: PathBuf,
}

/// Who a personal code was sent to, as the collector keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sent {
    /// The code's hash.
    pub code: String,
    /// `sha256:` of the rater's address ([`crate::team::raters::Rater::person`]).
    pub person: String,
    /// The personal invitation's file, as `send.csv` names it.
    pub invitation: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SentFile {
    #[serde(default)]
    sent: Vec<Sent>,
}

/// A round closed: its one report was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    /// When (RFC 3339).
    pub closed: String,
    /// The id of its report.
    pub report: String,
    /// Whether the report belongs in the collector's history too.
    #[serde(default)]
    pub history: bool,
    /// The fingerprints of the envelopes it counted.
    pub counted: Vec<String>,
    /// Who answered (by code), as [`Sent::person`]; empty without codes.
    #[serde(default)]
    pub people: Vec<String>,
}

/// Starts a round in this data directory: its folder, its invitation and
/// who each code was sent to. Nothing is left behind when a step fails.
pub fn create(data: &DataDir, invite: &Invite, sent: Vec<Sent>) -> Result<RoundFolder> {
    let rounds = folder(data);
    files::create_private_dir(data.root())?;
    files::create_private_dir(&rounds)?;
    let dir = rounds.join(&invite.round);
    if dir.exists() {
        return Err(Error::user(format!(
            "a round `{}` is already in `{}`",
            invite.round,
            rounds.display()
        )));
    }
    files::create_private_dir(&dir)?;
    let written = (|| {
        let raters = toml::to_string(&SentFile { sent })
            .map_err(|e| Error::user(format!("cannot keep the round: {e}")))?;
        files::write_new(&dir, RATERS, raters.as_bytes())
            .map_err(|e| Error::io("keep the round in", &dir, e))?;
        files::write_new(&dir, INVITE, invite.without_code().to_text().as_bytes())
            .map_err(|e| Error::io("keep the round in", &dir, e))?;
        Ok(())
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(error);
    }
    Ok(RoundFolder { dir })
}

/// The round `id` of this data directory and its invitation.
pub fn find(data: &DataDir, id: &str) -> Result<(RoundFolder, Invite)> {
    if !crate::questionnaire::is_valid_id(id) {
        return Err(Error::user_with_help(
            format!(
                "`{}` is neither a round id (such as 20261122-3f9a1c) nor an invitation",
                crate::output::clean_line(id)
            ),
            "give the round's id, or one of its invitations (or the folder that holds it)",
        ));
    }
    let dir = folder(data).join(id);
    let path = dir.join(INVITE);
    if !path.is_file() {
        let known = ids(data);
        return Err(Error::user_with_help(
            crate::error::with_suggestion(
                format!("no round `{id}` in `{}`", folder(data).display()),
                id,
                known.iter().map(String::as_str),
            ),
            if known.is_empty() {
                "give one of the round's invitations; `leadgap invite` starts a round".to_owned()
            } else {
                format!("the rounds here are: {}", known.join(", "))
            },
        ));
    }
    let round = RoundFolder { dir };
    round.check_private()?;
    let invite = invite::parse(&Source::read(&path)?).map_err(Error::Invalid)?;
    Ok((round, invite))
}

/// The ids of this data directory's rounds, sorted.
fn ids(data: &DataDir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder(data))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| crate::questionnaire::is_valid_id(name))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The round of `invite` in this data directory, kept there the first time
/// it is collected (on a machine other than the one that started it). An
/// invitation that differs from the one kept for its round is refused.
pub fn register(data: &DataDir, invite: &Invite) -> Result<RoundFolder> {
    let dir = folder(data).join(&invite.round);
    let path = dir.join(INVITE);
    if !path.is_file() {
        files::create_private_dir(data.root())?;
        files::create_private_dir(&folder(data))?;
        files::create_private_dir(&dir)?;
        match files::write_new(&dir, INVITE, invite.without_code().to_text().as_bytes()) {
            Ok(_) => return Ok(RoundFolder { dir }),
            // Another collect kept it a moment ago: compare with that.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io("keep the round in", &dir, e)),
        }
    }
    let round = RoundFolder { dir };
    round.check_private()?;
    let kept = invite::parse(&Source::read(&path)?).map_err(Error::Invalid)?;
    if kept.without_code() != invite.without_code() {
        return Err(Error::user_with_help(
            format!(
                "round {} is kept in `{}` with another invitation than the one given",
                invite.round,
                round.dir.display()
            ),
            "collect with the round's own invitation; one changed on the way (another key, \
             form, minimum, group or code) is not the round's",
        ));
    }
    Ok(round)
}

/// The other closed rounds of this data directory about `subject` (names
/// compared without case), with how each closed.
pub fn closed_about(data: &DataDir, subject: &str, except: &str) -> Result<Vec<(String, Closed)>> {
    let mut found = Vec::new();
    for id in ids(data) {
        if id == except {
            continue;
        }
        let dir = folder(data).join(&id);
        let Ok(source) = Source::read(&dir.join(INVITE)) else {
            continue;
        };
        let Ok(other) = invite::parse(&source) else {
            continue;
        };
        if !other.subject.trim().eq_ignore_ascii_case(subject.trim()) {
            continue;
        }
        if let Some(closed) = (RoundFolder { dir }).closed()? {
            found.push((id, closed));
        }
    }
    Ok(found)
}

impl RoundFolder {
    /// The round's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Refuses a round folder others can read: it holds the round's state.
    fn check_private(&self) -> Result<()> {
        files::refuse_shared(&self.dir, "holds a feedback round")
    }

    /// Takes the round's lock, waiting for any other `collect` of it: the
    /// round is read and closed under it, so two closes give one report.
    pub fn lock(&self) -> Result<std::fs::File> {
        files::lock_folder(&self.dir)
    }

    /// Who each personal code was sent to (empty without codes, or where
    /// the round was started on another machine).
    pub fn sent(&self) -> Result<Vec<Sent>> {
        let path = self.dir.join(RATERS);
        if !path.exists() {
            return Ok(Vec::new());
        }
        let source = Source::read(&path)?;
        let file: SentFile = toml::from_str(&source.text).map_err(|error| {
            Error::Invalid(vec![
                source
                    .diagnostic(error.span(), error.message().trim())
                    .with_help("the round's state is damaged; it was written by leadgap"),
            ])
        })?;
        Ok(file.sent)
    }

    /// Whether the round is closed, and how.
    pub fn closed(&self) -> Result<Option<Closed>> {
        let path = self.dir.join(CLOSED);
        if !path.exists() {
            return Ok(None);
        }
        let source = Source::read(&path)?;
        toml::from_str(&source.text).map(Some).map_err(|error| {
            Error::Invalid(vec![
                source
                    .diagnostic(error.span(), error.message().trim())
                    .with_help("the round's state is damaged; it was written by leadgap"),
            ])
        })
    }

    /// The round's one report.
    pub fn report(&self) -> Result<Report> {
        super::load_report(&self.dir.join(REPORT))
    }

    /// The round's comments, sealed when it closed.
    pub fn sealed_comments(&self) -> Result<Vec<u8>> {
        let path = self.dir.join(COMMENTS);
        std::fs::read(&path).map_err(|e| Error::io("read", path, e))
    }

    /// Closes the round with its (signed) report and its sealed comments:
    /// both first, then the record that says the round is closed, so that a
    /// round is closed only once its report is kept. Call it holding the
    /// round's [`lock`](Self::lock).
    pub fn close(&self, report: &Report, comments: &[u8], closed: &Closed) -> Result<()> {
        let text = toml::to_string(report)
            .map_err(|e| Error::user(format!("cannot save the report: {e}")))?;
        files::replace(&self.dir, REPORT, text.as_bytes())
            .map_err(|e| Error::io("save the round's report in", &self.dir, e))?;
        files::replace(&self.dir, COMMENTS, comments)
            .map_err(|e| Error::io("keep the round's comments in", &self.dir, e))?;
        files::fault_point("close");
        let text = toml::to_string(closed)
            .map_err(|e| Error::user(format!("cannot close the round: {e}")))?;
        files::write_new(&self.dir, CLOSED, text.as_bytes())
            .map_err(|e| Error::io("close the round in", &self.dir, e))?;
        Ok(())
    }
}
