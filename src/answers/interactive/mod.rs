//! The interactive assessment: the questions theme by theme, going back on
//! request, and progress saved after every answer. How a question is put to
//! the person is the [`Prompter`]'s business (`terminal.rs` for a real
//! terminal, a scripted one in tests).

use crate::error::Error;
use crate::questionnaire::{Answers, Response};
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
}

impl Walk {
    /// The stops in order: each theme's questions, then its note prompt.
    fn items(&self, questionnaire: &Questionnaire) -> Vec<Item> {
        let mut items =
            Vec::with_capacity(questionnaire.questions.len() + questionnaire.themes.len());
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

    fn is_open(&self, item: Item) -> bool {
        match item {
            Item::Question(index) => self.answers.responses[index] == Response::Unanswered,
            Item::Note(theme) => !self.notes_asked[theme],
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
        let total = questionnaire.questions.len();
        let mut position = items
            .iter()
            .position(|item| self.is_open(*item))
            .unwrap_or(items.len());
        let mut shown_theme = None;
        while let Some(&item) = items.get(position) {
            let theme_index = match item {
                Item::Question(index) => questionnaire.questions[index].theme,
                Item::Note(theme) => theme,
            };
            let theme = &questionnaire.themes[theme_index];
            if shown_theme != Some(theme_index) {
                prompter.show_theme(theme, theme_index + 1, questionnaire.themes.len());
                shown_theme = Some(theme_index);
            }
            let progress = match item {
                Item::Question(_) => {
                    let number = items[..position]
                        .iter()
                        .filter(|i| matches!(i, Item::Question(_)))
                        .count();
                    format!("{} · {}/{total}", theme.title, number + 1)
                }
                Item::Note(_) => format!("{} · note", theme.title),
            };
            let moved = match item {
                Item::Question(index) => {
                    self.ask_question(questionnaire, index, progress, prompter)?
                }
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
                    position += 1;
                }
                Move::Back => position = position.saturating_sub(1),
                Move::Again => {}
            }
        }
        Ok(())
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
