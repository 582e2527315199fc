//! How far to trust a set of answers: contradictions between paired
//! statements, straight-lining, and uniformly top answers. Pure functions of
//! a questionnaire, its responses and their scores, called beside scoring;
//! they add notes to a report and never change its scores.

use serde::{Deserialize, Serialize};

use crate::questionnaire::{Kind, Questionnaire, Response};

/// Paired statements whose scores (after reverse keying) differ by this much
/// or more point in opposite directions.
pub const PAIR_GAP: f64 = 0.75;

/// This share of scale answers at the same point of the scale is
/// straight-lining…
pub const SAME_SHARE: f64 = 0.8;

/// …judged once there are at least this many scale answers.
pub const SAME_SHARE_MIN: usize = 5;

/// The same point on this many scale questions in a row is straight-lining.
pub const SAME_RUN: usize = 10;

/// This share of answers at the best score suggests asking someone else too…
pub const TOP_SHARE: f64 = 0.9;

/// …judged once there are at least this many answers.
pub const TOP_SHARE_MIN: usize = 5;

/// Comparisons with the thresholds allow this much floating-point error.
const EPSILON: f64 = 1e-9;

/// One thing worth knowing about the answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Note {
    /// Two paired statements point in opposite directions.
    Contradiction {
        /// The pair's question ids.
        questions: [String; 2],
        /// Their scores after reverse keying.
        scores: [f64; 2],
        /// The sentence shown in reports.
        message: String,
    },
    /// Most scale answers sit at the same point of the scale.
    SameAnswer {
        /// The point (1 = the first label).
        position: u32,
        /// How many scale answers are there.
        count: usize,
        /// Out of how many scale answers.
        of: usize,
        /// The sentence shown in reports.
        message: String,
    },
    /// The same point of the scale on many scale questions in a row.
    SameInARow {
        /// The point (1 = the first label).
        position: u32,
        /// How many in a row.
        length: usize,
        /// The first and last question of the run.
        questions: [String; 2],
        /// The sentence shown in reports.
        message: String,
    },
    /// Nearly every answer has the best score.
    AllTop {
        /// How many answers have the best score.
        count: usize,
        /// Out of how many answers.
        of: usize,
        /// The sentence shown in reports.
        message: String,
    },
}

impl Note {
    /// The sentence shown in reports.
    pub fn message(&self) -> &str {
        match self {
            Note::Contradiction { message, .. }
            | Note::SameAnswer { message, .. }
            | Note::SameInARow { message, .. }
            | Note::AllTop { message, .. } => message,
        }
    }
}

/// Whether two paired scores point in opposite directions.
pub fn contradicts(a: f64, b: f64) -> bool {
    (a - b).abs() + EPSILON >= PAIR_GAP
}

/// Whether `count` of `of` answers reach `share` (with `of` at least `min`).
pub fn reaches(count: usize, of: usize, share: f64, min: usize) -> bool {
    of >= min && count as f64 + EPSILON >= share * of as f64
}

