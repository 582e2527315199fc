//! The group a response is given as: a personal invitation's own, else
//! `--group`, else the answers' `[context]`; never another than the
//! invitation's.

use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::questionnaire::{Answers, ContextKind, ContextValue, GROUP_CONTEXT, Questionnaire};
use crate::team::invite::Invite;

/// The group of the response to `invite` with `answers`: `fixed` (the
/// invitation's), else `flag` (`--group`), else the answers'.
pub fn resolve(
    invite: &Invite,
    fixed: Option<String>,
    flag: Option<&str>,
    answers: &Answers,
) -> Result<String> {
    let form = &invite.form;
    let given = answers
        .team
        .group
        .clone()
        .or_else(|| group_of(form, answers));
    if let (Some(fixed), Some(given)) = (&fixed, &given)
        && fixed != given
    {
        return Err(Error::user_with_help(
            format!(
                "the answers are given as `{}`, but this invitation was sent to you as `{fixed}`",
                clean_line(given)
            ),
            "answer as the group of your invitation: a response of another group is not counted",
        ));
    }
    let group = fixed.or_else(|| flag.map(str::to_owned)).or(given);
    group.filter(|g| invite.groups.contains(g)).ok_or_else(|| {
        Error::user_with_help(
            "the response needs your group: how you work with the person",
            format!("pass --group, one of: {}", invite.groups.join(", ")),
        )
    })
}

/// The group given as the `group` config.
fn group_of(form: &Questionnaire, answers: &Answers) -> Option<String> {
    let index = form.context_index(GROUP_CONTEXT)?;
    match (&form.contexts[index].kind, answers.context[index].as_ref()?) {
        (ContextKind::Choice { options }, ContextValue::Choice(i)) => {
            options.get(*i).map(|o| o.id.clone())
        }
        _ => None,
    }
}
