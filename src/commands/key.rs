//! `leadgap key`: the public key of this data directory's collector key,
//! made on first use.

use std::io::Write;

use crate::Config;
use crate::error::{Error, Result, exit};
use crate::store::key;

/// Runs `leadgap key`: the key on standard output (for scripts and for
/// copying), what to do with it on standard error.
pub fn run(config: &Config, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    let (public, made) = key::public_or_create(&data)?;
    writeln!(out, "{public}").map_err(Error::stdout)?;
    if made {
        // The manager's command runs on their machine: not written as a
        // hint for this one.
        config.info(&format!(
            "Made the collector key of this data directory in {}: keep it private, it opens \
             every answer sealed to the public key above. Give the manager the public key (it \
             ends in {}); they start the round on their machine with\n    leadgap invite \
             --subject NAME --recipient {public} --collector \"YOUR NAME\"\nand you collect it \
             here with `leadgap collect INVITE RESPONSES`.",
            key::path(&data).display(),
            crate::team::invite::key_tail(&public)
        ));
    }
    Ok(exit::SUCCESS)
}
