//! The gap report as a table for the terminal.

use std::io::Write;

use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, presets};

use super::{Render, Report, ThemeReport, percent, whole};
use crate::output::{clean, clean_line, paint, styles, wrap};

/// Renders the report for a terminal.
#[derive(Debug)]
pub struct Table {
    /// Whether to use color.
    pub color: bool,
    /// The width to fit; `None` lets the table measure the terminal.
    pub width: Option<u16>,
}

/// Gaps up to this size are "near" the target (yellow rather than red).
const NEAR_GAP: f64 = 10.0;

/// Width of the score bar, in cells.
const BAR_CELLS: usize = 10;

/// Advice and notes wrap at this width at most, for readability.
const TEXT_WIDTH: usize = 88;

impl Render for Table {
    fn render(&self, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
        let color = self.color;
        let heading = |text: &str| paint(color, styles::HEADING, text);
        let dim = |text: &str| paint(color, styles::DIM, text);
        let text_width = usize::from(self.width.unwrap_or(100)).min(TEXT_WIDTH);

        writeln!(
            out,
            "{}",
            heading(&format!(
                "Gap report: {}",
                clean_line(&report.questionnaire.title)
            ))
        )?;
        writeln!(
            out,
            "{}",
            dim(&format!(
                "{} · {} · {} {} · profile {}",
                clean_line(&report.who()),
                report.created_display(),
                clean_line(&report.questionnaire.id),
                clean_line(&report.questionnaire.version),
                clean_line(&report.rubric.profile),
            ))
        )?;
        writeln!(out)?;
        let overall = match (report.overall, report.overall_target) {
            (Some(overall), Some(target)) => {
                format!("Overall {}  (target {})", whole(overall), whole(target))
            }
            (Some(overall), None) => format!("Overall {}", whole(overall)),
            _ => "Overall: not enough answers to score".to_owned(),
        };
        writeln!(out, "{}", heading(&overall))?;
        writeln!(out)?;

        let mut table = comfy_table::Table::new();
        table
            .load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = self.width {
            table.set_width(width);
        }
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let header = ["Theme", "Score", "Target", "Gap", "Band", "Answered", ""];
        table.set_header(header.iter().map(|h| {
            let cell = Cell::new(h);
            if color {
                cell.add_attribute(comfy_table::Attribute::Bold)
            } else {
                cell
            }
        }));
        for theme in &report.themes {
            table.add_row(self.row(theme));
        }
        for index in 1..=3 {
            if let Some(column) = table.column_mut(index) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        if let Some(column) = table.column_mut(5) {
            column.set_cell_alignment(CellAlignment::Right);
        }
        for line in table.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }

        let priorities: Vec<&ThemeReport> = report.shown_priorities().collect();
        writeln!(out)?;
        if priorities.is_empty() {
            writeln!(out, "{}", heading("Every scored theme meets its target."))?;
        } else {
            writeln!(out, "{}", heading("Work on first"))?;
            for (rank, theme) in priorities.iter().enumerate() {
                let summary = format!(
                    "{}. {}: {} against a target of {} ({})",
                    rank + 1,
                    clean_line(&theme.title),
                    theme.score.map_or_else(|| "—".to_owned(), whole),
                    whole(theme.target),
                    theme.band.as_deref().map(clean_line).unwrap_or_default(),
                );
                writeln!(out, "{}", heading(&summary))?;
                for advice in &theme.advice {
                    for line in wrap(&clean_line(advice), text_width, "   - ", "     ") {
                        writeln!(out, "{line}")?;
                    }
                }
            }
        }

        let notes: Vec<&ThemeReport> = report.themes.iter().filter(|t| t.note.is_some()).collect();
        if !notes.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", heading("Notes"))?;
            for theme in notes {
                writeln!(out, "   {}:", clean_line(&theme.title))?;
                for paragraph in clean(theme.note.as_deref().unwrap_or_default()).lines() {
                    for line in wrap(paragraph, text_width, "     ", "     ") {
                        writeln!(out, "{line}")?;
                    }
                }
            }
        }

        let answered = report.answers.iter().filter(|a| a.score.is_some()).count();
        let skipped = report.answers.len() - answered;
        writeln!(out)?;
        let mut footer = format!("Answered {answered} of {} questions", report.answers.len());
        if skipped > 0 {
            footer.push_str(&format!(" ({skipped} skipped)"));
        }
        writeln!(out, "{}", dim(&footer))?;
        Ok(())
    }
}

impl Table {
    fn row(&self, theme: &ThemeReport) -> Vec<Cell> {
        let title = Cell::new(clean_line(&theme.title));
        let (Some(score), Some(gap)) = (theme.score, theme.gap) else {
            let dim = |text: &str| {
                let cell = Cell::new(text);
                if self.color {
                    cell.fg(Color::DarkGrey)
                } else {
                    cell
                }
            };
            return vec![
                title,
                dim("—"),
                Cell::new(whole(theme.target)),
                dim("—"),
                dim("not enough answers"),
                Cell::new(percent(theme.coverage)),
                Cell::new(""),
            ];
        };
        let tint = if gap <= 0.0 {
            Color::Green
        } else if gap <= NEAR_GAP {
            Color::Yellow
        } else {
            Color::Red
        };
        let colored = |text: String| {
            let cell = Cell::new(text);
            if self.color { cell.fg(tint) } else { cell }
        };
        vec![
            title,
            Cell::new(whole(score)),
            Cell::new(whole(theme.target)),
            colored(whole(gap)),
            Cell::new(theme.band.as_deref().map(clean_line).unwrap_or_default()),
            Cell::new(percent(theme.coverage)),
            colored(bar(score, theme.target, BAR_CELLS)),
        ]
    }
}

/// A bar of `cells` cells filled to `score` (in eighths of a cell), with `│`
/// marking the target when the score falls short of it.
pub fn bar(score: f64, target: f64, cells: usize) -> String {
    const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = ((score.clamp(0.0, 100.0) / 100.0) * (cells * 8) as f64).round() as usize;
    let target_cell = (((target.clamp(0.0, 100.0) / 100.0) * cells as f64) as usize).min(cells - 1);
    (0..cells)
        .map(|cell| {
            let filled = eighths.saturating_sub(cell * 8).min(8);
            match filled {
                8 => '█',
                0 if cell == target_cell => '│',
                0 => '·',
                partial => PARTIAL[partial],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bar_fills_to_the_score_and_marks_the_target() {
        assert_eq!(bar(42.0, 65.0, 10), "████▎·│···");
        assert_eq!(bar(100.0, 65.0, 10), "██████████");
        assert_eq!(bar(0.0, 100.0, 10), "·········│");
        assert_eq!(bar(70.0, 60.0, 10), "███████···");
    }
}
