//! The subject's list of raters, as the collector's `invite` reads it.

use crate::error::{Error, Result};
use crate::source::Source;
use crate::team::raters::{self, Rater};

/// The rater list at `path`. A number is what `--raters` took before the
/// collector ran the round: said so.
pub fn read(path: &std::path::Path, groups: &[String]) -> Result<Vec<Rater>> {
    let text = path.to_string_lossy();
    if !path.exists() && text.parse::<usize>().is_ok() {
        return Err(Error::user_with_help(
            format!("--raters {text}: the option now takes the list of raters, a CSV file"),
            "the manager fills one in (`leadgap raters --template`) and sends it to you, the \
             collector; each person on it gets a personal invitation",
        ));
    }
    raters::parse(&Source::read(path)?, groups).map_err(Error::Invalid)
}
