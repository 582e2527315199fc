//! The figures by the reference's rules: one-to-ones, meetings with
//! stakeholders and suppliers and meeting hours from the meetings a
//! calendar holds; the manager's share of commits, the files only they
//! author and the truck factor from the repositories' histories.

use std::collections::BTreeMap;

use super::calendar::Meeting;
use super::people::{People, Role};
use super::{Figures, OneToOnes, Window, repository, truck};

/// The shortest and longest event that can be a one-to-one, in minutes.
const ONE_TO_ONE_MINUTES: (i64, i64) = (10, 180);

/// The days a "last four weeks" covers, the last day included.
const FOUR_WEEKS: i64 = 28;

/// The calendar's figures, by the reference's rules.
pub(super) fn calendar_figures(
    people: &People,
    meetings: &[Meeting],
    window: Window,
    figures: &mut Figures,
    absent: &mut BTreeMap<String, String>,
) {
    let team: Vec<&super::people::Person> = people.team().collect();
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
pub(super) fn repository_figures(
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
            let why = format!("n/a for {name}: it has no files to count");
            absent
                .entry("truck_factor".to_owned())
                .and_modify(|w| *w = format!("{w}; {why}"))
                .or_insert(why);
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
