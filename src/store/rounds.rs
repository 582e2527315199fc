//! Feedback rounds under `DATA/rounds/<round>/`, where their collector keeps
//! them: `invite.toml` (the round as its invitation says, without a
//! personal code), `identity.txt` (0600) for a round the subject collects
//! with its own key, and once the round is closed `report.toml` (its one
//! report) and `closed.toml` (when, which report, and the fingerprints of
//! the envelopes it counted — nothing of what they hold). Folders are
//! private, and refused when others can read them.

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

/// A round's own key (a round the subject collects).
pub const IDENTITY: &str = "identity.txt";

const CLOSED: &str = "closed.toml";
const REPORT: &str = "report.toml";

/// One round's folder.
#[derive(Clone, Debug)]
pub struct RoundFolder {
    dir: PathBuf,
}

/// A round closed: its one report was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    /// When (RFC 3339).
    pub closed: String,
    /// The id of its report.
    pub report: String,
    /// The fingerprints of the envelopes it counted.
    pub counted: Vec<String>,
}

/// Starts a round in this data directory: its folder, its invitation and,
/// for a round the subject collects, its key. Nothing is left behind when
/// a step fails.
pub fn create(data: &DataDir, invite: &Invite, identity: Option<&str>) -> Result<RoundFolder> {
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
        if let Some(identity) = identity {
            let text = format!(
                "# The key that opens the responses of leadgap round {}.\n\
                 # Keep it private: whoever has it can read every answer.\n{identity}\n",
                invite.round
            );
            files::write_new(&dir, IDENTITY, text.as_bytes())
                .map_err(|e| Error::io("save the round's key in", &dir, e))?;
        }
        files::write_new(&dir, INVITE, invite.without_code().to_text().as_bytes())
            .map_err(|e| Error::io("save the round in", &dir, e))?;
        Ok(())
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(error);
    }
    Ok(RoundFolder { dir })
}

/// Removes a round that was just started (its invitation could not be
/// written).
pub fn discard(round: RoundFolder) {
    let _ = std::fs::remove_dir_all(round.dir);
}

/// The round `id` of this data directory and its invitation.
pub fn find(data: &DataDir, id: &str) -> Result<(RoundFolder, Invite)> {
    if !crate::questionnaire::is_valid_id(id) {
        return Err(Error::user_with_help(
            format!(
                "`{}` is neither a round id (such as 20261122-3f9a1c) nor an invitation",
                crate::output::clean_line(id)
            ),
            "give the round's invite.toml, or the folder that holds it",
        ));
    }
    let dir = folder(data).join(id);
    let path = dir.join(INVITE);
    if !path.is_file() {
        let known: Vec<String> = std::fs::read_dir(folder(data))
            .map(|entries| {
                let mut names: Vec<String> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                names.sort();
                names
            })
            .unwrap_or_default();
        return Err(Error::user_with_help(
            crate::error::with_suggestion(
                format!("no round `{id}` in `{}`", folder(data).display()),
                id,
                known.iter().map(String::as_str),
            ),
            if known.is_empty() {
                "give the round's invite.toml (or its folder); `leadgap invite` starts a round"
                    .to_owned()
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

/// The round of `invite` in this data directory, kept there the first time
/// it is collected. An invitation that differs from the one kept for its
/// round (another key, form, minimum or set of codes) is refused.
pub fn register(data: &DataDir, invite: &Invite) -> Result<RoundFolder> {
    let dir = folder(data).join(&invite.round);
    let path = dir.join(INVITE);
    if path.is_file() {
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
                "collect with the round's own invitation; an invitation changed on the way \
                 (another key, form, minimum or codes) is not the round's",
            ));
        }
        return Ok(round);
    }
    files::create_private_dir(data.root())?;
    files::create_private_dir(&folder(data))?;
    files::create_private_dir(&dir)?;
    files::write_new(&dir, INVITE, invite.without_code().to_text().as_bytes())
        .map_err(|e| Error::io("keep the round in", &dir, e))?;
    Ok(RoundFolder { dir })
}

impl RoundFolder {
    /// The round's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Refuses a round folder others can read: it holds the round's state
    /// and, for a round the subject collects, its key.
    fn check_private(&self) -> Result<()> {
        files::refuse_shared(&self.dir, "holds a feedback round")
    }

    /// The round's own key, when the subject collects it.
    pub fn identity(&self) -> Result<Option<String>> {
        let path = self.dir.join(IDENTITY);
        if !path.exists() {
            return Ok(None);
        }
        super::key::read(&path).map(Some)
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

    /// Closes the round with its report: the report first, then the record
    /// that says the round is closed, so that a round is closed only once
    /// its report is kept.
    pub fn close(&self, report: &Report, closed: &Closed) -> Result<()> {
        let text = toml::to_string(report)
            .map_err(|e| Error::user(format!("cannot save the report: {e}")))?;
        files::replace(&self.dir, REPORT, text.as_bytes())
            .map_err(|e| Error::io("save the round's report in", &self.dir, e))?;
        let text = toml::to_string(closed)
            .map_err(|e| Error::user(format!("cannot close the round: {e}")))?;
        files::write_new(&self.dir, CLOSED, text.as_bytes())
            .map_err(|e| Error::io("close the round in", &self.dir, e))?;
        Ok(())
    }
}
