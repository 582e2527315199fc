//! The questions themselves at the terminal: a list for scales and
//! choices, ticks for checklists, a checked line for numbers, and the
//! optional example and note prompts.

use std::io::Write;

use inquire::error::CustomUserError;
use inquire::list_option::ListOption;
use inquire::validator::Validation;
use inquire::{MultiSelect, Text};

use super::{SKIP_LABEL, Terminal, back_or_stop};
use crate::answers::interactive::{Ask, Prompter, Step, Stop};
use crate::error::Error;
use crate::output::clean_line;
use crate::questionnaire::{Kind, Question, Response, Theme, format_number};

impl Prompter for Terminal {
    fn show_theme(&mut self, theme: &Theme, number: usize, count: usize) {
        let _ = writeln!(std::io::stderr());
        self.heading(&format!(
            "{} ({number} of {count})",
            clean_line(&theme.title)
        ));
        if !theme.description.is_empty() {
            self.say(&clean_line(&theme.description));
        }
    }

    fn ask(&mut self, ask: Ask<'_>) -> Result<Step<Response>, Stop> {
        let question = ask.question;
        let skippable = !question.required;
        match &question.kind {
            Kind::Scale { labels, .. } => {
                let cursor = match ask.current {
                    Response::Scale(value) => *value as usize - 1,
                    Response::Skipped => labels.len(),
                    _ => 0,
                };
                let step = self.select(&question.text, labels, skippable, cursor, &ask.progress)?;
                Ok(step.map(|index| {
                    index.map_or(Response::Skipped, |i| Response::Scale(i as u32 + 1))
                }))
            }
            Kind::Choice { options } => {
                let labels: Vec<String> = options.iter().map(|o| o.label.clone()).collect();
                let cursor = match ask.current {
                    Response::Choice(index) => *index,
                    Response::Skipped => labels.len(),
                    _ => 0,
                };
                let step =
                    self.select(&question.text, &labels, skippable, cursor, &ask.progress)?;
                Ok(step.map(|index| index.map_or(Response::Skipped, Response::Choice)))
            }
            Kind::Multi { options } => {
                // "> [ ] " before each option.
                let mut labels: Vec<String> =
                    options.iter().map(|o| self.fit(&o.label, 6)).collect();
                let skip_index = labels.len();
                if skippable {
                    labels.push(SKIP_LABEL.to_owned());
                }
                let ticked: Vec<usize> = match ask.current {
                    Response::Multi(chosen) => chosen.clone(),
                    Response::Skipped => vec![skip_index],
                    _ => Vec::new(),
                };
                let help = self.help(
                    &ask.progress,
                    "space to tick, enter when done (nothing ticked means none)",
                );
                // "Doesn't apply" and the question's own "None of these"
                // go on their own.
                let alone: Vec<(usize, String)> = options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.exclusive)
                    .map(|(i, o)| (i, clean_line(&o.label).into_owned()))
                    .chain([(skip_index, SKIP_LABEL.to_owned())])
                    .collect();
                let validator =
                    move |chosen: &[ListOption<&String>]| -> Result<Validation, CustomUserError> {
                        let single = alone
                            .iter()
                            .find(|(i, _)| chosen.iter().any(|o| o.index == *i));
                        match single {
                            Some((_, label)) if chosen.len() > 1 => Ok(Validation::Invalid(
                                format!("\"{label}\" goes on its own").into(),
                            )),
                            _ => Ok(Validation::Valid),
                        }
                    };
                // The answer is shown under the question, one ticked option a line.
                let shown: Vec<String> = options
                    .iter()
                    .map(|o| self.fit(&o.label, 4))
                    .chain([SKIP_LABEL.to_owned()])
                    .collect();
                let formatter = |chosen: &[ListOption<&String>]| -> String {
                    if chosen.is_empty() {
                        return "none".to_owned();
                    }
                    chosen
                        .iter()
                        .map(|o| format!("\n  + {}", shown[o.index]))
                        .collect()
                };
                let text = self.fit(&question.text, 2);
                let result = MultiSelect::new(&text, labels)
                    .with_default(&ticked)
                    .with_help_message(&help)
                    .with_page_size(8)
                    .without_filtering()
                    .with_validator(validator)
                    .with_formatter(&formatter)
                    .raw_prompt();
                match result {
                    Ok(chosen) if chosen.iter().any(|o| o.index == skip_index) => {
                        Ok(Step::Answer(Response::Skipped))
                    }
                    Ok(chosen) => Ok(Step::Answer(Response::Multi(
                        chosen.iter().map(|o| o.index).collect(),
                    ))),
                    Err(error) => back_or_stop(error),
                }
            }
            Kind::Number {
                unit,
                min,
                max,
                integer,
                ..
            } => {
                let (min, max, integer) = (*min, *max, *integer);
                let unit = unit
                    .as_deref()
                    .map(|u| format!(" {}", clean_line(u)))
                    .unwrap_or_default();
                let range = format!("{} to {}{unit}", format_number(min), format_number(max));
                let keys = if skippable {
                    "type a number (ctrl-u starts over), s to skip"
                } else {
                    "type a number (ctrl-u starts over)"
                };
                let help = self.help(&ask.progress, keys);
                let initial = match ask.current {
                    Response::Number(value) => format_number(*value),
                    Response::Skipped => "s".to_owned(),
                    _ => String::new(),
                };
                let message = self.fit(&format!("{} ({range})", question.text), 2);
                let validator = move |input: &str| -> Result<Validation, CustomUserError> {
                    Ok(match parse_number(input, min, max, integer, skippable) {
                        Ok(_) => Validation::Valid,
                        Err(problem) => Validation::Invalid(problem.into()),
                    })
                };
                let formatter =
                    |input: &str| match parse_number(input, min, max, integer, skippable) {
                        Ok(Some(value)) => self.answer(&format!("{}{unit}", format_number(value))),
                        _ => self.answer(SKIP_LABEL),
                    };
                let result = Text::new(&message)
                    .with_initial_value(&initial)
                    .with_help_message(&help)
                    .with_validator(validator)
                    .with_formatter(&formatter)
                    .prompt();
                match result {
                    Ok(input) => match parse_number(&input, min, max, integer, skippable) {
                        Ok(Some(value)) => Ok(Step::Answer(Response::Number(value))),
                        Ok(None) => Ok(Step::Answer(Response::Skipped)),
                        Err(problem) => Err(Stop::Failed(Error::user(problem))),
                    },
                    Err(error) => back_or_stop(error),
                }
            }
        }
    }

    fn ask_evidence(
        &mut self,
        _question: &Question,
        progress: &str,
        current: Option<&str>,
    ) -> Result<Step<Option<String>>, Stop> {
        let message = self.fit(
            "That is the strongest answer. One concrete example from the last month? (optional)",
            2,
        );
        let help = self.help(progress, "a sentence for your mentor, enter to skip");
        self.free_text(&message, &help, current, "no example")
    }

    fn ask_note(
        &mut self,
        theme: &Theme,
        progress: &str,
        current: Option<&str>,
    ) -> Result<Step<Option<String>>, Stop> {
        let message = self.fit(
            &format!(
                "Anything about {} you want your mentor to know? (optional)",
                theme.title
            ),
            2,
        );
        let help = self.help(progress, "enter to continue");
        self.free_text(&message, &help, current, "no note")
    }
}

