//! The team's view in a team report, as blocks every format lays out: per
//! theme the team's score with its count and spread, each shown group, the
//! manager's own score beside it with blind spots and hidden strengths, the
//! groups not shown and the responses left out, how the answers to mirrored
//! questions spread next to the manager's own answer, and the comments.

use super::sections::{Block, Column, Entry, Table};
use crate::render::text::{self, whole};
use crate::report::{Global, Report, TeamView};

/// Who collected and signed a team report: "; collected and signed by
/// Morgan Lee (key fingerprint 3f9a 1c2b 77d0 e415)". Reading a report
/// checks the signature, so one that is shown carries a valid one.
fn signed_by(report: &Report) -> String {
    let who = report
        .team
        .as_ref()
        .and_then(|t| t.collector.clone())
        .unwrap_or_else(|| {
            format!(
                "{}, who ran the round",
                report.respondent.as_deref().unwrap_or("its subject")
            )
        });
    match &report.signature {
        Some(signature) => {
            let keys = crate::team::keys::PublicKeys {
                recipient: signature.recipient.clone(),
                signing: signature.key.clone(),
            };
            format!(
                "; collected and signed by {who} (key fingerprint {})",
                keys.fingerprint()
            )
        }
        None => format!("; collected by {who}"),
    }
}

/// The team's view of `report`, with `beside` (the manager's latest
/// self-assessment) when there is one.
pub fn blocks(report: &Report, team: &TeamView, beside: Option<&Report>) -> Vec<Block> {
    let mut columns = vec![
        Column::text("Theme"),
        Column::number("Team"),
        Column::number("Responses"),
        Column::number("Spread"),
    ];
    columns.extend(team.groups.iter().map(|g| Column::number(&label(&g.id))));
    // The manager's facts and views beside the team's score: what
    // happened, what they say, and what the team sees.
    let basis = beside.is_some_and(text::has_basis);
    if beside.is_some() {
        columns.push(Column::number("Self"));
        if basis {
            columns.push(Column::number("Facts/views"));
        }
        columns.push(Column::text(""));
    }
    let score = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), whole);
    let rows = report
        .themes
        .iter()
        .enumerate()
        .map(|(index, theme)| {
            let stats = team.themes.get(index);
            let mut row = vec![
                theme.title.clone(),
                score(theme.score),
                stats
                    .map(|s| {
                        s.n.map_or_else(|| format!("<{}", team.min_group), |n| n.to_string())
                    })
                    .unwrap_or_default(),
                stats
                    .and_then(|s| s.sd)
                    .map_or_else(|| "—".to_owned(), |sd| format!("±{}", whole(sd))),
            ];
            row.extend(
                team.groups
                    .iter()
                    .map(|g| score(g.themes.get(index).and_then(|t| t.score))),
            );
            if let Some(own) = beside {
                let mine = own.theme(&theme.id);
                row.push(score(mine.and_then(|t| t.score)));
                if basis {
                    row.push(format!(
                        "{}/{}",
                        score(mine.and_then(|t| t.facts)),
                        score(mine.and_then(|t| t.views))
                    ));
                }
                row.push(flag(
                    mine.and_then(|t| t.score),
                    theme.score,
                    stats.and_then(|s| s.sd),
                ));
            }
            row
        })
        .collect();
    let mut notes = Vec::new();
    let min = team.min_group;
    if team.themes.iter().any(|t| t.n.is_none()) {
        notes.push(format!(
            "A theme without a team score had fewer than {min} responses (\"<{min}\")."
        ));
    }
    if !team.hidden_groups.is_empty() {
        let pooled = team.groups.iter().any(|g| g.id == crate::team::OTHER_GROUP);
        notes.push(format!(
            "Not shown on their own, with fewer than {min} responses each: {}{}.",
            team.hidden_groups
                .iter()
                .map(|g| label(g))
                .collect::<Vec<_>>()
                .join(", "),
            if pooled { " (together as Other)" } else { "" }
        ));
    }
    if team.left_out > 0 {
        let (count, were) = match team.left_out {
            1 => ("1 response is".to_owned(), "it was"),
            n => (format!("{n} responses are"), "they were"),
        };
        notes.push(format!(
            "{count} left out of every figure (score, count, spread, advice, comment): {were} in \
             groups too small to show, and the small groups together had fewer than {min}."
        ));
    }
    for open in &team.open_groups {
        if team.groups.iter().any(|g| g.id == *open) {
            notes.push(format!(
                "{} is shown even with one response, as the form told those raters.",
                label(open)
            ));
        }
    }
    if beside.is_some() {
        if basis {
            notes.push(
                "Self is your own latest score; Facts/views its two parts: what happened, and \
                 how you rate yourself."
                    .to_owned(),
            );
        }
        notes.push(flag_note());
    }
    let mut blocks = vec![
        Block::Text(format!("{}{}.", counted_line(team), signed_by(report))),
        Block::Table(Table { columns, rows }),
    ];
    blocks.extend(
        team.global
            .iter()
            .map(|item| Block::Text(global_line(item, min))),
    );
    blocks.extend(notes.into_iter().map(Block::Note));
    let mirrors: Vec<Entry> = team
        .mirrors
        .iter()
        .map(|mirror| {
            let own = beside.and_then(|r| {
                r.answers
                    .iter()
                    .find(|a| a.question == mirror.mirrors)
                    .map(|a| a.answer.clone())
            });
            let counts = mirror
                .answers
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(answer, n)| format!("{answer} ({n})"))
                .collect::<Vec<_>>()
                .join(" · ");
            Entry {
                title: mirror.text.clone(),
                detail: None,
                lines: own
                    .map(|own| format!("You: {own}"))
                    .into_iter()
                    .chain([format!("Team: {counts}")])
                    .collect(),
            }
        })
        .collect();
    if !mirrors.is_empty() {
        blocks.push(Block::Sub("The same questions, both ways".to_owned()));
        blocks.push(Block::Entries(mirrors));
    }
    for (title, lines) in [("Keep doing", &team.keep), ("Change", &team.change)] {
        if !lines.is_empty() {
            blocks.push(Block::Sub(title.to_owned()));
            blocks.push(Block::Bullets(lines.clone()));
        }
    }
    blocks
}

