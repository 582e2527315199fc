//! The action plan in each of its formats: a table of actions (overdue
//! first), a Markdown checklist, or JSON with each action's standing.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::Event;
use super::markdown::inline;
use super::text::action_line;
use super::{Format, Look, listing_table, write_json};
use crate::output::{clean_line, paint, styles};
use crate::plan::{Action, Status};

/// The formats of `plan`.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Markdown, Format::Ics];

/// The next check-in: its day, and the report it follows.
#[derive(Clone, Debug)]
pub struct CheckIn {
    /// The day.
    pub date: NaiveDate,
    /// Whose check-in it is (the latest self-assessment's respondent): its
    /// event keeps one id from one self-assessment to the next, and moves.
    pub person: Option<String>,
    /// That report's date.
    pub last: NaiveDate,
}

/// The `actions` on their due dates (those done or dropped as cancelled
/// events) and the next `checkin`, as an iCalendar file stamped `now`.
pub fn calendar(
    actions: &[&Action],
    checkin: Option<&CheckIn>,
    now: chrono::DateTime<chrono::Utc>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use sha2::{Digest, Sha256};
    let short = |text: &str| -> String {
        Sha256::digest(text)
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let mut events: Vec<Event> = actions
        .iter()
        .map(|a| Event {
            // Stable across edits: the action's number and when it was made.
            uid: format!(
                "action-{}-{}@leadgap",
                a.number,
                short(&format!("{}\n{}", a.number, a.created))
            ),
            date: a.due,
            summary: match a.status {
                Status::Open => format!("{} (leadgap #{})", a.text, a.number),
                closed => format!("{} (leadgap #{}, {})", a.text, a.number, closed.word()),
            },
            description: match a.status {
                Status::Open => format!(
                    "An action of your leadgap plan, on {}. When it is done: leadgap plan done {}",
                    a.theme_title, a.number
                ),
                closed => format!(
                    "An action of your leadgap plan, on {}, now {}.",
                    a.theme_title,
                    closed.word()
                ),
            },
            cancelled: a.status != Status::Open,
            // A plan written before revisions were kept still marks a
            // closed action as changed.
            sequence: a.revision.max(u32::from(a.status != Status::Open)),
        })
        .collect();
    if let Some(checkin) = checkin {
        // One check-in per person, whichever report it follows: a new
        // self-assessment moves it instead of adding another.
        events.push(Event {
            uid: format!(
                "checkin-{}@leadgap",
                short(checkin.person.as_deref().unwrap_or_default())
            ),
            date: checkin.date,
            summary: "leadgap check-in: assess again".to_owned(),
            description: format!(
                "Your last self-assessment was on {}. Run leadgap assess to see what moved.",
                checkin.last
            ),
            cancelled: false,
            // It moves with each new self-assessment: the later the one it
            // follows, the newer the event.
            sequence: u32::try_from(
                (checkin.last - NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()).num_days(),
            )
            .unwrap_or(0),
        });
    }
    out.write_all(super::calendar::calendar(&events, now).as_bytes())
}

/// Writes the listed `actions` (every action with `all`, else the open
/// ones) in `format`.
pub fn render(
    actions: &[&Action],
    all: bool,
    today: NaiveDate,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
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
            write_json(out, &listed)
        }
        Format::Markdown => markdown(actions, all, today, out),
        Format::Table => table(look, actions, all, today, out),
        // The calendar needs the next check-in too: see [`calendar`].
        Format::Csv | Format::Html | Format::Svg | Format::Ics | Format::Toml => {
            Err(super::unsupported("the plan", format))
        }
    }
}

fn table(
    look: Look,
    actions: &[&Action],
    all: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let color = look.color;
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
    let mut table = listing_table(look);
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
    today: NaiveDate,
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
        let theme = format!("**{}**", inline(&action.theme_title));
        let mut line = format!(
            "- [{mark}] {}",
            action_line(action, &theme, &inline(&action.text), today)
        );
        if let Some(note) = &action.note {
            line.push_str(&format!(" — {}", inline(note)));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}
