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
    /// The width to fit, in columns.
    pub width: u16,
}

/// Gaps up to this size are "near" the target (yellow rather than red).
const NEAR_GAP: f64 = 10.0;

/// Below this width the themes are listed as lines instead of a table.
const NARROW: u16 = 60;

/// From this width up the table has a score bar.
const WITH_BAR: u16 = 78;

/// Width of the score bar, in cells.
const BAR_CELLS: usize = 10;

/// Advice and notes wrap at this width at most, for readability.
const TEXT_WIDTH: usize = 88;

impl Render for Table {
    fn render(&self, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
        let color = self.color;
        let heading = |text: &str| paint(color, styles::HEADING, text);
        let dim = |text: &str| paint(color, styles::DIM, text);
        let text_width = usize::from(self.width).min(TEXT_WIDTH);

        let title = format!("Gap report: {}", clean_line(&report.questionnaire.title));
        for line in wrap(&title, text_width, "", "") {
            writeln!(out, "{}", heading(&line))?;
        }
        let subtitle = format!(
            "{} · {} · {} {} · profile {}",
            clean_line(&report.who()),
            report.created_display(),
            clean_line(&report.questionnaire.id),
            clean_line(&report.questionnaire.version),
            clean_line(&report.rubric.profile),
        );
        for line in wrap(&subtitle, text_width, "", "") {
            writeln!(out, "{}", dim(&line))?;
        }
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

        if self.width < NARROW {
            self.theme_lines(report, text_width, out)?;
        } else {
            self.theme_table(report, out)?;
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
    /// The themes as a table, one row each.
    fn theme_table(&self, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
        let color = self.color;
        let mut table = comfy_table::Table::new();
        table
            .load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        table.set_width(self.width);
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        // A narrower terminal loses the bar.
        let columns = if self.width < WITH_BAR { 6 } else { 7 };
        let header = ["Theme", "Score", "Target", "Gap", "Band", "Answered", ""];
        table.set_header(header.iter().take(columns).map(|h| {
            let cell = Cell::new(h);
            if color {
                cell.add_attribute(comfy_table::Attribute::Bold)
            } else {
                cell
            }
        }));
        for theme in &report.themes {
            table.add_row(self.row(theme).into_iter().take(columns));
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
        Ok(())
    }

    /// The themes as lines, for terminals too narrow for the table.
    fn theme_lines(
        &self,
        report: &Report,
        width: usize,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        for theme in &report.themes {
            let line = match (theme.score, theme.gap) {
                (Some(score), Some(gap)) => format!(
                    "{}: {} (target {}, gap {}, {})",
                    clean_line(&theme.title),
                    whole(score),
                    whole(theme.target),
                    whole(gap),
                    theme.band.as_deref().map(clean_line).unwrap_or_default()
                ),
                _ => format!(
                    "{}: not enough answers ({} answered)",
                    clean_line(&theme.title),
                    percent(theme.coverage)
                ),
            };
            for line in wrap(&line, width, "", "   ") {
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }

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
