//! The gap report as a self-contained HTML page (a radar chart of theme
//! scores against targets, then the report's tables and lists), and the
//! radar chart alone as SVG.

use std::fmt::Write as _;
use std::io::Write;

use super::{Extras, Render, answers, norms, team};
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
        let chart = chart(report, extras);
        let _ = writeln!(
            body,
            "<figure>{}<figcaption>{}</figcaption></figure>",
            svg::radar(&chart, &chart_title(report)),
            caption(&chart)
        );

        let history = !trend.is_baseline();
        let mut header = vec![("Theme", false), ("Score", true)];
        if history {
            header.push(("Change", true));
        }
        header.extend([
            ("Target", true),
            ("Gap", true),
            ("Band", false),
            ("Answered", true),
        ]);
        if history {
            header.push(("Trend", false));
        }
        let rows: Vec<Vec<Cell>> = report
            .themes
            .iter()
            .zip(&trend.themes)
            .map(|(theme, theme_trend)| {
                let mut row = vec![Cell::text(&theme.title), Cell::number(&score_text(theme))];
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

        if let Some(view) = &report.team {
            let section = team::section(report, view, extras.beside.as_ref());
            body.push_str("<h2>The team's view</h2>\n");
            let _ = writeln!(body, "<p>{}</p>", escape(&section.heading));
            let header: Vec<(&str, bool)> = section
                .header
                .iter()
                .enumerate()
                .map(|(i, h)| (h.as_str(), i > 0 && !h.is_empty()))
                .collect();
            let rows: Vec<Vec<Cell>> = section
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .enumerate()
                        .map(|(i, c)| {
                            if i == 0 || section.header[i].is_empty() {
                                Cell::text(c)
                            } else {
                                Cell::number(c)
                            }
                        })
                        .collect()
                })
                .collect();
            body.push_str(&page::table(&header, &rows));
            for note in &section.notes {
                let _ = writeln!(body, "<p class=\"footnote\">{}</p>", escape(note));
            }
            if !section.mirrors.is_empty() {
                body.push_str("<h3>The same questions, both ways</h3>\n<ul>\n");
                for (question, own, counts) in &section.mirrors {
                    let _ = write!(body, "<li><strong>{}</strong>", escape(question));
                    if let Some(own) = own {
                        let _ = write!(body, "<br/>You: {}", escape(own));
                    }
                    let _ = writeln!(body, "<br/>Team: {}</li>", escape(counts));
                }
                body.push_str("</ul>\n");
            }
            for (title, lines) in [("Keep doing", &section.keep), ("Change", &section.change)] {
                if !lines.is_empty() {
                    let _ = writeln!(body, "<h3>{title}</h3>");
                    body.push_str(&page::list(lines));
                }
            }
        }

        if let Some(norms) = &extras.norms {
            let _ = writeln!(body, "<h2>{}</h2>", norms::HEADING);
            body.push_str(&page::list(&norms::section(report, trend, norms)));
        }

        let priorities: Vec<_> = report.shown_priorities().collect();
        if priorities.is_empty() {
            body.push_str("<h2>Every scored theme meets its target.</h2>\n");
        } else {
            body.push_str("<h2>Work on first</h2>\n<ol>\n");
            for theme in priorities {
                let _ = write!(
                    body,
                    "<li><strong>{}</strong>: {} against a target of {} ({})",
                    escape(&theme.title),
                    escape(&score_text(theme)),
                    whole(theme.target),
                    escape(theme.band.as_deref().unwrap_or_default())
                );
                body.push_str(&page::list(&theme.advice));
                body.push_str("</li>\n");
            }
            body.push_str("</ol>\n");
        }

        let follow = text::follow_through_lines(&extras.plan);
        if !follow.is_empty() {
            body.push_str("<h2>Follow-through on the last plan</h2>\n");
            body.push_str(&page::list(&follow));
        }
        let made = text::plan_lines(&extras.plan);
        if !made.is_empty() {
            body.push_str("<h2>Plan made with this report</h2>\n<ul class=\"plan\">\n");
            for made in made {
                let class = match made.status {
                    Status::Open => "",
                    Status::Done => " class=\"done\"",
                    Status::Dropped => " class=\"dropped\"",
                };
                let _ = write!(body, "<li{class}>{}", escape(&made.line));
                if let Some(note) = &made.note {
                    let _ = write!(body, "<blockquote>{}</blockquote>", paragraphs(note));
                }
                body.push_str("</li>\n");
            }
            body.push_str("</ul>\n");
        }
        let progress = text::progress_lines(report, trend);
        if !progress.is_empty() {
            body.push_str("<h2>Progress since the baseline</h2>\n");
            body.push_str(&page::list(&progress));
        }
        body.push_str("<h2>About these answers</h2>\n");
        body.push_str(&page::list(&text::quality_lines(report)));

        let examples = text::evidence(report);
        if !examples.is_empty() {
            body.push_str("<h2>Examples given</h2>\n");
            for (statement, answer, example) in examples {
                let _ = writeln!(
                    body,
                    "<p><strong>\"{}\"</strong> ({})</p>",
                    escape(statement),
                    escape(answer)
                );
                let _ = writeln!(body, "<blockquote>{}</blockquote>", paragraphs(example));
            }
        }
        body.push_str(&answer_listing(report));
        let notes = text::notes(report);
        if !notes.is_empty() {
            body.push_str("<h2>Notes</h2>\n");
            for (theme, entries) in notes {
                let _ = writeln!(body, "<h3>{}</h3>", escape(&theme));
                for (who, text) in entries {
                    let _ = writeln!(body, "<p><strong>{}:</strong></p>", escape(&who));
                    let _ = writeln!(body, "<blockquote>{}</blockquote>", paragraphs(&text));
                }
            }
        }
        let _ = writeln!(
            body,
            "<p class=\"footnote\">{}</p>",
            escape(&text::answered_line(report))
        );
        let title = format!(
            "Gap report: {} ({})",
            report.questionnaire.title,
            text::who(report)
        );
        out.write_all(page::page(&title, &body).as_bytes())
    }
}

/// Every answer, a folded table per theme, so that a mentor can open the
/// theme that looks wrong and see which answers pulled it down.
fn answer_listing(report: &Report) -> String {
    let groups = answers::by_theme(report);
    if groups.is_empty() {
        return String::new();
    }
    let mut html = String::from("<h2>Answers</h2>\n");
    let header: Vec<(&str, bool)> = answers::HEADER
        .iter()
        .map(|h| (*h, *h == "Points"))
        .collect();
    for group in groups {
        let rows: Vec<Vec<Cell>> = group
            .answers
            .iter()
            .map(|answer| {
                let [question, answer, points] = answers::row(answer);
                vec![
                    Cell::text(&question),
                    Cell::text(&answer),
                    Cell::number(&points),
                ]
            })
            .collect();
        let _ = write!(
            html,
            "<details><summary>{}</summary>\n{}</details>\n",
            escape(&group.heading()),
            page::table(&header, &rows)
        );
    }
    let _ = writeln!(
        html,
        "<p class=\"footnote\">{}</p>",
        escape(answers::POINTS_NOTE)
    );
    html
}

/// Lines of text, escaped, joined with line breaks.
pub fn paragraphs(text: &str) -> String {
    crate::output::clean(text)
        .lines()
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br/>")
}
