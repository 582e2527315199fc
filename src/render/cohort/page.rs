//! `cohort --format html`: one self-contained page for a programme or a
//! mentor of several people — who stands where on which theme (a grid
//! coloured by the distance to each person's target, with a mark that says
//! the same), each theme's distribution against the target and the norms'
//! middle half, and who is due. No script; a wide grid scrolls in its own
//! box, so the page fits a phone; it prints.

use std::fmt::Write;

use super::{Standing, View, cell_words, made_line, middle, theme_words};
use crate::cohort::{Group, MIN_GROUP, ThemeStats};
use crate::render::page::{self, Cell, escape};
use crate::render::roster::{due_sentence, status_words, unnamed_sentence};
use crate::render::svg::n;
use crate::render::text::whole;

/// The page's own styles, after the shared ones: the grid's colours (dark
/// text on light fills, for contrast), its sticky first column and the
/// distribution strips.
const STYLE: &str = "\
body{max-width:80rem}\
table.cohort{width:auto;min-width:100%;font-size:.9rem}\
table.cohort tbody th{border-bottom:1px solid #ddd}\
table.cohort th,table.cohort td{padding:.3rem .45rem}\
table.cohort th[scope=row]{position:sticky;left:0;background:#fff;white-space:nowrap}\
table.cohort td{white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums}\
td.met,.swatch.met{background:#d9f2de}td.near,.swatch.near{background:#fdf1c7}\
td.below,.swatch.below{background:#fcdcc8}td.far,.swatch.far{background:#f7c4c4}\
td.unscored,.swatch.unscored{background:#eeeeee}\
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}\
.swatch{display:inline-block;width:1rem;height:1rem;border:1px solid #999;vertical-align:middle;margin-right:.35rem}\
.themes{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.5rem 1.5rem}\
.themes h4{margin:.75rem 0 .25rem}.themes p{margin:.25rem 0}\
svg.strip{width:100%;max-width:22rem;height:auto;display:block}\
svg.strip .dot{fill:#1f4e79}svg.strip .target{stroke:#a33a00;stroke-width:2;stroke-dasharray:4 3}\
svg.strip .band{fill:#cfcfcf}svg.strip .axis{stroke:#999}svg.strip text{font-size:14px;fill:#444}\
@media print{.wide{overflow:visible}table.cohort th[scope=row]{position:static}}";

/// The page of `view`.
pub fn page(view: &View<'_>) -> String {
    let mut body = String::new();
    let cohort = view.cohort;
    let _ = writeln!(body, "<h1>Cohort</h1>");
    let _ = writeln!(body, "<p class=\"sub\">{}</p>", escape(&made_line(view)));
    if cohort.groups.is_empty() {
        let _ = writeln!(
            body,
            "<p>No self-assessments with a respondent name in these folders.</p>"
        );
    }
    for group in &cohort.groups {
        group_section(&mut body, view, group);
    }
    if let Some(due) = &view.due {
        due_section(&mut body, due);
    }
    page::page_with_style("leadgap cohort", STYLE, &body)
}

