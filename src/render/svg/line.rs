//! Small line charts of one theme over time, alone or in a grid.

use std::fmt::Write;

use super::{STYLE, Style, escape, marker, n};

/// A small line chart of one theme over time.
#[derive(Clone, Debug)]
pub struct Line {
    /// The theme id (`data-theme`).
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// (date, score) per report, oldest first.
    pub points: Vec<(String, Option<f64>)>,
    /// The target, drawn as a dashed line.
    pub target: Option<f64>,
}

/// The size of a small line chart.
pub const LINE_WIDTH: f64 = 300.0;
const LINE_HEIGHT: f64 = 170.0;
const PLOT: (f64, f64, f64, f64) = (34.0, 28.0, 286.0, 140.0); // left, top, right, bottom
/// How wide "target 100" is at the ticks' size, for keeping lines off it.
const TARGET_LABEL_WIDTH: f64 = 64.0;

/// The y position of a score in a line chart.
pub fn line_y(value: f64) -> f64 {
    PLOT.3 - (PLOT.3 - PLOT.1) * value.clamp(0.0, 100.0) / 100.0
}

/// A small line chart as an SVG element (placed at `x`, `y` in a larger SVG,
/// or alone with `x = y = 0`).
pub fn line_chart(chart: &Line, x: f64, y: f64) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="line-chart" data-theme="{}" x="{}" y="{}" width="{}" height="{}" viewBox="0 0 {} {}">"#,
        escape(&chart.id),
        n(x),
        n(y),
        n(LINE_WIDTH),
        n(LINE_HEIGHT),
        n(LINE_WIDTH),
        n(LINE_HEIGHT)
    );
    let _ = write!(
        out,
        r#"<text class="chart-title" x="{}" y="16">{}</text>"#,
        n(PLOT.0),
        escape(&chart.title)
    );
    for value in [0.0, 50.0, 100.0] {
        let y = line_y(value);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{}" y1="{}" x2="{}" y2="{}"/><text class="tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
            n(PLOT.0),
            n(y),
            n(PLOT.2),
            n(y),
            n(PLOT.0 - 4.0),
            n(y + 3.5),
            n(value)
        );
    }
    let count = chart.points.len();
    // Time runs from the left: a first report sits where the series
    // starts, above its date.
    let x_of = |i: usize| {
        if count <= 1 {
            PLOT.0 + 10.0
        } else {
            PLOT.0 + 10.0 + (PLOT.2 - PLOT.0 - 20.0) * i as f64 / (count - 1) as f64
        }
    };
    if let Some(target) = chart.target {
        let y = line_y(target);
        // The label sits at the right end of the target line, on the side
        // the scores there do not reach, so that no line crosses it.
        let scores_above = chart
            .points
            .iter()
            .enumerate()
            .filter(|(i, _)| x_of(*i) >= PLOT.2 - TARGET_LABEL_WIDTH)
            .filter_map(|(_, (_, value))| *value)
            .any(|value| line_y(value) < y);
        let label_y = if scores_above { y + 14.0 } else { y - 5.0 };
        let _ = write!(
            out,
            r#"<line class="line target" data-value="{}" x1="{}" y1="{}" x2="{}" y2="{}"/><text class="tick halo" x="{}" y="{}" text-anchor="end">target {}</text>"#,
            n(target),
            n(PLOT.0),
            n(y),
            n(PLOT.2),
            n(y),
            n(PLOT.2),
            n(label_y),
            n(target)
        );
    }
    // The line breaks where a report has no score.
    let mut segment: Vec<String> = Vec::new();
    let mut segments: Vec<Vec<String>> = Vec::new();
    for (i, (_, value)) in chart.points.iter().enumerate() {
        match value {
            Some(value) => segment.push(format!("{},{}", n(x_of(i)), n(line_y(*value)))),
            None if !segment.is_empty() => segments.push(std::mem::take(&mut segment)),
            None => {}
        }
    }
    if !segment.is_empty() {
        segments.push(segment);
    }
    for segment in segments {
        let _ = write!(
            out,
            r#"<polyline class="line score" points="{}"/>"#,
            segment.join(" ")
        );
    }
    for (i, (date, value)) in chart.points.iter().enumerate() {
        if let Some(value) = value {
            let data = format!(
                r#" data-date="{}" data-value="{}""#,
                escape(date),
                n(*value)
            );
            marker(&mut out, Style::Score, x_of(i), line_y(*value), &data);
        }
    }
    if let (Some((first, _)), Some((last, _))) = (chart.points.first(), chart.points.last()) {
        let _ = write!(
            out,
            r#"<text class="tick" x="{}" y="{}">{}</text>"#,
            n(PLOT.0),
            n(PLOT.3 + 16.0),
            escape(first)
        );
        // Two reports of one day: one date, not the same date twice.
        if count > 1 && first != last {
            let _ = write!(
                out,
                r#"<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
                n(PLOT.2),
                n(PLOT.3 + 16.0),
                escape(last)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// Small line charts in a grid, as one standalone SVG document.
pub fn line_grid(charts: &[Line], columns: usize, title: &str) -> String {
    let columns = columns.max(1);
    let rows = charts.len().div_ceil(columns).max(1);
    let (width, height) = (LINE_WIDTH * columns as f64, LINE_HEIGHT * rows as f64);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="line-grid" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{title}"><title>{title}</title>{STYLE}"#,
        w = n(width),
        h = n(height),
        title = escape(title),
    );
    for (i, chart) in charts.iter().enumerate() {
        let x = LINE_WIDTH * (i % columns) as f64;
        let y = LINE_HEIGHT * (i / columns) as f64;
        out.push_str(&line_chart(chart, x, y));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(points: &[(&str, f64)], target: f64) -> String {
        line_chart(
            &Line {
                id: "t".to_owned(),
                title: "T".to_owned(),
                points: points
                    .iter()
                    .map(|(d, v)| ((*d).to_owned(), Some(*v)))
                    .collect(),
                target: Some(target),
            },
            0.0,
            0.0,
        )
    }

    /// The y of the "target N" label in `svg`.
    fn label_y(svg: &str) -> f64 {
        let at = svg.find(">target ").unwrap();
        let y = &svg[..at];
        let y = &y[y.rfind("y=\"").unwrap() + 3..];
        y[..y.find('"').unwrap()].parse().unwrap()
    }

    #[test]
    fn the_target_label_sits_where_the_scores_do_not_reach() {
        // The target 65 is at y 67.2. Scores ending below it: the label
        // above the line; ending above it: below the line.
        let below = chart(&[("2026-06-01", 20.0), ("2026-09-01", 40.0)], 65.0);
        assert_eq!(label_y(&below), 62.2);
        let above = chart(&[("2026-06-01", 20.0), ("2026-09-01", 90.0)], 65.0);
        assert_eq!(label_y(&above), 81.2);
    }

    #[test]
    fn two_reports_of_one_day_show_the_day_once() {
        let same = chart(&[("2026-12-06", 20.0), ("2026-12-06", 40.0)], 65.0);
        assert_eq!(same.matches(">2026-12-06<").count(), 1);
        let apart = chart(&[("2026-06-01", 20.0), ("2026-12-06", 40.0)], 65.0);
        assert_eq!(apart.matches(">2026-").count(), 2);
    }
}
