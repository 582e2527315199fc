//! iCalendar (RFC 5545): all-day events any calendar imports — the open
//! actions of the plan on their due dates, and the next check-in.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus};

use crate::output::clean_line;

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// A unique, stable id: the same action keeps it, so that importing the
    /// calendar again updates the event instead of adding another.
    pub uid: String,
    /// The day.
    pub date: NaiveDate,
    /// The title.
    pub summary: String,
    /// More text.
    pub description: String,
    /// Whether it no longer stands (an action done or dropped): kept with
    /// `STATUS:CANCELLED`, so that a calendar that imported it clears it.
    pub cancelled: bool,
    /// Its revision (`SEQUENCE`): higher each time the event changes, so
    /// that a calendar importing it again takes the new date or status.
    pub sequence: u32,
}

/// A calendar of `events`, stamped `now`, written by the `icalendar` crate
/// (escaping and folding as RFC 5545 says).
pub fn calendar(events: &[Event], now: DateTime<Utc>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            concat!("-//leadgap//leadgap ", env!("CARGO_PKG_VERSION"), "//EN"),
        ))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    for event in events {
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        let status = if event.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        };
        calendar.push(
            icalendar::Event::new()
                .uid(&text(&event.uid))
                .timestamp(now)
                .starts(event.date)
                .ends(next_day)
                .summary(&text(&event.summary))
                .description(&text(&event.description))
                .add_property("TRANSP", "TRANSPARENT")
                .status(status)
                .sequence(event.sequence)
                .done(),
        );
    }
    calendar.to_string()
}

/// A TEXT value with control characters neutralised, line by line; the
/// crate escapes it.
fn text(value: &str) -> String {
    value
        .split('\n')
        .map(clean_line)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let event = Event {
            uid: "a".to_owned(),
            date: day,
            summary: "é".repeat(40),
            description: "a, b; c\\d\ne\u{1b}[31m".to_owned(),
            cancelled: false,
            sequence: 0,
        };
        let written = calendar(&[event], now);
        assert!(
            written.contains("DESCRIPTION:a\\, b\\; c\\\\d\\ne[31m\r\n"),
            "{written}"
        );
        let summary: Vec<&str> = written
            .split("\r\n")
            .skip_while(|l| !l.starts_with("SUMMARY:"))
            .take(2)
            .collect();
        // Folded at 75 octets, never inside a character: the rest of the
        // line starts with a space.
        assert!(summary[0].len() <= 75, "{summary:?}");
        assert!(summary[1].starts_with(' '), "{summary:?}");
        assert_eq!(
            format!("{}{}", &summary[0][8..], &summary[1][1..]),
            "é".repeat(40)
        );
        assert!(written.contains("DTSTART;VALUE=DATE:20261201\r\n"));
        assert!(written.contains("DTEND;VALUE=DATE:20261202\r\n"));
    }
}
