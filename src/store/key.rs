//! The data directory's collector key, `DATA/identity.txt` (0600): the age
//! identity that opens the responses of rounds sealed to its public key, and
//! from which the key that signs their reports is derived. Beside it,
//! `DATA/collector.toml`: the address raters send their answers to
//! (`leadgap key --email`). A mentor, HR or a colleague the team trusts
//! makes them with `leadgap key` and runs rounds with them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::DataDir;
use crate::error::{Error, Result};
use crate::files;
use crate::source::Source;
use crate::team::encryption;
use crate::team::keys::Collector;

/// The key's file name in the data directory.
pub const FILE: &str = "identity.txt";

/// The collector's settings' file name.
pub const SETTINGS: &str = "collector.toml";

/// Where the collector key is kept.
pub fn path(data: &DataDir) -> PathBuf {
    data.root().join(FILE)
}

/// The collector key's text, if this data directory has one; refused when
/// others can read it.
pub fn load(data: &DataDir) -> Result<Option<String>> {
    let path = path(data);
    if !path.exists() {
        return Ok(None);
    }
    read(&path).map(Some)
}

/// Reads an identity file that must be private, and checks that it holds
/// keys.
pub fn read(path: &Path) -> Result<String> {
    files::refuse_shared(path, "opens every response sealed to its key")?;
    let text = Source::read(path)?.text;
    encryption::recipients_of(&text).map_err(|why| {
        Error::user_with_help(
            format!("`{}` is not an age identity file: {why}", path.display()),
            "give the identity file of the collector (`leadgap key` keeps it in the data \
             directory as identity.txt; `age-keygen -o FILE` makes one)",
        )
    })?;
    Ok(text)
}

/// The collector of this data directory, made on first use; whether it was
/// made now.
pub fn collector_or_create(data: &DataDir) -> Result<(Collector, bool)> {
    if let Some(text) = load(data)? {
        let collector = Collector::first(&text).map_err(Error::user)?;
        return Ok((collector, false));
    }
    files::create_private_dir(data.root())?;
    let (secret, public) = encryption::generate();
    let text = format!(
        "# The leadgap collector key of this data directory: it opens every team\n\
         # response sealed to {public}\n\
         # and signs the reports of the rounds it collects.\n\
         # Keep it private; never send it. Give only the public key above.\n{secret}\n"
    );
    files::write_new(data.root(), FILE, text.as_bytes())
        .map_err(|e| Error::io("save the collector key in", data.root(), e))?;
    let collector = Collector::first(&text).map_err(Error::user)?;
    Ok((collector, true))
}

/// What the collector said of themselves: their name and the address
/// raters send their answers to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The collector's name, as raters read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where raters send their answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The collector's settings (empty when never given).
pub fn settings(data: &DataDir) -> Result<Settings> {
    let path = data.root().join(SETTINGS);
    if !path.exists() {
        return Ok(Settings::default());
    }
    let source = Source::read(&path)?;
    toml::from_str(&source.text).map_err(|error| {
        Error::Invalid(vec![
            source
                .diagnostic(error.span(), error.message().trim())
                .with_help("`leadgap key --email ADDRESS --name NAME` writes it again"),
        ])
    })
}

/// Keeps the collector's settings.
pub fn save_settings(data: &DataDir, settings: &Settings) -> Result<()> {
    files::create_private_dir(data.root())?;
    let text = toml::to_string(settings)
        .map_err(|e| Error::user(format!("cannot save the collector's settings: {e}")))?;
    files::replace(data.root(), SETTINGS, text.as_bytes())
        .map_err(|e| Error::io("save the collector's settings in", data.root(), e))?;
    Ok(())
}
