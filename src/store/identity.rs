//! Whose data directory this is: the name asked once, on the first
//! interactive run, and kept in `DATA/me.toml`. Reports of this person by
//! themselves are "your own": `latest` and the plan follow them.

use serde::{Deserialize, Serialize};

use super::DataDir;
use crate::document::SCHEMA;
use crate::error::{Error, Result};
use crate::files;
use crate::source::Source;

/// The file name in the data directory.
pub const FILE: &str = "me.toml";

/// `me.toml`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Me {
    /// Optional when written by hand.
    #[serde(default = "current_schema")]
    schema: i64,
    name: String,
}

fn current_schema() -> i64 {
    SCHEMA
}

/// The remembered name, if one was given.
pub fn name(data: &DataDir) -> Result<Option<String>> {
    let path = data.root().join(FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let source = Source::read(&path)?;
    let me: Me = toml::from_str(&source.text).map_err(|error| {
        Error::Invalid(vec![
            source
                .diagnostic(error.span(), error.message().trim())
                .with_help(
                    "fix it, or remove it to be asked your name again (`name = \"Your Name\"`)",
                ),
        ])
    })?;
    if me.schema != SCHEMA {
        return Err(Error::Invalid(vec![source.diagnostic(
            None,
            format!(
                "schema {} is not supported; this leadgap reads schema {SCHEMA}",
                me.schema
            ),
        )]));
    }
    let name = me.name.trim();
    Ok((!name.is_empty()).then(|| name.to_owned()))
}

/// Remembers `name` as the data directory's owner.
pub fn remember(data: &DataDir, name: &str) -> Result<()> {
    files::create_private_dir(data.root())?;
    let text = toml::to_string(&Me {
        schema: SCHEMA,
        name: name.trim().to_owned(),
    })
    .map_err(|e| Error::user(format!("cannot save your name: {e}")))?;
    files::replace(data.root(), FILE, text.as_bytes())
        .map_err(|e| Error::io("save your name in", data.root(), e))?;
    Ok(())
}
