//! Charts as plain SVG: a radar of theme scores against targets (optionally
//! a second rater's view), and small line charts of a theme over time.
//!
//! Series are told apart by line style, marker shape and labels, never by
//! colour alone, so the charts read in print and for colour-blind readers.
//! Every text from a file is escaped. Elements carry `class` and `data-*`
//! attributes so tests (and readers of the source) can find them.

mod line;
mod radar;

use std::fmt::Write;

pub use line::{Line, line_grid, line_y};
pub use radar::{Radar, Series, radar};

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
pub(super) fn n(value: f64) -> String {
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
    pub fn class(self) -> &'static str {
        match self {
            Style::Score => "score",
            Style::Target => "target",
            Style::Other => "other",
        }
    }
}

pub(super) const DEFS: &str = r##"<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="#1f5fa8" stroke-width="2" stroke-opacity="0.35"/></pattern></defs>"##;

pub(super) const STYLE: &str = "<style>\
text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#222}\
.ring{fill:none;stroke:#bbb;stroke-width:1}.axis{stroke:#ccc;stroke-width:1}\
.ring-label{font-size:11px;fill:#666;stroke:#fff;stroke-width:3px;paint-order:stroke;stroke-linejoin:round}.title{font-size:13px;font-weight:600}.detail{font-size:12px;fill:#444}\
.mark{font-size:12px;font-weight:700;fill:#8a1c1c}\
.series{stroke-linejoin:round}.series.score{fill:url(#hatch);stroke:#1f5fa8;stroke-width:2.5}\
.series.target{fill:none;stroke:#b35806;stroke-width:2;stroke-dasharray:7 5}\
.series.other{fill:none;stroke:#c2410c;stroke-width:2.5;stroke-dasharray:2 4;stroke-linecap:round}\
.point.score{fill:#1f5fa8}.point.target{fill:#fff;stroke:#b35806;stroke-width:2}.point.other{fill:#c2410c}\
.band{fill:#7a7a7a;fill-opacity:0.18;stroke:#7a7a7a;stroke-width:1;stroke-dasharray:1 3}.legend{font-size:12px}.grid{stroke:#e3e3e3;stroke-width:1}.frame{fill:none;stroke:#ccc}\
.line.score{fill:none;stroke:#1f5fa8;stroke-width:2.5}.line.target{stroke:#b35806;stroke-width:1.5;stroke-dasharray:6 4}\
.tick{font-size:12px;fill:#666}.halo{stroke:#fff;stroke-width:3px;paint-order:stroke;stroke-linejoin:round}.chart-title{font-size:13px;font-weight:600}\
</style>";

/// A marker of `style` at (x, y).
pub(super) fn marker(out: &mut String, style: Style, x: f64, y: f64, data: &str) {
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
}
