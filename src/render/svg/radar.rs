//! A radar chart: one axis per theme, a series per view (scores, targets,
//! another rater's scores), labels outside the 100 ring.

use std::fmt::Write;

use super::{DEFS, STYLE, Style, escape, marker, n};

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
    /// The lines under each axis label ("42 / 65"), separated by `\n`.
    pub details: Vec<String>,
    /// An optional mark per axis ("blind spot").
    pub marks: Vec<Option<String>>,
    /// The series, drawn in order.
    pub series: Vec<Series>,
    /// A band drawn under the series: per axis a low and a high value (a
    /// cohort's middle half), with its name in the legend.
    pub band: Option<(String, Vec<(f64, f64)>)>,
}

/// The chart's size and the radar's geometry: the radar takes most of the
/// width, with room for labels of up to [`LABEL_CHARACTERS`] a line beside
/// it and four lines above and below.
pub const RADAR_WIDTH: f64 = 800.0;
const RADAR_HEIGHT: f64 = 730.0;
/// The centre of the radar.
pub const RADAR_CENTRE: (f64, f64) = (400.0, 345.0);
/// The radius of the 100 ring.
pub const RADAR_RADIUS: f64 = 250.0;
/// Axis labels wrap at this many characters…
const LABEL_CHARACTERS: usize = 16;
/// …on at most this many lines.
const LABEL_LINES: usize = 2;
/// Beside the radar, a line of a label's details holds at most this many
/// characters (the room between the 100 ring and the edge); a longer one
/// ("Self 5 · Morgan Lee 5") goes on a line per part.
const SIDE_CHARACTERS: usize = 18;
/// The distance between lines of a label.
const LINE_HEIGHT: f64 = 16.0;

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

    if let Some((name, band)) = &chart.band {
        // The ring between the high and the low polygon.
        let ring = |pick: fn(&(f64, f64)) -> f64| {
            let points: Vec<String> = band
                .iter()
                .enumerate()
                .map(|(i, b)| radar_point(i, count, pick(b)))
                .map(|(x, y)| format!("{},{}", n(x), n(y)))
                .collect();
            format!("M{}Z", points.join(" L"))
        };
        let _ = write!(
            out,
            r#"<path class="band" data-series="{}" fill-rule="evenodd" d="{} {}"/>"#,
            escape(name),
            ring(|b| b.1),
            ring(|b| b.0)
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

    // Ring values, on top of the series with a halo so that a line under
    // them does not hide them, half-way between the first two axes, where
    // no marker sits.
    let half = std::f64::consts::PI / count.max(2) as f64;
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let angle = -std::f64::consts::FRAC_PI_2 + half;
        let r = RADAR_RADIUS * ring / 100.0 * half.cos();
        let _ = write!(
            out,
            r#"<text class="ring-label" x="{}" y="{}" text-anchor="middle">{}</text>"#,
            n(RADAR_CENTRE.0 + r * angle.cos()),
            n(RADAR_CENTRE.1 + r * angle.sin() + 4.0),
            n(ring)
        );
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
        let mut title = crate::output::wrap(
            &crate::output::clean_line(&chart.labels[i]),
            LABEL_CHARACTERS,
            "",
            "",
        );
        if title.len() > LABEL_LINES {
            title.truncate(LABEL_LINES);
            title[LABEL_LINES - 1].push('…');
        }
        let mut lines: Vec<(&str, String)> =
            title.into_iter().map(|line| ("title", line)).collect();
        for line in chart.details[i].lines() {
            if anchor == "middle" || line.chars().count() <= SIDE_CHARACTERS {
                lines.push(("detail", line.to_owned()));
                continue;
            }
            for part in line.split(" · ") {
                let wrapped = crate::output::wrap(part, SIDE_CHARACTERS, "", "");
                lines.extend(wrapped.into_iter().map(|l| ("detail", l)));
            }
        }
        if let Some(Some(mark)) = chart.marks.get(i) {
            lines.push(("mark", mark.clone()));
        }
        // Labels at the bottom go below their point, at the top above it,
        // at the sides centred on it.
        let height = LINE_HEIGHT * (lines.len() - 1) as f64;
        let y = if angle.sin() > 0.3 {
            y + 12.0
        } else if angle.sin() < -0.3 {
            y - height - 2.0
        } else {
            y - height / 2.0 + 4.0
        };
        let _ = write!(
            out,
            r#"<text class="label" data-theme="{}" x="{}" y="{}" text-anchor="{anchor}">"#,
            escape(&chart.ids[i]),
            n(x),
            n(y),
        );
        for (index, (class, line)) in lines.iter().enumerate() {
            let dy = if index == 0 { 0.0 } else { LINE_HEIGHT };
            let _ = write!(
                out,
                r#"<tspan class="{class}" x="{}" dy="{}">{}</tspan>"#,
                n(x),
                n(dy),
                escape(line)
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
    let band_width = chart
        .band
        .as_ref()
        .map_or(0.0, |(name, _)| 52.0 + 7.5 * name.chars().count() as f64);
    let mut x = (RADAR_WIDTH - legend_width - band_width) / 2.0;
    let y = RADAR_HEIGHT - 28.0;
    if let Some((name, _)) = &chart.band {
        let _ = write!(
            out,
            r#"<rect class="band" x="{}" y="{}" width="34" height="12"/><text class="legend" x="{}" y="{}">{}</text>"#,
            n(x),
            n(y - 6.0),
            n(x + 42.0),
            n(y + 4.0),
            escape(name)
        );
        x += band_width;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_axis_points_up() {
        let (x, y) = radar_point(0, 4, 100.0);
        assert!((x - RADAR_CENTRE.0).abs() < 1e-9);
        assert!((y - (RADAR_CENTRE.1 - RADAR_RADIUS)).abs() < 1e-9);
        assert_eq!(radar_point(2, 4, 0.0), RADAR_CENTRE);
    }
}
