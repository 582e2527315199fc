//! The action plan: commitments made after a report ("hand the on-call
//! runbook to Lee by 15 January"), each linked to the report and theme it
//! came from. Pure: `store::plan` keeps it in `DATA/plan.toml`.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

mod follow;

use crate::document::SCHEMA;
use crate::error::{Error, Result};

pub use crate::report::{Action, Status};
pub use follow::{FollowThrough, follow_through};

/// Days until an action is due when no date is given.
pub const DEFAULT_DAYS: u64 = 30;

/// The plan file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// File format version.
    pub schema: i64,
    /// The number the next action gets; numbers are never reused.
    pub next_number: u32,
    /// Every action, open or closed, in the order they were made.
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl Plan {
    /// An empty plan.
    pub fn new() -> Self {
        Plan {
            schema: SCHEMA,
            next_number: 1,
            actions: Vec::new(),
        }
    }

    /// Adds an action and returns its number; numbers are never reused, so
    /// a plan that has used them all cannot take another action.
    pub fn add(&mut self, action: NewAction, created: &str) -> Result<u32> {
        if let Some(same) = self.open_like(&action) {
            return Err(Error::user_with_help(
                format!("action #{same} already says that, and is open"),
                format!("change it with `leadgap plan edit {same}`, or say something new"),
            ));
        }
        let number = self.next_number.max(1);
        self.next_number = number.checked_add(1).ok_or_else(|| {
            Error::user_with_help(
                "the plan has used every action number; it cannot take another action",
                "move plan.toml away to start a new plan",
            )
        })?;
        self.actions.push(Action {
            number,
            theme: action.theme,
            theme_title: action.theme_title,
            text: action.text,
            due: action.due,
            created: created.to_owned(),
            report: action.report,
            status: Status::Open,
            closed: None,
            note: None,
            revision: 0,
        });
        Ok(number)
    }

    /// The number of the open action of `action`'s theme that says the same
    /// (case and spaces aside), if there is one.
    pub fn open_like(&self, action: &NewAction) -> Option<u32> {
        let said = |text: &str| {
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let text = said(&action.text);
        self.actions
            .iter()
            .find(|a| a.status == Status::Open && a.theme == action.theme && said(&a.text) == text)
            .map(|a| a.number)
    }

    /// What is wrong with the numbering of a plan read from a file: each
    /// problem with the position of the action (or `None` for
    /// `next_number`). A sound plan has unique numbers, all below
    /// `next_number`.
    pub fn numbering_problems(&self) -> Vec<(Option<usize>, String)> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (index, action) in self.actions.iter().enumerate() {
            if action.number == 0 {
                problems.push((
                    Some(index),
                    "an action's number starts at 1, not 0".to_owned(),
                ));
            } else if !seen.insert(action.number) {
                problems.push((
                    Some(index),
                    format!("two actions have the number {}", action.number),
                ));
            }
        }
        if let Some(highest) = self.actions.iter().map(|a| a.number).max()
            && self.next_number <= highest
        {
            problems.push((
                None,
                format!(
                    "`next_number` is {}, but action number {highest} is already used",
                    self.next_number
                ),
            ));
        }
        problems
    }

    /// The action numbered `number`, to change, or an error listing the
    /// numbers there are. Its revision goes up: a plan is saved only when
    /// the change is made.
    pub fn action_mut(&mut self, number: u32) -> Result<&mut Action> {
        let known: Vec<String> = self.actions.iter().map(|a| a.number.to_string()).collect();
        let found = self.actions.iter_mut().find(|a| a.number == number);
        if let Some(action) = found {
            action.revision = action.revision.saturating_add(1);
            return Ok(action);
        }
        Err(Error::user_with_help(
            format!("there is no action number {number} in the plan"),
            if known.is_empty() {
                "the plan is empty; `leadgap plan add` adds an action".to_owned()
            } else {
                format!(
                    "`leadgap plan --all` lists them; the numbers are {}",
                    known.join(", ")
                )
            },
        ))
    }

    /// The actions to list: open ones (or, with `all`, every one), overdue
    /// first, then by due date, then by number.
    pub fn listing(&self, today: NaiveDate, all: bool) -> Vec<&Action> {
        let mut actions: Vec<&Action> = self
            .actions
            .iter()
            .filter(|a| all || a.status == Status::Open)
            .collect();
        actions.sort_by_key(|a| (!a.overdue(today), a.status != Status::Open, a.due, a.number));
        actions
    }

    /// The actions made with a report, in order.
    pub fn made_with(&self, id: &str) -> Vec<Action> {
        self.actions
            .iter()
            .filter(|a| a.report.as_deref() == Some(id))
            .cloned()
            .collect()
    }

    /// The open actions, oldest first.
    pub fn open(&self) -> Vec<&Action> {
        self.actions
            .iter()
            .filter(|a| a.status == Status::Open)
            .collect()
    }
}

