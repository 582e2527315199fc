//! Tests of the parent module.

use std::collections::VecDeque;

use super::*;
use crate::questionnaire;
use crate::source::Source;

const QUESTIONNAIRE: &str = include_str!("../../../tests/fixtures/rules/questionnaire.toml");

/// Plays back a script of steps and records what was asked.
struct Script {
    steps: VecDeque<Step<Response>>,
    notes: VecDeque<Step<Option<String>>>,
    evidence: VecDeque<Step<Option<String>>>,
    asked: Vec<String>,
    themes: Vec<String>,
    contexts: VecDeque<Step<crate::questionnaire::ContextValue>>,
}

impl Script {
    fn new(steps: Vec<Step<Response>>) -> Self {
        Script {
            steps: steps.into(),
            notes: VecDeque::new(),
            evidence: VecDeque::new(),
            asked: Vec::new(),
            themes: Vec::new(),
            contexts: VecDeque::new(),
        }
    }
}

impl Prompter for Script {
    fn show_context(&mut self, count: usize, _team_form: bool) {
        self.themes.push(format!("context {count}"));
    }

    fn ask_context(
        &mut self,
        context: &crate::questionnaire::ContextQuestion,
        progress: &str,
        _: Option<&crate::questionnaire::ContextValue>,
    ) -> Result<Step<crate::questionnaire::ContextValue>, Stop> {
        self.asked
            .push(format!("context {} [{progress}]", context.id));
        self.contexts.pop_front().ok_or(Stop::Interrupted)
    }

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
        orders: Vec::new(),
        offers: Vec::new(),
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
    assert_eq!(walk.answers.answered(), 14);
}

#[test]
fn a_failed_save_stops_the_walk() {
    let q = questionnaire();
    let mut walk = walk(&q, false);
    let mut script = Script::new(vec![Step::Answer(Response::Scale(1))]);
    let stopped = walk.run(&q, &mut script, &mut |_| Err(Error::user("disk full")));
    assert!(matches!(stopped, Err(Stop::Failed(_))));
}