/// A typed number within `min..=max`; `None` for a skip. The prompt library
/// writes Ctrl-U as a plain `u`; no number has one, so it means what it
/// means in a shell: what came before it is erased.
fn parse_number(
    input: &str,
    min: f64,
    max: f64,
    integer: bool,
    skippable: bool,
) -> Result<Option<f64>, String> {
    let input = input.rsplit('u').next().unwrap_or(input).trim();
    if skippable && matches!(input, "s" | "skip") {
        return Ok(None);
    }
    let range = format!("{} to {}", format_number(min), format_number(max));
    match input.parse::<f64>() {
        Ok(value) if integer && value.is_finite() && value.fract() != 0.0 => Err(format!(
            "{} is not a whole number; type a count from {range}",
            format_number(value)
        )),
        Ok(value) if value.is_finite() && (min..=max).contains(&value) => Ok(Some(value)),
        Ok(value) if value.is_finite() => {
            Err(format!("{} is outside {range}", format_number(value)))
        }
        _ => Err(format!("type a number from {range}")),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn typed_numbers_are_checked_against_the_range() {
        assert_eq!(parse_number(" 6.5 ", 0.0, 80.0, false, true), Ok(Some(6.5)));
        assert_eq!(
            parse_number("1.5", 0.0, 80.0, true, true),
            Err("1.5 is not a whole number; type a count from 0 to 80".to_owned())
        );
        assert_eq!(parse_number("2", 0.0, 80.0, true, true), Ok(Some(2.0)));
        // Ctrl-U, which arrives as `u`, erases what came before.
        assert_eq!(parse_number("12u5", 0.0, 80.0, true, true), Ok(Some(5.0)));
        assert_eq!(parse_number("12us", 0.0, 80.0, true, true), Ok(None));
        assert_eq!(parse_number("s", 0.0, 80.0, false, true), Ok(None));
        assert_eq!(
            parse_number("81", 0.0, 80.0, false, true),
            Err("81 is outside 0 to 80".to_owned())
        );
        assert_eq!(
            parse_number("NaN", 0.0, 80.0, false, true),
            Err("type a number from 0 to 80".to_owned())
        );
        assert!(
            parse_number("s", 0.0, 80.0, false, false).is_err(),
            "a required question cannot be skipped"
        );
    }
}
