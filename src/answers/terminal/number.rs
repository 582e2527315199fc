//! The number prompt: a typed number within its bounds, or `s` (skip) and
//! `d` (don't know) where they are offered. The prompt library (inquire
//! 0.9) has no key to clear the line: it types Ctrl-U as a `u`, so the hints
//! promise no such key, and a stray letter is refused like any other.

use inquire::error::CustomUserError;
use inquire::validator::Validation;

use super::{Terminal, back_or_stop};
use crate::answers::interactive::{Step, Stop};
use crate::error::Error;
use crate::output::clean_line;
use crate::questionnaire::{DONT_KNOW_LABEL, format_number};

/// What a number prompt accepts.
#[derive(Clone, Copy, Debug)]
pub(super) struct Bounds<'a> {
    pub(super) min: f64,
    pub(super) max: f64,
    pub(super) integer: bool,
    pub(super) unit: Option<&'a str>,
    pub(super) skippable: bool,
    pub(super) dont_know: bool,
    /// The largest the earlier answers allow, when a count is per one of
    /// them.
    pub(super) ceiling: Option<&'a crate::questionnaire::Ceiling>,
}

/// What was typed at a number prompt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Typed {
    Number(f64),
    Skip,
    DontKnow,
}

impl Terminal {
    /// A number typed within its bounds, or `s` (skip) or `d` (don't know)
    /// where they are offered.
    pub(super) fn number(
        &self,
        text: &str,
        progress: &str,
        initial: &str,
        bounds: Bounds<'_>,
    ) -> Result<Step<Typed>, Stop> {
        let unit = bounds
            .unit
            .map(|u| format!(" {}", clean_line(u)))
            .unwrap_or_default();
        let range = format!(
            "{} to {}{unit}",
            format_number(bounds.min),
            format_number(bounds.max)
        );
        let rating = self.skip == super::RATING_SKIP_LABEL;
        let keys = match (bounds.skippable, bounds.dont_know) {
            (true, true) => "type a number, d for don't know, s to skip",
            // Rating someone else, the skip is what the rater did not see.
            (true, false) if rating => "type a number, s if you don't know or didn't see",
            (true, false) => "type a number, s to skip",
            (false, true) => "type a number, d for don't know",
            (false, false) => "type a number",
        };
        let help = self.help(progress, keys);
        let message = self.fit(&format!("{text} ({range})"), 2);
        let validator = move |input: &str| -> Result<Validation, CustomUserError> {
            Ok(match parse_number(input, bounds) {
                Ok(_) => Validation::Valid,
                Err(problem) => Validation::Invalid(problem.into()),
            })
        };
        let formatter = |input: &str| match parse_number(input, bounds) {
            Ok(Typed::Number(value)) => self.answer(&clean_line(&crate::questionnaire::with_unit(
                value,
                bounds.unit,
            ))),
            Ok(Typed::DontKnow) => self.answer(DONT_KNOW_LABEL),
            _ => self.answer(self.skip),
        };
        let result = super::typed(&message, initial, &help)
            .with_validator(validator)
            .with_formatter(&formatter)
            .prompt();
        match result {
            Ok(input) => match parse_number(&input, bounds) {
                Ok(typed) => Ok(Step::Answer(typed)),
                Err(problem) => Err(Stop::Failed(Error::user(problem))),
            },
            Err(error) => back_or_stop(error),
        }
    }
}

