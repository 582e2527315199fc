//! Who is due to re-assess: everyone on a programme's roster whose latest
//! self-assessment is older than the programme's interval, or who has none.

use chrono::{DateTime, NaiveDate, Utc};

pub use crate::interval::Every;
use serde::Serialize;

/// The names of a roster file: one a line; blank lines and lines starting
/// with `#` are ignored, and a name listed twice counts once.
pub fn names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !names.iter().any(|n| same_person(n, line)) {
            names.push(line.to_owned());
        }
    }
    names
}

/// Whether two spellings name the same person: case and runs of spaces
/// aside.
pub fn same_person(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// One person on the roster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    /// The name, as the roster has it.
    pub name: String,
    /// The date of their latest self-assessment, if any.
    pub latest: Option<NaiveDate>,
    /// Days since then.
    pub days: Option<i64>,
    /// Whether they are due.
    pub due: bool,
}

/// Everyone on `roster`, with their latest self-assessment among `latest`
/// (name and time) and whether it is older than `every` before `today`;
/// those due first, longest waiting first.
pub fn check(
    roster: &[String],
    latest: &[(String, DateTime<Utc>)],
    every: Every,
    today: NaiveDate,
) -> Vec<Entry> {
    let cutoff = every.before(today);
    let mut entries: Vec<Entry> = roster
        .iter()
        .map(|name| {
            let last = latest
                .iter()
                .filter(|(respondent, _)| same_person(respondent, name))
                .map(|(_, at)| at.date_naive())
                .max();
            Entry {
                name: name.clone(),
                latest: last,
                days: last.map(|d| (today - d).num_days()),
                due: last.is_none_or(|d| d < cutoff),
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        b.due
            .cmp(&a.due)
            .then(a.latest.cmp(&b.latest))
            .then(a.name.cmp(&b.name))
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn due_when_older_than_the_interval_or_never_assessed() {
        let at = |d: &str| format!("{d}T09:00:00Z").parse::<DateTime<Utc>>().unwrap();
        let roster = names("# cohort 2026\nAda\n\nbo  lee\nCy\nada\n");
        assert_eq!(roster, ["Ada", "bo  lee", "Cy"]);
        let latest = vec![
            ("Ada".to_owned(), at("2026-08-24")),
            ("Ada".to_owned(), at("2026-08-26")),
            ("Bo Lee".to_owned(), at("2026-08-24")),
        ];
        let every = Every::parse("90d").unwrap();
        // 90 days before 2026-11-23 is 2026-08-25: Bo's 08-24 is older (due),
        // Ada's latest 08-26 is not; Cy has none.
        let entries = check(&roster, &latest, every, day("2026-11-23"));
        let summary: Vec<(&str, bool, Option<i64>)> = entries
            .iter()
            .map(|e| (e.name.as_str(), e.due, e.days))
            .collect();
        assert_eq!(
            summary,
            [
                ("Cy", true, None),
                ("bo  lee", true, Some(91)),
                ("Ada", false, Some(89))
            ]
        );
    }
}
