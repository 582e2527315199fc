//! The gap report as Markdown, ready to paste into a 1:1 document.

use std::io::Write;

use super::{Extras, Render, answers, norms, team};
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
        writeln!(out)?;

        let history = !trend.is_baseline();
        if history {
            writeln!(
                out,
                "| Theme | Score | Change | Target | Gap | Band | Answered | Trend |"
            )?;
            writeln!(out, "|---|--:|--:|--:|--:|---|--:|---|")?;
        } else {
            writeln!(out, "| Theme | Score | Target | Gap | Band | Answered |")?;
            writeln!(out, "|---|--:|--:|--:|---|--:|")?;
        }
        for (theme, theme_trend) in report.themes.iter().zip(&trend.themes) {
            let score = text::score_text(theme);
            let gap = text::gap_text(theme);
            let band = theme
                .band
                .as_deref()
                .map_or_else(|| text::unscored(report), cell);
            let title = cell(&theme.title);
            let (target, coverage) = (whole(theme.target), percent(theme.coverage));
            if history {
                let change = change_short(theme_trend.change, theme.score);
                let line = sparkline(&theme_trend.points);
                writeln!(
                    out,
                    "| {title} | {score} | {change} | {target} | {gap} | {band} | {coverage} | {line} |"
                )?;
            } else {
                writeln!(
                    out,
                    "| {title} | {score} | {target} | {gap} | {band} | {coverage} |"
                )?;
            }
        }
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

        if let Some(view) = &report.team {
            let section = team::section(report, view, extras.beside.as_ref());
            writeln!(out)?;
            writeln!(out, "## The team's view")?;
            writeln!(out)?;
            writeln!(out, "{}", inline(&section.heading))?;
            writeln!(out)?;
            let row = |cells: &[String]| {
                format!(
                    "| {} |",
                    cells
                        .iter()
                        .map(|c| cell(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                )
            };
            writeln!(out, "{}", row(&section.header))?;
            let align: Vec<&str> = (0..section.header.len())
                .map(|i| {
                    if i == 0 || section.header[i].is_empty() {
                        "---"
                    } else {
                        "--:"
                    }
                })
                .collect();
            writeln!(out, "|{}|", align.join("|"))?;
            for cells in &section.rows {
                writeln!(out, "{}", row(cells))?;
            }
            for note in &section.notes {
                writeln!(out)?;
                writeln!(out, "{}", inline(note))?;
            }
            if !section.mirrors.is_empty() {
                writeln!(out)?;
                writeln!(out, "### The same questions, both ways")?;
                for (question, own, counts) in &section.mirrors {
                    writeln!(out)?;
                    writeln!(out, "- **{}**", cell(question))?;
                    if let Some(own) = own {
                        writeln!(out, "  - You: {}", cell(own))?;
                    }
                    writeln!(out, "  - Team: {}", cell(counts))?;
                }
            }
            for (title, lines) in [("Keep doing", &section.keep), ("Change", &section.change)] {
                if !lines.is_empty() {
                    writeln!(out)?;
                    writeln!(out, "### {title}")?;
                    writeln!(out)?;
                    for line in lines.iter() {
                        writeln!(out, "- {}", inline(line))?;
                    }
                }
            }
        }

        if let Some(norms) = &extras.norms {
            writeln!(out)?;
            writeln!(out, "## {}", norms::HEADING)?;
            writeln!(out)?;
            for line in norms::section(report, &extras.trend, norms) {
                writeln!(out, "- {}", inline(&line))?;
            }
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
                    text::score_text(theme),
                    whole(theme.target),
                    theme.band.as_deref().map(cell).unwrap_or_default()
                )?;
                writeln!(out)?;
                for advice in &theme.advice {
                    writeln!(out, "- {}", inline(advice))?;
                }
            }
        }

        let follow = text::follow_through_lines(&extras.plan);
        if !follow.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Follow-through on the last plan")?;
            writeln!(out)?;
            for line in follow {
                writeln!(out, "- {}", inline(&line))?;
            }
        }

        let made = text::plan_lines(&extras.plan);
        if !made.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Plan made with this report")?;
            writeln!(out)?;
            for made in made {
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
        }

        let progress = text::progress_lines(report, trend);
        if !progress.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Progress since the baseline")?;
            writeln!(out)?;
            for line in progress {
                writeln!(out, "- {}", inline(&line))?;
            }
        }

        writeln!(out)?;
        writeln!(out, "## About these answers")?;
        writeln!(out)?;
        for line in text::quality_lines(report) {
            writeln!(out, "- {}", inline(&line))?;
        }

        let examples = text::evidence(report);
        if !examples.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Examples given")?;
            for (statement, answer, example) in examples {
                writeln!(out)?;
                writeln!(out, "**\"{}\"** ({})", cell(statement), cell(answer))?;
                for line in lines(example) {
                    writeln!(out, "> {line}")?;
                }
            }
        }

        if extras.answers {
            let groups = answers::by_theme(report);
            if !groups.is_empty() {
                writeln!(out)?;
                writeln!(out, "## Answers")?;
                for group in groups {
                    writeln!(out)?;
                    writeln!(out, "### {}", cell(&group.heading()))?;
                    writeln!(out)?;
                    writeln!(out, "| {} |", answers::HEADER.join(" | "))?;
                    writeln!(out, "|---|---|--:|")?;
                    for answer in group.answers {
                        let [question, answer, points] = answers::row(answer);
                        writeln!(
                            out,
                            "| {} | {} | {points} |",
                            cell(&question),
                            cell(&answer)
                        )?;
                    }
                }
                writeln!(out)?;
                writeln!(out, "{}", answers::POINTS_NOTE)?;
            }
        }

        let notes = text::notes(report);
        if !notes.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Notes")?;
            for (theme, entries) in notes {
                writeln!(out)?;
                writeln!(out, "### {}", cell(&theme))?;
                for (who, text) in entries {
                    writeln!(out)?;
                    writeln!(out, "**{}:**", cell(&who))?;
                    for line in lines(&text) {
                        writeln!(out, "> {line}")?;
                    }
                }
            }
        }
        writeln!(out)?;
        writeln!(out, "_{}_", text::answered_line(report))?;
        Ok(())
    }
}
