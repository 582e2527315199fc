//! An interval given on the command line or in a file — a whole number of
//! days, weeks or months (`90d`, `13w`, `3m`) — and a date given as a day
//! (`2027-01-15`) or as an interval from today (`+6w`): one grammar for
//! `--every`, `checkin_every`, due dates and `--closes`.

use chrono::{Days, Months, NaiveDate};

/// How often people re-assess: a number of days, weeks or months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Every {
    count: u32,
    unit: char,
}

impl Every {
    /// `count` days.
    pub const fn days(count: u32) -> Every {
        Every { count, unit: 'd' }
    }

    /// Reads `90d`, `13w` or `3m`: a whole number above 0.
    pub fn parse(text: &str) -> Result<Every, String> {
        let text = text.trim();
        Every::read(text).filter(|every| every.count > 0).ok_or_else(|| {
            format!(
                "`{text}` is not an interval: write a whole number and d (days), w (weeks) or m \
                 (months), e.g. 90d, 13w or 3m"
            )
        })
    }

    /// A whole number of at most five digits, then `d`, `w` or `m`; the
    /// unit is a character, not a byte, so that `1é` is a mistake and not a
    /// crash.
    fn read(text: &str) -> Option<Every> {
        let unit = text.chars().last()?;
        let count = &text[..text.len() - unit.len_utf8()];
        if !matches!(unit, 'd' | 'w' | 'm')
            || count.is_empty()
            || count.len() > 5
            || !count.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some(Every {
            count: count.parse().ok()?,
            unit,
        })
    }

    /// The day this interval before `today`: a self-assessment older than
    /// that is due again.
    pub fn before(self, today: NaiveDate) -> NaiveDate {
        let count = u64::from(self.count);
        match self.unit {
            'w' => today.checked_sub_days(Days::new(7 * count)),
            'm' => today.checked_sub_months(Months::new(self.count)),
            _ => today.checked_sub_days(Days::new(count)),
        }
        .unwrap_or(NaiveDate::MIN)
    }

    /// The day this interval after `from` (a next check-in).
    pub fn after(self, from: NaiveDate) -> NaiveDate {
        self.checked_after(from).unwrap_or(NaiveDate::MAX)
    }

    fn checked_after(self, from: NaiveDate) -> Option<NaiveDate> {
        let count = u64::from(self.count);
        match self.unit {
            'w' => from.checked_add_days(Days::new(7 * count)),
            'm' => from.checked_add_months(Months::new(self.count)),
            _ => from.checked_add_days(Days::new(count)),
        }
    }
}

/// A date: `2027-01-15`, or from `today` as `+10d`, `+6w` or `+2m` (days,
/// weeks, months; `+0d` is today).
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    let explain = || {
        format!(
            "`{text}` is not a date: write it as 2027-01-15, or from today as +10d (days), +6w \
             (weeks) or +2m (months)"
        )
    };
    match text.strip_prefix('+') {
        Some(relative) => Every::read(relative)
            .and_then(|every| every.checked_after(today))
            .ok_or_else(explain),
        None => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| explain()),
    }
}

/// Like [`parse_date`], for a day to come (a new due date, a round's
/// close), which cannot be in the past: one overdue the day it is set is a
/// mistake.
pub fn parse_future_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let date = parse_date(text, today)?;
    if date < today {
        return Err(format!(
            "`{}` is in the past (today is {today}); give a date from today on, or +10d, +6w, +2m",
            text.trim()
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn intervals_are_days_weeks_or_months() {
        let today = day("2026-11-23");
        assert_eq!(
            Every::parse("90d").unwrap().before(today),
            day("2026-08-25")
        );
        assert_eq!(Every::parse("2w").unwrap().before(today), day("2026-11-09"));
        assert_eq!(Every::parse("3m").unwrap().before(today), day("2026-08-23"));
        for bad in ["", "90", "d", "0d", "1y", "+3m", "3é", "999999d"] {
            assert!(Every::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_are_days_or_intervals_from_today() {
        let today = day("2026-11-22");
        assert_eq!(parse_date("2027-01-15", today), Ok(day("2027-01-15")));
        assert_eq!(parse_date("+10d", today), Ok(day("2026-12-02")));
        assert_eq!(parse_date("+6w", today), Ok(day("2027-01-03")));
        assert_eq!(parse_date(" +2m ", today), Ok(day("2027-01-22")));
        for bad in [
            "2027-13-01",
            "+6y",
            "+w",
            "next week",
            "",
            "+-3d",
            "++1d",
            "+1é",
            "+2週",
            "+é",
            "+ 1d",
            "+9999999d",
        ] {
            assert!(parse_date(bad, today).is_err(), "{bad}");
        }
        assert_eq!(
            parse_date("2027-02-30", today).unwrap_err(),
            "`2027-02-30` is not a date: write it as 2027-01-15, or from today as +10d (days), +6w (weeks) or +2m (months)"
        );
    }
}
