//! The current time, fixed by `LEADGAP_NOW` for reproducible tests.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::error::{Error, Result};

/// The environment variable that fixes the clock (RFC 3339, e.g.
/// `2026-11-22T13:05:01Z`). Meant for tests and demos.
pub const NOW_VARIABLE: &str = "LEADGAP_NOW";

/// The current time in UTC, to the second.
pub fn now() -> Result<DateTime<Utc>> {
    let now = match std::env::var(NOW_VARIABLE) {
        Ok(text) => parse(&text)?,
        Err(_) => Utc::now(),
    };
    Ok(DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now))
}

/// A time given as `LEADGAP_NOW`: RFC 3339.
pub fn parse(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| {
            Error::user_with_help(
                format!("{NOW_VARIABLE} is `{text}`, which is not an RFC 3339 time"),
                format!("unset it, or write it as {NOW_VARIABLE}=2026-11-22T13:05:01Z"),
            )
        })
}

/// A time as saved in reports: `2026-11-22T13:05:01Z`.
pub fn format_rfc3339(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}
