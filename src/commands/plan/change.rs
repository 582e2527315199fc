//! Changing the plan: adding an action, marking one done or dropped, and
//! editing one, each under the data directory's lock.

use std::io::Write;

use crate::Config;
use crate::catalog::{self, DEFAULT_QUESTIONNAIRE};
use crate::clock;
use crate::error::{Error, Result, exit, with_suggestion};
use crate::output::clean_line;
use crate::plan::{NewAction, Status};
use crate::store::plan::IfDamaged;
use crate::store::{self, DataDir};

/// The theme an added or edited action works on: a theme of your latest
/// report (which the action is linked to: your own, never that of someone
/// else whose reports are in the data directory), else of the default
/// questionnaire.
fn theme_for(config: &Config, data: &DataDir, id: &str) -> Result<(String, Option<String>)> {
    let own = config.latest_own(data)?;
    for skipped in &own.skipped {
        config.warn(skipped);
    }
    let latest = own.report;
    if let Some(report) = &latest {
        config.say_whose(data, report, "The action is linked to")?;
    }
    let themes: Vec<(String, String)> = match &latest {
        Some(report) => report
            .themes
            .iter()
            .map(|t| (t.id.clone(), t.title.clone()))
            .collect(),
        None => catalog::questionnaire(DEFAULT_QUESTIONNAIRE, Some(data))?
            .questionnaire
            .themes
            .iter()
            .map(|t| (t.id.clone(), t.title.clone()))
            .collect(),
    };
    match themes.iter().find(|(theme, _)| theme == id) {
        Some((_, title)) => Ok((title.clone(), latest.map(|r| r.id))),
        None => {
            let ids: Vec<&str> = themes.iter().map(|(theme, _)| theme.as_str()).collect();
            Err(Error::user_with_help(
                with_suggestion(format!("unknown theme `{id}`"), id, ids.iter().copied()),
                format!("the themes are: {}", ids.join(", ")),
            ))
        }
    }
}

fn non_empty(text: &str, what: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::user(format!("the {what} is empty")));
    }
    Ok(text.to_owned())
}

pub(super) fn add(
    config: &Config,
    data: &DataDir,
    theme: &str,
    due: &str,
    text: &str,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<u8> {
    let text = non_empty(text, "action")?;
    let due = crate::interval::parse_future_date(due, today)
        .map_err(|problem| Error::user(format!("--due: {problem}")))?;
    let (theme_title, report) = theme_for(config, data, theme)?;
    let created = clock::format_rfc3339(clock::now()?);
    let action = NewAction {
        theme: theme.to_owned(),
        theme_title: theme_title.clone(),
        text: text.clone(),
        due,
        report,
    };
    let (number, warning) = store::plan::update(data, IfDamaged::StartAfresh, |plan| {
        plan.add(action, &created)
    })?;
    if let Some(warning) = warning {
        config.warn(&warning);
    }
    writeln!(
        out,
        "Added #{number} ({}): {} — due {due}",
        clean_line(&theme_title),
        clean_line(&text)
    )
    .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

pub(super) fn close(
    data: &DataDir,
    number: u32,
    status: Status,
    note: Option<String>,
    out: &mut dyn Write,
) -> Result<u8> {
    let closed = clock::format_rfc3339(clock::now()?);
    let (text, _) = store::plan::update(data, IfDamaged::Refuse, |plan| {
        let action = plan.action_mut(number)?;
        if action.status != Status::Open {
            return Err(Error::user(format!(
                "action #{number} is already {}",
                action.status.word()
            )));
        }
        action.status = status;
        action.closed = Some(closed.clone());
        if let Some(note) = note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            action.note = Some(note.to_owned());
        }
        Ok(action.text.clone())
    })?;
    writeln!(out, "#{number} {}: {}", status.word(), clean_line(&text)).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The changes `plan edit` asks for.
pub(super) struct Edit {
    pub(super) text: Option<String>,
    pub(super) due: Option<String>,
    pub(super) theme: Option<String>,
}

pub(super) fn edit(
    config: &Config,
    data: &DataDir,
    number: u32,
    change: Edit,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<u8> {
    let Edit { text, due, theme } = change;
    if text.is_none() && due.is_none() && theme.is_none() {
        return Err(Error::user_with_help(
            format!("nothing to change in action #{number}"),
            "give --text, --due or --theme",
        ));
    }
    let text = text
        .as_deref()
        .map(|t| non_empty(t, "new text"))
        .transpose()?;
    let due = due
        .as_deref()
        .map(|d| {
            crate::interval::parse_future_date(d, today)
                .map_err(|problem| Error::user(format!("--due: {problem}")))
        })
        .transpose()?;
    let theme = match theme {
        Some(id) => Some((theme_for(config, data, &id)?.0, id)),
        None => None,
    };
    let (line, _) = store::plan::update(data, IfDamaged::Refuse, |plan| {
        let action = plan.action_mut(number)?;
        if let Some(text) = text {
            action.text = text;
        }
        if let Some(due) = due {
            action.due = due;
        }
        if let Some((title, id)) = theme {
            action.theme = id;
            action.theme_title = title;
        }
        Ok(format!(
            "#{number} ({}): {} — due {}",
            action.theme_title, action.text, action.due
        ))
    })?;
    writeln!(out, "Changed {}", clean_line(&line)).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
