//! The questionnaire: themes and questions, valid by construction, and what
//! an answer to them is.
//!
//! A [`Questionnaire`] is only ever built by [`load`], which checks every rule
//! of the file format; scoring and rendering rely on that and never
//! re-validate.

mod answer;
mod builtin;
mod context;
mod load;
mod measured;
mod raw;

use serde::Serialize;
use sha2::{Digest, Sha256};

pub use answer::{
    AnswerValue, Answers, COMMENT_LIMIT, COMMENTS, DONT_KNOW, DONT_KNOW_LABEL, PlannedAction,
    Response, TeamParts, context_value, describe, describe_context, format_number, from_value,
    number_range, to_value, with_unit,
};
pub use builtin::{BUILT_IN, BuiltIn};
pub use context::{
    Check, CheckCondition, Condition, ContextKind, ContextOption, ContextQuestion, ContextValue,
    When, when_words,
};
pub(crate) use load::check_id;
pub use load::{GROUP_CONTEXT, from_document, load};
pub use measured::{EVIDENCE_FIGURES, Offer};

/// The largest weight of a question or of a theme. Weights say how much
/// one question counts against another; a bound keeps every sum of weights
/// times scores finite, so that a score is always a number.
pub const MAX_WEIGHT: f64 = 1000.0;

/// The largest score (in absolute value) of a choice or multi option.
pub const MAX_OPTION_SCORE: f64 = 1000.0;

/// The largest number (in absolute value) a number question's `min`, `max`
/// or band may name.
pub const MAX_NUMBER: f64 = 1e9;

/// A checked questionnaire.
#[derive(Clone, Debug, Serialize)]
pub struct Questionnaire {
    /// `[a-z0-9-]+`; answer files and rubrics name it.
    pub id: String,
    /// The content version, recorded in saved reports.
    pub version: String,
    /// Human title.
    pub title: String,
    /// What the questionnaire is for.
    pub description: String,
    /// The default rubric, a path relative to the questionnaire file.
    #[serde(skip)]
    pub rubric: Option<String>,
    /// Themes in questionnaire order.
    pub themes: Vec<Theme>,
    /// Questions in questionnaire order.
    pub questions: Vec<Question>,
    /// Consistency pairs (question indices): the same thing asked from
    /// opposite directions, one reverse-keyed. They do not affect scores.
    #[serde(skip)]
    pub pairs: Vec<[usize; 2]>,
    /// Facts about the job, asked first and never scored: they decide which
    /// questions apply (`when`) and scale counts by the size of the job
    /// (`per`). Left out of the content hash when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<ContextQuestion>,
    /// Claims set against facts: noted when they hold, never scored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// For a team form (the questions the team answers about a manager):
    /// the id of the self form it mirrors, whose theme ids it shares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_form: Option<String>,
    /// `sha256:` of the whole content; saved reports record it.
    #[serde(skip)]
    pub hash: String,
}

/// A theme groups questions and is what gets scored.
#[derive(Clone, Debug, Serialize)]
pub struct Theme {
    /// `[a-z0-9-]+`, unique in the questionnaire.
    pub id: String,
    /// Human title.
    pub title: String,
    /// One line shown before the theme's questions.
    pub description: String,
    /// In a team form, the title raters read (in their voice: "How they
    /// value their team's work"); reports keep `title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rater_title: Option<String>,
    /// In a team form, a theme that holds one overall judgement ("would you
    /// recommend this manager?"): reported on its own beside the themes,
    /// outside the overall score, targets and priorities.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub global: bool,
    /// A short hash of the theme's questions: two reports whose theme hashes
    /// match were scored on the same questions.
    #[serde(skip)]
    pub hash: String,
}

