//! iCalendar (RFC 5545): all-day events any calendar imports — the open
//! actions of the plan on their due dates, and the next check-in.

use std::fmt::Write;

use chrono::{DateTime, NaiveDate, Utc};

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
}

/// A calendar of `events`, stamped `now`.
pub fn calendar(events: &[Event], now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!(
            "PRODID:-//leadgap//leadgap {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for event in events {
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", text(&event.uid)),
            format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")),
            format!("SUMMARY:{}", text(&event.summary)),
            format!("DESCRIPTION:{}", text(&event.description)),
            "TRANSP:TRANSPARENT".to_owned(),
        ]);
        // A cancellation is a revision of the event: its sequence goes up.
        if event.cancelled {
            lines.extend(["STATUS:CANCELLED".to_owned(), "SEQUENCE:1".to_owned()]);
        } else {
            lines.extend(["STATUS:CONFIRMED".to_owned(), "SEQUENCE:0".to_owned()]);
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        fold(&mut out, &line);
    }
    out
}

/// A TEXT value: control characters neutralised, then `\`, `;`, `,` and
/// line breaks escaped (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for line in value.split('\n').map(clean_line) {
        if !escaped.is_empty() {
            escaped.push_str("\\n");
        }
        for c in line.chars() {
            match c {
                '\\' | ';' | ',' => {
                    escaped.push('\\');
                    escaped.push(c);
                }
                _ => escaped.push(c),
            }
        }
    }
    escaped
}

/// Writes `line` folded at 75 octets, never inside a character, with CRLF
/// line ends (RFC 5545 §3.1).
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let mut out = String::new();
        fold(&mut out, &format!("SUMMARY:{}", "é".repeat(40)));
        let lines: Vec<&str> = out.split("\r\n").collect();
        // "SUMMARY:" is 8 octets, each é 2: 33 fit in the first 75 (74
        // octets), the next line starts with a space.
        assert_eq!(lines[0].len(), 74);
        assert!(lines[1].starts_with(' ') && lines[1].len() == 1 + 14);
        assert_eq!(lines[2], "");
    }
}
