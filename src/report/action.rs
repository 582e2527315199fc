//! An action made with a report ("hand the on-call runbook to Lee by 15
//! January"): what will be done on which theme, by when, and how it went.
//! The plan (`plan`) keeps every action; a report keeps those made with it,
//! so that it carries them wherever it is sent.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One commitment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// Its number, as `plan done N` names it.
    pub number: u32,
    /// The theme id it works on.
    pub theme: String,
    /// The theme's title, for display.
    pub theme_title: String,
    /// What will be done.
    pub text: String,
    /// By when.
    pub due: NaiveDate,
    /// When it was committed to (RFC 3339).
    pub created: String,
    /// The report it came from, if any.
    pub report: Option<String>,
    /// Open, done or dropped.
    pub status: Status,
    /// When it was done or dropped (RFC 3339).
    pub closed: Option<String>,
    /// A note on how it went.
    pub note: Option<String>,
    /// How many times it was changed since it was made (its due date, its
    /// text, done or dropped): a calendar takes the event with the higher
    /// number as the newer (RFC 5545's `SEQUENCE`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Still to do.
    Open,
    /// Done.
    Done,
    /// Given up.
    Dropped,
}

impl Status {
    /// "open", "done" or "dropped".
    pub fn word(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
}

impl Action {
    /// Whether it is open and its due date has passed.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status == Status::Open && self.due < today
    }

    /// "overdue by 3 days", "due today", "due in 5 days", "done 2026-12-01".
    pub fn standing(&self, today: NaiveDate) -> String {
        let days = (self.due - today).num_days();
        let plural = |n: i64| if n.abs() == 1 { "day" } else { "days" };
        match self.status {
            Status::Open if days < 0 => format!("overdue by {} {}", -days, plural(days)),
            Status::Open if days == 0 => "due today".to_owned(),
            Status::Open => format!("due in {days} {}", plural(days)),
            status => {
                let date = self
                    .closed
                    .as_deref()
                    .and_then(|c| c.get(..10))
                    .unwrap_or_default();
                format!("{} {date}", status.word()).trim_end().to_owned()
            }
        }
    }
}