/// A typed number within its bounds, or a skip or "don't know" where
/// offered.
fn parse_number(input: &str, bounds: Bounds<'_>) -> Result<Typed, String> {
    let input = input.trim();
    if bounds.skippable && matches!(input, "s" | "skip") {
        return Ok(Typed::Skip);
    }
    if bounds.dont_know && matches!(input, "d" | "dont-know") {
        return Ok(Typed::DontKnow);
    }
    let (min, max) = (bounds.min, bounds.max);
    let range = format!("{} to {}", format_number(min), format_number(max));
    if !bounds.skippable && matches!(input, "s" | "skip") {
        let or = if bounds.dont_know {
            ", or d for don't know"
        } else {
            ""
        };
        return Err(format!(
            "this question cannot be skipped: type a number from {range}{or}"
        ));
    }
    // Digits, one point and a sign: "1e1" and "inf" are not how anyone
    // writes a count of hours.
    let written = input.strip_prefix('-').unwrap_or(input);
    if written.is_empty()
        || !written.chars().all(|c| c.is_ascii_digit() || c == '.')
        || written.matches('.').count() > 1
    {
        return Err(format!("type a number from {range}"));
    }
    match input.parse::<f64>() {
        Ok(value) if bounds.integer && value.is_finite() && value.fract() != 0.0 => Err(format!(
            "{} is not a whole number; type a count from {range}",
            format_number(value)
        )),
        Ok(value) if bounds.ceiling.is_some_and(|c| value > c.value) => {
            Err(bounds.ceiling.map(|c| c.refuse(value)).unwrap_or_default())
        }
        Ok(value) if value.is_finite() && (min..=max).contains(&value) => Ok(Typed::Number(value)),
        Ok(value) if value.is_finite() => {
            Err(format!("{} is outside {range}", format_number(value)))
        }
        _ => Err(format!("type a number from {range}")),
    }
}

#[cfg(test)]
mod tests {
    use super::{Bounds, Typed, parse_number};

    fn bounds(integer: bool, skippable: bool, dont_know: bool) -> Bounds<'static> {
        Bounds {
            min: 0.0,
            max: 80.0,
            integer,
            unit: None,
            skippable,
            dont_know,
            ceiling: None,
        }
    }

    #[test]
    fn typed_numbers_are_checked_against_the_range() {
        let plain = bounds(false, true, false);
        let count = bounds(true, true, false);
        assert_eq!(parse_number(" 6.5 ", plain), Ok(Typed::Number(6.5)));
        assert_eq!(
            parse_number("1.5", count),
            Err("1.5 is not a whole number; type a count from 0 to 80".to_owned())
        );
        assert_eq!(parse_number("2", count), Ok(Typed::Number(2.0)));
        // Nothing typed is read as anything but itself: a `u` (Ctrl-U, in
        // the prompt library) is refused, not taken as clearing the line.
        assert_eq!(
            parse_number("12u5", count),
            Err("type a number from 0 to 80".to_owned())
        );
        assert_eq!(parse_number("s", plain), Ok(Typed::Skip));
        assert_eq!(
            parse_number("81", plain),
            Err("81 is outside 0 to 80".to_owned())
        );
        assert_eq!(
            parse_number("NaN", plain),
            Err("type a number from 0 to 80".to_owned())
        );
        assert_eq!(
            parse_number("s", bounds(true, false, true)),
            Err(
                "this question cannot be skipped: type a number from 0 to 80, or d for don't know"
                    .to_owned()
            ),
            "a required question says so"
        );
        // Written as anyone writes a number: no exponent.
        assert_eq!(
            parse_number("1e1", plain),
            Err("type a number from 0 to 80".to_owned())
        );
        assert_eq!(parse_number("-0", plain), Ok(Typed::Number(0.0)));
        // A count per the team's size is no larger than the team.
        let team = crate::questionnaire::Ceiling {
            value: 6.0,
            context: "team-size".to_owned(),
        };
        let per_team = Bounds {
            ceiling: Some(&team),
            ..count
        };
        assert_eq!(parse_number("6", per_team), Ok(Typed::Number(6.0)));
        assert_eq!(
            parse_number("7", per_team),
            Err("7 is more than the 6 given for `team-size`, whose members it counts".to_owned())
        );
        assert!(parse_number("d", plain).is_err(), "no don't know offered");
        assert_eq!(
            parse_number("d", bounds(true, true, true)),
            Ok(Typed::DontKnow)
        );
    }
}
