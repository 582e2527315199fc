//! The interactive prompts in a real terminal, drawn with inquire. This is
//! the only module that knows about inquire; everything else sees a
//! [`Prompter`].

use std::io::Write;

use inquire::error::CustomUserError;
use inquire::list_option::ListOption;
use inquire::ui::{RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{Confirm, InquireError, MultiSelect, Select, Text};

use super::Response;
use super::format_number;
use super::interactive::{Ask, Prompter, Step, Stop};
use crate::error::Error;
use crate::output::{clean_line, paint, styles, wrap};
use crate::questionnaire::{Kind, Question, Theme};

/// The extra option offered on every question that is not required.
pub const SKIP_LABEL: &str = "Not sure / doesn't apply";

/// Text never wraps wider than this, for readability on wide terminals.
const MAX_WIDTH: usize = 88;

/// Prompts on the terminal (standard error, so that standard output carries
/// only the report).
#[derive(Debug)]
pub struct Terminal {
    color: bool,
}

impl Terminal {
    /// A terminal prompter; `color` follows `--color` for standard error.
    pub fn new(color: bool) -> Self {
        let config = if color {
            RenderConfig::default_colored()
        } else {
            RenderConfig::empty()
        };
        // Esc means "back" here, not "cancel".
        inquire::set_global_render_config(
            config.with_canceled_prompt_indicator(Styled::new("(back)")),
        );
        Terminal { color }
    }

    /// The width to wrap text at.
    fn width(&self) -> usize {
        let columns = crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns));
        columns.clamp(20, MAX_WIDTH) - 1
    }

    /// `text` wrapped to the terminal with line breaks, each continuation line
    /// indented by `indent` spaces: inquire would otherwise break lines in the
    /// middle of words.
    fn fit(&self, text: &str, indent: usize) -> String {
        let pad = " ".repeat(indent);
        wrap(
            &clean_line(text),
            self.width().saturating_sub(indent).max(10),
            "",
            "",
        )
        .join(&format!("\n{pad}"))
    }

    /// An answer as shown under its question once given, on a line of its
    /// own so that it never wraps in the middle of a word.
    fn answer(&self, text: &str) -> String {
        format!("\n  → {}", self.fit(text, 4))
    }

    /// The help line under a prompt: where the respondent is, the keys, and
    /// how to go back.
    fn help(&self, progress: &str, keys: &str) -> String {
        self.fit(&format!("{progress} · {keys}, esc to go back"), 1)
    }

    /// A single-choice list with, unless the question is required, the skip
    /// option last. The answer is the chosen index, `None` for the skip option.
    fn select(
        &self,
        text: &str,
        labels: &[String],
        skippable: bool,
        cursor: usize,
        progress: &str,
    ) -> Result<Step<Option<usize>>, Stop> {
        let count = labels.len();
        let mut options: Vec<String> = labels.iter().map(|label| self.fit(label, 2)).collect();
        if skippable {
            options.push(SKIP_LABEL.to_owned());
        }
        let shown: Vec<String> = labels
            .iter()
            .map(String::as_str)
            .chain([SKIP_LABEL])
            .map(|label| self.answer(label))
            .collect();
        let formatter = |option: ListOption<&String>| shown[option.index].clone();
        let text = self.fit(text, 2);
        let help = self.help(progress, "↑↓ to move, enter to choose");
        let result = Select::new(&text, options)
            .with_starting_cursor(cursor.min(count + usize::from(skippable) - 1))
            .with_help_message(&help)
            .with_page_size(8)
            .without_filtering()
            .with_formatter(&formatter)
            .raw_prompt();
        match result {
            Ok(option) => Ok(Step::Answer((option.index < count).then_some(option.index))),
            Err(error) => back_or_stop(error),
        }
    }

    /// Prints a paragraph, wrapped to the terminal.
    pub fn say(&mut self, text: &str) {
        let mut stderr = std::io::stderr().lock();
        for paragraph in text.split('\n') {
            for line in wrap(paragraph, self.width(), "", "") {
                let _ = writeln!(stderr, "{line}");
            }
        }
    }

    /// Prints a heading line.
    pub fn heading(&mut self, text: &str) {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            paint(self.color, styles::HEADING, text)
        );
    }

    /// Tidies the screen after Ctrl-C: inquire leaves the interrupted prompt's
    /// options on screen with the cursor among them.
    pub fn interrupted(&mut self) {
        use crossterm::cursor::MoveToColumn;
        use crossterm::terminal::{Clear, ClearType};
        let mut stderr = std::io::stderr();
        let _ = crossterm::execute!(stderr, MoveToColumn(0), Clear(ClearType::FromCursorDown));
    }

    /// A choice among `options`, each shown on its own line(s); `None` when
    /// the respondent presses Esc.
    pub fn choose(
        &mut self,
        message: &str,
        options: &[String],
        help: &str,
    ) -> Result<Option<usize>, Stop> {
        let labels: Vec<String> = options.iter().map(|o| self.fit(o, 2)).collect();
        let shown: Vec<String> = options.iter().map(|o| self.answer(o)).collect();
        let formatter = |option: ListOption<&String>| shown[option.index].clone();
        let message = self.fit(message, 2);
        let help = self.fit(help, 1);
        let result = Select::new(&message, labels)
            .with_help_message(&help)
            .with_page_size(8)
            .without_filtering()
            .with_formatter(&formatter)
            .raw_prompt();
        match result {
            Ok(option) => Ok(Some(option.index)),
            Err(InquireError::OperationCanceled) => Ok(None),
            Err(error) => Err(stop(error)),
        }
    }

    /// A line of text checked by `check`; `None` when the respondent
    /// presses Esc.
    pub fn line(
        &mut self,
        message: &str,
        help: &str,
        initial: &str,
        check: impl Fn(&str) -> Result<(), String> + Clone + 'static,
    ) -> Result<Option<String>, Stop> {
        let message = self.fit(message, 2);
        let help = self.fit(help, 1);
        let formatter = |text: &str| self.answer(text);
        let validator = move |input: &str| -> Result<Validation, CustomUserError> {
            Ok(match check(input) {
                Ok(()) => Validation::Valid,
                Err(problem) => Validation::Invalid(problem.into()),
            })
        };
        let result = Text::new(&message)
            .with_initial_value(initial)
            .with_help_message(&help)
            .with_validator(validator)
            .with_formatter(&formatter)
            .prompt();
        match result {
            Ok(text) => Ok(Some(text.trim().to_owned())),
            Err(InquireError::OperationCanceled) => Ok(None),
            Err(error) => Err(stop(error)),
        }
    }

    /// Asks a yes/no question.
    pub fn confirm(&mut self, message: &str, default: bool) -> Result<bool, Stop> {
        let message = self.fit(message, 2);
        match Confirm::new(&message).with_default(default).prompt() {
            Ok(answer) => Ok(answer),
            Err(InquireError::OperationCanceled) => Ok(default),
            Err(error) => Err(stop(error)),
        }
    }
}

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
                let validator =
                    move |chosen: &[ListOption<&String>]| -> Result<Validation, CustomUserError> {
                        if chosen.len() > 1 && chosen.iter().any(|o| o.index == skip_index) {
                            Ok(Validation::Invalid(
                                format!("choose \"{SKIP_LABEL}\" on its own").into(),
                            ))
                        } else {
                            Ok(Validation::Valid)
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
            Kind::Number { unit, min, max, .. } => {
                let (min, max) = (*min, *max);
                let unit = unit
                    .as_deref()
                    .map(|u| format!(" {}", clean_line(u)))
                    .unwrap_or_default();
                let range = format!("{} to {}{unit}", format_number(min), format_number(max));
                let keys = if skippable {
                    "type a number, s to skip"
                } else {
                    "type a number"
                };
                let help = self.help(&ask.progress, keys);
                let initial = match ask.current {
                    Response::Number(value) => format_number(*value),
                    Response::Skipped => "s".to_owned(),
                    _ => String::new(),
                };
                let message = self.fit(&format!("{} ({range})", question.text), 2);
                let validator = move |input: &str| -> Result<Validation, CustomUserError> {
                    Ok(match parse_number(input, min, max, skippable) {
                        Ok(_) => Validation::Valid,
                        Err(problem) => Validation::Invalid(problem.into()),
                    })
                };
                let formatter = |input: &str| match parse_number(input, min, max, skippable) {
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
                    Ok(input) => match parse_number(&input, min, max, skippable) {
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

impl Terminal {
    /// An optional line of free text; empty is `None`, shown as `empty`.
    fn free_text(
        &self,
        message: &str,
        help: &str,
        current: Option<&str>,
        empty: &str,
    ) -> Result<Step<Option<String>>, Stop> {
        let formatter = |text: &str| {
            if text.trim().is_empty() {
                self.answer(empty)
            } else {
                self.answer(text)
            }
        };
        let result = Text::new(message)
            .with_initial_value(current.unwrap_or_default())
            .with_help_message(help)
            .with_formatter(&formatter)
            .prompt();
        match result {
            Ok(text) => {
                let text = text.trim();
                Ok(Step::Answer((!text.is_empty()).then(|| text.to_owned())))
            }
            Err(error) => back_or_stop(error),
        }
    }
}

/// A typed number within `min..=max`; `None` for a skip.
fn parse_number(input: &str, min: f64, max: f64, skippable: bool) -> Result<Option<f64>, String> {
    let input = input.trim();
    if skippable && matches!(input, "s" | "skip") {
        return Ok(None);
    }
    let range = format!("{} to {}", format_number(min), format_number(max));
    match input.parse::<f64>() {
        Ok(value) if value.is_finite() && (min..=max).contains(&value) => Ok(Some(value)),
        Ok(value) if value.is_finite() => {
            Err(format!("{} is outside {range}", format_number(value)))
        }
        _ => Err(format!("type a number from {range}")),
    }
}

/// Esc goes back; Ctrl-C stops; anything else is a failure.
fn back_or_stop<T>(error: InquireError) -> Result<Step<T>, Stop> {
    match error {
        InquireError::OperationCanceled => Ok(Step::Back),
        other => Err(stop(other)),
    }
}

fn stop(error: InquireError) -> Stop {
    match error {
        InquireError::OperationInterrupted => Stop::Interrupted,
        other => Stop::Failed(Error::user(format!("the terminal prompt failed: {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn typed_numbers_are_checked_against_the_range() {
        assert_eq!(parse_number(" 6.5 ", 0.0, 80.0, true), Ok(Some(6.5)));
        assert_eq!(parse_number("s", 0.0, 80.0, true), Ok(None));
        assert_eq!(
            parse_number("81", 0.0, 80.0, true),
            Err("81 is outside 0 to 80".to_owned())
        );
        assert_eq!(
            parse_number("NaN", 0.0, 80.0, true),
            Err("type a number from 0 to 80".to_owned())
        );
        assert!(
            parse_number("s", 0.0, 80.0, false).is_err(),
            "a required question cannot be skipped"
        );
    }
}