/// One questionnaire's people: the grid, then each theme.
fn group_section(body: &mut String, view: &View<'_>, group: &Group) {
    let versions = super::versions(group);
    let _ = writeln!(
        body,
        "<h2>{} <span class=\"sub\">({} {})</span></h2>",
        escape(&group.title),
        escape(&group.questionnaire),
        escape(&versions)
    );
    if group.hidden {
        let _ = writeln!(
            body,
            "<p>Hidden: fewer than {MIN_GROUP} people, who could be recognised.</p>"
        );
        return;
    }
    let _ = writeln!(
        body,
        "<p>Each person's score per theme, coloured by how far it is from their own \
         target; the mark says the same: ✓ met, −N the points still to go, ✗ the score \
         reaches the target but the facts do not.</p>"
    );
    // The grid, in its own scrolling box.
    let _ = write!(
        body,
        "<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"{}: people by \
         theme\"><table class=\"cohort cards\">\n<thead><tr><th scope=\"col\">Person</th>",
        escape(&group.title)
    );
    for theme in &group.themes {
        let _ = write!(
            body,
            "<th scope=\"col\" class=\"num\">{}</th>",
            escape(&theme.title)
        );
    }
    body.push_str("</tr></thead>\n<tbody>\n");
    for person in &group.people {
        let _ = write!(body, "<tr><th scope=\"row\">{}</th>", escape(&person.name));
        for (theme, stats) in person.themes.iter().zip(&group.themes) {
            let standing = Standing::of(theme);
            let title = match (theme.score, theme.target) {
                (Some(score), Some(target)) => format!(
                    "{}: {} against a target of {}",
                    stats.title,
                    whole(score),
                    whole(target)
                ),
                _ => format!("{}: not scored", stats.title),
            };
            let _ = write!(
                body,
                "<td class=\"{}\" title=\"{}\" data-label=\"{}\">{}</td>",
                standing.name(),
                escape(&title),
                escape(&stats.title),
                escape(&cell_words(theme))
            );
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table></div>\n<ul class=\"legend\">");
    for standing in [
        Standing::Met,
        Standing::Near,
        Standing::Below,
        Standing::Far,
        Standing::Unscored,
    ] {
        let _ = write!(
            body,
            "<li><span class=\"swatch {}\"></span>{}</li>",
            standing.name(),
            escape(standing.words())
        );
    }
    body.push_str("</ul>\n");

    // Each theme: its distribution, the target and the norms' middle half.
    let _ = writeln!(
        body,
        "<h3>Per theme</h3>\n<p>Each dot is a person's score; the dashed line is the \
         target (the middle of the people's targets){}.</p>\n<div class=\"themes\">",
        if view.norms.is_some() {
            "; the grey band is the middle half of the norms"
        } else {
            ""
        }
    );
    let people = group.size.unwrap_or(group.people.len());
    for theme in &group.themes {
        let middle = middle(view, group, theme);
        let _ = writeln!(body, "<section><h4>{}</h4>", escape(&theme.title));
        if theme.hidden {
            let _ = writeln!(
                body,
                "<p>Hidden: fewer than {MIN_GROUP} people have a score for it.</p></section>"
            );
            continue;
        }
        let words = theme_words(theme, middle, people);
        body.push_str(&strip(theme, middle, &words));
        let _ = writeln!(
            body,
            "<p class=\"footnote\">{}.</p></section>",
            escape(&words)
        );
    }
    body.push_str("</div>\n");
}

/// A theme's scores as dots on a line from 0 to 100, with the target as a
/// dashed mark and the norms' middle half as a grey band.
fn strip(theme: &ThemeStats, middle: Option<(f64, f64)>, words: &str) -> String {
    const WIDTH: f64 = 320.0;
    const LEFT: f64 = 10.0;
    const RIGHT: f64 = 310.0;
    let x = |score: f64| LEFT + (RIGHT - LEFT) * score.clamp(0.0, 100.0) / 100.0;
    let mut svg = format!(
        "<svg class=\"strip\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} 44\" \
         role=\"img\" aria-label=\"{}\">",
        n(WIDTH),
        escape(&format!("{}: {words}", theme.title))
    );
    if let Some((low, high)) = middle {
        let _ = write!(
            svg,
            "<rect class=\"band\" x=\"{}\" y=\"6\" width=\"{}\" height=\"20\"/>",
            n(x(low)),
            n(x(high) - x(low))
        );
    }
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{}\" y1=\"16\" x2=\"{}\" y2=\"16\"/>",
        n(LEFT),
        n(RIGHT)
    );
    if let Some(target) = theme.target {
        let _ = write!(
            svg,
            "<line class=\"target\" x1=\"{0}\" y1=\"2\" x2=\"{0}\" y2=\"30\"/>",
            n(x(target))
        );
    }
    // Equal scores side by side rather than on top of each other.
    let mut previous: Option<(f64, usize)> = None;
    for &score in &theme.scores {
        let stack = match previous {
            Some((last, count)) if (last - score).abs() < 1.0 => count + 1,
            _ => 0,
        };
        previous = Some((score, stack));
        let _ = write!(
            svg,
            "<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"4\"/>",
            n(x(score)),
            n(16.0 - 6.0 * stack as f64 % 18.0)
        );
    }
    for (value, anchor) in [(0.0, "start"), (100.0, "end")] {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"42\" text-anchor=\"{anchor}\">{}</text>",
            n(x(value)),
            n(value)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Everyone on the roster: who is due.
fn due_section(body: &mut String, due: &super::Due<'_>) {
    let _ = writeln!(body, "<h2>Who is due</h2>");
    let _ = writeln!(
        body,
        "<p>{}</p>",
        escape(&due_sentence(&due.roster.entries, due.every))
    );
    let rows: Vec<Vec<Cell>> = due
        .roster
        .entries
        .iter()
        .map(|entry| {
            vec![
                Cell::text(&entry.name),
                Cell::text(
                    &entry
                        .latest
                        .map_or_else(|| "never".to_owned(), |d| d.to_string()),
                ),
                Cell::number(&entry.days.map(|d| d.to_string()).unwrap_or_default()),
                Cell::text(&status_words(entry)),
            ]
        })
        .collect();
    body.push_str(&page::table(
        &[
            ("Person", false),
            ("Latest self-assessment", false),
            ("Days ago", true),
            ("", false),
        ],
        &rows,
    ));
    if let Some(sentence) = unnamed_sentence(due.roster) {
        let _ = writeln!(body, "<p>{}</p>", escape(&sentence));
    }
}
