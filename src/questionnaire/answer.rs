//! What an answer is: the response to one question (checked against it),
//! a whole set of answers with who gave them, and how an answer is written in
//! files and put in words. However answers are collected (`answers`), they
//! end up as these.

use serde::{Deserialize, Serialize};

use super::{ContextKind, ContextQuestion, ContextValue, Kind, Question, Questionnaire};

/// How "Don't know" is written in answer files and reports.
pub const DONT_KNOW: &str = "dont-know";

/// How "Don't know" reads.
pub const DONT_KNOW_LABEL: &str = "Don't know";

/// The answer to one question, checked against it: option indices are valid,
/// numbers are within range.
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// Not answered yet (or left out with `--allow-partial`); scores as skipped.
    Unanswered,
    /// Explicitly skipped ("not sure / doesn't apply").
    Skipped,
    /// A scale answer, 1 = the first label.
    Scale(u32),
    /// The index of the chosen option.
    Choice(usize),
    /// The indices of the chosen options, in questionnaire order.
    Multi(Vec<usize>),
    /// A number within the question's range.
    Number(f64),
    /// "Don't know", where the question offers it: answered, scoring 0.
    DontKnow,
}

impl Response {
    /// Whether the response carries an answer that scores.
    pub fn is_answered(&self) -> bool {
        !matches!(self, Response::Unanswered | Response::Skipped)
    }
}

/// A complete set of responses, one per question, plus who gave them.
#[derive(Clone, Debug)]
pub struct Answers {
    /// One response per question, in questionnaire order.
    pub responses: Vec<Response>,
    /// The respondent's note per theme, in questionnaire order.
    pub notes: Vec<Option<String>>,
    /// A concrete example per question, given with a statement's best
    /// answer, in questionnaire order.
    pub evidence: Vec<Option<String>>,
    /// Actions to commit to with the report (`[[plan]]` in answer files).
    pub plan: Vec<PlannedAction>,
    /// Whom the answers are about.
    pub respondent: Option<String>,
    /// Who answered: `self`, or a name.
    pub rater: Option<String>,
    /// The answer to each context question, in questionnaire order.
    pub context: Vec<Option<ContextValue>>,
    /// For a team form: the response's round, id and group, and the two
    /// open answers (`[response]` and `[comments]` in the file).
    pub team: TeamParts,
}

/// The most characters a comment may have: the form counts them down,
/// `respond` and `collect` refuse longer ones.
pub const COMMENT_LIMIT: usize = 2000;

/// The two open questions every response may answer, by their keys in
/// `[comments]` and in the form: what to keep doing, what to change.
pub const COMMENTS: [(&str, &str); 2] = [
    ("keep", "What should this manager keep doing?"),
    ("change", "What should this manager change?"),
];

/// The parts of a team response beyond its answers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamParts {
    /// The round the response answers.
    pub round: Option<String>,
    /// The hash of the invitation it answers.
    pub invitation: Option<String>,
    /// The response's random id.
    pub id: Option<String>,
    /// The rater's group.
    pub group: Option<String>,
    /// The personal code of an invitation that had one.
    pub code: Option<String>,
    /// When the response was written.
    pub written: Option<chrono::DateTime<chrono::Utc>>,
    /// What to keep doing.
    pub keep: Option<String>,
    /// What to change.
    pub change: Option<String>,
}

impl Answers {
    /// How many questions are answered or explicitly skipped.
    pub fn answered(&self) -> usize {
        self.responses
            .iter()
            .filter(|r| **r != Response::Unanswered)
            .count()
    }

    /// How many of the questions that apply are answered, and how many
    /// apply: the two numbers every progress count says ("6 of 45").
    pub fn progress(&self, questionnaire: &Questionnaire) -> (usize, usize) {
        let asked: Vec<usize> = (0..self.responses.len())
            .filter(|&i| self.applies(questionnaire, i))
            .collect();
        let answered = asked
            .iter()
            .filter(|&&i| self.responses[i] != Response::Unanswered)
            .count();
        (answered, asked.len())
    }

    /// Answers with nothing answered yet.
    pub fn empty(questionnaire: &Questionnaire) -> Self {
        Answers {
            responses: vec![Response::Unanswered; questionnaire.questions.len()],
            notes: vec![None; questionnaire.themes.len()],
            evidence: vec![None; questionnaire.questions.len()],
            plan: Vec::new(),
            respondent: None,
            rater: None,
            context: vec![None; questionnaire.contexts.len()],
            team: TeamParts::default(),
        }
    }

