//! The gap report as a self-contained HTML page (a radar chart of theme
//! scores against targets, then the report's tables and lists), and the
//! radar chart alone as SVG.

use std::fmt::Write as _;
use std::io::Write;

use super::{Block, Extras, Render, sections, theme_columns};
use crate::plan::Status;
use crate::render::page::{self, Cell, escape};
use crate::render::svg::{self, Radar, Series, Style};
use crate::render::text::{self, change_short, percent, score_text, whole};
use crate::report::{Report, ThemeReport};
use crate::trend::Change;

/// Renders the report as an HTML page.
#[derive(Debug)]
pub struct Html;

/// Renders the radar chart alone, as SVG.
#[derive(Debug)]
pub struct Svg;

/// The radar of a report: its scores against its targets.
pub fn radar(report: &Report) -> Radar {
    Radar {
        ids: report.themes.iter().map(|t| t.id.clone()).collect(),
        labels: report.themes.iter().map(|t| t.title.clone()).collect(),
        details: report
            .themes
            .iter()
            .map(|t| match t.score {
                Some(_) => format!("{} / {}", score_text(t), whole(t.target)),
                None => format!("not scored / {}", whole(t.target)),
            })
            .collect(),
        marks: vec![None; report.themes.len()],
        series: vec![
            Series {
                name: "Score".to_owned(),
                style: Style::Score,
                values: report.themes.iter().map(|t| t.score).collect(),
            },
            Series {
                name: "Target".to_owned(),
                style: Style::Target,
                values: report.themes.iter().map(|t| Some(t.target)).collect(),
            },
        ],
        band: None,
    }
}

/// The radar of `report` with what `extras` adds: the manager's own scores
/// beside a team's, the cohort's middle half under the scores.
fn chart(report: &Report, extras: &Extras) -> Radar {
    let mut chart = with_self(radar(report), report, extras.beside.as_ref());
    if let Some(norms) = &extras.norms {
        let band: Option<Vec<(f64, f64)>> = report
            .themes
            .iter()
            .map(|t| {
                norms
                    .find(&report.questionnaire.id, &t.hash)
                    .map(|n| (n.p25, n.p75))
            })
            .collect();
        chart.band = band.map(|band| ("Cohort's middle half".to_owned(), band));
    }
    chart
}

/// A team report's radar with the manager's own scores added, when known.
fn with_self(mut chart: Radar, report: &Report, beside: Option<&Report>) -> Radar {
    if let Some(own) = beside.filter(|_| report.team.is_some()) {
        chart.series.insert(
            0,
            Series {
                name: "Self".to_owned(),
                style: Style::Other,
                values: report
                    .themes
                    .iter()
                    .map(|t| own.theme(&t.id).and_then(|o| o.score))
                    .collect(),
            },
        );
        chart.series[1].name = "Team".to_owned();
    }
    chart
}

/// What the radar shows, in words, for readers who cannot see its lines.
fn caption(chart: &Radar) -> String {
    let band = if chart.band.is_some() {
        " The grey band is the cohort's middle half: a quarter of the cohort scored below it, \
         a quarter above."
    } else {
        ""
    };
    let lines = if chart.series.len() > 2 {
        "The team's score per theme (solid line, hatched, round markers) and the manager's own \
         (dotted line, triangles) against the target (dashed line, square markers). \
         The centre is 0, the outer ring 100."
    } else {
        "Score per theme (solid line, hatched, round markers) against its target \
         (dashed line, square markers). The centre is 0, the outer ring 100."
    };
    format!("{lines}{band}")
}

fn chart_title(report: &Report) -> String {
    format!("{}: scores against targets", report.questionnaire.title)
}

impl Render for Svg {
    fn render(&self, report: &Report, extras: &Extras, out: &mut dyn Write) -> std::io::Result<()> {
        let chart = chart(report, extras);
        writeln!(out, "{}", svg::radar(&chart, &chart_title(report)))
    }
}

