//! The gap report as a table for the terminal.

use std::io::Write;

use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, presets};

use super::{Render, Report, ThemeReport, percent, whole};
use crate::history::{Change, ThemeTrend, Trend, sparkline};
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

/// From this width up the table has a score bar (or, with history, a trend).
const WITH_BAR: u16 = 78;

/// Width of the score bar, in cells.
const BAR_CELLS: usize = 10;

/// Advice and notes wrap at this width at most, for readability.
const TEXT_WIDTH: usize = 88;

impl Render for Table {
    fn render(&self, report: &Report, trend: &Trend, out: &mut dyn Write) -> std::io::Result<()> {
        let color = self.color;
        let heading = |text: &str| paint(color, styles::HEADING, text);
        let dim = |text: &str| paint(color, styles::DIM, text);
        let text_width = usize::from(self.width).min(TEXT_WIDTH);

        let title = format!("Gap report: {}", clean_line(&report.questionnaire.title));
        for line in wrap(&title, text_width, "", "") {
            writeln!(out, "{}", heading(&line))?;
        }
        for line in wrap(&clean_line(&super::subtitle(report)), text_width, "", "") {
            writeln!(out, "{}", dim(&line))?;
        }
        writeln!(out)?;
        writeln!(out, "{}", heading(&super::overall_line(report)))?;
        for line in wrap(&super::history_line(trend), text_width, "", "") {
            writeln!(out, "{}", dim(&line))?;
        }
        writeln!(out)?;

        if self.width < NARROW {
            self.theme_lines(report, trend, text_width, out)?;
        } else {
            self.theme_table(report, trend, out)?;
        }
        if trend
            .themes
            .iter()
            .any(|t| t.change == Change::QuestionsChanged)
        {
            writeln!(out, "{}", dim(super::NOT_COMPARABLE_NOTE))?;
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

        let notes = super::notes(report);
        if !notes.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", heading("Notes"))?;
            for (theme, entries) in notes {
                writeln!(out, "   {}", clean_line(&theme))?;
                for (who, text) in entries {
                    let first = format!("     {}: ", clean_line(&who));
                    let mut first = Some(first.as_str());
                    for paragraph in clean(&text).lines() {
                        for line in wrap(
                            paragraph,
                            text_width,
                            first.take().unwrap_or("       "),
                            "       ",
                        ) {
                            writeln!(out, "{line}")?;
                        }
                    }
                }
            }
        }

        writeln!(out)?;
        writeln!(out, "{}", dim(&super::answered_line(report)))?;
        Ok(())
    }
}

impl Table {
    /// The themes as a table, one row each.
    fn theme_table(
        &self,
        report: &Report,
        trend: &Trend,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        let mut table = comfy_table::Table::new();
        table
            .load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let history = !trend.is_baseline();
        // The last column is the score bar, or with history the trend line; a
        // narrower terminal loses it.
        let mut header = vec!["Theme", "Score"];
        if history {
            header.push("Change");
        }
        header.extend(["Target", "Gap", "Band", "Answered"]);
        if self.width >= WITH_BAR {
            header.push(if history { "Trend" } else { "" });
        }
        let columns = header.len();
        table.set_header(header.iter().map(|h| {
            let cell = Cell::new(h);
            if self.color {
                cell.add_attribute(comfy_table::Attribute::Bold)
            } else {
                cell
            }
        }));
        for (theme, theme_trend) in report.themes.iter().zip(&trend.themes) {
            table.add_row(
                self.row(theme, theme_trend, history)
                    .into_iter()
                    .take(columns),
            );
        }
        let numeric = if history { 1..=4 } else { 1..=3 };
        for index in numeric.chain([if history { 6 } else { 5 }]) {
            if let Some(column) = table.column_mut(index) {
                column.set_cell_alignment(CellAlignment::Right);
            }
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
        trend: &Trend,
        width: usize,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        for (theme, theme_trend) in report.themes.iter().zip(&trend.themes) {
            let change = match theme_trend.change {
                Change::Baseline => String::new(),
                change => format!(", change {}", change.short(theme.score)),
            };
            let line = match (theme.score, theme.gap) {
                (Some(score), Some(gap)) => format!(
                    "{}: {} (target {}, gap {}, {}{change})",
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

    /// One theme's cells: title, score, [change], target, gap, band,
    /// coverage, and the bar or the trend line.
    fn row(&self, theme: &ThemeReport, trend: &ThemeTrend, history: bool) -> Vec<Cell> {
        let tinted = |text: String, color: Color| {
            let cell = Cell::new(text);
            if self.color { cell.fg(color) } else { cell }
        };
        let mut cells = vec![Cell::new(clean_line(&theme.title))];
        let (Some(score), Some(gap)) = (theme.score, theme.gap) else {
            cells.push(tinted("—".to_owned(), Color::DarkGrey));
            if history {
                cells.push(tinted(trend.change.short(None), Color::DarkGrey));
            }
            cells.push(Cell::new(whole(theme.target)));
            cells.push(tinted("—".to_owned(), Color::DarkGrey));
            cells.push(tinted("not enough answers".to_owned(), Color::DarkGrey));
            cells.push(Cell::new(percent(theme.coverage)));
            cells.push(Cell::new(if history {
                sparkline(&trend.points)
            } else {
                String::new()
            }));
            return cells;
        };
        let tint = if gap <= 0.0 {
            Color::Green
        } else if gap <= NEAR_GAP {
            Color::Yellow
        } else {
            Color::Red
        };
        cells.push(Cell::new(whole(score)));
        if history {
            let change_tint = match trend.change.delta() {
                Some(delta) if delta >= 0.5 => Color::Green,
                Some(delta) if delta <= -0.5 => Color::Red,
                _ => Color::DarkGrey,
            };
            cells.push(tinted(trend.change.short(Some(score)), change_tint));
        }
        cells.push(Cell::new(whole(theme.target)));
        cells.push(tinted(whole(gap), tint));
        cells.push(Cell::new(
            theme.band.as_deref().map(clean_line).unwrap_or_default(),
        ));
        cells.push(Cell::new(percent(theme.coverage)));
        cells.push(if history {
            Cell::new(sparkline(&trend.points))
        } else {
            tinted(bar(score, theme.target, BAR_CELLS), tint)
        });
        cells
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
