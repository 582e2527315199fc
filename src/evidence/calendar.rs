//! A calendar export read for what it says about the manager's time: the
//! meetings in the window, each with its instants and who attended, by the
//! rules the reference gives. Parsing, recurrences and time zones (IANA,
//! Windows and the file's own names) are `calcard`'s; a zone the file
//! defines by its rules alone is `zone`'s.

use std::path::Path;
use std::str::FromStr;

use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::dates::{CalendarErrorType, TimeOrDelta};
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameterName,
    ICalendarParameterValue, ICalendarParticipationStatus, ICalendarProperty, ICalendarStatus,
    ICalendarTransparency, ICalendarUserTypes, ICalendarValue,
};
use calcard::{Entry, Parser};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::people::address;
use super::zone::{own_zones, unknown_zones};
use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::source::Source;

/// The most instances a calendar is expanded to: far more than ten years of
/// a busy calendar, and a bound on what one file can cost.
const MAX_INSTANCES: usize = 2_000_000;

/// One meeting of the window.
#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    /// Its event's UID (an instance of a series shares it).
    pub uid: String,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// Its day in the calendar's time zone.
    pub day: NaiveDate,
    /// When it ends.
    pub end: DateTime<Utc>,
    /// Who attended: addresses, lower case, the organizer included, rooms
    /// and resources and those who declined left out, each once.
    pub attendees: Vec<String>,
}

/// What a calendar file held for the window.
#[derive(Debug)]
pub struct Calendar {
    /// The meetings, in the order of their start.
    pub meetings: Vec<Meeting>,
    /// Its owner's address, when the file says it (`X-WR-CALNAME`) or when
    /// one organizer has most events.
    pub owner: Option<String>,
    /// One line for each event that could not be read; the rest is read.
    pub warnings: Vec<String>,
}

/// The window in a calendar's zone: from the first day's start to the end
/// of the last day, as instants.
pub fn instants(zone: Tz, from: NaiveDate, until: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let at = |day: NaiveDate| {
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
        zone.from_local_datetime(&midnight).earliest().map_or_else(
            || Utc.from_utc_datetime(&midnight),
            |t| t.with_timezone(&Utc),
        )
    };
    (at(from), at(until.succ_opt().unwrap_or(until)))
}

/// Reads the calendar file at `path` for the days `from` to `until`
/// (included). `me` are the manager's addresses: an event they declined is
/// no meeting of theirs.
pub fn read(path: &Path, from: NaiveDate, until: NaiveDate, me: &[String]) -> Result<Calendar> {
    let source = Source::read(path)?;
    let mut ical = parse(path, &source.text)?;
    let zone = zone_of(&ical);
    let (start, end) = instants(zone, from, until);
    bound_recurrences(&mut ical, end);
    let expanded = ical.expand_dates(zone, MAX_INSTANCES);
    let mut warnings: Vec<String> = expanded
        .errors
        .iter()
        .map(|e| {
            let uid = ical
                .components
                .get(e.comp_id as usize)
                .and_then(ICalendarComponent::uid)
                .unwrap_or("without a UID");
            let why = match &e.error {
                CalendarErrorType::MissingDtStart => "no start time (DTSTART) it can read",
                CalendarErrorType::InvalidDtStart => "its start (DTSTART) is not a date",
                CalendarErrorType::InvalidDtEnd => "its end (DTEND) is not a date",
                CalendarErrorType::InvalidDuration => "its DURATION cannot be read",
                CalendarErrorType::RRule(_) => "its repeat rule (RRULE) cannot be read",
            };
            format!(
                "{}: the event {} is left out: {why}",
                path.display(),
                clean_line(uid),
            )
        })
        .collect();
    // A zone the file defines by rules alone: its events are expanded at
    // their wall-clock times, then placed by the file's own offsets.
    let own = own_zones(&ical);
    warnings.extend(unknown_zones(&ical, &own).into_iter().map(|tzid| {
        format!(
            "{}: the time zone `{}` is neither known nor defined in the file; its times are \
             read as the calendar's own",
            path.display(),
            clean_line(&tzid)
        )
    }));
    let mut meetings = Vec::new();
    for event in &expanded.events {
        let Some(component) = ical.components.get(event.comp_id as usize) else {
            continue;
        };
        if component.component_type != ICalendarComponentType::VEvent || !counts(component) {
            continue;
        }
        let in_own = |property: &ICalendarProperty| {
            component
                .property(property)
                .and_then(|e| e.tz_id())
                .and_then(|tzid| own.get(tzid))
        };
        let begins = in_own(&ICalendarProperty::Dtstart).map_or_else(
            || event.start.with_timezone(&Utc),
            |zone| zone.instant(event.start.naive_local()),
        );
        let ends = match &event.end {
            TimeOrDelta::Time(t) => in_own(&ICalendarProperty::Dtend).map_or_else(
                || t.with_timezone(&Utc),
                |zone| zone.instant(t.naive_local()),
            ),
            TimeOrDelta::Delta(d) => begins + *d,
        };
        if begins < start || begins >= end {
            continue;
        }
        let (attendees, declined_by_me) = attendees(component, me);
        if declined_by_me {
            continue;
        }
        meetings.push(Meeting {
            uid: component.uid().unwrap_or_default().to_owned(),
            start: begins,
            day: begins.with_timezone(&zone).date_naive(),
            end: ends.max(begins),
            attendees,
        });
    }
    meetings.sort_by_key(|m| (m.start, m.end));
    if ical.components.is_empty() {
        warnings.push(format!("{}: the calendar holds no event", path.display()));
    }
    Ok(Calendar {
        meetings,
        owner: owner(&ical),
        warnings,
    })
}

