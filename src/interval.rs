//! An interval given on the command line or in a file: a whole number of
//! days, weeks or months (`90d`, `13w`, `3m`).

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

    /// Reads `90d`, `13w` or `3m`.
    pub fn parse(text: &str) -> Result<Every, String> {
        let text = text.trim();
        let explain = || {
            format!(
                "`{text}` is not an interval: write a whole number and d (days), w (weeks) or m \
                 (months), e.g. 90d, 13w or 3m"
            )
        };
        let unit = text.chars().last().ok_or_else(explain)?;
        let count = &text[..text.len() - unit.len_utf8()];
        if !matches!(unit, 'd' | 'w' | 'm')
            || count.is_empty()
            || count.len() > 5
            || !count.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(explain());
        }
        let count: u32 = count.parse().map_err(|_| explain())?;
        if count == 0 {
            return Err(explain());
        }
        Ok(Every { count, unit })
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

    /// The interval in days from `from` (for a next check-in).
    pub fn after(self, from: NaiveDate) -> NaiveDate {
        let count = u64::from(self.count);
        match self.unit {
            'w' => from.checked_add_days(Days::new(7 * count)),
            'm' => from.checked_add_months(Months::new(self.count)),
            _ => from.checked_add_days(Days::new(count)),
        }
        .unwrap_or(NaiveDate::MAX)
    }
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
}
