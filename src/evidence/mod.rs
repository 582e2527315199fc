//! Evidence: a few of the facts the questionnaire asks, measured from what
//! the manager's own tools hold — a calendar export and the team's
//! repositories — on the manager's machine. The figures and the window
//! they cover go into an evidence file the manager keeps; a report takes
//! only the figures, never a name from it.

pub mod calendar;
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
use people::{People, Role};

/// The shortest and longest event that can be a one-to-one, in minutes.
const ONE_TO_ONE_MINUTES: (i64, i64) = (10, 180);

/// The days a "last four weeks" covers, the last day included.
const FOUR_WEEKS: i64 = 28;

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
    for path in &inputs.calendars {
        let calendar = calendar::read(path, inputs.window.from, inputs.window.until, &people.me)?;
        if people.me.is_empty()
            && let Some(owner) = &calendar.owner
        {
            people.me.push(owner.clone());
        }
        sources.push(format!(
            "calendar {}: {} events in the window",
            file_name(path),
            calendar.meetings.len()
        ));
        warnings.extend(calendar.warnings);
        // The same event in two files counts once.
        for meeting in calendar.meetings {
            if !meetings
                .iter()
                .any(|m| m.uid == meeting.uid && !m.uid.is_empty() && m.start == meeting.start)
            {
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
        sources.push(format!(
            "repository {}: {} commits to {}",
            file_name(path),
            history.commits.len(),
            inputs.window.until
        ));
        repositories.push((file_name(path), history));
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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The calendar's figures, by the reference's rules.
fn calendar_figures(
    people: &People,
    meetings: &[Meeting],
    window: Window,
    figures: &mut Figures,
    absent: &mut BTreeMap<String, String>,
) {
    let team: Vec<&people::Person> = people.team().collect();
    let mine = |m: &Meeting| people.me.is_empty() || m.attendees.iter().any(|a| people.is_me(a));
    if team.is_empty() {
        for name in ["longest_since_one_to_one_weeks", "share_one_to_one_4_weeks"] {
            absent.insert(
                name.to_owned(),
                "no team in the people list (rows with group direct-report)".to_owned(),
            );
        }
    } else if people.me.is_empty() {
        for name in ["longest_since_one_to_one_weeks", "share_one_to_one_4_weeks"] {
            absent.insert(
                name.to_owned(),
                "none of your addresses is known (--me)".to_owned(),
            );
        }
    } else {
        let mut longest = 0;
        let mut recent = 0;
        for member in &team {
            let theirs: Vec<&Meeting> = meetings
                .iter()
                .filter(|m| is_one_to_one(m, people, &member.email))
                .collect();
            let last = theirs.iter().map(|m| m.day).max();
            let weeks = last.map_or(window.weeks, |day| {
                u32::try_from((window.until - day).num_days().max(0) / 7).unwrap_or(u32::MAX)
            });
            longest = longest.max(weeks);
            if last.is_some_and(|day| (window.until - day).num_days() < FOUR_WEEKS) {
                recent += 1;
            }
            figures.one_to_ones.insert(
                member.name.clone(),
                OneToOnes {
                    last,
                    count: theirs.len(),
                },
            );
        }
        figures.longest_since_one_to_one_weeks = Some(longest);
        figures.share_one_to_one_4_weeks = Some(two_decimals(recent as f64 / team.len() as f64));
    }
    let with = |role: Role| {
        meetings
            .iter()
            .filter(|m| mine(m))
            .filter(|m| {
                m.attendees
                    .iter()
                    .any(|a| people.row(a).is_some_and(|p| p.role == role))
            })
            .count()
    };
    // With no one of a kind in the list, a count of their meetings would
    // be a zero that measured nothing.
    for (role, figure, group) in [
        (Role::Stakeholder, "stakeholder_meetings", "stakeholder"),
        (Role::Supplier, "supplier_meetings", "supplier"),
    ] {
        let count = people
            .rows
            .iter()
            .any(|p| p.role == role)
            .then(|| with(role));
        if count.is_none() {
            absent.insert(
                figure.to_owned(),
                format!("no {group} in the people list (rows with group {group})"),
            );
        }
        match role {
            Role::Stakeholder => figures.stakeholder_meetings = count,
            _ => figures.supplier_meetings = count,
        }
    }
    let mut spans: Vec<(i64, i64)> = meetings
        .iter()
        .filter(|m| m.attendees.len() >= 2 && mine(m))
        .map(|m| (m.start.timestamp(), m.end.timestamp()))
        .collect();
    spans.sort_unstable();
    let mut seconds = 0;
    let mut open: Option<(i64, i64)> = None;
    for (start, end) in spans {
        open = match open {
            Some((from, to)) if start <= to => Some((from, to.max(end))),
            Some((from, to)) => {
                seconds += to - from;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((from, to)) = open {
        seconds += to - from;
    }
    figures.meeting_hours_per_week =
        Some((seconds as f64 / 3600.0 / f64::from(window.weeks.max(1)) * 10.0).round() / 10.0);
}

/// Whether `meeting` is a one-to-one of the manager with `member`: 10
/// minutes to 3 hours, and exactly the two of them.
fn is_one_to_one(meeting: &Meeting, people: &People, member: &str) -> bool {
    let minutes = (meeting.end - meeting.start).num_minutes();
    meeting.attendees.len() == 2
        && (ONE_TO_ONE_MINUTES.0..=ONE_TO_ONE_MINUTES.1).contains(&minutes)
        && meeting.attendees.iter().any(|a| a == member)
        && meeting.attendees.iter().any(|a| people.is_me(a))
}

/// The repositories' figures, by the reference's rules.
fn repository_figures(
    people: &People,
    repositories: &[(String, repository::History)],
    window: Window,
    figures: &mut Figures,
    absent: &mut BTreeMap<String, String>,
) {
    let in_window: Vec<&repository::Commit> = repositories
        .iter()
        .flat_map(|(_, h)| h.commits.iter())
        .filter(|c| c.day >= window.from && c.day <= window.until)
        .collect();
    if people.me.is_empty() {
        absent.insert(
            "my_commit_share".to_owned(),
            "none of your addresses is known (--me)".to_owned(),
        );
    } else if in_window.is_empty() {
        absent.insert(
            "my_commit_share".to_owned(),
            "no commits in the window".to_owned(),
        );
    } else {
        let mine = in_window.iter().filter(|c| people.is_me(&c.author)).count();
        figures.my_commit_share = Some(two_decimals(mine as f64 / in_window.len() as f64));
    }
    let mut files = 0;
    let mut only_me = 0;
    for (name, history) in repositories {
        let authorship = truck::authorship(&history.changes, &history.files);
        files += authorship.len();
        only_me += authorship
            .values()
            .filter(|authors| authors.len() == 1 && authors.iter().all(|a| people.is_me(a)))
            .count();
        let activity = truck::activity(&history.changes);
        if let Some(factor) = truck::truck_factor(&authorship, &activity).map(|t| t.factor) {
            figures.truck_factor.insert(name.clone(), factor);
        } else {
            absent.insert(
                format!("truck_factor.{name}"),
                "n/a: the repository has no files to count".to_owned(),
            );
        }
    }
    if people.me.is_empty() {
        absent.insert(
            "files_only_me_share".to_owned(),
            "none of your addresses is known (--me)".to_owned(),
        );
    } else if files == 0 {
        absent.insert(
            "files_only_me_share".to_owned(),
            "the repositories have no files to count".to_owned(),
        );
    } else {
        figures.files_only_me_share = Some(two_decimals(only_me as f64 / files as f64));
    }
}

fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
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
