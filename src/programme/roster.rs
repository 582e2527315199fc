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

/// A name as it identifies a person, so that two spellings of one name have
/// one key: case, runs of spaces, typographic apostrophes and quotes,
/// hyphens, accents and the German umlauts' spellings (`ü` = `ue`) aside.
/// "Jo O’Neill", "Kai Mueller" and "Lena Sahin" are "Jo O'Neill", "Kai
/// Müller" and "Lena Şahin".
pub fn person_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut folded = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => folded.push_str("ae"),
            'ö' => folded.push_str("oe"),
            'ü' => folded.push_str("ue"),
            'ß' => folded.push_str("ss"),
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => {
                folded.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' => folded.push('"'),
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => folded.push(' '),
            other => folded.extend(
                std::iter::once(other)
                    .nfkd()
                    .filter(|c| !is_combining_mark(*c)),
            ),
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
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
    /// For a line that matches nobody: the name in the cohort it is most
    /// likely a misspelling of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub did_you_mean: Option<String>,
}

/// A roster checked against a cohort.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Roster {
    /// Everyone on the roster, those due first, longest waiting first.
    pub entries: Vec<Entry>,
    /// The people of the cohort that no roster line names, in name order:
    /// whom the roster may have forgotten, or misspelt.
    pub unnamed: Vec<String>,
}

/// Everyone on `roster`, with their latest self-assessment among `latest`
/// (name and time) and whether it is older than `every` before `today`;
/// and the people of `latest` no roster line names.
pub fn check(
    roster: &[String],
    latest: &[(String, DateTime<Utc>)],
    every: Every,
    today: NaiveDate,
) -> Roster {
    let cutoff = every.before(today);
    // Each person's latest date, found once: linear in the roster and the
    // reports, however long either is.
    let mut last_of: HashMap<String, (NaiveDate, &str)> = HashMap::new();
    for (respondent, at) in latest {
        let date = at.date_naive();
        last_of
            .entry(person_key(respondent))
            .and_modify(|kept| *kept = (kept.0.max(date), kept.1))
            .or_insert((date, respondent));
    }
    let named: HashSet<String> = roster.iter().map(|name| person_key(name)).collect();
    let mut unnamed: Vec<&str> = last_of
        .iter()
        .filter(|(key, _)| !named.contains(*key))
        .map(|(_, (_, name))| *name)
        .collect();
    unnamed.sort_unstable();
    let mut entries: Vec<Entry> = roster
        .iter()
        .map(|name| {
            let last = last_of.get(&person_key(name)).map(|(date, _)| *date);
            Entry {
                name: name.clone(),
                latest: last,
                days: last.map(|d| (today - d).num_days()),
                due: last.is_none_or(|d| d < cutoff),
                did_you_mean: last.is_none().then(|| closest(name, &unnamed)).flatten(),
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        b.due
            .cmp(&a.due)
            .then(a.latest.cmp(&b.latest))
            .then(a.name.cmp(&b.name))
    });
    Roster {
        entries,
        unnamed: unnamed.into_iter().map(str::to_owned).collect(),
    }
}

/// The name among `candidates` closest to `name`, when it is close enough
/// to be a misspelling of it (at least 80% alike once both are folded).
fn closest(name: &str, candidates: &[&str]) -> Option<String> {
    let key = person_key(name);
    candidates
        .iter()
        .map(|c| {
            (
                strsim::normalized_damerau_levenshtein(&key, &person_key(c)),
                *c,
            )
        })
        .filter(|(alike, _)| *alike >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_owned())
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
        let entries = check(&roster, &latest, every, day("2026-11-23")).entries;
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
        )
        .entries;
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        assert_eq!(entries.len(), 100_000);
        assert!(entries.iter().all(|e| !e.due && e.days == Some(22)));
    }

    #[test]
    fn spellings_of_one_name_match_and_near_misses_are_named() {
        let at = "2026-11-23T09:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let cohort: Vec<(String, DateTime<Utc>)> = [
            "Jo O'Neill",
            "Kai Müller",
            "Lena Şahin",
            "Priya Raman",
            "Tomás Ruiz",
        ]
        .iter()
        .map(|n| ((*n).to_owned(), at))
        .collect();
        let roster = names("Jo O\u{2019}Neill\nKai Mueller\nLena Sahin\nPriya Ramen\nNew Person\n");
        let checked = check(
            &roster,
            &cohort,
            Every::parse("90d").unwrap(),
            day("2026-11-23"),
        );
        let entries: Vec<(&str, bool, Option<&str>)> = checked
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.due, e.did_you_mean.as_deref()))
            .collect();
        assert_eq!(
            entries,
            [
                ("New Person", true, None),
                ("Priya Ramen", true, Some("Priya Raman")),
                ("Jo O\u{2019}Neill", false, None),
                ("Kai Mueller", false, None),
                ("Lena Sahin", false, None),
            ]
        );
        assert_eq!(checked.unnamed, ["Priya Raman", "Tomás Ruiz"]);
        assert_eq!(
            person_key("  JEAN-Pierre  Ç\u{301}ôté "),
            "jean pierre cote"
        );
    }
}