/// Every note about `responses` and their `scores` (one each per question,
/// in questionnaire order, as [`crate::scoring::Outcome::questions`] has them).
pub fn notes(
    questionnaire: &Questionnaire,
    responses: &[Response],
    scores: &[Option<f64>],
) -> Vec<Note> {
    let mut notes = Vec::new();
    let score = |index: usize| scores.get(index).copied().flatten();
    for &[a, b] in &questionnaire.pairs {
        if let (Some(sa), Some(sb)) = (score(a), score(b))
            && contradicts(sa, sb)
        {
            let (qa, qb) = (&questionnaire.questions[a], &questionnaire.questions[b]);
            notes.push(Note::Contradiction {
                questions: [qa.id.clone(), qb.id.clone()],
                scores: [sa, sb],
                message: format!(
                    "Your answers to \"{}\" and \"{}\" point in opposite directions: reread them.",
                    qa.text, qb.text
                ),
            });
        }
    }

    // Scale answers in the order they are asked: theme by theme.
    let scale_answers: Vec<(usize, u32)> = (0..questionnaire.themes.len())
        .flat_map(|theme| questionnaire.questions_of(theme))
        .filter_map(
            |(index, question)| match (&question.kind, &responses[index]) {
                (Kind::Scale { .. }, Response::Scale(value)) => Some((index, *value)),
                _ => None,
            },
        )
        .collect();
    if let Some((position, count)) = most_common(scale_answers.iter().map(|(_, v)| *v))
        && reaches(count, scale_answers.len(), SAME_SHARE, SAME_SHARE_MIN)
    {
        let share = (100.0 * count as f64 / scale_answers.len() as f64).round();
        notes.push(Note::SameAnswer {
            position,
            count,
            of: scale_answers.len(),
            message: format!(
                "{count} of your {} statements ({share}%) have the same answer, point {position} of the scale: \
                 check that each one describes that statement and is not a habit of answering.",
                scale_answers.len()
            ),
        });
    } else if let Some((start, length)) = longest_run(&scale_answers)
        && length >= SAME_RUN
    {
        let (first, position) = scale_answers[start];
        let (last, _) = scale_answers[start + length - 1];
        notes.push(Note::SameInARow {
            position,
            length,
            questions: [questionnaire.questions[first].id.clone(), questionnaire.questions[last].id.clone()],
            message: format!(
                "You gave {length} statements in a row the same answer (point {position} of the scale, from `{}` \
                 to `{}`): check that each one describes that statement.",
                questionnaire.questions[first].id, questionnaire.questions[last].id
            ),
        });
    }

    let scores: Vec<f64> = (0..responses.len()).filter_map(score).collect();
    let top = scores.iter().filter(|s| **s + EPSILON >= 1.0).count();
    if reaches(top, scores.len(), TOP_SHARE, TOP_SHARE_MIN) {
        notes.push(Note::AllTop {
            count: top,
            of: scores.len(),
            message: format!(
                "{top} of your {} answers are the strongest possible. That may be so; a mentor answering the same \
                 questions about you (`leadgap compare`) would show whether others see it too.",
                scores.len()
            ),
        });
    }
    notes
}

/// The most common value and how often it occurs (the lowest value on ties).
fn most_common(values: impl Iterator<Item = u32>) -> Option<(u32, usize)> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, count)) => *count += 1,
            None => counts.push((value, 1)),
        }
    }
    counts.sort_by_key(|(value, _)| *value);
    counts.into_iter().rev().max_by_key(|(_, count)| *count)
}