/// A self-assessment beside the team's latest view of the same person:
/// per theme the manager's views, facts and score, and the team's score,
/// with blind spots and hidden strengths.
pub fn beside_blocks(own: &Report, team_report: &Report) -> Vec<Block> {
    let Some(team) = &team_report.team else {
        return Vec::new();
    };
    let score = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), whole);
    let columns = vec![
        Column::text("Theme"),
        Column::number("Your views"),
        Column::number("Your facts"),
        Column::number("Score"),
        Column::number("Team"),
        Column::number("Spread"),
        Column::text(""),
    ];
    let rows = own
        .themes
        .iter()
        .filter_map(|theme| {
            let theirs = team_report.theme(&theme.id)?;
            let sd = team
                .themes
                .iter()
                .find(|t| t.id == theme.id)
                .and_then(|t| t.sd);
            Some(vec![
                theme.title.clone(),
                score(theme.views),
                score(theme.facts),
                score(theme.score),
                score(theirs.score),
                sd.map_or_else(|| "—".to_owned(), |sd| format!("±{}", whole(sd))),
                flag(theme.score, theirs.score, sd),
            ])
        })
        .collect();
    vec![
        Block::Text(format!(
            "{}; made {} (report {}).",
            counted_line(team),
            team_report.created.date(),
            team_report.id
        )),
        Block::Table(Table { columns, rows }),
        Block::Note(flag_note()),
    ]
}

/// What a blind spot and a hidden strength are, and what the spread says.
fn flag_note() -> String {
    format!(
        "A blind spot: your own score is at least {} points above the team's; a hidden \
         strength: at least that far below. Spread is the team's standard deviation: a flag with \
         \"?\" has a spread wider than the gap, where the team disagrees more than it disagrees \
         with you.",
        whole(crate::comparison::FLAG_THRESHOLD)
    )
}

/// A global item on its own line: "Would recommend this manager: 72 of
/// 100, from 6 responses (Direct reports 70 · Other 75)".
fn global_line(item: &Global, min: usize) -> String {
    let (Some(score), Some(n)) = (item.score, item.n) else {
        return format!("{}: fewer than {min} responses answered it.", item.title);
    };
    let groups: Vec<String> = item
        .groups
        .iter()
        .filter_map(|g| Some(format!("{} {}", label(&g.id), whole(g.score?))))
        .collect();
    let by_group = if groups.len() > 1 {
        format!(" ({})", groups.join(" · "))
    } else {
        String::new()
    };
    format!(
        "{}: {} of 100, from {n} responses{by_group}; on its own, outside the overall score.",
        item.title,
        whole(score)
    )
}

/// "6 responses to round …; no figure rests on fewer than 3".
pub fn counted_line(team: &TeamView) -> String {
    format!(
        "{} responses to round {}; no figure rests on fewer than {}",
        team.raters, team.round, team.min_group
    )
}

/// "Direct reports", "Peers"… for a group id.
pub fn label(group: &str) -> String {
    crate::team::group_label(group)
}

/// "blind spot", "hidden strength", with a caveat when the team's spread is
/// wider than the gap; empty without a flag.
fn flag(own: Option<f64>, team: Option<f64>, sd: Option<f64>) -> String {
    let (Some(own), Some(team)) = (own, team) else {
        return String::new();
    };
    let gap = own - team;
    let Some(flag) = crate::comparison::flag(own, team, crate::comparison::FLAG_THRESHOLD) else {
        return String::new();
    };
    let words = flag.words();
    match sd {
        // The spread is in its own column; the note says what "?" means.
        Some(sd) if sd > gap.abs() => format!("{words}?"),
        _ => words.to_owned(),
    }
}
