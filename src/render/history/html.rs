//! `history` as charts: an HTML page per series (line charts, then the
//! grid of reports), or the charts alone as SVG.

use std::io::Write;

use super::{heading, overview};
use crate::render::Extras;
use crate::render::page::{self, Cell, escape};
use crate::render::svg;
use crate::render::text;
use crate::report::Report;

/// One small line chart per theme of a series (or only `only`): its scores
/// over time against the latest report's target.
fn line_charts(group: &[(&Report, Extras)], only: Option<&str>, prefix: &str) -> Vec<svg::Line> {
    let Some((latest, _)) = group.last() else {
        return Vec::new();
    };
    super::theme_ids(group)
        .into_iter()
        .filter(|(id, _)| only.is_none_or(|only| only == *id))
        .map(|(id, title)| svg::Line {
            id: id.to_owned(),
            title: format!("{prefix}{title}"),
            points: group
                .iter()
                .filter_map(|(r, _)| {
                    let date = r.created.date().to_string();
                    r.theme(id).map(|t| (date, t.score))
                })
                .collect(),
            target: latest.theme(id).map(|t| t.target),
        })
        .collect()
}

/// The charts of one series for the SVG of every series; with `several`
/// series, each chart's title says whose it is.
pub(super) fn svg_charts(
    group: &[(&Report, Extras)],
    only: Option<&str>,
    several: bool,
) -> Vec<svg::Line> {
    let prefix = match group.last() {
        Some((report, _)) if several => format!("{}: ", text::who(report)),
        _ => String::new(),
    };
    line_charts(group, only, &prefix)
}

/// The charts of every series as one SVG.
pub(super) fn svg(charts: &[svg::Line], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", svg::line_grid(charts, 3, "Scores over time"))
}

/// The start of the page's body: its heading, and whether there are no
/// reports at all.
pub(super) fn html_start(empty: bool) -> String {
    let mut body = String::from("<header><h1>History</h1>\n");
    body.push_str(
        "<p class=\"sub\">Each chart is one theme: the score in each report (solid line, round markers) \
         against the latest target (dashed line).</p></header>\n",
    );
    if empty {
        body.push_str("<p>No saved reports yet.</p>\n");
    }
    body
}

/// One series' part of the page (unless it lacks `only`): the line charts,
/// then the grid of reports.
pub(super) fn html_series(group: &[(&Report, Extras)], only: Option<&str>, body: &mut String) {
    if !super::has_theme(group, only) {
        return;
    }
    let Some((heading, (latest, _))) = heading(group).zip(group.last()) else {
        return;
    };
    body.push_str(&format!("<h2>{}</h2>\n", escape(&heading)));
    let charts = line_charts(group, only, "");
    // Three charts a row on a wide screen and on paper; one a row, at a
    // size whose labels can be read, on a phone.
    body.push_str(&format!(
        "<figure class=\"wide-only\">{}</figure>\n<figure class=\"narrow\">{}</figure>\n",
        svg::line_grid(&charts, 3, &text::who(latest)),
        svg::line_grid(&charts, 1, &text::who(latest))
    ));

    // Themes down, reports across, as in the terminal: a page stays
    // narrow however many themes there are.
    let grid = overview(group, 0, only);
    let header: Vec<(&str, bool)> = grid
        .header
        .iter()
        .enumerate()
        .map(|(index, h)| (h.as_str(), index > 0))
        .collect();
    let rows: Vec<Vec<Cell>> = grid
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(index, cell)| match index {
                    0 => Cell::text(cell),
                    _ => Cell::number(cell),
                })
                .collect()
        })
        .collect();
    body.push_str("<div class=\"wide\">\n");
    body.push_str(&page::table(&header, &rows));
    body.push_str("</div>\n");
    for (shown, note) in [
        (grid.provisional, text::PROVISIONAL_NOTE),
        (grid.not_comparable, text::NOT_COMPARABLE_NOTE),
    ] {
        if shown {
            body.push_str(&format!("<p class=\"footnote\">{}</p>\n", escape(note)));
        }
    }
}

/// The whole page around `body`.
pub(super) fn html_page(body: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(page::page("leadgap history", body).as_bytes())
}
