//! Evidence: a few of the facts the questionnaire asks, measured from what
//! the manager's own tools hold — a calendar export and the team's
//! repositories — on the manager's machine. The figures and the window
//! they cover go into an evidence file the manager keeps; a report takes
//! only the figures, never a name from it.

pub mod calendar;
mod figures;
pub mod offer;
pub mod people;
pub mod repository;
pub mod truck;
mod zone;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::output::clean_line;
use calendar::Meeting;
use figures::{calendar_figures, repository_figures};
use people::People;

/// The days the figures cover, the last one included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub until: NaiveDate,
    /// How many weeks it is.
    pub weeks: u32,
}

impl Window {
    /// The `weeks` weeks ending with `until`, that day included.
    pub fn ending(until: NaiveDate, weeks: u32) -> Window {
        let days = i64::from(weeks) * 7;
        let from = until
            .checked_sub_signed(chrono::Duration::days(days - 1))
            .unwrap_or(NaiveDate::MIN);
        Window { from, until, weeks }
    }
}

/// One team member's one-to-ones (in the evidence file only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneToOnes {
    /// The day of the last one in the window, if any.
    pub last: Option<NaiveDate>,
    /// How many in the window.
    pub count: usize,
}

/// The figures. Each is absent when it cannot be measured (`absent` says
/// why), never zero for want of data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Per team member (by name): their one-to-ones.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub one_to_ones: BTreeMap<String, OneToOnes>,
    /// Whole weeks from each member's last one-to-one to the last day, the
    /// largest (a member with none counts as the window's weeks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longest_since_one_to_one_weeks: Option<u32>,
    /// The members with a one-to-one in the last 28 days, over the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_one_to_one_4_weeks: Option<f64>,
    /// Meetings with a stakeholder in the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stakeholder_meetings: Option<usize>,
    /// Meetings with a supplier in the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_meetings: Option<usize>,
    /// Hours a week in meetings (overlaps once), one decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_hours_per_week: Option<f64>,
    /// The manager's commits in the window over all commits, two decimals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_commit_share: Option<f64>,
    /// Per repository (its folder's name): the truck factor.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub truck_factor: BTreeMap<String, usize>,
    /// Files, across the repositories, whose only author is the manager,
    /// over all their files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files_only_me_share: Option<f64>,
}

/// What `leadgap evidence` writes, and `assess --evidence` reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The days it covers.
    pub window: Window,
    /// The figures.
    pub figures: Figures,
    /// What was read: "calendar work.ics: 412 meetings", "repository infra:
    /// 1,204 commits".
    pub sources: Vec<String>,
    /// Why a figure is absent, by its name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub absent: BTreeMap<String, String>,
}

/// What to measure.
#[derive(Debug)]
pub struct Inputs {
    /// Calendar exports.
    pub calendars: Vec<PathBuf>,
    /// Repositories.
    pub repositories: Vec<PathBuf>,
    /// The people list.
    pub people: Vec<people::Person>,
    /// The manager's addresses given (`--me`).
    pub me: Vec<String>,
    /// The window.
    pub window: Window,
}

/// The evidence of `inputs`, with a warning for each part that could not be
/// read (an event, a file).
pub fn measure(inputs: &Inputs) -> Result<(Evidence, Vec<String>)> {
    let mut people = People {
        rows: inputs.people.clone(),
        me: inputs.me.iter().map(|m| people::address(m)).collect(),
    };
    let mut warnings = Vec::new();
    let mut sources = Vec::new();
    let mut figures = Figures::default();
    let mut absent = BTreeMap::new();

    let mut meetings: Vec<Meeting> = Vec::new();
    let mut calendar_read = false;
    let mut seen = std::collections::HashSet::new();
    for path in &inputs.calendars {
        let calendar = calendar::read(path, inputs.window.from, inputs.window.until, &people.me)?;
        if people.me.is_empty()
            && let Some(owner) = &calendar.owner
        {
            people.me.push(owner.clone());
        }
        sources.push(format!(
            "calendar {}: {}",
            file_name(path),
            counted(
                calendar.meetings.len(),
                "event in the window",
                "events in the window"
            )
        ));
        warnings.extend(calendar.warnings);
        // The same event in two files counts once.
        for meeting in calendar.meetings {
            if meeting.uid.is_empty() || seen.insert((meeting.uid.clone(), meeting.start)) {
                meetings.push(meeting);
            }
        }
        calendar_read = true;
    }
    if calendar_read {
        calendar_figures(&people, &meetings, inputs.window, &mut figures, &mut absent);
    } else {
        for name in CALENDAR_FIGURES {
            absent.insert(
                (*name).to_owned(),
                "no calendar given (--calendar)".to_owned(),
            );
        }
    }

    let mut repositories = Vec::new();
    for path in &inputs.repositories {
        let history = repository::read(path, inputs.window.until)?;
        if people.me.is_empty() {
            people.me.extend(history.configured_email.iter().cloned());
        }
        // Two clones of the same name are told apart by their order.
        let mut name = file_name(path);
        if repositories.iter().any(|(n, _)| *n == name) {
            name = format!("{name} ({})", repositories.len() + 1);
        }
        sources.push(format!(
            "repository {name}: {} to {}",
            counted(history.commits.len(), "commit", "commits"),
            inputs.window.until
        ));
        repositories.push((name, history));
    }
    if repositories.is_empty() {
        for name in REPOSITORY_FIGURES {
            absent.insert(
                (*name).to_owned(),
                "no repository given (--repo)".to_owned(),
            );
        }
    } else {
        repository_figures(
            &people,
            &repositories,
            inputs.window,
            &mut figures,
            &mut absent,
        );
    }
    if people.me.is_empty() {
        warnings.push(
            "none of your addresses is known: give them with --me (the figures that need them \
             are absent)"
                .to_owned(),
        );
    }
    Ok((
        Evidence {
            window: inputs.window,
            figures,
            sources,
            absent,
        },
        warnings,
    ))
}

/// The figures a calendar gives.
const CALENDAR_FIGURES: &[&str] = &[
    "longest_since_one_to_one_weeks",
    "share_one_to_one_4_weeks",
    "stakeholder_meetings",
    "supplier_meetings",
    "meeting_hours_per_week",
];

/// The figures repositories give.
const REPOSITORY_FIGURES: &[&str] = &["my_commit_share", "truck_factor", "files_only_me_share"];

/// The name of the file or folder at `path` (`.` named as the folder it is).
fn file_name(path: &Path) -> String {
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    full.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// "1 commit", "2 commits".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Reads an evidence file written by `leadgap evidence --format json`.
pub fn load(path: &Path) -> Result<Evidence> {
    let source = crate::source::Source::read(path)?;
    serde_json::from_str(&source.text).map_err(|e| {
        // serde_json ends its message with the position, given first here.
        let text = e.to_string();
        let what = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(what, _)| what);
        Error::user_with_help(
            format!(
                "{}:{}:{}: not an evidence file: {}",
                path.display(),
                e.line(),
                e.column(),
                clean_line(what)
            ),
            "write one with `leadgap evidence … --format json -o evidence.json`",
        )
    })
}
