//! Charts as plain SVG: a radar of theme scores against targets (optionally
//! a second rater's view), and small line charts of a theme over time.
//!
//! Series are told apart by line style, marker shape and labels, never by
//! colour alone, so the charts read in print and for colour-blind readers.
//! Every text from a file is escaped. Elements carry `class` and `data-*`
//! attributes so tests (and readers of the source) can find them.

use std::fmt::Write;

/// Text safe inside XML text and attribute values.
pub fn escape(text: &str) -> String {
    let text = crate::output::clean_line(text);
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// A number for an SVG attribute: two decimals at most.
fn n(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0 + 0.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// The scores: a solid line over a hatched area, round markers.
    Score,
    /// The targets: a dashed line, square markers, no fill.
    Target,
    /// Another rater's scores: a dotted line, triangle markers.
    Other,
}

impl Style {
    fn class(self) -> &'static str {
        match self {
            Style::Score => "score",
            Style::Target => "target",
            Style::Other => "other",
        }
    }
}

/// One series of a radar: a value per axis (`None` where there is none).
#[derive(Clone, Debug)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// How it is drawn.
    pub style: Style,
    /// One value per axis, `0..=100`.
    pub values: Vec<Option<f64>>,
}

/// A radar chart: one axis per theme.
#[derive(Clone, Debug)]
pub struct Radar {
    /// Axis ids (`data-theme`).
    pub ids: Vec<String>,
    /// Axis labels (theme titles).
    pub labels: Vec<String>,
    /// A second label line per axis ("42 / 65").
    pub details: Vec<String>,
    /// An optional mark per axis ("blind spot").
    pub marks: Vec<Option<String>>,
    /// The series, drawn in order.
    pub series: Vec<Series>,
}

/// The chart's size and the radar's geometry.
pub const RADAR_WIDTH: f64 = 720.0;
const RADAR_HEIGHT: f64 = 560.0;
/// The centre of the radar.
pub const RADAR_CENTRE: (f64, f64) = (360.0, 260.0);
/// The radius of the 100 ring.
pub const RADAR_RADIUS: f64 = 170.0;

/// The point of `value` (0..=100) on axis `index` of `count`.
pub fn radar_point(index: usize, count: usize, value: f64) -> (f64, f64) {
    let angle =
        -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index as f64 / count.max(1) as f64;
    let r = RADAR_RADIUS * value.clamp(0.0, 100.0) / 100.0;
    (
        RADAR_CENTRE.0 + r * angle.cos(),
        RADAR_CENTRE.1 + r * angle.sin(),
    )
}

const DEFS: &str = r##"<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="#1f5fa8" stroke-width="2" stroke-opacity="0.35"/></pattern></defs>"##;

const STYLE: &str = "<style>\
text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#222}\
.ring{fill:none;stroke:#bbb;stroke-width:1}.axis{stroke:#ccc;stroke-width:1}\
.ring-label{font-size:11px;fill:#777}.label{font-size:13px;font-weight:600}.detail{font-size:12px;fill:#444}\
.mark{font-size:12px;font-weight:700;fill:#8a1c1c}\
.series{stroke-linejoin:round}.series.score{fill:url(#hatch);stroke:#1f5fa8;stroke-width:2.5}\
.series.target{fill:none;stroke:#b35806;stroke-width:2;stroke-dasharray:7 5}\
.series.other{fill:none;stroke:#c2410c;stroke-width:2.5;stroke-dasharray:2 4;stroke-linecap:round}\
.point.score{fill:#1f5fa8}.point.target{fill:#fff;stroke:#b35806;stroke-width:2}.point.other{fill:#c2410c}\
.legend{font-size:12px}.grid{stroke:#e3e3e3;stroke-width:1}.frame{fill:none;stroke:#ccc}\
.line.score{fill:none;stroke:#1f5fa8;stroke-width:2.5}.line.target{stroke:#b35806;stroke-width:1.5;stroke-dasharray:6 4}\
.tick{font-size:10px;fill:#777}.chart-title{font-size:13px;font-weight:600}\
</style>";