/// One question.
#[derive(Clone, Debug, Serialize)]
pub struct Question {
    /// `[a-z0-9-]+`, unique in the questionnaire.
    pub id: String,
    /// Index into [`Questionnaire::themes`].
    #[serde(skip)]
    pub theme: usize,
    /// The question or statement.
    pub text: String,
    /// Weight within its theme, > 0.
    pub weight: f64,
    /// Whether the question may not be skipped.
    #[serde(skip)]
    pub required: bool,
    /// The kind of answer and what it scores.
    #[serde(flatten)]
    pub kind: Kind,
    /// When the question applies; always, without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// A number question's answer is divided by this number context (its
    /// index) before its bands apply: hours per person, not hours.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "per_id")]
    pub per: Option<(usize, String)>,
    /// Whether the answer counts members of that context (`of` in the
    /// file: people of the team, suppliers), so that it can never be larger
    /// than the context's answer. A count that is only divided (`per`:
    /// one-to-ones per person) has no such ceiling.
    #[serde(skip_serializing_if = "is_false")]
    pub members: bool,
    /// Whether "Don't know" may be answered (it scores 0 and counts as
    /// answered: not knowing is the finding).
    #[serde(skip_serializing_if = "is_false")]
    pub dont_know: bool,
    /// For a choice whose options lie on a scale of time or frequency
    /// ("In the last month", "Longer ago", "Never"): shown in the file's
    /// order everywhere, never shuffled.
    #[serde(skip_serializing_if = "is_false")]
    pub ordered: bool,
    /// In a team form, the self-form question this one mirrors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mirrors: Option<String>,
    /// The figure of `leadgap evidence` that answers it (`evidence =
    /// "stakeholder_meetings"`), offered in place of memory. Not part of
    /// the content hash: it changes what is offered, not what is asked.
    #[serde(skip)]
    pub evidence: Option<String>,
    /// Whether it asks what happened (a fact) or how the respondent rates
    /// themselves or what they would do (a view). Left out of the content
    /// hash for views, as [`Choice::exclusive`].
    #[serde(skip_serializing_if = "Basis::is_view")]
    pub basis: Basis,
    /// A short hash of what the question asks and how it scores.
    #[serde(skip)]
    pub hash: String,
}

fn per_id<S: serde::Serializer>(
    per: &Option<(usize, String)>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match per {
        Some((_, id)) => serializer.serialize_str(id),
        None => serializer.serialize_none(),
    }
}

/// The four kinds of question (docs/REFERENCE.md, "Files").
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Kind {
    /// A Likert statement answered on a scale of labels.
    Scale {
        /// At least two labels, weakest first (before reverse keying).
        labels: Vec<String>,
        /// Agreeing is the weaker answer.
        reverse: bool,
    },
    /// Pick exactly one option.
    Choice {
        /// The options; scores >= 0, at least one > 0.
        options: Vec<Choice>,
    },
    /// Pick any number of options, none included.
    Multi {
        /// The options; at least one score > 0.
        options: Vec<Choice>,
    },
    /// A number within `min..=max`, scored by bands.
    Number {
        /// What is counted ("hours"), shown with the question.
        unit: Option<String>,
        /// Smallest allowed answer.
        min: f64,
        /// Largest allowed answer.
        max: f64,
        /// Ascending bands; the last covers everything above the others.
        bands: Vec<NumberBand>,
        /// Whole numbers only (a count). Left out of the content hash when
        /// false, as [`Choice::exclusive`].
        #[serde(skip_serializing_if = "is_false")]
        integer: bool,
    },
}

impl Question {
    /// The options of a choice or multi question.
    pub fn options(&self) -> Option<&[Choice]> {
        match &self.kind {
            Kind::Choice { options } | Kind::Multi { options } => Some(options),
            Kind::Scale { .. } | Kind::Number { .. } => None,
        }
    }
}

impl Kind {
    /// The name used in files: `scale`, `choice`, `multi` or `number`.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Scale { .. } => "scale",
            Kind::Choice { .. } => "choice",
            Kind::Multi { .. } => "multi",
            Kind::Number { .. } => "number",
        }
    }
}

/// An option of a choice or multi question.
#[derive(Clone, Debug, Serialize)]
pub struct Choice {
    /// `[a-z0-9-]+`, unique in its question.
    pub id: String,
    /// What the respondent reads.
    pub label: String,
    /// Its score (docs/REFERENCE.md, "Scoring").
    pub score: f64,
    /// Ticked only on its own ("None of these"), in a `multi` question.
    /// Left out of the content hash when false, so that questions written
    /// before it existed hash as they did.
    #[serde(skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One band of a number question.
#[derive(Clone, Debug, Serialize)]
pub struct NumberBand {
    /// The largest answer in this band; `None` for the last band.
    pub upto: Option<f64>,
    /// The score of answers in this band, in `0..=1`.
    pub score: f64,
}

/// What a question asks about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// What happened: a count, a date, what is in place, whether something
    /// was done.
    Fact,
    /// How the respondent rates themselves, or what they would do.
    #[default]
    View,
}

impl Basis {
    fn is_view(&self) -> bool {
        *self == Basis::View
    }
}

impl Theme {
    /// The title raters read: `rater_title`, else `title`.
    pub fn for_raters(&self) -> &str {
        self.rater_title.as_deref().unwrap_or(&self.title)
    }
}

