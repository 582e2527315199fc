//! Feedback rounds under `DATA/rounds/<round>/`: `round.toml` and, when the
//! round made its own key, `identity.txt` (0600), which opens its responses.

use std::path::PathBuf;

use super::DataDir;
use crate::document::SCHEMA;
use crate::error::{Error, Result};
use crate::files;
use crate::round::Round;
use crate::source::Source;

/// The folder of all rounds.
pub fn folder(data: &DataDir) -> PathBuf {
    data.root().join("rounds")
}

/// Saves a new round, with its identity when it has its own.
pub fn create(data: &DataDir, round: &Round, identity: Option<&str>) -> Result<PathBuf> {
    let rounds = folder(data);
    files::create_private_dir(data.root())?;
    files::create_private_dir(&rounds)?;
    let dir = rounds.join(&round.id);
    files::create_private_dir(&dir)?;
    if let Some(identity) = identity {
        let text = format!(
            "# The key that opens the responses of leadgap round {}.\n\
             # Keep it private: whoever has it can read every answer.\n{identity}\n",
            round.id
        );
        files::write_new(&dir, "identity.txt", text.as_bytes())
            .map_err(|e| Error::io("save the round's key in", &dir, e))?;
    }
    let text =
        toml::to_string(round).map_err(|e| Error::user(format!("cannot save the round: {e}")))?;
    files::write_new(&dir, "round.toml", text.as_bytes())
        .map_err(|e| Error::io("save the round in", &dir, e))?;
    Ok(dir)
}

/// Reads round `id`, and its identity when it has one.
pub fn load(data: &DataDir, id: &str) -> Result<(Round, Option<String>)> {
    if !crate::questionnaire::is_valid_id(id) {
        return Err(Error::user(format!(
            "`{}` is not a round id (such as 20261122-3f9a1c)",
            crate::output::clean_line(id)
        )));
    }
    let dir = folder(data).join(id);
    let path = dir.join("round.toml");
    if !path.exists() {
        let known: Vec<String> = std::fs::read_dir(folder(data))
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        return Err(Error::user_with_help(
            crate::error::with_suggestion(
                format!("no round `{id}` in `{}`", folder(data).display()),
                id,
                known.iter().map(String::as_str),
            ),
            if known.is_empty() {
                "`leadgap invite` starts a round".to_owned()
            } else {
                format!("the rounds are: {}", known.join(", "))
            },
        ));
    }
    let source = Source::read(&path)?;
    let round: Round = toml::from_str(&source.text).map_err(|error| {
        Error::Invalid(vec![
            source.diagnostic(error.span(), error.message().trim()),
        ])
    })?;
    if round.schema != SCHEMA {
        return Err(Error::Invalid(vec![source.diagnostic(
            None,
            format!("round schema {} is not supported", round.schema),
        )]));
    }
    let identity_path = dir.join("identity.txt");
    let identity = if identity_path.exists() {
        Some(Source::read(&identity_path)?.text)
    } else {
        None
    };
    Ok((round, identity))
}
