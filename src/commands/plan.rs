//! `leadgap plan`: the action plan, listed, added to and kept up to date.

use std::io::Write;

use serde::Serialize;

use crate::Context;
use crate::catalog::{self, DEFAULT_QUESTIONNAIRE};
use crate::cli::{PlanArgs, PlanCommand, PlanFormat};
use crate::clock;
use crate::error::{Error, Result, exit, with_suggestion};
use crate::output::{clean_line, paint, styles};
use crate::plan::{self, Action, IfDamaged, NewAction, Status};
use crate::store::{self, DataDir};

/// Runs `leadgap plan`.
pub fn run(context: &Context, args: PlanArgs, out: &mut dyn Write) -> Result<u8> {
    let data = context.data_dir()?;
    let today = context.today()?;
    match args.command {
        None => list(context, &data, args.all, args.format, today, out),
        Some(PlanCommand::Add { theme, due, text }) => {
            add(context, &data, &theme, &due, &text, today, out)
        }
        Some(PlanCommand::Done { number, note }) => close(&data, number, Status::Done, note, out),
        Some(PlanCommand::Drop { number, note }) => {
            close(&data, number, Status::Dropped, note, out)
        }
        Some(PlanCommand::Edit {
            number,
            text,
            due,
            theme,
        }) => {
            let change = Edit { text, due, theme };
            edit(&data, number, change, today, out)
        }
    }
}

fn list(
    context: &Context,
    data: &DataDir,
    all: bool,
    format: PlanFormat,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<u8> {
    let plan = plan::load(data).map_err(|plan::Damaged(error)| error)?;
    let actions = plan.listing(today, all);
    let written = match format {
        PlanFormat::Json => {
            #[derive(Serialize)]
            struct Listed<'a> {
                #[serde(flatten)]
                action: &'a Action,
                overdue: bool,
                standing: String,
            }
            let listed: Vec<Listed> = actions
                .iter()
                .map(|a| Listed {
                    action: a,
                    overdue: a.overdue(today),
                    standing: a.standing(today),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &listed)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        PlanFormat::Markdown => markdown(&actions, all, today, out),
        PlanFormat::Table => table(context, &actions, all, today, out),
    };
    written.map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

fn table(
    context: &Context,
    actions: &[&Action],
    all: bool,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let color = context.stdout_color();
    if actions.is_empty() {
        writeln!(
            out,
            "No {}actions in your plan.",
            if all { "" } else { "open " }
        )?;
        writeln!(
            out,
            "After an interactive `leadgap assess` you can commit to actions for your top priorities, \
             or add one with `leadgap plan add --theme ID --due +4w TEXT`."
        )?;
        return Ok(());
    }
    let overdue = actions.iter().filter(|a| a.overdue(today)).count();
    let mut heading = format!(
        "{} {} action{}",
        actions.len(),
        if all { "planned" } else { "open" },
        if actions.len() == 1 { "" } else { "s" }
    );
    if overdue > 0 {
        heading.push_str(&format!(", {overdue} overdue"));
    }
    writeln!(out, "{}", paint(color, styles::HEADING, &heading))?;
    let mut table = context.new_table();
    table.set_header(["#", "Theme", "Action", "Due", "Status"]);
    for action in actions {
        let standing = action.standing(today);
        let standing = if action.overdue(today) {
            paint(color, styles::FAR, &standing)
        } else {
            standing
        };
        table.add_row([
            action.number.to_string(),
            clean_line(&action.theme_title).into_owned(),
            clean_line(&action.text).into_owned(),
            action.due.to_string(),
            standing,
        ]);
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn markdown(
    actions: &[&Action],
    all: bool,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "## {}",
        if all { "Action plan" } else { "Open actions" }
    )?;
    writeln!(out)?;
    if actions.is_empty() {
        return writeln!(out, "_None._");
    }
    for action in actions {
        let mark = if action.status == Status::Done {
            "x"
        } else {
            " "
        };
        let mut line = format!(
            "- [{mark}] #{} **{}**: {} (due {}; {})",
            action.number,
            clean_line(&action.theme_title),
            clean_line(&action.text),
            action.due,
            action.standing(today)
        );
        if let Some(note) = &action.note {
            line.push_str(&format!(" — {}", clean_line(note)));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The theme an added or edited action works on: a theme of the latest
/// report (which the action is linked to), else of the default questionnaire.
fn theme_for(data: &DataDir, id: &str) -> Result<(String, Option<String>)> {
    let latest = data
        .report_paths()?
        .pop()
        .and_then(|path| store::load_report(&path).ok());
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

fn add(
    context: &Context,
    data: &DataDir,
    theme: &str,
    due: &str,
    text: &str,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<u8> {
    let text = non_empty(text, "action")?;
    let due =
        plan::parse_due(due, today).map_err(|problem| Error::user(format!("--due: {problem}")))?;
    let (theme_title, report) = theme_for(data, theme)?;
    let created = clock::format_rfc3339(clock::now()?);
    let action = NewAction {
        theme: theme.to_owned(),
        theme_title: theme_title.clone(),
        text: text.clone(),
        due,
        report,
    };
    let (number, warning) = plan::update(data, IfDamaged::StartAfresh, |plan| {
        Ok(plan.add(action, &created))
    })?;
    if let Some(warning) = warning {
        context.warn(&warning);
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

fn close(
    data: &DataDir,
    number: u32,
    status: Status,
    note: Option<String>,
    out: &mut dyn Write,
) -> Result<u8> {
    let closed = clock::format_rfc3339(clock::now()?);
    let (text, _) = plan::update(data, IfDamaged::Refuse, |plan| {
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
struct Edit {
    text: Option<String>,
    due: Option<String>,
    theme: Option<String>,
}

fn edit(
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
            plan::parse_due(d, today).map_err(|problem| Error::user(format!("--due: {problem}")))
        })
        .transpose()?;
    let theme = match theme {
        Some(id) => Some((theme_for(data, &id)?.0, id)),
        None => None,
    };
    let (line, _) = plan::update(data, IfDamaged::Refuse, |plan| {
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
