//! The questions themselves at the terminal: a list for scales and
//! choices, ticks for checklists, a checked line for numbers, and the
//! optional example and note prompts.

use std::io::Write;

use inquire::MultiSelect;
use inquire::error::CustomUserError;
use inquire::list_option::ListOption;
use inquire::validator::Validation;

use super::number::{Bounds, Typed};
use super::{Terminal, back_or_stop};
use crate::answers::interactive::{Ask, Prompter, Step, Stop};
use crate::output::clean_line;
use crate::questionnaire::{
    ContextKind, ContextQuestion, ContextValue, DONT_KNOW_LABEL, Kind, Question, Response, Theme,
    format_number,
};

impl Prompter for Terminal {
    fn show_theme(&mut self, theme: &Theme, number: usize, count: usize) {
        let _ = writeln!(std::io::stderr());
        // A team form's themes are titled for raters where it says so.
        self.heading(&format!(
            "{} ({number} of {count})",
            clean_line(theme.for_raters())
        ));
        if !theme.description.is_empty() {
            self.say(&clean_line(&theme.description));
        }
    }

    fn show_context(&mut self, count: usize, team_form: bool) {
        let _ = writeln!(std::io::stderr());
        if team_form {
            self.heading("Your group");
            self.say(
                "First, how you work with this manager: it decides which questions you are \
                 asked, so that you are asked only what you can see.",
            );
            return;
        }
        self.heading("Your context");
        let questions = if count == 1 { "question" } else { "questions" };
        self.say(&format!(
            "First, {count} {questions} about your job. They are never scored: they decide \
             which questions apply to you, and scale the counts to the size of your team."
        ));
    }

    fn ask_context(
        &mut self,
        context: &ContextQuestion,
        progress: &str,
        current: Option<&ContextValue>,
    ) -> Result<Step<ContextValue>, Stop> {
        match &context.kind {
            ContextKind::Choice { options } => {
                let labels: Vec<String> = options.iter().map(|o| o.label.clone()).collect();
                let cursor = match current {
                    Some(ContextValue::Choice(index)) => *index,
                    _ => 0,
                };
                let step = self.select(&context.text, &labels, &[], cursor, progress)?;
                Ok(step.map(ContextValue::Choice))
            }
            ContextKind::Number {
                min,
                max,
                unit,
                integer,
            } => {
                let initial = match current {
                    Some(ContextValue::Number(value)) => format_number(*value),
                    _ => String::new(),
                };
                let typed = self.number(
                    &context.text,
                    progress,
                    &initial,
                    Bounds {
                        min: *min,
                        max: *max,
                        integer: *integer,
                        unit: unit.as_deref(),
                        skippable: false,
                        dont_know: false,
                        ceiling: None,
                    },
                )?;
                Ok(typed.map(|typed| match typed {
                    Typed::Number(value) => ContextValue::Number(value),
                    // Context questions offer neither; the prompt refuses them.
                    Typed::Skip | Typed::DontKnow => ContextValue::Number(*min),
                }))
            }
        }
    }

