//! Who is due to re-assess: everyone on a programme's roster whose latest
//! self-assessment is older than the programme's interval, or who has none.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};

pub use crate::interval::Every;
use serde::Serialize;

/// The names of a roster file: one a line; blank lines and lines starting
/// with `#` are ignored, and a name listed twice counts once.
pub fn names(text: &str) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| seen.insert(person_key(line)))
        .map(str::to_owned)
        .collect()
}

/// A name as it identifies a person: case and runs of spaces aside, so
/// that two spellings of one name have one key.
pub fn person_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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
    // Each person's latest date, found once: linear in the roster and the
    // reports, however long either is.
    let mut last_of: HashMap<String, NaiveDate> = HashMap::new();
    for (respondent, at) in latest {
        let date = at.date_naive();
        last_of
            .entry(person_key(respondent))
            .and_modify(|kept| *kept = (*kept).max(date))
            .or_insert(date);
    }
    let mut entries: Vec<Entry> = roster
        .iter()
        .map(|name| {
            let last = last_of.get(&person_key(name)).copied();
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

    #[test]
    fn a_long_roster_is_matched_in_linear_time() {
        // 100,000 names and as many reports: a quadratic match would take
        // hours; one pass over each takes well under a second.
        let text: String = (0..100_000).map(|n| format!("Person {n}\n")).collect();
        let at = "2026-11-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let latest: Vec<(String, DateTime<Utc>)> =
            (0..100_000).map(|n| (format!("person  {n}"), at)).collect();
        let started = std::time::Instant::now();
        let roster = names(&text);
        let entries = check(
            &roster,
            &latest,
            Every::parse("90d").unwrap(),
            day("2026-11-23"),
        );
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        assert_eq!(entries.len(), 100_000);
        assert!(entries.iter().all(|e| !e.due && e.days == Some(22)));
    }
}