/// A marker of `style` at (x, y).
fn marker(out: &mut String, style: Style, x: f64, y: f64, data: &str) {
    let class = style.class();
    let _ = match style {
        Style::Score => write!(
            out,
            r#"<circle class="point {class}"{data} cx="{}" cy="{}" r="4.5"/>"#,
            n(x),
            n(y)
        ),
        Style::Target => write!(
            out,
            r#"<rect class="point {class}"{data} x="{}" y="{}" width="8" height="8"/>"#,
            n(x - 4.0),
            n(y - 4.0)
        ),
        Style::Other => write!(
            out,
            r#"<polygon class="point {class}"{data} points="{},{} {},{} {},{}"/>"#,
            n(x),
            n(y - 5.5),
            n(x - 5.0),
            n(y + 4.0),
            n(x + 5.0),
            n(y + 4.0)
        ),
    };
}

/// The radar chart as a standalone SVG document.
pub fn radar(chart: &Radar, title: &str) -> String {
    let count = chart.ids.len();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{title}" data-cx="{cx}" data-cy="{cy}" data-r="{r}">"#,
        w = n(RADAR_WIDTH),
        h = n(RADAR_HEIGHT),
        title = escape(title),
        cx = n(RADAR_CENTRE.0),
        cy = n(RADAR_CENTRE.1),
        r = n(RADAR_RADIUS),
    );
    let _ = write!(out, "<title>{}</title>{STYLE}{DEFS}", escape(title));

    // Rings at 25, 50, 75 and 100, labelled on the first axis.
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let points: Vec<String> = (0..count)
            .map(|i| radar_point(i, count, ring))
            .map(|(x, y)| format!("{},{}", n(x), n(y)))
            .collect();
        let _ = write!(
            out,
            r#"<polygon class="ring" data-value="{}" points="{}"/>"#,
            n(ring),
            points.join(" ")
        );
        let (x, y) = radar_point(0, count, ring);
        let _ = write!(
            out,
            r#"<text class="ring-label" x="{}" y="{}">{}</text>"#,
            n(x + 4.0),
            n(y + 12.0),
            n(ring)
        );
    }
    for i in 0..count {
        let (x, y) = radar_point(i, count, 100.0);
        let _ = write!(
            out,
            r#"<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            n(RADAR_CENTRE.0),
            n(RADAR_CENTRE.1),
            n(x),
            n(y)
        );
    }

    for series in &chart.series {
        let class = series.style.class();
        let points: Vec<String> = series
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| radar_point(i, count, v.unwrap_or(0.0)))
            .map(|(x, y)| format!("{},{}", n(x), n(y)))
            .collect();
        let _ = write!(
            out,
            r#"<polygon class="series {class}" data-series="{}" points="{}"/>"#,
            escape(&series.name),
            points.join(" ")
        );
        for (i, value) in series.values.iter().enumerate() {
            let Some(value) = value else { continue };
            let (x, y) = radar_point(i, count, *value);
            let data = format!(
                r#" data-theme="{}" data-value="{}""#,
                escape(&chart.ids[i]),
                n(*value)
            );
            marker(&mut out, series.style, x, y, &data);
        }
    }

    // Labels outside the 100 ring, anchored away from the centre.
    for i in 0..count {
        let angle =
            -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / count.max(1) as f64;
        let (x, y) = (
            RADAR_CENTRE.0 + (RADAR_RADIUS + 16.0) * angle.cos(),
            RADAR_CENTRE.1 + (RADAR_RADIUS + 16.0) * angle.sin(),
        );
        let anchor = match angle.cos() {
            c if c > 0.25 => "start",
            c if c < -0.25 => "end",
            _ => "middle",
        };
        // Labels at the bottom go below their point, at the top above it.
        let lines = 2 + usize::from(chart.marks.get(i).is_some_and(Option::is_some));
        let y = if angle.sin() > 0.3 {
            y + 10.0
        } else if angle.sin() < -0.3 {
            y - 16.0 * (lines - 1) as f64
        } else {
            y - 6.0
        };
        let _ = write!(
            out,
            r#"<text class="label" data-theme="{}" x="{}" y="{}" text-anchor="{anchor}">{}"#,
            escape(&chart.ids[i]),
            n(x),
            n(y),
            escape(&chart.labels[i])
        );
        let _ = write!(
            out,
            r#"<tspan class="detail" x="{}" dy="16">{}</tspan>"#,
            n(x),
            escape(&chart.details[i])
        );
        if let Some(Some(mark)) = chart.marks.get(i) {
            let _ = write!(
                out,
                r#"<tspan class="mark" x="{}" dy="16">{}</tspan>"#,
                n(x),
                escape(mark)
            );
        }
        out.push_str("</text>");
    }

    // The legend, centred: a sample of each series' line and marker, and its name.
    let legend_width: f64 = chart
        .series
        .iter()
        .map(|s| 52.0 + 7.5 * s.name.chars().count() as f64)
        .sum();
    let mut x = (RADAR_WIDTH - legend_width) / 2.0;
    let y = RADAR_HEIGHT - 28.0;
    for series in &chart.series {
        let class = series.style.class();
        let _ = write!(
            out,
            r#"<line class="series {class}" x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            n(x),
            n(y),
            n(x + 34.0),
            n(y)
        );
        marker(&mut out, series.style, x + 17.0, y, "");
        let _ = write!(
            out,
            r#"<text class="legend" x="{}" y="{}">{}</text>"#,
            n(x + 42.0),
            n(y + 4.0),
            escape(&series.name)
        );
        x += 52.0 + 7.5 * series.name.chars().count() as f64;
    }
    out.push_str("</svg>");
    out
}

