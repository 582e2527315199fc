//! The interactive assessment: the questions theme by theme, going back on
//! request, and progress saved after every answer. How a question is put to
//! the person is the [`Prompter`]'s business (`terminal.rs` for a real
//! terminal, a scripted one in tests).

use super::{Answers, Response};
use crate::error::Error;
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

    /// How many questions are answered (or skipped).
    pub fn answered(&self) -> usize {
        self.answers
            .responses
            .iter()
            .filter(|r| **r != Response::Unanswered)
            .count()
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
mod tests {
    use std::collections::VecDeque;

    use super::*;
    use crate::questionnaire;
    use crate::source::Source;

    const QUESTIONNAIRE: &str = include_str!("../../tests/fixtures/rules/questionnaire.toml");

    /// Plays back a script of steps and records what was asked.
    struct Script {
        steps: VecDeque<Step<Response>>,
        notes: VecDeque<Step<Option<String>>>,
        evidence: VecDeque<Step<Option<String>>>,
        asked: Vec<String>,
        themes: Vec<String>,
    }

    impl Script {
        fn new(steps: Vec<Step<Response>>) -> Self {
            Script {
                steps: steps.into(),
                notes: VecDeque::new(),
                evidence: VecDeque::new(),
                asked: Vec::new(),
                themes: Vec::new(),
            }
        }
    }

    impl Prompter for Script {
        fn show_theme(&mut self, theme: &Theme, number: usize, count: usize) {
            self.themes.push(format!("{} {number}/{count}", theme.id));
        }

        fn ask(&mut self, ask: Ask<'_>) -> Result<Step<Response>, Stop> {
            self.asked.push(format!(
                "{} [{}] {:?}",
                ask.question.id, ask.progress, ask.current
            ));
            self.steps.pop_front().ok_or(Stop::Interrupted)
        }

        fn ask_evidence(
            &mut self,
            question: &Question,
            _: &str,
            _: Option<&str>,
        ) -> Result<Step<Option<String>>, Stop> {
            self.asked.push(format!("evidence {}", question.id));
            self.evidence.pop_front().ok_or(Stop::Interrupted)
        }

        fn ask_note(
            &mut self,
            theme: &Theme,
            _: &str,
            _: Option<&str>,
        ) -> Result<Step<Option<String>>, Stop> {
            self.asked.push(format!("note {}", theme.id));
            self.notes.pop_front().ok_or(Stop::Interrupted)
        }
    }

    fn questionnaire() -> Questionnaire {
        questionnaire::load(&Source::new("q.toml", QUESTIONNAIRE)).unwrap()
    }

    fn walk(q: &Questionnaire, with_notes: bool) -> Walk {
        Walk {
            answers: Answers::empty(q),
            notes_asked: vec![false; q.themes.len()],
            with_notes,
            with_evidence: false,
        }
    }

    #[test]
    fn a_best_answer_asks_for_an_example_and_esc_asks_the_question_again() {
        let q = questionnaire();
        let mut walk = walk(&q, false);
        walk.with_evidence = true;
        // a-scale: 5 is the best label; Esc at the example asks it again;
        // a-reverse (reverse-keyed): 1 is its best label.
        let mut script = Script::new(vec![
            Step::Answer(Response::Scale(5)),
            Step::Answer(Response::Scale(5)),
            Step::Answer(Response::Scale(1)),
            Step::Answer(Response::Scale(2)),
        ]);
        script.evidence = vec![
            Step::Back,
            Step::Answer(Some("Led the March review.".to_owned())),
            Step::Answer(None),
        ]
        .into();
        let _ = walk.run(&q, &mut script, &mut |_| Ok(()));
        assert_eq!(
            script.asked[..6],
            [
                "a-scale [Alpha: every kind, weights · 1/14] Unanswered",
                "evidence a-scale",
                "a-scale [Alpha: every kind, weights · 1/14] Scale(5)",
                "evidence a-scale",
                "a-reverse [Alpha: every kind, weights · 2/14] Unanswered",
                "evidence a-reverse",
            ]
        );
        assert_eq!(
            walk.answers.evidence[0].as_deref(),
            Some("Led the March review.")
        );
        assert_eq!(walk.answers.evidence[1], None);
        assert!(
            !script.asked.iter().any(|a| a == "evidence a-choice"),
            "only statements ask"
        );
    }

    #[test]
    fn changing_a_best_answer_drops_its_example() {
        let q = questionnaire();
        let mut walk = walk(&q, false);
        walk.with_evidence = true;
        walk.answers.responses[0] = Response::Scale(5);
        walk.answers.evidence[0] = Some("An example.".to_owned());
        walk.answers.responses[1] = Response::Scale(2);
        // Resume at a-choice, go back twice, and lower a-scale to 4.
        let mut script = Script::new(vec![
            Step::Back,
            Step::Back,
            Step::Answer(Response::Scale(4)),
        ]);
        let _ = walk.run(&q, &mut script, &mut |_| Ok(()));
        assert_eq!(walk.answers.evidence[0], None);
    }

    #[test]
    fn going_back_re_asks_the_previous_question_with_its_answer() {
        let q = questionnaire();
        let mut walk = walk(&q, false);
        let mut script = Script::new(vec![
            Step::Answer(Response::Scale(4)),
            Step::Back,
            Step::Answer(Response::Scale(2)),
            Step::Answer(Response::Skipped),
        ]);
        let mut saves = 0;
        let stopped = walk.run(&q, &mut script, &mut |_| {
            saves += 1;
            Ok(())
        });
        assert!(
            matches!(stopped, Err(Stop::Interrupted)),
            "the script ran out"
        );
        assert_eq!(
            script.asked[..4],
            [
                "a-scale [Alpha: every kind, weights · 1/14] Unanswered",
                "a-reverse [Alpha: every kind, weights · 2/14] Unanswered",
                "a-scale [Alpha: every kind, weights · 1/14] Scale(4)",
                "a-reverse [Alpha: every kind, weights · 2/14] Unanswered",
            ]
        );
        assert_eq!(walk.answers.responses[0], Response::Scale(2));
        assert_eq!(walk.answers.responses[1], Response::Skipped);
        assert_eq!(saves, 3, "saved after every answer, not after going back");
    }

    #[test]
    fn back_on_the_first_question_stays_there() {
        let q = questionnaire();
        let mut walk = walk(&q, false);
        let mut script = Script::new(vec![Step::Back]);
        let _ = walk.run(&q, &mut script, &mut |_| Ok(()));
        assert_eq!(script.asked.len(), 2);
        assert!(script.asked[1].starts_with("a-scale"));
    }

    #[test]
    fn a_resumed_walk_starts_at_the_first_unanswered_question() {
        let q = questionnaire();
        let mut walk = walk(&q, false);
        walk.answers.responses[0] = Response::Scale(3);
        walk.answers.responses[1] = Response::Skipped;
        let mut script = Script::new(vec![]);
        let _ = walk.run(&q, &mut script, &mut |_| Ok(()));
        assert_eq!(
            script.asked,
            ["a-choice [Alpha: every kind, weights · 3/14] Unanswered"]
        );
        assert_eq!(script.themes, ["alpha 1/5"]);
    }

    #[test]
    fn a_full_walk_introduces_each_theme_and_asks_each_note() {
        let q = questionnaire();
        let mut walk = walk(&q, true);
        let mut script = Script::new(vec![Step::Answer(Response::Skipped); 14]);
        script.notes = vec![Step::Answer(Some("A note.".to_owned())), Step::Answer(None)]
            .into_iter()
            .chain(std::iter::repeat_n(Step::Answer(None), 3))
            .collect();
        walk.run(&q, &mut script, &mut |_| Ok(())).unwrap();
        assert_eq!(
            script.themes,
            [
                "alpha 1/5",
                "beta 2/5",
                "gamma 3/5",
                "delta 4/5",
                "epsilon 5/5"
            ]
        );
        assert_eq!(
            script
                .asked
                .iter()
                .filter(|a| a.starts_with("note"))
                .count(),
            5
        );
        assert_eq!(walk.answers.notes[0].as_deref(), Some("A note."));
        assert!(walk.notes_asked.iter().all(|asked| *asked));
        assert_eq!(walk.answered(), 14);
    }

    #[test]
    fn a_failed_save_stops_the_walk() {
        let q = questionnaire();
        let mut walk = walk(&q, false);
        let mut script = Script::new(vec![Step::Answer(Response::Scale(1))]);
        let stopped = walk.run(&q, &mut script, &mut |_| Err(Error::user("disk full")));
        assert!(matches!(stopped, Err(Stop::Failed(_))));
    }
}