/// The longest run of equal positions: its start and length.
fn longest_run(answers: &[(usize, u32)]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = 0;
    for index in 1..=answers.len() {
        if index == answers.len() || answers[index].1 != answers[start].1 {
            let length = index - start;
            if best.is_none_or(|(_, l)| length > l) {
                best = Some((start, length));
            }
            start = index;
        }
    }
    best.filter(|(_, length)| *length > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire;
    use crate::scoring::question_score;
    use crate::source::Source;

    /// The notes of `responses`, scored as scoring would.
    fn notes(questionnaire: &Questionnaire, responses: &[Response]) -> Vec<Note> {
        let scores: Vec<Option<f64>> = questionnaire
            .questions
            .iter()
            .zip(responses)
            .map(|(q, r)| question_score(&q.kind, r))
            .collect();
        super::notes(questionnaire, responses, &scores)
    }

    #[test]
    fn a_pair_contradicts_from_a_difference_of_three_quarters() {
        assert!(!contradicts(1.0, 0.26), "0.74 apart is not a contradiction");
        assert!(contradicts(1.0, 0.25), "0.75 apart is");
        assert!(contradicts(0.0, 0.75));
        assert!(contradicts(0.0, 1.0));
        assert!(!contradicts(0.5, 0.5));
    }

    #[test]
    fn the_same_answer_counts_from_eighty_percent() {
        assert!(
            !reaches(79, 100, SAME_SHARE, SAME_SHARE_MIN),
            "79% is not straight-lining"
        );
        assert!(reaches(80, 100, SAME_SHARE, SAME_SHARE_MIN), "80% is");
        assert!(reaches(4, 5, SAME_SHARE, SAME_SHARE_MIN));
        assert!(
            !reaches(3, 4, SAME_SHARE, SAME_SHARE_MIN),
            "too few answers to judge"
        );
        assert!(!reaches(89, 100, TOP_SHARE, TOP_SHARE_MIN));
        assert!(reaches(90, 100, TOP_SHARE, TOP_SHARE_MIN));
    }

    /// A questionnaire of `n` five-point statements in one theme, the first
    /// two a pair (the second reverse-keyed).
    fn statements(n: usize) -> Questionnaire {
        let mut text = String::from(
            "schema = 1\nid = \"q\"\nversion = \"1\"\ntitle = \"Q\"\n\n[scales.five]\nlabels = [\"1\", \"2\", \"3\", \"4\", \"5\"]\n\n\
             [[themes]]\nid = \"t\"\ntitle = \"T\"\n\n[[pairs]]\nquestions = [\"s1\", \"s2\"]\n",
        );
        for i in 1..=n {
            let reverse = if i == 2 { "reverse = true\n" } else { "" };
            text.push_str(&format!(
                "\n[[questions]]\nid = \"s{i}\"\ntheme = \"t\"\nkind = \"scale\"\nscale = \"five\"\n{reverse}text = \"S{i}.\"\n"
            ));
        }
        questionnaire::load(&Source::new("q.toml", text)).unwrap()
    }

    fn kinds(notes: &[Note]) -> Vec<&'static str> {
        notes
            .iter()
            .map(|n| match n {
                Note::Contradiction { .. } => "contradiction",
                Note::SameAnswer { .. } => "same-answer",
                Note::SameInARow { .. } => "same-in-a-row",
                Note::AllTop { .. } => "all-top",
            })
            .collect()
    }

    #[test]
    fn agreeing_with_both_sides_of_a_pair_is_noted() {
        let q = statements(2);
        // s1 = 5 scores 1; s2 (reversed) = 5 scores 0.
        let notes = notes(&q, &[Response::Scale(5), Response::Scale(5)]);
        assert_eq!(kinds(&notes), ["contradiction"]);
        assert_eq!(
            notes[0].message(),
            "Your answers to \"S1.\" and \"S2.\" point in opposite directions: reread them."
        );
        // s1 = 5 (1.0), s2 = 2 (reversed: 0.75): consistent.
        assert!(self::notes(&q, &[Response::Scale(5), Response::Scale(2)]).is_empty());
    }

    #[test]
    fn straight_lining_by_share_and_by_run() {
        let q = statements(12);
        // 10 of 12 (83%) at 3: by share.
        let mut responses = vec![Response::Scale(3); 12];
        responses[0] = Response::Scale(4);
        responses[11] = Response::Scale(1);
        assert_eq!(kinds(&notes(&q, &responses)), ["same-answer"]);

        // 8 of 12 (67%) at 3, but ten in a row only with 10: a run of 8 is not enough.
        let mut responses: Vec<Response> = [4, 2, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3]
            .into_iter()
            .map(Response::Scale)
            .collect();
        assert!(kinds(&notes(&q, &responses)).is_empty());

        // 30 statements, 10 in a row at 2 and the rest alternating 4 and 3: a third each, one run of 10.
        let q = statements(30);
        responses = (0..30)
            .map(|i| {
                Response::Scale(if (10..20).contains(&i) {
                    2
                } else {
                    4 - (i % 2) as u32
                })
            })
            .collect();
        let notes = notes(&q, &responses);
        assert_eq!(kinds(&notes), ["same-in-a-row"]);
        assert!(
            matches!(&notes[0], Note::SameInARow { length: 10, position: 2, questions, .. } if questions == &["s11".to_owned(), "s20".to_owned()])
        );
    }

    #[test]
    fn nearly_all_top_answers_suggest_a_second_view() {
        let q = statements(10);
        // s2 is reversed: 1 is its best answer. 9 of 10 at the top (90%).
        let mut responses = vec![Response::Scale(5); 10];
        responses[1] = Response::Scale(1);
        responses[9] = Response::Scale(4);
        let found = notes(&q, &responses);
        assert!(kinds(&found).contains(&"all-top"), "{found:?}");
        responses[8] = Response::Scale(4);
        assert!(
            !kinds(&notes(&q, &responses)).contains(&"all-top"),
            "80% is not"
        );
    }
}