/// The calendar of `text`, or the problem naming the file and line.
fn parse(path: &Path, text: &str) -> Result<ICalendar> {
    let line_of = |found: &str| {
        text.lines()
            .position(|l| l.trim_end() == found.trim_end())
            .map_or_else(String::new, |i| format!(":{}", i + 1))
    };
    let damaged = |at: String, what: String| {
        Error::user_with_help(
            format!("{}{at}: {what}", path.display()),
            "export the calendar again as an .ics file (iCalendar), from Google Calendar, \
             Outlook or Thunderbird, and give that file",
        )
    };
    match Parser::new(text).entry() {
        Entry::ICalendar(_) if !ends_whole(text) => Err(damaged(
            format!(":{}", text.lines().count()),
            "the file is cut short: it ends without END:VCALENDAR".to_owned(),
        )),
        Entry::ICalendar(ical) => Ok(ical),
        Entry::InvalidLine(line) => Err(damaged(
            line_of(&line),
            format!(
                "this line is not iCalendar: `{}`",
                clean_line(&line.chars().take(60).collect::<String>())
            ),
        )),
        Entry::UnterminatedComponent(what) => Err(damaged(
            String::new(),
            format!("a {} has no END: the file is cut short", clean_line(&what)),
        )),
        Entry::UnexpectedComponentEnd { expected, found } => Err(damaged(
            String::new(),
            format!("END:{found:?} where END:{expected:?} was expected"),
        )),
        Entry::TooManyComponents => Err(damaged(
            String::new(),
            "the file holds more components than any calendar".to_owned(),
        )),
        _ => Err(damaged(
            String::new(),
            "the file holds no calendar (no BEGIN:VCALENDAR)".to_owned(),
        )),
    }
}

/// Whether the calendar's last line closes it: an export cut short (a
/// download stopped, a file truncated) is refused rather than read in
/// part.
fn ends_whole(text: &str) -> bool {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim().eq_ignore_ascii_case("END:VCALENDAR"))
}

/// A calendar-level property's text (`X-WR-TIMEZONE`, `X-WR-CALNAME`).
fn calendar_text<'c>(ical: &'c ICalendar, name: &str) -> Option<&'c str> {
    let calendar = ical.components.first()?;
    calendar
        .entries
        .iter()
        .find(|e| matches!(&e.name, ICalendarProperty::Other(n) if n.eq_ignore_ascii_case(name)))
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_text)
}

/// The calendar's zone: `X-WR-TIMEZONE`, else the machine's, else UTC.
fn zone_of(ical: &ICalendar) -> Tz {
    calendar_text(ical, "X-WR-TIMEZONE")
        .and_then(|name| Tz::from_str(name.trim()).ok())
        .or_else(machine_zone)
        .unwrap_or(Tz::UTC)
}

/// The machine's zone: `TZ` when it names one, else what the system is set
/// to (`iana-time-zone`: `/etc/localtime` on Linux, the system's setting on
/// macOS and Windows).
fn machine_zone() -> Option<Tz> {
    std::env::var("TZ")
        .ok()
        .and_then(|tz| Tz::from_str(tz.trim_start_matches(':').trim()).ok())
        .or_else(|| {
            let name = iana_time_zone::get_timezone().ok()?;
            Tz::from_str(name.trim()).ok()
        })
}

/// Every series ends at the window's end at the latest, so that an
/// unbounded rule never runs past it (and a finite one not much beyond).
fn bound_recurrences(ical: &mut ICalendar, end: DateTime<Utc>) {
    let until = PartialDateTime {
        year: u16::try_from(chrono::Datelike::year(&end)).ok(),
        month: u8::try_from(chrono::Datelike::month(&end)).ok(),
        day: u8::try_from(chrono::Datelike::day(&end)).ok(),
        hour: u8::try_from(chrono::Timelike::hour(&end)).ok(),
        minute: u8::try_from(chrono::Timelike::minute(&end)).ok(),
        second: Some(0),
        tz_hour: Some(0),
        tz_minute: Some(0),
        tz_minus: false,
    };
    for component in &mut ical.components {
        for entry in &mut component.entries {
            if entry.name != ICalendarProperty::Rrule {
                continue;
            }
            for value in &mut entry.values {
                if let ICalendarValue::RecurrenceRule(rule) = value {
                    let later = rule.until.as_ref().is_none_or(|u| {
                        u.to_date_time()
                            .is_none_or(|u| u.date_time > end.naive_utc())
                    });
                    if rule.count.is_none() && later {
                        rule.until = Some(until.clone());
                    }
                }
            }
        }
    }
}

