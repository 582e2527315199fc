//! The gap report as Markdown, ready to paste into a 1:1 document.

use std::io::Write;

use super::{Render, Report, percent, whole};
use crate::output::{clean, clean_line};

/// Renders the report as Markdown.
#[derive(Debug)]
pub struct Markdown;

/// Text from a file, safe inside a Markdown table cell or heading.
fn cell(text: &str) -> String {
    clean_line(text).replace('|', "\\|")
}

impl Render for Markdown {
    fn render(&self, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "# Gap report: {}", cell(&report.questionnaire.title))?;
        writeln!(out)?;
        writeln!(out, "- **Who:** {}", cell(&report.who()))?;
        writeln!(out, "- **When:** {}", report.created_display())?;
        writeln!(
            out,
            "- **Questionnaire:** {} {} · rubric {} · profile {}",
            cell(&report.questionnaire.id),
            cell(&report.questionnaire.version),
            cell(&report.rubric.id),
            cell(&report.rubric.profile)
        )?;
        match (report.overall, report.overall_target) {
            (Some(overall), Some(target)) => {
                writeln!(
                    out,
                    "- **Overall:** {} (target {})",
                    whole(overall),
                    whole(target)
                )?;
            }
            (Some(overall), None) => writeln!(out, "- **Overall:** {}", whole(overall))?,
            _ => writeln!(out, "- **Overall:** not enough answers to score")?,
        }
        writeln!(out)?;
        writeln!(out, "| Theme | Score | Target | Gap | Band | Answered |")?;
        writeln!(out, "|---|--:|--:|--:|---|--:|")?;
        for theme in &report.themes {
            let (score, gap, band) = match (theme.score, theme.gap) {
                (Some(score), Some(gap)) => (
                    whole(score),
                    whole(gap),
                    theme.band.as_deref().map(cell).unwrap_or_default(),
                ),
                _ => (
                    "—".to_owned(),
                    "—".to_owned(),
                    "not enough answers".to_owned(),
                ),
            };
            writeln!(
                out,
                "| {} | {score} | {} | {gap} | {band} | {} |",
                cell(&theme.title),
                whole(theme.target),
                percent(theme.coverage)
            )?;
        }

        let priorities: Vec<_> = report.shown_priorities().collect();
        writeln!(out)?;
        if priorities.is_empty() {
            writeln!(out, "Every scored theme meets its target.")?;
        } else {
            writeln!(out, "## Work on first")?;
            for (rank, theme) in priorities.iter().enumerate() {
                writeln!(out)?;
                writeln!(
                    out,
                    "### {}. {} ({} against a target of {}, {})",
                    rank + 1,
                    cell(&theme.title),
                    theme.score.map_or_else(|| "—".to_owned(), whole),
                    whole(theme.target),
                    theme.band.as_deref().map(cell).unwrap_or_default()
                )?;
                writeln!(out)?;
                for advice in &theme.advice {
                    writeln!(out, "- {}", clean_line(advice))?;
                }
            }
        }

        let notes: Vec<_> = report.themes.iter().filter(|t| t.note.is_some()).collect();
        if !notes.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Notes")?;
            for theme in notes {
                writeln!(out)?;
                writeln!(out, "**{}:**", cell(&theme.title))?;
                for line in clean(theme.note.as_deref().unwrap_or_default()).lines() {
                    writeln!(out, "> {line}")?;
                }
            }
        }
        Ok(())
    }
}
