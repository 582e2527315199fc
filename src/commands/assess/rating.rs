//! `leadgap assess --about NAME`: a mentor (or the subject's own manager)
//! rates someone else with the team form, in their own voice. The run is
//! that rating from its first question to its report: never the rater's
//! self-assessment, and resumed as the same rating.

use super::AssessArgs;
use crate::Config;
use crate::config::shell_word;
use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::questionnaire::{Answers, Questionnaire};
use crate::report::SELF_RATER;
use crate::store::DataDir;
use crate::team::invite::{group_labels, group_value};

/// Who rates in `assess --about`: `--rater`, else the answers' rater, else
/// the data directory's owner; never `self`.
pub(super) fn rater_of(
    config: &Config,
    args: &AssessArgs,
    data: Option<&DataDir>,
    answers: &Answers,
) -> Result<String> {
    args.rater
        .clone()
        .or_else(|| answers.rater.clone())
        .or_else(|| data.and_then(|data| config.my_name(data)))
        .filter(|r| !r.trim().is_empty() && r != SELF_RATER)
        .ok_or_else(|| {
            Error::user_with_help(
                "a rating of someone else needs the name of who rates",
                "pass --rater \"YOUR NAME\"",
            )
        })
}

/// The group a rating is given as when `--as` names none.
pub const DEFAULT_GROUP: &str = "mentor";

/// Who rates whom, and as what.
#[derive(Debug)]
pub struct Rating {
    /// Whom the answers are about (`--about`).
    pub subject: String,
    /// Who answers: `--rater`, else the data directory's owner.
    pub rater: String,
    /// The team form's group the rater answers as (`--as`).
    pub group: String,
}

/// The rating `args` asks for, if any: `None` for a self-assessment. A
/// `--rater` without `--about` is refused, as a rating of no one.
pub fn of(config: &Config, args: &AssessArgs, data: &DataDir) -> Result<Option<Rating>> {
    let Some(subject) = args.about.as_deref() else {
        return match args.rater.as_deref() {
            Some(rater) if rater != SELF_RATER => Err(Error::user_with_help(
                format!(
                    "--rater {} names who rates, but not whom",
                    shell_word(&clean_line(rater))
                ),
                "to rate someone else, add --about \"THEIR NAME\"; your own assessment needs no --rater",
            )),
            _ => Ok(None),
        };
    };
    let subject = subject.trim();
    if subject.is_empty() {
        return Err(Error::user_with_help(
            "--about needs the name of the person you rate",
            "pass --about \"THEIR NAME\"",
        ));
    }
    let rater = args
        .rater
        .clone()
        .or_else(|| config.my_name(data))
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty() && r != SELF_RATER)
        .ok_or_else(|| {
            Error::user_with_help(
                "a rating of someone else needs the name of who rates",
                "pass --rater \"YOUR NAME\"",
            )
        })?;
    if rater.to_lowercase() == subject.to_lowercase() {
        return Err(Error::user_with_help(
            "--about and --rater name the same person",
            "your own view is `leadgap assess` without --about",
        ));
    }
    Ok(Some(Rating {
        subject: subject.to_owned(),
        rater,
        group: args
            .as_group
            .clone()
            .unwrap_or_else(|| DEFAULT_GROUP.to_owned()),
    }))
}

impl Rating {
    /// The arguments that continue this rating after `assess`.
    pub fn resume_arguments(&self) -> String {
        let mut words = format!(
            " --about {} --rater {}",
            shell_word(&self.subject),
            shell_word(&self.rater)
        );
        if self.group != DEFAULT_GROUP {
            words.push_str(&format!(" --as {}", shell_word(&self.group)));
        }
        words
    }

    /// What the rater is told before the first question, in place of the
    /// form's words to invited raters.
    pub fn introduction(&self) -> String {
        format!(
            "Your view of {subject}, as {as_}. Answer for what you saw in the last three months, \
             not for what you expect of a good manager, and choose \"{dont_know}\" for what you \
             did not see: it counts neither way. The report is saved here as your rating of \
             {subject}, never as a self-assessment.",
            subject = self.subject,
            as_ = match self.group.as_str() {
                "mentor" | crate::team::MANAGER_GROUP => {
                    crate::team::group_words(&self.group, &self.subject)
                }
                other => format!(
                    "one of their {}",
                    crate::team::group_words(other, &self.subject)
                ),
            },
            dont_know = crate::answers::terminal::RATING_SKIP_LABEL,
        )
    }

    /// Names whom and who in `answers`, and answers the form's group
    /// question with `--as`, so that it is never asked. An unknown group is
    /// refused with the groups the form has.
    pub fn apply(&self, form: &Questionnaire, answers: &mut Answers) -> Result<()> {
        let (index, value) = group_value(form, &self.group).ok_or_else(|| {
            let known: Vec<String> = group_labels(form)
                .into_iter()
                .map(|(id, label)| format!("{id} ({label})"))
                .collect();
            Error::user_with_help(
                format!(
                    "--as {}: the form {} has no such group",
                    shell_word(&clean_line(&self.group)),
                    form.id
                ),
                format!("use one of: {}", known.join(", ")),
            )
        })?;
        answers.context[index] = Some(value);
        answers.respondent = Some(self.subject.clone());
        answers.rater = Some(self.rater.clone());
        Ok(())
    }
}
