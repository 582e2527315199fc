//! The follow-through on a report's actions, as the next report shows it:
//! how many were done, dropped or left open, and how their themes moved.

use serde::Serialize;

use super::{Action, Status};
use crate::report::Report;
use crate::trend::{self, Change};

/// The follow-through on the actions made with an earlier report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FollowThrough {
    /// The report the actions came from.
    pub report: String,
    /// When it was made.
    pub created: String,
    /// How many actions were made with it.
    pub total: usize,
    /// How many are done.
    pub done: usize,
    /// How many were dropped.
    pub dropped: usize,
    /// How many are still open.
    pub open: usize,
    /// Per theme that had actions.
    pub themes: Vec<ThemeFollowThrough>,
}

/// One theme's actions and how its score moved since.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThemeFollowThrough {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// How many actions.
    pub actions: usize,
    /// How many are done.
    pub done: usize,
    /// The score in the report the actions came from.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub before: Option<f64>,
    /// The score now.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub now: Option<f64>,
    /// Now minus before; `None` where not comparable.
    #[serde(serialize_with = "crate::rounding::serialize_one_decimal")]
    pub change: Option<f64>,
}

/// What `report` shows of the plan: `actions`, those made with its
/// previous report `previous`, and how its themes moved since.
pub fn follow_through(
    actions: &[Action],
    previous: &Report,
    report: &Report,
) -> Option<FollowThrough> {
    if actions.is_empty() {
        return None;
    }
    let count = |status: Status| actions.iter().filter(|a| a.status == status).count();
    let mut themes: Vec<ThemeFollowThrough> = Vec::new();
    for action in actions {
        if let Some(entry) = themes.iter_mut().find(|t| t.id == action.theme) {
            entry.actions += 1;
            entry.done += usize::from(action.status == Status::Done);
            continue;
        }
        let before = previous.theme(&action.theme);
        let now = report.theme(&action.theme);
        let change = now.map(|now| trend::theme_change(before, now));
        themes.push(ThemeFollowThrough {
            id: action.theme.clone(),
            title: action.theme_title.clone(),
            actions: 1,
            done: usize::from(action.status == Status::Done),
            before: before.and_then(|t| t.score),
            now: now.and_then(|t| t.score),
            change: change.and_then(Change::delta),
        });
    }
    Some(FollowThrough {
        report: previous.id.clone(),
        created: previous.created.to_string(),
        total: actions.len(),
        done: count(Status::Done),
        dropped: count(Status::Dropped),
        open: count(Status::Open),
        themes,
    })
}