    fn ask(&mut self, ask: Ask<'_>) -> Result<Step<Response>, Stop> {
        let question = ask.question;
        let skippable = !question.required;
        // After the options: "Don't know" where offered, then the skip.
        let extras: Vec<&str> = [
            question.dont_know.then_some(DONT_KNOW_LABEL),
            skippable.then_some(self.skip),
        ]
        .into_iter()
        .flatten()
        .collect();
        let extra_response = |extra: &str| {
            if extra == DONT_KNOW_LABEL {
                Response::DontKnow
            } else {
                Response::Skipped
            }
        };
        let extra_position = |count: usize, response: &Response| match response {
            Response::DontKnow => extras
                .iter()
                .position(|e| *e == DONT_KNOW_LABEL)
                .map(|i| count + i),
            Response::Skipped => extras
                .iter()
                .position(|e| *e == self.skip)
                .map(|i| count + i),
            _ => None,
        };
        match &question.kind {
            Kind::Scale { labels, .. } => {
                let cursor = match ask.current {
                    Response::Scale(value) => *value as usize - 1,
                    other => extra_position(labels.len(), other).unwrap_or(0),
                };
                let step = self.select(&question.text, labels, &extras, cursor, &ask.progress)?;
                Ok(step.map(|index| match index.checked_sub(labels.len()) {
                    None => Response::Scale(index as u32 + 1),
                    Some(extra) => extra_response(extras[extra]),
                }))
            }
            Kind::Choice { options } => {
                let order = shown_order(ask.order, options.len());
                let labels: Vec<String> = order.iter().map(|&i| options[i].label.clone()).collect();
                let cursor = match ask.current {
                    Response::Choice(index) => order.iter().position(|i| i == index).unwrap_or(0),
                    other => extra_position(labels.len(), other).unwrap_or(0),
                };
                let step = self.select(&question.text, &labels, &extras, cursor, &ask.progress)?;
                Ok(step.map(|index| match index.checked_sub(labels.len()) {
                    None => Response::Choice(order[index]),
                    Some(extra) => extra_response(extras[extra]),
                }))
            }
            Kind::Multi { options } => {
                let order = shown_order(ask.order, options.len());
                let count = options.len();
                // "> [ ] " before each option.
                let mut labels: Vec<String> = order
                    .iter()
                    .map(|&i| self.fit(&options[i].label, 6))
                    .collect();
                labels.extend(extras.iter().map(|e| (*e).to_owned()));
                let ticked: Vec<usize> = match ask.current {
                    Response::Multi(chosen) => chosen
                        .iter()
                        .filter_map(|c| order.iter().position(|i| i == c))
                        .collect(),
                    other => extra_position(count, other).into_iter().collect(),
                };
                let help = self.help(
                    &ask.progress,
                    "space to tick, enter when done (nothing ticked means none)",
                );
                // The question's own "None of these", "Don't know" and
                // "Doesn't apply" go on their own.
                let alone: Vec<(usize, String)> = order
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| options[**i].exclusive)
                    .map(|(shown, &i)| (shown, clean_line(&options[i].label).into_owned()))
                    .chain(
                        extras
                            .iter()
                            .enumerate()
                            .map(|(k, e)| (count + k, (*e).to_owned())),
                    )
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
                let shown: Vec<String> = order
                    .iter()
                    .map(|&i| self.fit(&options[i].label, 4))
                    .chain(extras.iter().map(|e| (*e).to_owned()))
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
                    Ok(chosen) => {
                        if let Some(extra) = chosen.iter().find_map(|o| o.index.checked_sub(count))
                        {
                            return Ok(Step::Answer(extra_response(extras[extra])));
                        }
                        let mut picked: Vec<usize> =
                            chosen.iter().map(|o| order[o.index]).collect();
                        picked.sort_unstable();
                        Ok(Step::Answer(Response::Multi(picked)))
                    }
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
                let initial = match (ask.current, ask.offered) {
                    (Response::Number(value), _) => format_number(*value),
                    (Response::Skipped, _) => "s".to_owned(),
                    (Response::DontKnow, _) => "d".to_owned(),
                    // The measured value, offered to keep or change.
                    (_, Some(offer)) => format_number(offer.value),
                    _ => String::new(),
                };
                if let Some(offer) = ask.offered {
                    self.say(&format!(
                        "Measured {}: {}. Keep it with enter, or change it.",
                        offer.source,
                        crate::questionnaire::with_unit(offer.value, unit.as_deref())
                    ));
                }
                let typed = self.number(
                    &question.text,
                    &ask.progress,
                    &initial,
                    Bounds {
                        min: *min,
                        max: *max,
                        integer: *integer,
                        unit: unit.as_deref(),
                        skippable,
                        dont_know: question.dont_know,
                        ceiling: ask.ceiling.as_ref(),
                    },
                )?;
                Ok(typed.map(|typed| match typed {
                    Typed::Number(value) => Response::Number(value),
                    Typed::Skip => Response::Skipped,
                    Typed::DontKnow => Response::DontKnow,
                }))
            }
        }
    }

    fn ask_evidence(
        &mut self,
        _question: &Question,
        progress: &str,
        current: Option<&str>,
    ) -> Result<Step<Option<String>>, Stop> {
        self.free_text(
            "That is the strongest answer. One concrete example from the last month? (optional)",
            (progress, "a sentence for your mentor, enter to skip"),
            current,
            "no example",
        )
    }

    fn ask_note(
        &mut self,
        theme: &Theme,
        progress: &str,
        current: Option<&str>,
    ) -> Result<Step<Option<String>>, Stop> {
        let message = format!(
            "Anything about {} you want your mentor to know? (optional)",
            theme.title
        );
        self.free_text(
            &message,
            (progress, "enter to continue"),
            current,
            "no note",
        )
    }
}

/// The order to show `count` options in: the run's, or as written.
fn shown_order(order: &[usize], count: usize) -> Vec<usize> {
    if crate::answers::interactive::is_order_of(order, count) {
        order.to_vec()
    } else {
        (0..count).collect()
    }
}
