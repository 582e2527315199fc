//! What an answer file leaves out: answered by the evidence where it
//! measured the question (`assess --evidence`), else reported as missing
//! (a required question even with `--allow-partial`).

use crate::document::Document;
use crate::questionnaire::{Offer, Question, Questionnaire, Response};

/// How many missing question ids one message lists before "and N more".
const MISSING_LISTED: usize = 8;

/// Answers each question the file leaves out (and that applies, `invalid`
/// false) with the evidence's value for it, if there is one.
pub(super) fn fill_from_evidence(
    responses: &mut [Response],
    invalid: &[bool],
    offers: &[Option<Offer>],
) {
    for (index, offer) in offers.iter().enumerate() {
        if let Some(offer) = offer
            && !invalid.get(index).copied().unwrap_or(true)
            && responses.get(index) == Some(&Response::Unanswered)
        {
            responses[index] = Response::Number(offer.value);
        }
    }
}

/// Reports the questions that apply and have no answer: each required one,
/// and unless `allow_partial` the others.
pub(super) fn report_missing(
    document: &mut Document<'_>,
    questionnaire: &Questionnaire,
    responses: &[Response],
    invalid: &[bool],
    answers_span: Option<std::ops::Range<usize>>,
    allow_partial: bool,
) {
    let unanswered = questionnaire
        .questions
        .iter()
        .zip(responses.iter().zip(invalid))
        .filter(|(_, (response, invalid))| **response == Response::Unanswered && !**invalid)
        .map(|(question, _)| question);
    let (required, optional): (Vec<&Question>, Vec<&Question>) =
        unanswered.partition(|q| q.required);
    // Required questions (facts) are missing even with `--allow-partial`:
    // leaving one out would lift its theme as skipping it would.
    match required.as_slice() {
        [] => {}
        [question] => {
            document.problem(
                answers_span.clone(),
                format!("required question `{}` has no answer", question.id),
            );
        }
        many => {
            document
                .problem(
                    answers_span.clone(),
                    format!(
                        "no answer for {} required questions: {}",
                        many.len(),
                        listed(many)
                    ),
                )
                .help = Some(
                "a required question cannot be skipped or left out; answer each under \
                 [answers] (with \"dont-know\" where its question offers it)"
                    .to_owned(),
            );
        }
    }
    if allow_partial || optional.is_empty() {
        return;
    }
    let message = if optional.len() == 1 {
        format!("no answer for `{}`", optional[0].id)
    } else {
        format!(
            "no answer for {} questions: {}",
            optional.len(),
            listed(&optional)
        )
    };
    document.problem(answers_span, message).help = Some(
        "answer each under [answers], or write `ID = \"skip\"`; \
         `--allow-partial` counts missing answers as skipped"
            .to_owned(),
    );
}

/// The first [`MISSING_LISTED`] ids of `questions`, and how many more.
fn listed(questions: &[&Question]) -> String {
    let mut listed: Vec<String> = questions
        .iter()
        .take(MISSING_LISTED)
        .map(|q| format!("`{}`", q.id))
        .collect();
    if questions.len() > MISSING_LISTED {
        listed.push(format!("and {} more", questions.len() - MISSING_LISTED));
    }
    listed.join(", ")
}
