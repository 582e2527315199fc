//! Time zones a calendar file defines by its own rules: a VTIMEZONE whose
//! TZID no registry knows (not IANA, not Windows, no `X-LIC-LOCATION`),
//! as Lotus Notes and Exchange's "Customized Time Zone" write them. Its
//! STANDARD and DAYLIGHT observances say when each offset begins; their
//! onsets are recurrences, expanded by `calcard` like any other.

use std::collections::HashMap;

use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarProperty,
    ICalendarValue,
};
use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};

/// The most onsets read from one file's own zones: two a year for far
/// longer than any calendar.
const MAX_ONSETS: usize = 10_000;

/// A zone of the file's own, as the offsets it observes from each onset.
#[derive(Debug, Default)]
pub struct OwnZone {
    /// Each onset (the wall-clock time it begins, in the offset before it)
    /// and the offset from UTC it brings, in seconds, in order.
    onsets: Vec<(NaiveDateTime, i32)>,
}

impl OwnZone {
    /// The offset in force at the wall-clock time `local`: the last onset's
    /// at or before it (before the first, the first's).
    fn offset(&self, local: NaiveDateTime) -> i32 {
        let after = self.onsets.partition_point(|(at, _)| *at <= local);
        self.onsets
            .get(after.saturating_sub(1))
            .map_or(0, |(_, offset)| *offset)
    }

    /// The instant of the wall-clock time `local` in this zone.
    pub fn instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let offset = TimeDelta::seconds(i64::from(self.offset(local)));
        Utc.from_utc_datetime(&(local - offset))
    }
}

/// The zones `ical` defines that no registry knows, by their TZID.
pub fn own_zones(ical: &ICalendar) -> HashMap<String, OwnZone> {
    let mut zones = HashMap::new();
    for zone in &ical.components {
        if zone.component_type != ICalendarComponentType::VTimezone || zone.timezone().is_some() {
            continue;
        }
        let Some(tzid) = text(zone, &ICalendarProperty::Tzid) else {
            continue;
        };
        zones.insert(tzid.to_owned(), read(ical, zone));
    }
    zones
}

/// The TZIDs events use that no registry knows and the file does not
/// define, each once.
pub fn unknown_zones(ical: &ICalendar, own: &HashMap<String, OwnZone>) -> Vec<String> {
    let known = ical.build_tz_resolver();
    let mut unknown: Vec<String> = Vec::new();
    for component in &ical.components {
        for entry in &component.entries {
            if let Some(tzid) = entry.tz_id()
                && known.resolve(tzid).is_none()
                && !own.contains_key(tzid)
                && !unknown.iter().any(|u| u == tzid)
            {
                unknown.push(tzid.to_owned());
            }
        }
    }
    unknown
}

/// The onsets of `zone`'s observances, expanded as floating events.
fn read(ical: &ICalendar, zone: &ICalendarComponent) -> OwnZone {
    let mut scratch = ICalendar {
        components: vec![ICalendarComponent {
            component_type: ICalendarComponentType::VCalendar,
            entries: Vec::new(),
            component_ids: Vec::new(),
        }],
    };
    let mut offsets = Vec::new();
    for id in &zone.component_ids {
        let Some(observance) = ical.components.get(*id as usize) else {
            continue;
        };
        let Some(offset) = observance
            .property(&ICalendarProperty::Tzoffsetto)
            .and_then(|e| e.values.first())
            .and_then(ICalendarValue::as_partial_date_time)
            .and_then(|p| {
                let seconds =
                    i32::from(p.tz_hour?) * 3600 + i32::from(p.tz_minute.unwrap_or(0)) * 60;
                Some(if p.tz_minus { -seconds } else { seconds })
            })
        else {
            continue;
        };
        let mut event = observance.clone();
        event.component_type = ICalendarComponentType::VEvent;
        event.component_ids.clear();
        event
            .entries
            .push(ICalendarEntry::new(ICalendarProperty::Uid).with_value(format!("onset-{id}")));
        let at = u32::try_from(scratch.components.len()).unwrap_or(u32::MAX);
        scratch.components[0].component_ids.push(at);
        scratch.components.push(event);
        offsets.push((at, offset));
    }
    let expanded = scratch.expand_dates(Tz::Floating, MAX_ONSETS);
    let mut onsets: Vec<(NaiveDateTime, i32)> = expanded
        .events
        .iter()
        .filter_map(|e| {
            let offset = offsets.iter().find(|(at, _)| *at == e.comp_id)?.1;
            Some((e.start.naive_local(), offset))
        })
        .collect();
    onsets.sort();
    OwnZone { onsets }
}

/// The first text value of `component`'s `property`.
fn text<'c>(component: &'c ICalendarComponent, property: &ICalendarProperty) -> Option<&'c str> {
    component
        .property(property)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calcard::{Entry, Parser};

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_zone_of_the_files_own_keeps_its_rules_across_both_changes() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/evidence/thunderbird.ics"),
        )
        .unwrap();
        let Entry::ICalendar(ical) = Parser::new(&text).entry() else {
            panic!("not a calendar");
        };
        let zones = own_zones(&ical);
        // Europe/London is known by name; only "Lotus Eastern" is the file's.
        assert_eq!(zones.keys().collect::<Vec<_>>(), ["Lotus Eastern"]);
        let eastern = &zones["Lotus Eastern"];
        let utc = |local: &str| eastern.instant(at(local)).format("%m-%d %H:%M").to_string();
        // Daylight time (−4) from the second Sunday of March, 2026-03-08
        // 02:00; standard (−5) from the first of November, 2026-11-01 02:00.
        assert_eq!(utc("2026-03-08 01:59"), "03-08 06:59");
        assert_eq!(utc("2026-03-08 03:00"), "03-08 07:00");
        assert_eq!(utc("2026-09-02 19:30"), "09-02 23:30");
        assert_eq!(utc("2026-11-01 01:59"), "11-01 05:59");
        assert_eq!(utc("2026-11-04 19:30"), "11-05 00:30");
        assert!(unknown_zones(&ical, &zones).is_empty());
    }
}
