//! The interactive assessment: the questions theme by theme, going back on
//! request, and progress saved after every answer. How a question is put to
//! the person is the [`Prompter`]'s business (`terminal.rs` for a real
//! terminal, a scripted one in tests).

mod order;

pub use crate::questionnaire::is_order_of;
pub use order::{Orders, Seed, shuffled};

use crate::error::Error;
use crate::questionnaire::{Answers, ContextQuestion, ContextValue, Response};
use crate::questionnaire::{Question, Questionnaire, Theme};

/// One question to put to the respondent.
#[derive(Debug)]
pub struct Ask<'a> {
    /// The question.
    pub question: &'a Question,
    /// Where the respondent is: "Delegation · 7/38".
    pub progress: String,
    /// The answer given before (when going back or resuming), or `Unanswered`.
    pub current: &'a Response,
    /// The order to show a choice's or checklist's options in (indices
    /// into its options); empty for the other kinds.
    pub order: &'a [usize],
    /// The largest count the answers so far allow (a count of people per
    /// the team's size cannot be larger than the team).
    pub ceiling: Option<crate::questionnaire::Ceiling>,
    /// The value measured evidence offers, with where it comes from.
    pub offered: Option<&'a crate::questionnaire::Offer>,
}

/// What the respondent did at a prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<T> {
    /// Gave an answer (which may be a skip).
    Answer(T),
    /// Asked to go back to the previous question.
    Back,
}

/// Why a walk stopped before the end.
#[derive(Debug)]
pub enum Stop {
    /// The respondent pressed Ctrl-C.
    Interrupted,
    /// The terminal or the save failed.
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(error: Error) -> Self {
        Stop::Failed(error)
    }
}

/// Puts questions to the respondent.
pub trait Prompter {
    /// Introduces the context questions, before the first of them: the
    /// facts about the respondent's job, or in a team form the rater's
    /// group.
    fn show_context(&mut self, count: usize, team_form: bool);

    /// Asks one context question (required, never scored).
    fn ask_context(
        &mut self,
        context: &ContextQuestion,
        progress: &str,
        current: Option<&ContextValue>,
    ) -> Result<Step<ContextValue>, Stop>;

    /// Introduces a theme (its number among `count`) before its questions.
    fn show_theme(&mut self, theme: &Theme, number: usize, count: usize);

    /// Asks one question.
    fn ask(&mut self, ask: Ask<'_>) -> Result<Step<Response>, Stop>;

    /// Asks for one concrete example from the last month, after a
    /// statement got its best answer; an empty answer is `None`.
    fn ask_evidence(
        &mut self,
        question: &Question,
        progress: &str,
        current: Option<&str>,
    ) -> Result<Step<Option<String>>, Stop>;

    /// Asks for an optional note on a theme; an empty answer is `None`.
    fn ask_note(
        &mut self,
        theme: &Theme,
        progress: &str,
        current: Option<&str>,
    ) -> Result<Step<Option<String>>, Stop>;
}

/// One stop of the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Context(usize),
    Question(usize),
    Note(usize),
}

/// The walk so far: the answers, and which note prompts were passed.
#[derive(Clone, Debug)]
pub struct Walk {
    /// The answers so far.
    pub answers: Answers,
    /// Per theme, whether its note prompt was passed.
    pub notes_asked: Vec<bool>,
    /// Whether to ask for a note after each theme.
    pub with_notes: bool,
    /// Whether to ask for an example after a statement's best answer.
    pub with_evidence: bool,
    /// The order each question's options are shown in, fixed for the run.
    pub orders: Orders,
    /// Per question, the value measured evidence offers for it (empty
    /// without `--evidence`).
    pub offers: Vec<Option<crate::questionnaire::Offer>>,
}

impl Walk {
    /// The stops in order: each theme's questions, then its note prompt.
    fn items(&self, questionnaire: &Questionnaire) -> Vec<Item> {
        let mut items = Vec::with_capacity(
            questionnaire.contexts.len()
                + questionnaire.questions.len()
                + questionnaire.themes.len(),
        );
        items.extend((0..questionnaire.contexts.len()).map(Item::Context));
        for theme in 0..questionnaire.themes.len() {
            items.extend(
                questionnaire
                    .questions_of(theme)
                    .map(|(index, _)| Item::Question(index)),
            );
            if self.with_notes {
                items.push(Item::Note(theme));
            }
        }
        items
    }

    fn is_open(&self, questionnaire: &Questionnaire, item: Item) -> bool {
        match item {
            Item::Context(index) => self.answers.context[index].is_none(),
            Item::Question(index) => {
                self.answers.applies(questionnaire, index)
                    && self.answers.responses[index] == Response::Unanswered
            }
            Item::Note(theme) => !self.notes_asked[theme],
        }
    }

    /// Whether the walk stops at `item`: a question that does not apply to
    /// the context given is passed over, both ways.
    fn stops_at(&self, questionnaire: &Questionnaire, item: Item) -> bool {
        match item {
            Item::Question(index) => self.answers.applies(questionnaire, index),
            Item::Context(_) | Item::Note(_) => true,
        }
    }