impl Render for Html {
    fn render(&self, report: &Report, extras: &Extras, out: &mut dyn Write) -> std::io::Result<()> {
        let trend = &extras.trend;
        let mut body = String::new();
        let _ = writeln!(
            body,
            "<header><h1>Gap report: {}</h1>",
            escape(&report.questionnaire.title)
        );
        let _ = writeln!(
            body,
            "<p class=\"sub\">{}</p></header>",
            escape(&text::subtitle(report))
        );
        let _ = writeln!(
            body,
            "<p class=\"overall\"><strong>{}</strong></p>",
            escape(&text::overall_line(report))
        );
        let _ = writeln!(
            body,
            "<p class=\"history\">{}</p>",
            escape(&text::history_line(trend))
        );
        if let Some(context) = text::context_line(report) {
            let _ = writeln!(body, "<p class=\"context\">{}</p>", escape(&context));
        }
        let chart = chart(report, extras);
        body.push_str(&page::radar_figure(
            &chart,
            &chart_title(report),
            &caption(&chart),
        ));

        let history = !trend.is_baseline();
        let basis = text::has_basis(report);
        let columns = theme_columns(history, basis);
        let header: Vec<(&str, bool)> = columns
            .iter()
            .map(|c| (c.label.as_str(), c.numeric))
            .collect();
        let rows: Vec<Vec<Cell>> = report
            .themes
            .iter()
            .zip(&trend.themes)
            .map(|(theme, theme_trend)| {
                let mut row = vec![Cell::text(&theme.title), Cell::number(&score_text(theme))];
                if basis {
                    row.push(Cell::number(&text::sub_score(theme.facts)));
                    row.push(Cell::number(&text::sub_score(theme.views)));
                }
                if history {
                    row.push(Cell::number(&change_short(theme_trend.change, theme.score)));
                }
                row.push(Cell::number(&whole(theme.target)));
                row.push(Cell::number(&text::gap_text(theme)));
                row.push(Cell::text(
                    &theme.band.clone().unwrap_or_else(|| text::unscored(report)),
                ));
                row.push(Cell::number(&percent(theme.coverage)));
                if history {
                    row.push(Cell {
                        html: svg::sparkline(&theme_trend.points),
                        numeric: false,
                    });
                }
                row
            })
            .collect();
        body.push_str(&page::table(&header, &rows));
        if report.themes.iter().any(ThemeReport::provisional) {
            let _ = writeln!(
                body,
                "<p class=\"footnote\">{}</p>",
                escape(text::PROVISIONAL_NOTE)
            );
        }
        if trend
            .themes
            .iter()
            .any(|t| t.change == Change::QuestionsChanged)
        {
            let _ = writeln!(
                body,
                "<p class=\"footnote\">{}</p>",
                escape(text::NOT_COMPARABLE_NOTE)
            );
        }

        for section in sections(report, extras, true) {
            if let Some(title) = &section.title {
                let _ = writeln!(body, "<h2>{}</h2>", escape(title));
            }
            for block in &section.blocks {
                body.push_str(&self::block(block, 3));
            }
        }
        let title = format!(
            "Gap report: {} ({})",
            report.questionnaire.title,
            text::who(report)
        );
        out.write_all(page::page(&title, &body).as_bytes())
    }
}

/// One block as HTML; `level` is the heading level of its subheadings.
fn block(block: &Block, level: usize) -> String {
    let mut html = String::new();
    match block {
        Block::Text(text) => {
            let _ = writeln!(html, "<p>{}</p>", escape(text));
        }
        Block::Note(text) => {
            let _ = writeln!(html, "<p class=\"footnote\">{}</p>", escape(text));
        }
        Block::Sub(text) => {
            let _ = writeln!(html, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Lines(items) | Block::Bullets(items) => html.push_str(&page::list(items)),
        Block::Ranked(entries) => {
            html.push_str("<ol>\n");
            for entry in entries {
                let _ = write!(html, "<li><strong>{}</strong>", escape(&entry.title));
                if let Some(detail) = &entry.detail {
                    let _ = write!(html, ": {}", escape(detail));
                }
                html.push_str(&page::list(&entry.lines));
                html.push_str("</li>\n");
            }
            html.push_str("</ol>\n");
        }
        Block::Entries(entries) => {
            html.push_str("<ul>\n");
            for entry in entries {
                let _ = write!(html, "<li><strong>{}</strong>", escape(&entry.title));
                for line in &entry.lines {
                    let _ = write!(html, "<br/>{}", escape(line));
                }
                html.push_str("</li>\n");
            }
            html.push_str("</ul>\n");
        }
        Block::Table(table) => html.push_str(&self::table(table)),
        Block::Fold { summary, blocks } => {
            let _ = writeln!(html, "<details><summary>{}</summary>", escape(summary));
            for inner in blocks {
                html.push_str(&self::block(inner, level + 1));
            }
            html.push_str("</details>\n");
        }
        Block::Checklist(items) => {
            html.push_str("<ul class=\"plan\">\n");
            for made in items {
                let class = match made.status {
                    Status::Open => "",
                    Status::Done => " class=\"done\"",
                    Status::Dropped => " class=\"dropped\"",
                };
                let _ = write!(html, "<li{class}>{}", escape(&made.line));
                if let Some(note) = &made.note {
                    let _ = write!(html, "<blockquote>{}</blockquote>", paragraphs(note));
                }
                html.push_str("</li>\n");
            }
            html.push_str("</ul>\n");
        }
        Block::Quotes(quotes) => {
            for quote in quotes {
                let _ = writeln!(
                    html,
                    "<p><strong>{}</strong> ({})</p>",
                    escape(&quote.lead),
                    escape(&quote.after)
                );
                let _ = writeln!(html, "<blockquote>{}</blockquote>", paragraphs(&quote.text));
            }
        }
        Block::Said { about, notes } => {
            let _ = writeln!(html, "<h{level}>{}</h{level}>", escape(about));
            for (who, text) in notes {
                let _ = writeln!(html, "<p><strong>{}:</strong></p>", escape(who));
                let _ = writeln!(html, "<blockquote>{}</blockquote>", paragraphs(text));
            }
        }
    }
    html
}

/// A section's table: numbers aligned right.
fn table(table: &super::Table) -> String {
    let header: Vec<(&str, bool)> = table
        .columns
        .iter()
        .map(|c| (c.label.as_str(), c.numeric))
        .collect();
    let rows: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&table.columns)
                .map(|(cell, column)| {
                    if column.numeric {
                        Cell::number(cell)
                    } else {
                        Cell::text(cell)
                    }
                })
                .collect()
        })
        .collect();
    page::table(&header, &rows)
}

/// Lines of text, escaped, joined with line breaks.
pub fn paragraphs(text: &str) -> String {
    crate::output::clean(text)
        .lines()
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br/>")
}
