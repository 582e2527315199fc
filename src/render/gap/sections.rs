//! The gap report's structure, built once: every section after the themes
//! (the team's view, the cohort, what to work on first, the plan and its
//! follow-through, progress, what to know about the answers, examples,
//! every answer, notes), with its heading, its place in the order and when
//! it is shown decided here. Each format only lays out a [`Section`]'s
//! blocks (`table.rs`, `markdown.rs`, `html.rs`), as hyperfine's
//! `MarkupExporter` lays out one document per format.

use super::{Extras, answers, norms, team};
use crate::render::text::{self, PlanLine, score_text, whole};
use crate::report::Report;

/// One section of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Its heading; `None` for the closing line.
    pub title: Option<String>,
    /// What it holds, in order.
    pub blocks: Vec<Block>,
}

/// A part of a section, as every format has it.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph.
    Text(String),
    /// A note on what comes before it: smaller, or dimmed.
    Note(String),
    /// A subheading.
    Sub(String),
    /// Sentences listed one a line (a terminal shows them without bullets).
    Lines(Vec<String>),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// Numbered entries, each a title, a detail and bullets under it.
    Ranked(Vec<Entry>),
    /// Entries, each a title in bold and lines under it.
    Entries(Vec<Entry>),
    /// A table.
    Table(Table),
    /// A part a page folds away (a terminal and Markdown show it under a
    /// heading of its summary).
    Fold {
        /// What the folded part is.
        summary: String,
        /// What it holds.
        blocks: Vec<Block>,
    },
    /// The actions made with the report, each with its state and note.
    Checklist(Vec<PlanLine>),
    /// Quoted texts, each after a lead: the examples given.
    Quotes(Vec<Quote>),
    /// A group of notes, each with who wrote it: notes on one theme.
    Said {
        /// What they are about.
        about: String,
        /// Who, and what.
        notes: Vec<(String, String)>,
    },
}

/// A titled entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Its title.
    pub title: String,
    /// What follows the title on its line.
    pub detail: Option<String>,
    /// The lines under it.
    pub lines: Vec<String>,
}

/// A table: columns, and rows of plain cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// A table's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its header.
    pub label: String,
    /// Whether it holds numbers (aligned right).
    pub numeric: bool,
}

impl Column {
    /// A column of text.
    pub fn text(label: &str) -> Column {
        Column {
            label: label.to_owned(),
            numeric: false,
        }
    }

    /// A column of numbers.
    pub fn number(label: &str) -> Column {
        Column {
            label: label.to_owned(),
            numeric: true,
        }
    }
}

/// A quote after its lead: `"statement" (answer)`, then the example.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// What is quoted from, shown in bold.
    pub lead: String,
    /// What follows the lead, in parentheses.
    pub after: String,
    /// The quoted text.
    pub text: String,
}

/// The columns of the theme table: with `basis`, the facts and views
/// sub-scores beside the score; with history, the change since the last
/// report and a trend line.
pub fn theme_columns(history: bool, basis: bool) -> Vec<Column> {
    let mut columns = vec![Column::text("Theme"), Column::number("Score")];
    if basis {
        columns.extend([Column::number("Facts"), Column::number("Views")]);
    }
    if history {
        columns.push(Column::number("Change"));
    }
    columns.extend([
        Column::number("Target"),
        Column::number("Gap"),
        Column::text("Band"),
        Column::number("Answered"),
    ]);
    if history {
        columns.push(Column::text("Trend"));
    }
    columns
}

/// The sections of `report` after its themes, in order. `with_answers`:
/// list every answer (a page always does, folded).
pub fn sections(report: &Report, extras: &Extras, with_answers: bool) -> Vec<Section> {
    let mut sections = Vec::new();
    let titled = |title: &str, blocks: Vec<Block>| Section {
        title: Some(title.to_owned()),
        blocks,
    };
    // Why a theme whose score reaches its target is not met, right under
    // the theme table.
    let unmet: Vec<String> = report.themes.iter().filter_map(text::facts_note).collect();
    if !unmet.is_empty() {
        sections.push(Section {
            title: None,
            blocks: unmet.into_iter().map(Block::Note).collect(),
        });
    }
    match (&report.team, &extras.beside) {
        (Some(view), beside) => sections.push(titled(
            "The team's view",
            team::blocks(report, view, beside.as_ref()),
        )),
        // A self-assessment beside the team's view: what you say, what you
        // did, and what the team sees.
        (None, Some(team_report)) if team_report.team.is_some() => sections.push(titled(
            "Beside your team's view",
            team::beside_blocks(report, team_report),
        )),
        (None, _) => {}
    }
    if let Some(norms) = &extras.norms {
        sections.push(titled(
            norms::HEADING,
            vec![Block::Bullets(norms::section(report, &extras.trend, norms))],
        ));
    }
    let priorities: Vec<Entry> = report
        .shown_priorities()
        .map(|theme| Entry {
            title: theme.title.clone(),
            detail: Some(format!(
                "{} against a target of {} ({})",
                score_text(theme),
                whole(theme.target),
                theme.band.as_deref().unwrap_or_default()
            )),
            lines: theme.advice.clone(),
        })
        .collect();
    sections.push(if priorities.is_empty() {
        titled("Every scored theme meets its target.", Vec::new())
    } else {
        titled("Work on first", vec![Block::Ranked(priorities)])
    });
    let follow = text::follow_through_lines(&extras.plan);
    if !follow.is_empty() {
        sections.push(titled(
            "Follow-through on the last plan",
            vec![Block::Lines(follow)],
        ));
    }
    let made = text::plan_lines(&extras.plan);
    if !made.is_empty() {
        sections.push(titled(
            "Plan made with this report",
            vec![Block::Checklist(made)],
        ));
    }
    let progress = text::progress_lines(report, &extras.trend);
    if !progress.is_empty() {
        sections.push(titled(
            "Progress since the baseline",
            vec![Block::Lines(progress)],
        ));
    }
    sections.push(titled(
        "About these answers",
        vec![Block::Bullets(text::quality_lines(report))],
    ));
    let examples: Vec<Quote> = text::evidence(report)
        .into_iter()
        .map(|(statement, answer, example)| Quote {
            lead: format!("\"{statement}\""),
            after: answer.to_owned(),
            text: example.to_owned(),
        })
        .collect();
    if !examples.is_empty() {
        sections.push(titled("Examples given", vec![Block::Quotes(examples)]));
    }
    if with_answers {
        let groups = answers::by_theme(report);
        if !groups.is_empty() {
            let columns = vec![
                Column::text("Question"),
                Column::text("Answer"),
                Column::number("Points"),
            ];
            let mut blocks: Vec<Block> = groups
                .iter()
                .map(|group| Block::Fold {
                    summary: group.heading(),
                    blocks: vec![Block::Table(Table {
                        columns: columns.clone(),
                        rows: group
                            .answers
                            .iter()
                            .map(|answer| answers::row(answer).to_vec())
                            .collect(),
                    })],
                })
                .collect();
            blocks.push(Block::Note(answers::POINTS_NOTE.to_owned()));
            sections.push(titled("Answers", blocks));
        }
    }
    let notes: Vec<Block> = text::notes(report)
        .into_iter()
        .map(|(about, notes)| Block::Said { about, notes })
        .collect();
    if !notes.is_empty() {
        sections.push(titled("Notes", notes));
    }
    sections.push(Section {
        title: None,
        blocks: vec![Block::Note(text::answered_line(report))],
    });
    sections
}
