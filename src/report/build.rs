//! A report assembled from a scored run.

use super::{
    AnswerRecord, CheckRecord, ContextRecord, Meta, NOT_APPLICABLE, QuestionnaireInfo, Report,
    RubricInfo, ThemeReport,
};
use crate::quality;
use crate::questionnaire::{self, Answers, Questionnaire};
use crate::rubric::{Profile, Rubric};
use crate::scoring::Outcome;

impl QuestionnaireInfo {
    /// What a report keeps of `questionnaire`.
    pub fn of(questionnaire: &Questionnaire) -> QuestionnaireInfo {
        QuestionnaireInfo {
            id: questionnaire.id.clone(),
            version: questionnaire.version.clone(),
            title: questionnaire.title.clone(),
            hash: questionnaire.hash.clone(),
        }
    }
}

impl RubricInfo {
    /// What a report keeps of `rubric` and the `profile` of its targets.
    pub fn of(rubric: &Rubric, profile: &Profile) -> RubricInfo {
        RubricInfo {
            id: rubric.id.clone(),
            profile: profile.id.clone(),
            min_coverage: rubric.min_coverage,
        }
    }
}

impl Report {
    /// Builds the report of a scored run: `outcome` is what scoring made of
    /// `answers`, `quality` what the quality checks noted about them.
    pub fn build(
        questionnaire: &Questionnaire,
        rubric: &Rubric,
        profile: &Profile,
        answers: &Answers,
        outcome: &Outcome,
        quality: Vec<quality::Note>,
        meta: Meta,
    ) -> Report {
        let themes = questionnaire
            .themes
            .iter()
            .zip(&outcome.themes)
            .enumerate()
            .map(|(index, (theme, result))| ThemeReport {
                id: theme.id.clone(),
                title: theme.title.clone(),
                description: theme.description.clone(),
                hash: theme.hash.clone(),
                global: theme.global,
                weight: result.weight,
                score: result.score,
                target: result.target,
                gap: result.gap,
                band: result.band.map(|band| rubric.bands[band].id.clone()),
                facts: result.facts,
                views: result.views,
                coverage: result.coverage,
                not_applicable: result.not_applicable,
                advice: result
                    .band
                    .map(|band| {
                        rubric.advice(index, band, &outcome.questions, &questionnaire.weights())
                    })
                    .unwrap_or_default(),
                note: answers.notes[index].clone(),
            })
            .collect();
        let records = questionnaire
            .questions
            .iter()
            .zip(&answers.responses)
            .zip(&answers.evidence)
            .zip(&outcome.questions)
            .zip(&outcome.applies)
            .map(
                |((((question, response), evidence), score), &applies)| AnswerRecord {
                    question: question.id.clone(),
                    theme: questionnaire.themes[question.theme].id.clone(),
                    text: question.text.clone(),
                    kind: question.kind.name().to_owned(),
                    hash: question.hash.clone(),
                    weight: question.weight,
                    value: applies
                        .then(|| questionnaire::to_value(question, response))
                        .flatten(),
                    answer: if applies {
                        questionnaire::describe(question, response)
                    } else {
                        NOT_APPLICABLE.to_owned()
                    },
                    score: *score,
                    evidence: evidence.clone().filter(|_| applies),
                    not_applicable: !applies,
                    conditional: question.when.is_some(),
                    mirrors: question.mirrors.clone(),
                },
            )
            .collect();
        let context = questionnaire
            .contexts
            .iter()
            .zip(&answers.context)
            .filter_map(|(context, value)| {
                let (value, answer) = questionnaire::describe_context(context, value.as_ref()?);
                Some(ContextRecord {
                    id: context.id.clone(),
                    text: context.text.clone(),
                    value,
                    answer,
                })
            })
            .collect();
        let checks = outcome
            .checks
            .iter()
            .map(|&index| {
                let check = &questionnaire.checks[index];
                CheckRecord {
                    note: check.note.clone(),
                    advice: check.advice.clone(),
                    questions: check
                        .conditions
                        .iter()
                        .map(|c| c.question_id.clone())
                        .collect(),
                }
            })
            .collect();
        Report {
            schema: crate::document::SCHEMA,
            id: meta.id,
            created: meta.created,
            leadgap: env!("CARGO_PKG_VERSION").to_owned(),
            respondent: meta.respondent,
            rater: meta.rater,
            questionnaire: QuestionnaireInfo::of(questionnaire),
            rubric: RubricInfo::of(rubric, profile),
            overall: outcome.overall,
            overall_target: outcome.overall_target,
            priorities: outcome
                .priorities
                .iter()
                .map(|&i| questionnaire.themes[i].id.clone())
                .collect(),
            themes,
            answers: records,
            context,
            checks,
            quality,
            reviews: Vec::new(),
            plan: Vec::new(),
            team: None,
            signature: None,
            measured: Default::default(),
        }
    }
}
