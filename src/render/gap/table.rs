//! The gap report as a table for the terminal.

use std::io::Write;

use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, presets};

use super::{Block, Extras, Render, Section, sections, theme_columns};
use crate::output::{clean, clean_line, paint, styles, wrap};
use crate::plan::Status;
use crate::render::text::{self, change_short, percent, sparkline, whole};
use crate::render::{Look, align_right, listing_table};
use crate::report::{Report, ThemeReport};
use crate::trend::{Change, ThemeTrend, Trend};

/// Renders the report for a terminal.
#[derive(Debug)]
pub struct Table {
    /// Color and width.
    pub look: Look,
}

/// Gaps up to this size are "near" the target (yellow rather than red).
const NEAR_GAP: f64 = 10.0;

/// Below this width the themes are listed as lines instead of a table.
const NARROW: u16 = 60;

/// From this width up the table has a score bar (or, with history, a trend
/// line).
const WITH_BAR: u16 = 100;

/// Width of the score bar, in cells.
const BAR_CELLS: usize = 10;

/// Advice and notes wrap at this width at most, for readability.
const TEXT_WIDTH: usize = 88;

impl Render for Table {
    fn render(&self, report: &Report, extras: &Extras, out: &mut dyn Write) -> std::io::Result<()> {
        let trend = &extras.trend;
        let heading = |text: &str| paint(self.look.color, styles::HEADING, text);
        let dim = |text: &str| paint(self.look.color, styles::DIM, text);
        let width = usize::from(self.look.width).min(TEXT_WIDTH);
        let title = format!("Gap report: {}", clean_line(&report.questionnaire.title));
        for line in wrap(&title, width, "", "") {
            writeln!(out, "{}", heading(&line))?;
        }
        for line in wrap(&clean_line(&text::subtitle(report)), width, "", "") {
            writeln!(out, "{}", dim(&line))?;
        }
        writeln!(out)?;
        for line in wrap(&text::overall_line(report), width, "", "") {
            writeln!(out, "{}", heading(&line))?;
        }
        for line in wrap(&text::history_line(trend), width, "", "") {
            writeln!(out, "{}", dim(&line))?;
        }
        for line in text::context_line(report)
            .iter()
            .flat_map(|c| wrap(&clean_line(c), width, "", ""))
        {
            writeln!(out, "{}", dim(&line))?;
        }
        writeln!(out)?;

        if self.look.width < NARROW {
            self.theme_lines(report, trend, width, out)?;
        } else {
            self.theme_table(report, trend, out)?;
        }
        if report.themes.iter().any(ThemeReport::provisional) {
            writeln!(out, "{}", dim(text::PROVISIONAL_NOTE))?;
        }
        if trend
            .themes
            .iter()
            .any(|t| t.change == Change::QuestionsChanged)
        {
            writeln!(out, "{}", dim(text::NOT_COMPARABLE_NOTE))?;
        }

        for section in sections(report, extras, extras.answers) {
            self.section(&section, width, out)?;
        }
        Ok(())
    }
}