/// The largest answer a count can have: the answer of the context it is
/// counted per.
#[derive(Clone, Debug, PartialEq)]
pub struct Ceiling {
    /// That context's answer.
    pub value: f64,
    /// That context's id.
    pub context: String,
}

impl Ceiling {
    /// Why `value` is refused, naming both answers.
    pub fn refuse(&self, value: f64) -> String {
        format!(
            "{} is more than the {} given for `{}`, whose members it counts",
            format_number(value),
            format_number(self.value),
            self.context
        )
    }
}

impl Questionnaire {
    /// The index of the theme with this id.
    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|theme| theme.id == id)
    }

    /// The index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|question| question.id == id)
    }

    /// Whether question `index` applies, given the context answers (one per
    /// context, `None` where not given).
    pub fn applies(&self, index: usize, context: &[Option<ContextValue>]) -> bool {
        self.questions[index].when.as_ref().is_none_or(|when| {
            when.holds(
                &self.contexts,
                context.get(when.context).and_then(Option::as_ref),
            )
        })
    }

    /// Each question's weight, in questionnaire order.
    pub fn weights(&self) -> Vec<f64> {
        self.questions.iter().map(|q| q.weight).collect()
    }

    /// The largest answer question `index` can truly have in `context`: a
    /// count of the members of a context (`of = "team-size"`) cannot be
    /// larger than that context's answer — two people of a team of one are
    /// not a share of it. `None` when the question counts no members, or the
    /// context is not given yet.
    pub fn ceiling(&self, index: usize, context: &[Option<ContextValue>]) -> Option<Ceiling> {
        let question = &self.questions[index];
        if !question.members {
            return None;
        }
        let (at, id) = question.per.as_ref()?;
        match context.get(*at)? {
            Some(ContextValue::Number(value)) => Some(Ceiling {
                value: *value,
                context: id.clone(),
            }),
            _ => None,
        }
    }

    /// Why `response` to question `index` cannot be true in `context`,
    /// naming both answers; `None` when it can.
    pub fn impossible(
        &self,
        index: usize,
        response: &Response,
        context: &[Option<ContextValue>],
    ) -> Option<String> {
        let Response::Number(value) = response else {
            return None;
        };
        let ceiling = self.ceiling(index, context)?;
        (*value > ceiling.value)
            .then(|| format!("`{}`: {}", self.questions[index].id, ceiling.refuse(*value)))
    }

    /// The index of the context with this id.
    pub fn context_index(&self, id: &str) -> Option<usize> {
        self.contexts.iter().position(|context| context.id == id)
    }

    /// The questions of one theme, in order, with their indices.
    pub fn questions_of(&self, theme: usize) -> impl Iterator<Item = (usize, &Question)> {
        self.questions
            .iter()
            .enumerate()
            .filter(move |(_, question)| question.theme == theme)
    }
}

/// Whether `id` has the form `[a-z0-9-]+` every id must have.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `order` is an order of `count` options: each index once.
pub fn is_order_of(order: &[usize], count: usize) -> bool {
    let mut seen = vec![false; count];
    order.len() == count
        && order
            .iter()
            .all(|&i| i < count && !std::mem::replace(&mut seen[i], true))
}

/// Hex SHA-256 of `bytes`, shortened to `len` hex digits.
pub fn hex_digest(bytes: &[u8], len: usize) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    hex.truncate(len);
    hex
}

impl Questionnaire {
    /// Computes the question, theme and content hashes. Called once by the
    /// loader; the hashes depend only on the content, not on its formatting.
    fn compute_hashes(&mut self) {
        for question in &mut self.questions {
            let theme = &self.themes[question.theme].id;
            let canonical = serde_json::json!({ "theme": theme, "question": &*question });
            question.hash = hex_digest(canonical.to_string().as_bytes(), 16);
        }
        for (index, theme) in self.themes.iter_mut().enumerate() {
            let hashes: Vec<&str> = self
                .questions
                .iter()
                .filter(|q| q.theme == index)
                .map(|q| q.hash.as_str())
                .collect();
            let canonical = serde_json::json!({ "theme": &theme.id, "questions": hashes });
            theme.hash = hex_digest(canonical.to_string().as_bytes(), 16);
        }
        let canonical = serde_json::to_string(&*self).unwrap_or_default();
        self.hash = format!("sha256:{}", hex_digest(canonical.as_bytes(), 64));
    }
}
