//! The data directory's collector key, `DATA/identity.txt` (0600): the age
//! identity that opens the responses of rounds sealed to its public key.
//! A mentor, HR or a colleague the team trusts makes it with `leadgap key`
//! and gives the public key to the manager.

use std::path::PathBuf;

use super::DataDir;
use crate::error::{Error, Result};
use crate::files;
use crate::source::Source;
use crate::team::encryption;

/// The key's file name in the data directory.
pub const FILE: &str = "identity.txt";

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
pub fn read(path: &std::path::Path) -> Result<String> {
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

/// The public key of the collector key, made on first use; whether it was
/// made now.
pub fn public_or_create(data: &DataDir) -> Result<(String, bool)> {
    if let Some(text) = load(data)? {
        let public = encryption::recipients_of(&text)
            .ok()
            .and_then(|keys| keys.into_iter().next())
            .ok_or_else(|| Error::user("the collector key holds no key"))?;
        return Ok((public, false));
    }
    files::create_private_dir(data.root())?;
    let (secret, public) = encryption::generate();
    let text = format!(
        "# The leadgap collector key of this data directory: it opens every team\n\
         # response sealed to {public}.\n\
         # Keep it private; never send it. Give only the public key above.\n{secret}\n"
    );
    files::write_new(data.root(), FILE, text.as_bytes())
        .map_err(|e| Error::io("save the collector key in", data.root(), e))?;
    Ok((public, true))
}