/// Whether an event (or a moved instance) counts at all: not cancelled,
/// not free, not all day.
fn counts(event: &ICalendarComponent) -> bool {
    let cancelled = event.status() == Some(&ICalendarStatus::Cancelled);
    let free = event.transparency() == Some(&ICalendarTransparency::Transparent)
        || event.entries.iter().any(|e| {
            matches!(&e.name, ICalendarProperty::Other(n) if n.eq_ignore_ascii_case("X-MICROSOFT-CDO-BUSYSTATUS"))
                && e.values
                    .first()
                    .and_then(ICalendarValue::as_text)
                    .is_some_and(|v| v.eq_ignore_ascii_case("FREE"))
        });
    let all_day = event
        .property(&ICalendarProperty::Dtstart)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_partial_date_time)
        .is_some_and(|start| !start.has_time());
    !cancelled && !free && !all_day
}

/// Who attended `event` (each once, the organizer included, rooms,
/// resources and those who declined left out), and whether the manager
/// (`me`) declined it.
fn attendees(event: &ICalendarComponent, me: &[String]) -> (Vec<String>, bool) {
    let mut people: Vec<String> = Vec::new();
    let mut declined_by_me = false;
    for entry in &event.entries {
        let organizer = entry.name == ICalendarProperty::Organizer;
        if !organizer && entry.name != ICalendarProperty::Attendee {
            continue;
        }
        let Some(who) = entry.calendar_address().map(address) else {
            continue;
        };
        let room = matches!(
            entry.parameter(&ICalendarParameterName::Cutype),
            Some(ICalendarParameterValue::Cutype(
                ICalendarUserTypes::Room | ICalendarUserTypes::Resource
            ))
        );
        let declined = matches!(
            entry.parameter(&ICalendarParameterName::Partstat),
            Some(ICalendarParameterValue::Partstat(
                ICalendarParticipationStatus::Declined
            ))
        );
        if declined && me.contains(&who) {
            declined_by_me = true;
        }
        if room || declined || who.is_empty() || people.contains(&who) {
            continue;
        }
        people.push(who);
    }
    (people, declined_by_me)
}

/// The owner: `X-WR-CALNAME` when it is an address, else the organizer of
/// most events.
fn owner(ical: &ICalendar) -> Option<String> {
    if let Some(name) = calendar_text(ical, "X-WR-CALNAME").filter(|n| n.contains('@')) {
        return Some(address(name));
    }
    let mut counted: Vec<(String, usize)> = Vec::new();
    for component in &ical.components {
        let Some(organizer) = component
            .property(&ICalendarProperty::Organizer)
            .and_then(|e| e.calendar_address())
            .map(address)
        else {
            continue;
        };
        match counted.iter_mut().find(|(o, _)| *o == organizer) {
            Some((_, n)) => *n += 1,
            None => counted.push((organizer, 1)),
        }
    }
    counted.into_iter().max_by_key(|(_, n)| *n).map(|(o, _)| o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_weekly_series_keeps_its_local_time_across_the_change_to_winter_time() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence/google.ics");
        let calendar = read(&path, day("2026-09-01"), day("2026-11-30"), &[]).unwrap();
        let starts: Vec<String> = calendar
            .meetings
            .iter()
            .map(|m| m.start.format("%m-%d %H:%M").to_string())
            .collect();
        // 10:00 in Berlin is 08:00 UTC in summer and 09:00 UTC from 10-25;
        // 10-05 is excluded, 10-26 moved to 10-27 15:00 (14:00 UTC), 11-02
        // cancelled.
        assert_eq!(
            starts,
            [
                "09-07 08:00",
                "09-14 08:00",
                "09-21 08:00",
                "09-28 08:00",
                "10-12 08:00",
                "10-19 08:00",
                "10-27 14:00",
                "11-09 09:00",
                "11-16 09:00",
                "11-23 09:00",
                "11-30 09:00",
            ]
        );
        assert_eq!(calendar.owner.as_deref(), Some("sam@corp.example"));
        // The organizer listed again among the attendees counts once.
        assert_eq!(
            calendar.meetings[0].attendees,
            ["sam@corp.example", "lee@corp.example"]
        );
    }

    #[test]
    fn an_unbounded_rule_stops_at_the_window() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence/outlook.ics");
        let started = std::time::Instant::now();
        let calendar = read(&path, day("2026-09-01"), day("2026-11-30"), &[]).unwrap();
        let standups = calendar
            .meetings
            .iter()
            .filter(|m| m.uid == "standup")
            .count();
        assert_eq!(standups, 91);
        assert!(started.elapsed().as_secs() < 5);
    }
}
