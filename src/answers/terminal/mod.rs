//! The interactive prompts in a real terminal, drawn with inquire. This is
//! the only module that knows about inquire; everything else sees a
//! [`Prompter`](super::interactive::Prompter).

mod number;
mod questions;

use std::io::Write;

use inquire::error::CustomUserError;
use inquire::list_option::ListOption;
use inquire::ui::{RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{Confirm, InquireError, Select, Text};

use super::interactive::{Step, Stop};
use crate::error::Error;
use crate::output::{clean, clean_line, paint, styles, wrap};

/// The extra option offered on every question that is not required.
pub const SKIP_LABEL: &str = "Not sure / doesn't apply";

/// The same option when someone rates another person (`assess --about`):
/// what they did not see, they do not know, and it scores nothing either
/// way.
pub const RATING_SKIP_LABEL: &str = "Don't know / didn't see";

/// Text never wraps wider than this, for readability on wide terminals.
const MAX_WIDTH: usize = 88;

/// Prompts on the terminal (standard error, so that standard output carries
/// only the report).
#[derive(Debug)]
pub struct Terminal {
    color: bool,
    /// How the skip is labelled: [`SKIP_LABEL`], or [`RATING_SKIP_LABEL`].
    skip: &'static str,
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
        Terminal {
            color,
            skip: SKIP_LABEL,
        }
    }

    /// The terminal of someone rating another person: a skip reads "Don't
    /// know / didn't see".
    #[must_use]
    pub fn rating(mut self) -> Self {
        self.skip = RATING_SKIP_LABEL;
        self
    }

    /// The width to wrap text at.
    pub(super) fn width(&self) -> usize {
        let columns = crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns));
        columns.clamp(20, MAX_WIDTH) - 1
    }

    /// `text` wrapped to the terminal with line breaks, each continuation line
    /// indented by `indent` spaces: inquire would otherwise break lines in the
    /// middle of words.
    pub(super) fn fit(&self, text: &str, indent: usize) -> String {
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
    pub(super) fn answer(&self, text: &str) -> String {
        format!("\n  → {}", self.fit(text, 4))
    }

    /// The help line under a prompt: where the respondent is, the keys, and
    /// how to go back.
    pub(super) fn help(&self, progress: &str, keys: &str) -> String {
        self.fit(&format!("{progress} · {keys}, esc to go back"), 1)
    }

    /// A single-choice list of `labels`, then the `extras` ("Don't know",
    /// the skip option) last. The answer is the chosen index into labels
    /// and extras together.
    pub(super) fn select(
        &self,
        text: &str,
        labels: &[String],
        extras: &[&str],
        cursor: usize,
        progress: &str,
    ) -> Result<Step<usize>, Stop> {
        let mut options: Vec<String> = labels.iter().map(|label| self.fit(label, 2)).collect();
        options.extend(extras.iter().map(|extra| (*extra).to_owned()));
        let shown: Vec<String> = labels
            .iter()
            .map(String::as_str)
            .chain(extras.iter().copied())
            .map(|label| self.answer(label))
            .collect();
        let formatter = |option: ListOption<&String>| shown[option.index].clone();
        let text = self.fit(text, 2);
        let help = self.help(progress, "↑↓ to move, enter to choose");
        let last = options.len().saturating_sub(1);
        let result = list(&text, options, &help)
            .with_starting_cursor(cursor.min(last))
            .with_formatter(&formatter)
            .raw_prompt();
        match result {
            Ok(option) => Ok(Step::Answer(option.index)),
            Err(error) => back_or_stop(error),
        }
    }

    /// Prints a paragraph, wrapped to the terminal.
    pub fn say(&mut self, text: &str) {
        let mut stderr = std::io::stderr().lock();
        for paragraph in clean(text).split('\n') {
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
            paint(self.color, styles::HEADING, &clean_line(text))
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
        let result = list(&message, labels, &help)
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
        self.line_shown(message, help, initial, check, |text| text.to_owned())
    }

    /// Like [`Terminal::line`], with the answer confirmed under the prompt
    /// as `shown` puts it (a date typed as `+2w` is confirmed as the date).
    pub fn line_shown(
        &mut self,
        message: &str,
        help: &str,
        initial: &str,
        check: impl Fn(&str) -> Result<(), String> + Clone + 'static,
        shown: impl Fn(&str) -> String,
    ) -> Result<Option<String>, Stop> {
        let message = self.fit(message, 2);
        let help = self.fit(help, 1);
        let formatter = |text: &str| self.answer(&shown(text));
        let validator = move |input: &str| -> Result<Validation, CustomUserError> {
            Ok(match check(input) {
                Ok(()) => Validation::Valid,
                Err(problem) => Validation::Invalid(problem.into()),
            })
        };
        let result = typed(&message, initial, &help)
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

impl Terminal {
    /// An optional line of free text; empty is `None`, shown as `empty`.
    pub(super) fn free_text(
        &self,
        message: &str,
        (progress, keys): (&str, &str),
        current: Option<&str>,
        empty: &str,
    ) -> Result<Step<Option<String>>, Stop> {
        let message = self.fit(message, 2);
        let help = self.help(progress, keys);
        let formatter = |text: &str| {
            if text.trim().is_empty() {
                self.answer(empty)
            } else {
                self.answer(text)
            }
        };
        let result = typed(&message, current.unwrap_or_default(), &help)
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

/// A list to choose from, as every list of the run shows: eight lines at a
/// time, no filtering.
pub(super) fn list<'a, T: std::fmt::Display>(
    message: &'a str,
    options: Vec<T>,
    help: &'a str,
) -> Select<'a, T> {
    Select::new(message, options)
        .with_help_message(help)
        .with_page_size(8)
        .without_filtering()
}

/// A line to type in, starting from `initial`.
pub(super) fn typed<'a>(message: &'a str, initial: &'a str, help: &'a str) -> Text<'a, 'a> {
    Text::new(message)
        .with_initial_value(initial)
        .with_help_message(help)
}

/// Esc goes back; Ctrl-C stops; anything else is a failure.
pub(super) fn back_or_stop<T>(error: InquireError) -> Result<Step<T>, Stop> {
    match error {
        InquireError::OperationCanceled => Ok(Step::Back),
        other => Err(stop(other)),
    }
}

pub(super) fn stop(error: InquireError) -> Stop {
    match error {
        InquireError::OperationInterrupted => Stop::Interrupted,
        other => Stop::Failed(Error::user(format!("the terminal prompt failed: {other}"))),
    }
}