    /// Asks every open question from the first unanswered one to the end,
    /// calling `save` after each answer. Going back re-asks the previous
    /// question with its answer preselected.
    pub fn run(
        &mut self,
        questionnaire: &Questionnaire,
        prompter: &mut dyn Prompter,
        save: &mut dyn FnMut(&Walk) -> Result<(), Error>,
    ) -> Result<(), Stop> {
        let items = self.items(questionnaire);
        let mut position = items
            .iter()
            .position(|item| self.is_open(questionnaire, *item))
            .unwrap_or(items.len());
        let mut shown_theme = None;
        let mut context_shown = false;
        while let Some(&item) = items.get(position) {
            if let Item::Context(index) = item {
                if !context_shown {
                    prompter.show_context(
                        questionnaire.contexts.len(),
                        questionnaire.self_form.is_some(),
                    );
                    context_shown = true;
                }
                let progress = format!(
                    "{} · {}/{}",
                    if questionnaire.self_form.is_some() {
                        "Your group"
                    } else {
                        "Your context"
                    },
                    index + 1,
                    questionnaire.contexts.len()
                );
                let current = self.answers.context[index].as_ref();
                match prompter.ask_context(&questionnaire.contexts[index], &progress, current)? {
                    Step::Answer(value) => {
                        self.answers.context[index] = Some(value);
                        save(self)?;
                        position = self.next(questionnaire, &items, position);
                    }
                    Step::Back => position = self.previous(questionnaire, &items, position),
                }
                continue;
            }
            let theme_index = match item {
                Item::Question(index) => questionnaire.questions[index].theme,
                Item::Note(theme) | Item::Context(theme) => theme,
            };
            let theme = &questionnaire.themes[theme_index];
            if shown_theme != Some(theme_index) {
                prompter.show_theme(theme, theme_index + 1, questionnaire.themes.len());
                shown_theme = Some(theme_index);
            }
            let progress = match item {
                Item::Question(_) => {
                    let asked = |i: &&Item| {
                        matches!(i, Item::Question(_)) && self.stops_at(questionnaire, **i)
                    };
                    let number = items[..position].iter().filter(asked).count();
                    let total = items.iter().filter(asked).count();
                    format!("{} · {}/{total}", theme.title, number + 1)
                }
                Item::Note(_) | Item::Context(_) => format!("{} · note", theme.title),
            };
            let moved = match item {
                Item::Question(index) => {
                    self.ask_question(questionnaire, index, progress, prompter)?
                }
                Item::Context(_) => Move::Again,
                Item::Note(theme) => {
                    let current = self.answers.notes[theme].as_deref();
                    match prompter.ask_note(&questionnaire.themes[theme], &progress, current)? {
                        Step::Answer(note) => {
                            self.answers.notes[theme] = note;
                            self.notes_asked[theme] = true;
                            Move::Next
                        }
                        Step::Back => Move::Back,
                    }
                }
            };
            match moved {
                Move::Next => {
                    save(self)?;
                    position = self.next(questionnaire, &items, position);
                }
                Move::Back => position = self.previous(questionnaire, &items, position),
                Move::Again => {}
            }
        }
        Ok(())
    }

    /// The next stop after `position`.
    fn next(&self, questionnaire: &Questionnaire, items: &[Item], position: usize) -> usize {
        (position + 1..items.len())
            .find(|&i| self.stops_at(questionnaire, items[i]))
            .unwrap_or(items.len())
    }

    /// The stop before `position` (the first stop stays where it is).
    fn previous(&self, questionnaire: &Questionnaire, items: &[Item], position: usize) -> usize {
        (0..position)
            .rev()
            .find(|&i| self.stops_at(questionnaire, items[i]))
            .unwrap_or(position)
    }
}

/// Where the walk goes after a prompt.
enum Move {
    /// To the next stop (after saving).
    Next,
    /// Back to the previous stop.
    Back,
    /// The same stop again.
    Again,
}

impl Walk {
    /// Asks one question and, for a statement answered with its best label,
    /// a concrete example. Esc at the example goes back to the question.
    fn ask_question(
        &mut self,
        questionnaire: &Questionnaire,
        index: usize,
        progress: String,
        prompter: &mut dyn Prompter,
    ) -> Result<Move, Stop> {
        let question = &questionnaire.questions[index];
        let ask = Ask {
            question,
            progress,
            current: &self.answers.responses[index],
            order: self
                .orders
                .get(index)
                .map(Vec::as_slice)
                .unwrap_or_default(),
            ceiling: questionnaire.ceiling(index, &self.answers.context),
            offered: self.offers.get(index).and_then(Option::as_ref),
        };
        let progress = ask.progress.clone();
        let Step::Answer(response) = prompter.ask(ask)? else {
            return Ok(Move::Back);
        };
        let best = super::is_best_statement(question, &response);
        self.answers.responses[index] = response;
        if !best {
            // An example only goes with the best answer.
            self.answers.evidence[index] = None;
            return Ok(Move::Next);
        }
        if !self.with_evidence {
            return Ok(Move::Next);
        }
        let current = self.answers.evidence[index].as_deref();
        match prompter.ask_evidence(question, &progress, current)? {
            Step::Answer(example) => {
                self.answers.evidence[index] = example;
                Ok(Move::Next)
            }
            Step::Back => Ok(Move::Again),
        }
    }
}

impl<T> Step<T> {
    /// Transforms the answer, keeping `Back` as it is.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Step<U> {
        match self {
            Step::Answer(value) => Step::Answer(f(value)),
            Step::Back => Step::Back,
        }
    }
}

#[cfg(test)]
mod tests;
