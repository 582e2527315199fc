//! The parts of a questionnaire about the respondent's job and about
//! claims: the context questions asked first, when a question applies, and
//! the checks that set claims against facts.

use serde::Serialize;

use super::{Question, Questionnaire, format_number, is_false};

/// A fact about the job, asked before the questions and never scored.
#[derive(Clone, Debug, Serialize)]
pub struct ContextQuestion {
    /// `[a-z0-9-]+`, unique among the contexts.
    pub id: String,
    /// The question.
    pub text: String,
    /// A number or a choice.
    #[serde(flatten)]
    pub kind: ContextKind,
}

/// What a context question takes.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ContextKind {
    /// A number within `min..=max` (whole when `integer`).
    Number {
        /// Smallest allowed answer.
        min: f64,
        /// Largest allowed answer.
        max: f64,
        /// What is counted ("people").
        unit: Option<String>,
        /// Whole numbers only.
        #[serde(skip_serializing_if = "is_false")]
        integer: bool,
    },
    /// One of `options`.
    Choice {
        /// The options, by id and label.
        options: Vec<ContextOption>,
    },
}

/// An option of a choice context.
#[derive(Clone, Debug, Serialize)]
pub struct ContextOption {
    /// `[a-z0-9-]+`, unique in its context.
    pub id: String,
    /// What the respondent reads.
    pub label: String,
}

/// The answer to a context question.
#[derive(Clone, Debug, PartialEq)]
pub enum ContextValue {
    /// A number context's answer.
    Number(f64),
    /// The index of a choice context's option.
    Choice(usize),
}

/// When a question applies: a condition on one context.
#[derive(Clone, Debug, Serialize)]
pub struct When {
    /// The context's index.
    #[serde(skip)]
    pub context: usize,
    /// The context's id, as written.
    #[serde(rename = "context")]
    pub context_id: String,
    /// The condition on its answer.
    #[serde(flatten)]
    pub condition: Condition,
}

/// A condition on a context's answer.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Condition {
    /// A choice context's answer is one of these option ids.
    In {
        /// The option ids.
        #[serde(rename = "in")]
        options: Vec<String>,
    },
    /// A number context's answer is within `min..=max` (either may be open).
    Range {
        /// The smallest value that applies.
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// The largest value that applies.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
}

impl When {
    /// Whether the condition holds for `value`; a context not given yet
    /// counts as holding, so that nothing is hidden before it is known.
    pub fn holds(&self, contexts: &[ContextQuestion], value: Option<&ContextValue>) -> bool {
        match (&self.condition, value) {
            (_, None) => true,
            (Condition::In { options }, Some(ContextValue::Choice(index))) => {
                match &contexts[self.context].kind {
                    ContextKind::Choice { options: all } => all
                        .get(*index)
                        .is_some_and(|option| options.contains(&option.id)),
                    ContextKind::Number { .. } => false,
                }
            }
            (Condition::Range { min, max }, Some(ContextValue::Number(value))) => {
                min.is_none_or(|min| *value >= min) && max.is_none_or(|max| *value <= max)
            }
            _ => false,
        }
    }
}

/// A claim set against facts: it holds when every condition holds on the
/// questions' scores `s`.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    /// The conditions, all of which must hold.
    #[serde(rename = "if")]
    pub conditions: Vec<CheckCondition>,
    /// What is said when it holds.
    pub note: String,
    /// What to do about it, shown with the note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

/// One condition of a check: a question's score within bounds.
#[derive(Clone, Debug, Serialize)]
pub struct CheckCondition {
    /// The question's index.
    #[serde(skip)]
    pub question: usize,
    /// The question's id, as written.
    #[serde(rename = "question")]
    pub question_id: String,
    /// Holds when `s >= at_least`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// Holds when `s <= at_most`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
}

/// When `question` applies, in words: "when `budget` is one of own,
/// shared"; empty for a question that always applies.
pub fn when_words(questionnaire: &Questionnaire, question: &Question) -> String {
    let Some(when) = &question.when else {
        return String::new();
    };
    let id = &questionnaire.contexts[when.context].id;
    match &when.condition {
        Condition::In { options } => {
            format!("when `{id}` is one of {}", options.join(", "))
        }
        Condition::Range { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!(
                "when `{id}` is from {} to {}",
                format_number(*min),
                format_number(*max)
            ),
            (Some(min), None) => format!("when `{id}` is at least {}", format_number(*min)),
            (None, Some(max)) => format!("when `{id}` is at most {}", format_number(*max)),
            (None, None) => String::new(),
        },
    }
}