/// An action about to be added.
#[derive(Clone, Debug)]
pub struct NewAction {
    /// Theme id.
    pub theme: String,
    /// Theme title.
    pub theme_title: String,
    /// What will be done.
    pub text: String,
    /// By when.
    pub due: NaiveDate,
    /// The report it comes from.
    pub report: Option<String>,
}

/// "today", "tomorrow", "in 14 days".
pub fn days_from(today: NaiveDate, date: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        days => format!("in {days} days"),
    }
}

/// The default due date: [`DEFAULT_DAYS`] from today.
pub fn default_due(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(Days::new(DEFAULT_DAYS))
        .unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_default_due_date_is_a_month_away() {
        assert_eq!(default_due(date("2026-11-22")), date("2026-12-22"));
    }

    fn action(plan: &mut Plan, due: &str) -> u32 {
        plan.add(
            NewAction {
                theme: "t".to_owned(),
                theme_title: "T".to_owned(),
                text: format!("Due {due}"),
                due: date(due),
                report: None,
            },
            "2026-11-01T00:00:00Z",
        )
        .unwrap()
    }

    #[test]
    fn numbers_are_never_reused_nor_wrap_around() {
        let mut plan = Plan::new();
        plan.next_number = u32::MAX - 1;
        assert_eq!(action(&mut plan, "2026-12-01"), u32::MAX - 1);
        assert_eq!(plan.next_number, u32::MAX);
        let full = plan.add(
            NewAction {
                theme: "t".to_owned(),
                theme_title: "T".to_owned(),
                text: "one too many".to_owned(),
                due: date("2026-12-01"),
                report: None,
            },
            "2026-11-01T00:00:00Z",
        );
        assert!(full.is_err());
        assert_eq!(plan.actions.len(), 1);
    }

    #[test]
    fn duplicate_numbers_and_a_low_next_number_are_problems() {
        let mut plan = Plan::new();
        action(&mut plan, "2026-12-01");
        action(&mut plan, "2026-12-02");
        plan.actions[1].number = 1;
        plan.next_number = 1;
        assert_eq!(
            plan.numbering_problems(),
            [
                (Some(1), "two actions have the number 1".to_owned()),
                (
                    None,
                    "`next_number` is 1, but action number 1 is already used".to_owned()
                )
            ]
        );
    }

    #[test]
    fn overdue_actions_come_first() {
        let mut plan = Plan::new();
        let later = action(&mut plan, "2026-12-30");
        let overdue = action(&mut plan, "2026-11-20");
        let soon = action(&mut plan, "2026-11-25");
        let very_overdue = action(&mut plan, "2026-11-01");
        let done = action(&mut plan, "2026-11-02");
        plan.action_mut(done).unwrap().status = Status::Done;
        let today = date("2026-11-22");
        let order: Vec<u32> = plan
            .listing(today, false)
            .iter()
            .map(|a| a.number)
            .collect();
        assert_eq!(order, [very_overdue, overdue, soon, later]);
        let all: Vec<u32> = plan.listing(today, true).iter().map(|a| a.number).collect();
        assert_eq!(all, [very_overdue, overdue, soon, later, done]);
        assert_eq!(plan.actions[1].standing(today), "overdue by 2 days");
        assert_eq!(plan.actions[2].standing(today), "due in 3 days");
        assert!(plan.action_mut(99).is_err());
    }
}