/// A word-sized trend line of scores (0..=100), oldest first, for a table
/// cell: a line with the latest point marked; gaps where there is no score.
pub fn sparkline(points: &[Option<f64>]) -> String {
    const WIDTH: f64 = 72.0;
    const HEIGHT: f64 = 18.0;
    let count = points.len();
    let x_of = |i: usize| {
        if count <= 1 {
            WIDTH / 2.0
        } else {
            3.0 + (WIDTH - 6.0) * i as f64 / (count - 1) as f64
        }
    };
    let y_of = |v: f64| HEIGHT - 2.0 - (HEIGHT - 4.0) * v.clamp(0.0, 100.0) / 100.0;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="trend">"#,
        w = n(WIDTH),
        h = n(HEIGHT)
    );
    let _ = write!(
        out,
        r##"<line x1="0" y1="{y}" x2="{w}" y2="{y}" stroke="#ddd"/>"##,
        y = n(y_of(0.0)),
        w = n(WIDTH)
    );
    let coordinates: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|v| format!("{},{}", n(x_of(i)), n(y_of(v)))))
        .collect();
    if coordinates.len() > 1 {
        let _ = write!(
            out,
            r##"<polyline fill="none" stroke="#1f5fa8" stroke-width="1.5" points="{}"/>"##,
            coordinates.join(" ")
        );
    }
    if let Some((i, Some(v))) = points.iter().enumerate().rev().find(|(_, p)| p.is_some()) {
        let _ = write!(
            out,
            r##"<circle fill="#1f5fa8" cx="{}" cy="{}" r="2.5"/>"##,
            n(x_of(i)),
            n(y_of(*v))
        );
    }
    out.push_str("</svg>");
    out
}

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
    if let Some(target) = chart.target {
        let y = line_y(target);
        let _ = write!(
            out,
            r#"<line class="line target" data-value="{}" x1="{}" y1="{}" x2="{}" y2="{}"/><text class="tick" x="{}" y="{}" text-anchor="end">target {}</text>"#,
            n(target),
            n(PLOT.0),
            n(y),
            n(PLOT.2),
            n(y),
            n(PLOT.2),
            n(y - 4.0),
            n(target)
        );
    }
    let count = chart.points.len();
    let x_of = |i: usize| {
        if count <= 1 {
            (PLOT.0 + PLOT.2) / 2.0
        } else {
            PLOT.0 + 10.0 + (PLOT.2 - PLOT.0 - 20.0) * i as f64 / (count - 1) as f64
        }
    };
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
        if count > 1 {
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

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("<b>\"R&D\" 'x'</b>"),
            "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn the_first_axis_points_up() {
        let (x, y) = radar_point(0, 4, 100.0);
        assert!((x - RADAR_CENTRE.0).abs() < 1e-9);
        assert!((y - (RADAR_CENTRE.1 - RADAR_RADIUS)).abs() < 1e-9);
        assert_eq!(radar_point(2, 4, 0.0), RADAR_CENTRE);
    }
}
