//! How a team's answers to a question that mirrors the manager's own
//! spread over its answers: counts per answer, numbers in at most three
//! ranges so that a small group's exact counts are not each a person.

use super::super::response::Opened;
use crate::questionnaire::{Kind, Question, Questionnaire, Response, format_number};
use crate::report::Mirror;

/// The mirrored questions of `form` answered by at least `min_group` of the
/// responses in each question's theme figures (`members`, per theme).
pub(super) fn mirrors(
    form: &Questionnaire,
    responses: &[Opened],
    members: &[Vec<usize>],
    min_group: usize,
) -> Vec<Mirror> {
    form.questions
        .iter()
        .enumerate()
        .filter_map(|(index, question)| {
            let mirrors = question.mirrors.clone()?;
            let given: Vec<&Response> = members[question.theme]
                .iter()
                .map(|&i| &responses[i].answers.responses[index])
                .filter(|r| r.is_answered())
                .collect();
            (given.len() >= min_group).then(|| Mirror {
                question: question.id.clone(),
                text: question.text.clone(),
                mirrors,
                answers: spread(question, &given),
            })
        })
        .collect()
}

/// How many gave each answer, in the question's order of answers; numbers
/// in at most three ranges, so that a small group's exact counts are not
/// each a person.
fn spread(question: &Question, given: &[&Response]) -> Vec<(String, usize)> {
    let mut labels: Vec<String> = match &question.kind {
        Kind::Scale { labels, .. } => labels.clone(),
        Kind::Choice { options } | Kind::Multi { options } => {
            options.iter().map(|o| o.label.clone()).collect()
        }
        Kind::Number { .. } => ranges(question)
            .into_iter()
            .map(|(label, _)| label)
            .collect(),
    };
    let words: Vec<String> = given.iter().map(|r| in_words(question, r)).collect();
    for word in &words {
        if !labels.contains(word) {
            labels.push(word.clone());
        }
    }
    labels
        .into_iter()
        .map(|label| {
            let count = words.iter().filter(|w| **w == label).count();
            (label, count)
        })
        .collect()
}

/// An answer in words: a number by the range it falls in.
fn in_words(question: &Question, response: &Response) -> String {
    match response {
        Response::Number(value) => ranges(question)
            .into_iter()
            .find(|(_, upto)| upto.is_none_or(|upto| *value <= upto))
            .map_or_else(|| format_number(*value), |(label, _)| label),
        other => crate::questionnaire::describe(question, other),
    }
}

/// A number question's answers in at most three ranges, each with the
/// largest answer in it (`None` for the last): its bands, with neighbours
/// merged when there are more than three.
fn ranges(question: &Question) -> Vec<(String, Option<f64>)> {
    let Kind::Number {
        bands,
        min,
        unit,
        integer,
        ..
    } = &question.kind
    else {
        return Vec::new();
    };
    let uptos: Vec<f64> = bands.iter().filter_map(|b| b.upto).collect();
    // Three ranges need two bounds: the ones that split the bands most
    // evenly.
    let bounds: Vec<f64> = match uptos.len() {
        0..=2 => uptos,
        n => vec![uptos[(n - 1) / 3], uptos[(2 * n - 1) / 3]]
            .into_iter()
            .fold(Vec::new(), |mut kept, b| {
                if kept.last() != Some(&b) {
                    kept.push(b);
                }
                kept
            }),
    };
    let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let mut out = Vec::new();
    let mut from: Option<f64> = None;
    for bound in bounds.iter().copied().chain(std::iter::once(f64::INFINITY)) {
        let label = match (from, bound.is_finite()) {
            (None, true) => format!("{} to {}{unit}", format_number(*min), format_number(bound)),
            (Some(low), true) if *integer => {
                format!(
                    "{} to {}{unit}",
                    format_number(low + 1.0),
                    format_number(bound)
                )
            }
            (Some(low), true) => format!(
                "over {} to {}{unit}",
                format_number(low),
                format_number(bound)
            ),
            (Some(low), false) if *integer => {
                format!("{}{unit} or more", format_number(low + 1.0))
            }
            (Some(low), false) => format!("over {}{unit}", format_number(low)),
            (None, false) => format!("any number{unit}"),
        };
        out.push((label, bound.is_finite().then_some(bound)));
        from = Some(bound);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::NumberBand;

    fn weeks(bands: &[Option<f64>]) -> Question {
        Question {
            id: "last-one-to-one".into(),
            theme: 0,
            text: String::new(),
            weight: 1.0,
            required: false,
            kind: Kind::Number {
                unit: Some("weeks".into()),
                min: 0.0,
                max: 52.0,
                bands: bands
                    .iter()
                    .map(|&upto| NumberBand { upto, score: 0.0 })
                    .collect(),
                integer: true,
            },
            when: None,
            per: None,
            members: false,
            dont_know: false,
            ordered: false,
            mirrors: None,
            evidence: None,
            hash: String::new(),
            basis: Default::default(),
        }
    }

    #[test]
    fn numbers_spread_over_at_most_three_ranges() {
        let question = weeks(&[Some(1.0), Some(2.0), Some(4.0), Some(8.0), None]);
        assert_eq!(
            ranges(&question),
            [
                ("0 to 2 weeks".to_owned(), Some(2.0)),
                ("3 to 4 weeks".to_owned(), Some(4.0)),
                ("5 weeks or more".to_owned(), None),
            ]
        );
        let answers = [
            Response::Number(1.0),
            Response::Number(3.0),
            Response::Number(9.0),
        ];
        let given: Vec<&Response> = answers.iter().collect();
        assert_eq!(
            spread(&question, &given),
            [
                ("0 to 2 weeks".to_owned(), 1),
                ("3 to 4 weeks".to_owned(), 1),
                ("5 weeks or more".to_owned(), 1),
            ]
        );
        assert_eq!(
            ranges(&weeks(&[Some(2.0), None])),
            [
                ("0 to 2 weeks".to_owned(), Some(2.0)),
                ("3 weeks or more".to_owned(), None),
            ]
        );
    }
}
