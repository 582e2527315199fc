//! Who holds the round's key, and where answers go: from the flags, else
//! what `leadgap key` kept, else the data directory's owner's name.

use super::InviteArgs;
use crate::Config;
use crate::error::{Error, Result};
use crate::store::{DataDir, key};
use crate::team::invite::KeyHolder;

/// The key holder of the round `args` asks for, with this data directory's
/// collector keys (made on first use), and the reply-to address.
pub fn of(
    config: &Config,
    data: &DataDir,
    args: &InviteArgs,
) -> Result<(KeyHolder, Option<String>)> {
    let (collector, _) = key::collector_or_create(data)?;
    let settings = key::settings(data)?;
    let keys = collector.public().clone();
    let holder = if args.self_collect {
        KeyHolder::Subject { keys }
    } else {
        let name = args
            .collector
            .clone()
            .or(settings.name.clone())
            .or_else(|| config.my_name(data))
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| {
                Error::user_with_help(
                    "the forms must name their collector: who are you, as raters should read it?",
                    "pass --collector \"YOUR NAME\", or keep it once with `leadgap key --name`",
                )
            })?;
        KeyHolder::Collector { name, keys }
    };
    let reply_to = args
        .reply_to
        .clone()
        .or(settings.email)
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    Ok((holder, reply_to))
}