    /// Whether question `index` applies to these answers' context.
    pub fn applies(&self, questionnaire: &Questionnaire, index: usize) -> bool {
        questionnaire.applies(index, &self.context)
    }
}

/// An action from an answer file's `[[plan]]`, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedAction {
    /// Theme id.
    pub theme: String,
    /// What will be done.
    pub text: String,
    /// When, as written (`2027-01-15`, `+6w`); `None` for the default.
    pub due: Option<String>,
}

/// An answer as written in answer files and saved reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// A scale answer.
    Whole(i64),
    /// A number answer.
    Number(f64),
    /// A choice, or `"skip"`.
    Text(String),
    /// A multi answer.
    List(Vec<String>),
}

/// The value written for `response` to `question` in an answer file, or
/// `None` when there is nothing to write (unanswered).
pub fn to_value(question: &Question, response: &Response) -> Option<AnswerValue> {
    Some(match (response, &question.kind) {
        (Response::Unanswered, _) => return None,
        (Response::Skipped, _) => AnswerValue::Text("skip".to_owned()),
        (Response::DontKnow, _) => AnswerValue::Text(DONT_KNOW.to_owned()),
        (Response::Scale(value), _) => AnswerValue::Whole(i64::from(*value)),
        (Response::Number(value), _) => AnswerValue::Number(*value),
        (Response::Choice(index), Kind::Choice { options }) => {
            AnswerValue::Text(options[*index].id.clone())
        }
        (Response::Multi(indices), Kind::Multi { options }) => {
            AnswerValue::List(indices.iter().map(|&i| options[i].id.clone()).collect())
        }
        _ => return None,
    })
}

/// The response that `value` (as saved in answer files and reports) gives to
/// `question`, or `None` when it does not fit the question (another kind, an
/// unknown option, out of range). Used to carry answers over from a run in
/// progress; answer files get the full, located check of [`file`].
pub fn from_value(question: &Question, value: &AnswerValue) -> Option<Response> {
    match (value, &question.kind) {
        (AnswerValue::Text(text), _) if text == "skip" => {
            (!question.required).then_some(Response::Skipped)
        }
        (AnswerValue::Text(text), _) if text == DONT_KNOW => {
            question.dont_know.then_some(Response::DontKnow)
        }
        (AnswerValue::Whole(v), Kind::Scale { labels, .. }) => {
            let v = u32::try_from(*v).ok()?;
            (1..=labels.len() as u32)
                .contains(&v)
                .then_some(Response::Scale(v))
        }
        (AnswerValue::Text(id), Kind::Choice { options }) => options
            .iter()
            .position(|o| o.id == *id)
            .map(Response::Choice),
        (AnswerValue::List(ids), Kind::Multi { options }) => {
            let mut chosen: Vec<usize> = ids
                .iter()
                .map(|id| options.iter().position(|o| o.id == *id))
                .collect::<Option<_>>()?;
            chosen.sort_unstable();
            chosen.dedup();
            let alone = chosen.iter().any(|&i| options[i].exclusive);
            (!alone || chosen.len() == 1).then_some(Response::Multi(chosen))
        }
        (AnswerValue::Whole(v), Kind::Number { .. }) => {
            from_value(question, &AnswerValue::Number(*v as f64))
        }
        (
            AnswerValue::Number(v),
            Kind::Number {
                min, max, integer, ..
            },
        ) => (v.is_finite() && (*min..=*max).contains(v) && (!*integer || v.fract() == 0.0))
            .then_some(Response::Number(*v)),
        _ => None,
    }
}

