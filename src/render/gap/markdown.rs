//! The gap report as Markdown, ready to paste into a 1:1 document.

use std::io::Write;

use super::{Block, Extras, Render, Table, sections, theme_columns};
use crate::plan::Status;
use crate::render::markdown::{inline, lines};
use crate::render::text::{self, change_short, percent, sparkline, whole};
use crate::report::{Report, ThemeReport};
use crate::trend::Change;

/// Renders the report as Markdown.
#[derive(Debug)]
pub struct Markdown;

/// Text from a file, inert inside a Markdown table cell, heading or list.
fn cell(text: &str) -> String {
    inline(text)
}

impl Render for Markdown {
    fn render(&self, report: &Report, extras: &Extras, out: &mut dyn Write) -> std::io::Result<()> {
        let trend = &extras.trend;
        writeln!(out, "# Gap report: {}", cell(&report.questionnaire.title))?;
        writeln!(out)?;
        writeln!(out, "- **Who:** {}", cell(&text::who(report)))?;
        writeln!(out, "- **When:** {}", text::created_display(report))?;
        writeln!(
            out,
            "- **Questionnaire:** {} {} · rubric {} · profile {}",
            cell(&report.questionnaire.id),
            cell(&report.questionnaire.version),
            cell(&report.rubric.id),
            cell(&report.rubric.profile)
        )?;
        writeln!(out, "- **{}**", inline(&text::overall_line(report)))?;
        writeln!(out, "- **History:** {}", inline(&text::history_line(trend)))?;
        if let Some(context) = text::context_line(report) {
            writeln!(out, "- {}", inline(&context))?;
        }

        let history = !trend.is_baseline();
        let basis = text::has_basis(report);
        let rows = report
            .themes
            .iter()
            .zip(&trend.themes)
            .map(|(theme, theme_trend)| {
                let mut row = vec![theme.title.clone(), text::score_text(theme)];
                if basis {
                    row.push(text::sub_score(theme.facts));
                    row.push(text::sub_score(theme.views));
                }
                if history {
                    row.push(change_short(theme_trend.change, theme.score));
                }
                row.extend([
                    whole(theme.target),
                    text::gap_text(theme),
                    theme.band.clone().unwrap_or_else(|| text::unscored(report)),
                    percent(theme.coverage),
                ]);
                if history {
                    row.push(sparkline(&theme_trend.points));
                }
                row
            })
            .collect();
        block(
            &Block::Table(Table {
                columns: theme_columns(history, basis),
                rows,
            }),
            3,
            out,
        )?;
        if report.themes.iter().any(ThemeReport::provisional) {
            writeln!(out)?;
            writeln!(out, "{}", text::PROVISIONAL_NOTE)?;
        }
        if trend
            .themes
            .iter()
            .any(|t| t.change == Change::QuestionsChanged)
        {
            writeln!(out)?;
            writeln!(out, "{}", text::NOT_COMPARABLE_NOTE)?;
        }

        for section in sections(report, extras, extras.answers) {
            if let Some(title) = &section.title {
                writeln!(out)?;
                writeln!(out, "## {}", cell(title))?;
            }
            for block in &section.blocks {
                self::block(block, 3, out)?;
            }
        }
        Ok(())
    }
}

/// Lays out one block; `level` is the heading level of its subheadings.
fn block(block: &Block, level: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let hashes = "#".repeat(level);
    match block {
        Block::Text(text) => {
            writeln!(out)?;
            writeln!(out, "{}", inline(text))
        }
        Block::Note(text) => {
            writeln!(out)?;
            writeln!(out, "_{}_", inline(text))
        }
        Block::Sub(text) => {
            writeln!(out)?;
            writeln!(out, "{hashes} {}", cell(text))
        }
        Block::Lines(items) | Block::Bullets(items) => {
            writeln!(out)?;
            items
                .iter()
                .try_for_each(|item| writeln!(out, "- {}", inline(item)))
        }
        Block::Ranked(entries) => {
            for (rank, entry) in entries.iter().enumerate() {
                writeln!(out)?;
                match &entry.detail {
                    Some(detail) => writeln!(
                        out,
                        "{hashes} {}. {}: {}",
                        rank + 1,
                        cell(&entry.title),
                        inline(detail)
                    )?,
                    None => writeln!(out, "{hashes} {}. {}", rank + 1, cell(&entry.title))?,
                }
                if !entry.lines.is_empty() {
                    writeln!(out)?;
                }
                for item in &entry.lines {
                    writeln!(out, "- {}", inline(item))?;
                }
            }
            Ok(())
        }
        Block::Entries(entries) => {
            writeln!(out)?;
            for entry in entries {
                writeln!(out, "- **{}**", cell(&entry.title))?;
                for item in &entry.lines {
                    writeln!(out, "  - {}", cell(item))?;
                }
            }
            Ok(())
        }
        Block::Table(table) => {
            writeln!(out)?;
            let row = |cells: &mut dyn Iterator<Item = String>| {
                format!("| {} |", cells.collect::<Vec<_>>().join(" | "))
            };
            writeln!(
                out,
                "{}",
                row(&mut table.columns.iter().map(|c| cell(&c.label)))
            )?;
            let align: Vec<&str> = table
                .columns
                .iter()
                .map(|c| if c.numeric { "--:" } else { "---" })
                .collect();
            writeln!(out, "|{}|", align.join("|"))?;
            for cells in &table.rows {
                writeln!(out, "{}", row(&mut cells.iter().map(|c| cell(c))))?;
            }
            Ok(())
        }
        Block::Fold { summary, blocks } => {
            writeln!(out)?;
            writeln!(out, "{hashes} {}", cell(summary))?;
            blocks
                .iter()
                .try_for_each(|inner| self::block(inner, level + 1, out))
        }
        Block::Checklist(items) => {
            writeln!(out)?;
            for made in items {
                match made.status {
                    Status::Open => writeln!(out, "- [ ] {}", inline(&made.line))?,
                    Status::Done => writeln!(out, "- [x] {}", inline(&made.line))?,
                    // Struck through, without a box to tick: given up.
                    Status::Dropped => writeln!(out, "- ~~{}~~", inline(&made.line))?,
                }
                if let Some(note) = &made.note {
                    for line in lines(note) {
                        writeln!(out, "  > {line}")?;
                    }
                }
            }
            Ok(())
        }
        Block::Quotes(quotes) => {
            for quote in quotes {
                writeln!(out)?;
                writeln!(out, "**{}** ({})", cell(&quote.lead), cell(&quote.after))?;
                for line in lines(&quote.text) {
                    writeln!(out, "> {line}")?;
                }
            }
            Ok(())
        }
        Block::Said { about, notes } => {
            writeln!(out)?;
            writeln!(out, "{hashes} {}", cell(about))?;
            for (who, text) in notes {
                writeln!(out)?;
                writeln!(out, "**{}:**", cell(who))?;
                for line in lines(text) {
                    writeln!(out, "> {line}")?;
                }
            }
            Ok(())
        }
    }
}
