//! The action-plan steps of an interactive run: first, how the open actions
//! went; after the report, committing to actions for the top priorities.

use super::Finished;
use crate::Config;
use crate::answers::interactive::Stop;
use crate::answers::terminal::Terminal;
use crate::clock;
use crate::output::clean_line;
use crate::plan::{self, NewAction, Status};
use crate::render::text::{action_line, score_text, whole};
use crate::store::DataDir;
use crate::store::plan::{self as plan_file, IfDamaged};

/// How many actions one report commits to at most.
pub const MAX_ACTIONS: usize = 3;

/// Walks through the open actions: done, still on it, or dropped. Esc skips
/// the rest. A damaged plan is a warning and skips the review.
pub fn review(config: &Config, terminal: &mut Terminal, data: &DataDir) -> Result<(), Stop> {
    let plan = match plan_file::load(data) {
        Ok(plan) => plan,
        Err(plan_file::Damaged(error)) => {
            for (message, _) in error.lines() {
                config.warn(&message);
            }
            return Ok(());
        }
    };
    let open: Vec<plan::Action> = plan.open().into_iter().cloned().collect();
    if open.is_empty() {
        return Ok(());
    }
    let today = config.today()?;
    terminal.heading(&format!(
        "Your open action{} ({})",
        if open.len() == 1 { "" } else { "s" },
        open.len()
    ));
    terminal.say(&format!(
        "First, how did {} go? Esc skips the rest of this review.",
        if open.len() == 1 { "it" } else { "they" }
    ));
    let choices = [
        "Done".to_owned(),
        "Still on it".to_owned(),
        "Dropped".to_owned(),
    ];
    for action in open {
        let message = action_line(
            &action,
            &clean_line(&action.theme_title),
            &clean_line(&action.text),
            today,
        );
        let Some(choice) = terminal.choose(
            &message,
            &choices,
            "↑↓ to move, enter to choose, esc to skip the review",
        )?
        else {
            break;
        };
        let status = match choice {
            0 => Status::Done,
            2 => Status::Dropped,
            _ => continue,
        };
        let note = terminal
            .line(
                "A word on how it went? (optional)",
                "enter to continue",
                "",
                |_| Ok(()),
            )?
            .filter(|n| !n.is_empty());
        let closed = clock::format_rfc3339(clock::now()?);
        let number = action.number;
        plan_file::update(data, IfDamaged::Refuse, |plan| {
            let action = plan.action_mut(number)?;
            action.status = status;
            action.closed = Some(closed);
            if note.is_some() {
                action.note = note;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// After the report: offers to commit to up to [`MAX_ACTIONS`] actions for
/// the top priorities, each one of the rubric's advice lines or the
/// respondent's own words, with a due date. Only for a saved report, which
/// the actions are linked to.
pub fn commit(
    config: &Config,
    terminal: &mut Terminal,
    data: &DataDir,
    finished: &Finished,
) -> Result<(), Stop> {
    let report = &finished.report;
    let priorities: Vec<_> = report.shown_priorities().collect();
    if !finished.saved || priorities.is_empty() {
        return Ok(());
    }
    terminal.say("");
    if !terminal.confirm(
        "Commit to up to three actions for your top priorities?",
        true,
    )? {
        return Ok(());
    }
    let today = config.today()?;
    let mut actions: Vec<NewAction> = Vec::new();
    for theme in priorities {
        if actions.len() == MAX_ACTIONS {
            break;
        }
        let mut options: Vec<String> = theme
            .advice
            .iter()
            .map(|a| clean_line(a).into_owned())
            .collect();
        let own = options.len();
        options.push("Write my own".to_owned());
        options.push("Nothing for this theme".to_owned());
        let message = format!(
            "An action for {} ({} against a target of {})?",
            clean_line(&theme.title),
            score_text(theme),
            whole(theme.target)
        );
        let Some(choice) = terminal.choose(
            &message,
            &options,
            "↑↓ to move, enter to choose, esc to stop",
        )?
        else {
            break;
        };
        let text = match choice {
            choice if choice < own => theme.advice[choice].clone(),
            choice if choice == own => {
                let written = terminal.line(
                    "Your action, in one sentence:",
                    "esc to skip this theme",
                    "",
                    |text| {
                        if text.trim().is_empty() {
                            Err("write the action, or press esc".to_owned())
                        } else {
                            Ok(())
                        }
                    },
                )?;
                match written {
                    Some(text) => text,
                    None => continue,
                }
            }
            _ => continue,
        };
        let default = format!("+{}d", plan::DEFAULT_DAYS);
        let due = terminal.line_shown(
            "Due by? (a date such as 2027-01-15, or from today: +10d, +6w, +2m)",
            "enter for 30 days from today, esc to skip this action",
            &default,
            move |input| crate::interval::parse_future_date(input, today).map(|_| ()),
            move |input| match crate::interval::parse_future_date(input, today) {
                Ok(date) => format!("{date} ({})", plan::days_from(today, date)),
                Err(_) => input.to_owned(),
            },
        )?;
        let Some(due) = due.and_then(|d| crate::interval::parse_future_date(&d, today).ok()) else {
            continue;
        };
        actions.push(NewAction {
            theme: theme.id.clone(),
            theme_title: theme.title.clone(),
            text,
            due,
            report: Some(report.id.clone()),
        });
    }
    if actions.is_empty() {
        return Ok(());
    }
    let count = super::planned::add(config, data, actions)?.len();
    terminal.say(&format!(
        "Saved {count} action{} to your plan: `leadgap plan` lists {}. Your next `leadgap assess` starts by asking how {} went.",
        if count == 1 { "" } else { "s" },
        if count == 1 { "it" } else { "them" },
        if count == 1 { "it" } else { "they" },
    ));
    Ok(())
}