/// The answer in words: the chosen label(s), or the number with its unit.
pub fn describe(question: &Question, response: &Response) -> String {
    match (response, &question.kind) {
        (Response::Unanswered, _) => "not answered".to_owned(),
        (Response::Skipped, _) => "skipped".to_owned(),
        (Response::DontKnow, _) => DONT_KNOW_LABEL.to_owned(),
        (Response::Scale(value), Kind::Scale { labels, .. }) => labels
            .get(*value as usize - 1)
            .cloned()
            .unwrap_or_else(|| value.to_string()),
        (Response::Choice(index), Kind::Choice { options }) => options[*index].label.clone(),
        (Response::Multi(indices), Kind::Multi { options }) => {
            if indices.is_empty() {
                "none".to_owned()
            } else {
                indices
                    .iter()
                    .map(|&i| options[i].label.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        }
        (Response::Number(value), Kind::Number { unit, .. }) => with_unit(*value, unit.as_deref()),
        _ => String::new(),
    }
}

/// The context value that `value` (as written in answer files and saved
/// in runs) gives to `context`, or `None` when it does not fit.
pub fn context_value(context: &ContextQuestion, value: &AnswerValue) -> Option<ContextValue> {
    match (&context.kind, value) {
        (ContextKind::Number { .. }, AnswerValue::Whole(v)) => {
            context_value(context, &AnswerValue::Number(*v as f64))
        }
        (
            ContextKind::Number {
                min, max, integer, ..
            },
            AnswerValue::Number(v),
        ) => (v.is_finite() && (*min..=*max).contains(v) && (!*integer || v.fract() == 0.0))
            .then_some(ContextValue::Number(*v)),
        (ContextKind::Choice { options }, AnswerValue::Text(id)) => options
            .iter()
            .position(|o| o.id == *id)
            .map(ContextValue::Choice),
        _ => None,
    }
}

/// A number with its unit, which a count of one takes in the singular:
/// "1 person", "1 week", "3 weeks", "40 %".
pub fn with_unit(value: f64, unit: Option<&str>) -> String {
    let number = format_number(value);
    let Some(unit) = unit else {
        return number;
    };
    let unit = match unit {
        "people" if value == 1.0 => "person",
        plural
            if value == 1.0
                && plural.len() > 1
                && plural.ends_with('s')
                && !plural.ends_with("ss") =>
        {
            &plural[..plural.len() - 1]
        }
        unit => unit,
    };
    format!("{number} {unit}")
}

/// A context answer as written in files (the number, or the option id),
/// and in words (with its unit, or the option's label).
pub fn describe_context(context: &ContextQuestion, value: &ContextValue) -> (AnswerValue, String) {
    match (&context.kind, value) {
        (ContextKind::Number { unit, .. }, ContextValue::Number(v)) => {
            (AnswerValue::Number(*v), with_unit(*v, unit.as_deref()))
        }
        (ContextKind::Choice { options }, ContextValue::Choice(index)) => match options.get(*index)
        {
            Some(option) => (AnswerValue::Text(option.id.clone()), option.label.clone()),
            None => (AnswerValue::Text(String::new()), String::new()),
        },
        (_, ContextValue::Number(v)) => (AnswerValue::Number(*v), format_number(*v)),
        (_, ContextValue::Choice(index)) => (AnswerValue::Whole(*index as i64), index.to_string()),
    }
}

/// A number as people read it: without a trailing `.0` when it is whole,
/// and in exponent form when it is too large or too small to write out
/// (`1e308`, not 309 digits).
pub fn format_number(value: f64) -> String {
    format_value(value)
}

/// "a whole number from 0 to 40 (hours)": what a number answer may be, in
/// the words every message, prompt, form and template uses.
pub fn number_range(min: f64, max: f64, integer: bool, unit: Option<&str>) -> String {
    format!(
        "a {} from {} to {}{}",
        if integer { "whole number" } else { "number" },
        format_number(min),
        format_number(max),
        unit.map(|u| format!(" ({u})")).unwrap_or_default()
    )
}

fn format_value(value: f64) -> String {
    let size = value.abs();
    if size != 0.0 && !(1e-6..1e15).contains(&size) {
        format!("{value:e}")
    } else if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::with_unit;

    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(with_unit(1.0, Some("people")), "1 person");
        assert_eq!(with_unit(2.0, Some("people")), "2 people");
        assert_eq!(with_unit(1.0, Some("conversations")), "1 conversation");
        assert_eq!(with_unit(0.0, Some("items")), "0 items");
        assert_eq!(with_unit(1.0, Some("%")), "1 %");
        assert_eq!(with_unit(1.0, Some("process")), "1 process");
        assert_eq!(with_unit(1.5, Some("hours")), "1.5 hours");
        assert_eq!(with_unit(1.0, None), "1");
    }
}