impl Table {
    /// Lays out one section: a blank line, its heading, its blocks.
    fn section(&self, section: &Section, width: usize, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out)?;
        if let Some(title) = &section.title {
            for line in wrap(&clean_line(title), width, "", "") {
                writeln!(out, "{}", paint(self.look.color, styles::HEADING, &line))?;
            }
        }
        for block in &section.blocks {
            self.block(block, width, out)?;
        }
        Ok(())
    }

    /// Lays out one block.
    fn block(&self, block: &Block, width: usize, out: &mut dyn Write) -> std::io::Result<()> {
        let heading = |text: &str| paint(self.look.color, styles::HEADING, text);
        let paragraph =
            |out: &mut dyn Write, text: &str, first: &str, rest: &str| -> std::io::Result<()> {
                for line in wrap(&clean_line(text), width, first, rest) {
                    writeln!(out, "{line}")?;
                }
                Ok(())
            };
        // Text of several lines (a note, an example): each line wrapped.
        let lines = |out: &mut dyn Write, text: &str, first: &str, rest: &str| {
            let mut lead = Some(first);
            clean(text)
                .lines()
                .try_for_each(|line| paragraph(out, line, lead.take().unwrap_or(rest), rest))
        };
        match block {
            Block::Text(text) => paragraph(out, text, "", ""),
            Block::Note(text) => {
                for line in wrap(&clean_line(text), width, "", "") {
                    writeln!(out, "{}", paint(self.look.color, styles::DIM, &line))?;
                }
                Ok(())
            }
            Block::Sub(text) => {
                writeln!(out)?;
                writeln!(out, "{}", heading(&clean_line(text)))
            }
            Block::Lines(items) => items
                .iter()
                .try_for_each(|item| paragraph(out, item, "   ", "     ")),
            Block::Bullets(items) => items
                .iter()
                .try_for_each(|item| paragraph(out, item, "   - ", "     ")),
            Block::Ranked(entries) => {
                for (rank, entry) in entries.iter().enumerate() {
                    let line = match &entry.detail {
                        Some(detail) => format!("{}. {}: {detail}", rank + 1, entry.title),
                        None => format!("{}. {}", rank + 1, entry.title),
                    };
                    for line in wrap(&clean_line(&line), width, "", "   ") {
                        writeln!(out, "{}", heading(&line))?;
                    }
                    for item in &entry.lines {
                        paragraph(out, item, "   - ", "     ")?;
                    }
                }
                Ok(())
            }
            Block::Entries(entries) => {
                for entry in entries {
                    paragraph(out, &entry.title, "   ", "   ")?;
                    for item in &entry.lines {
                        paragraph(out, item, "     ", "       ")?;
                    }
                }
                Ok(())
            }
            Block::Table(table) => self.table(table, "", out),
            Block::Fold { summary, blocks } => {
                writeln!(out)?;
                writeln!(out, "   {}", clean_line(summary))?;
                for block in blocks {
                    match block {
                        Block::Table(table) => self.table(table, "   ", out)?,
                        other => self.block(other, width, out)?,
                    }
                }
                Ok(())
            }
            Block::Checklist(items) => {
                for made in items {
                    let mark = match made.status {
                        Status::Open => "   [ ] ",
                        Status::Done => "   [x] ",
                        Status::Dropped => "   [-] ",
                    };
                    paragraph(out, &made.line, mark, "       ")?;
                    if let Some(note) = &made.note {
                        lines(out, note, "       > ", "       > ")?;
                    }
                }
                Ok(())
            }
            Block::Quotes(quotes) => {
                for quote in quotes {
                    paragraph(
                        out,
                        &format!("{} ({})", quote.lead, quote.after),
                        "   ",
                        "   ",
                    )?;
                    lines(out, &quote.text, "     ", "     ")?;
                }
                Ok(())
            }
            Block::Said { about, notes } => {
                writeln!(out, "   {}", clean_line(about))?;
                for (who, text) in notes {
                    lines(out, text, &format!("     {}: ", clean_line(who)), "       ")?;
                }
                Ok(())
            }
        }
    }

    /// A table of a section, each line after `indent`.
    fn table(
        &self,
        table: &super::Table,
        indent: &str,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        let mut laid = listing_table(Look {
            width: self.look.width.saturating_sub(indent.len() as u16),
            ..self.look
        });
        laid.set_header(
            table
                .columns
                .iter()
                .map(|c| clean_line(&c.label).into_owned()),
        );
        for row in &table.rows {
            laid.add_row(row.iter().map(|cell| clean_line(cell).into_owned()));
        }
        align_right(
            &mut laid,
            table
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.numeric)
                .map(|(i, _)| i),
        );
        for line in laid.lines() {
            writeln!(out, "{indent}{}", line.trim_end())?;
        }
        Ok(())
    }

    /// The themes as a table, one row each. Narrower terminals lose the bar
    /// (or trend line), then the "To target" column.
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
            .set_width(self.look.width);
        if self.look.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let history = !trend.is_baseline();
        let columns = Columns {
            change: history,
            last: (self.look.width >= WITH_BAR).then_some(if history { "Trend" } else { "" }),
            unscored: text::unscored(report),
            basis: text::has_basis(report),
        };
        // The last column, a trend line (with history) or a bar, only on a
        // wide terminal.
        let mut header = theme_columns(history, columns.basis);
        match (history, columns.last.is_some()) {
            (true, false) => {
                header.pop();
            }
            (false, true) => header.push(super::Column::text("")),
            _ => {}
        }
        table.set_header(header.iter().map(|column| {
            let cell = Cell::new(&column.label);
            if self.look.color {
                cell.add_attribute(comfy_table::Attribute::Bold)
            } else {
                cell
            }
        }));
        for (theme, theme_trend) in report.themes.iter().zip(&trend.themes) {
            table.add_row(self.row(theme, theme_trend, &columns));
        }
        for (index, column) in header.iter().enumerate() {
            if column.numeric
                && let Some(column) = table.column_mut(index)
            {
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
                change => format!(", change {}", change_short(change, theme.score)),
            };
            let line = match (theme.score, theme.gap) {
                (Some(_), Some(gap)) => format!(
                    "{}: {} (target {}, gap {}, {}{change})",
                    clean_line(&theme.title),
                    text::score_text(theme),
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

    /// One theme's cells, in the order of the header.
    fn row(&self, theme: &ThemeReport, trend: &ThemeTrend, columns: &Columns) -> Vec<Cell> {
        let tinted = |text: String, color: Color| {
            let cell = Cell::new(text);
            if self.look.color {
                cell.fg(color)
            } else {
                cell
            }
        };
        let grey = |text: &str| tinted(text.to_owned(), Color::DarkGrey);
        let tint = match theme.gap {
            Some(_) if theme.met() => Color::Green,
            Some(gap) if gap <= 0.0 => Color::Yellow,
            Some(gap) if gap <= NEAR_GAP => Color::Yellow,
            _ => Color::Red,
        };
        let scored = theme.score.is_some();
        let mut cells = vec![Cell::new(clean_line(&theme.title))];
        cells.push(if scored {
            Cell::new(text::score_text(theme))
        } else {
            grey("—")
        });
        if columns.basis {
            cells.push(Cell::new(text::sub_score(theme.facts)));
            cells.push(Cell::new(text::sub_score(theme.views)));
        }
        if columns.change {
            let change_tint = match trend.change.delta() {
                Some(delta) if delta >= 0.5 => Color::Green,
                Some(delta) if delta <= -0.5 => Color::Red,
                _ => Color::DarkGrey,
            };
            cells.push(tinted(change_short(trend.change, theme.score), change_tint));
        }
        cells.push(Cell::new(whole(theme.target)));
        cells.push(match theme.gap {
            Some(_) => tinted(text::gap_text(theme), tint),
            None => grey("—"),
        });
        cells.push(match &theme.band {
            Some(band) => Cell::new(clean_line(band)),
            None => grey(&columns.unscored),
        });
        cells.push(Cell::new(percent(theme.coverage)));
        if columns.last.is_some() {
            cells.push(match theme.score {
                _ if columns.change => Cell::new(sparkline(&trend.points)),
                Some(score) => tinted(bar(score, theme.target, BAR_CELLS), tint),
                None => Cell::new(""),
            });
        }
        cells
    }
}

/// Which optional columns a table has.
struct Columns {
    /// The change since the previous report (only with history).
    change: bool,
    /// The header of the last column (bar or trend), if shown.
    last: Option<&'static str>,
    /// What an unscored theme's band says.
    unscored: String,
    /// Whether the facts and views sub-scores are shown.
    basis: bool,
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
