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

/// A moment as reports record it: parsed once where it is read, written
/// back as `2026-11-22T13:05:01Z`, ordered in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// A moment at `time`, to the second.
    pub fn at(time: DateTime<Utc>) -> Timestamp {
        Timestamp(DateTime::from_timestamp(time.timestamp(), 0).unwrap_or(time))
    }

    /// The moment `text` (RFC 3339) names, in UTC.
    pub fn parse(text: &str) -> Option<Timestamp> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|time| Timestamp(time.with_timezone(&Utc)))
    }

    /// The moment.
    pub fn time(&self) -> DateTime<Utc> {
        self.0
    }

    /// Its day: `2026-11-22`.
    pub fn date(&self) -> chrono::NaiveDate {
        self.0.date_naive()
    }

    /// For people: `2026-11-22 13:05 UTC`.
    pub fn display(&self) -> String {
        self.0.format("%Y-%m-%d %H:%M UTC").to_string()
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&format_rfc3339(self.0))
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{}` is not an RFC 3339 time (such as 2026-11-22T13:05:01Z)",
                crate::output::clean_line(&text)
            ))
        })
    }
}
