//! Self-contained HTML pages: inline CSS and SVG, no scripts and nothing
//! loaded from anywhere, so a page opens offline and can be attached to an
//! email. Every text from a file is escaped. The pages are well-formed XML,
//! which lets tests parse them.

use std::fmt::Write;

use super::svg::Radar;
pub use super::svg::escape;

const CSS: &str = "\
:root{color-scheme:light}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1.25rem;color:#222;line-height:1.45}\
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}\
.sub{color:#555;margin:0 0 1rem}.overall{font-size:1.15rem;margin:.25rem 0}.history{color:#555;margin:.25rem 0 1rem}\
figure{margin:1rem 0;text-align:center}figure svg{max-width:100%;height:auto}figure svg.radar{width:100%}.wide,.scroll{overflow-x:auto}.wide table{width:auto;min-width:60%}figcaption{color:#555;font-size:.9rem}\
table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.5rem 0}\
th,td{padding:.35rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}\
th{border-bottom:2px solid #999}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\
.footnote{color:#555;font-size:.9rem}.flag{font-weight:700}\
ul.plan{list-style:none;padding-left:0}ul.plan li::before{content:'\\2610\\00a0'}ul.plan li.done::before{content:'\\2611\\00a0'}ul.plan li.dropped{text-decoration:line-through;color:#666}ul.plan li.dropped::before{content:'\\2612\\00a0'}ul.plan li blockquote{text-decoration:none}\
details{margin:.25rem 0}summary{cursor:pointer;padding:.2rem 0}\
blockquote{margin:.25rem 0 .75rem 1rem;padding-left:.75rem;border-left:3px solid #ccc;color:#333}\
.grid{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:flex-start}\
footer{margin-top:2.5rem;color:#595959;font-size:.85rem}\
.bars{display:none;list-style:none;padding:0;margin:1rem 0}.bars li{margin:.75rem 0}.bars .theme{font-weight:600}\
.bars .row{display:flex;align-items:center;gap:.5rem;font-size:.9rem}.bars .name{flex:0 0 9.5rem}\
.bars .track{flex:1;height:.75rem;background:#eee}.bars .fill{display:block;height:100%}\
.bars .fill.score{background:#1f5fa8}.bars .fill.target{background:#b35806}.bars .fill.other{background:#c2410c}\
.bars .mark{color:#8a1c1c;font-weight:700;font-size:.9rem}.narrow{display:none}\
@media (max-width:40rem){body{margin:1rem auto}figure.radar-figure,.wide-only{display:none}.bars{display:block}.narrow{display:block}\
.scroll,.wide{overflow-x:visible}table.cards th[scope=row]{display:block;text-align:left;position:static}\
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}\
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
table.cards tr{border:1px solid #ddd;border-radius:.4rem;margin:.6rem 0;padding:.2rem .6rem}\
table.cards td{display:flex;justify-content:space-between;gap:1rem;padding:.3rem 0;border-bottom:1px solid #eee;text-align:right}\
table.cards td:last-child{border-bottom:0}table.cards td:empty{display:none}\
table.cards td::before{content:attr(data-label);color:#555;text-align:left}\
table.cards td:first-child{display:block;text-align:left;font-weight:600}table.cards td:first-child::before{content:none}}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table,li{break-inside:avoid}.wide,.scroll{overflow:visible}\
.bars,.narrow{display:none}figure.radar-figure,.wide-only{display:block}}";

/// A complete page with `title` and the already escaped `body`. Its content
/// security policy lets nothing be loaded and no script run.
pub fn page(title: &str, body: &str) -> String {
    document(title, body, "script-src 'none'", "")
}

/// A page like [`page`], with `css` of its own after the shared styles.
pub fn page_with_style(title: &str, css: &str, body: &str) -> String {
    document(title, body, "script-src 'none'", css)
}

/// A page whose own inline scripts run (the invitation form); still nothing
/// is loaded from anywhere and nothing can be sent.
pub fn page_with_scripts(title: &str, body: &str) -> String {
    document(title, body, "script-src 'unsafe-inline'", "")
}

fn document(title: &str, body: &str, scripts: &str, css: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; {scripts}; style-src 'unsafe-inline'; img-src data:; form-action 'none'\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>{}</title>\n<style>{CSS}{css}</style>\n\
         </head>\n<body>\n{body}\n<footer>Made with leadgap {}.</footer>\n</body>\n</html>\n",
        escape(title),
        env!("CARGO_PKG_VERSION")
    )
}

/// A cell of a table: its (escaped) content and whether it is a number.
pub struct Cell {
    /// The content, escaped.
    pub html: String,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

impl Cell {
    /// A text cell (escaped here).
    pub fn text(text: &str) -> Cell {
        Cell {
            html: escape(text),
            numeric: false,
        }
    }

    /// A number cell (escaped here).
    pub fn number(text: &str) -> Cell {
        Cell {
            html: escape(text),
            numeric: true,
        }
    }
}

/// A table with a header row; `numeric` header columns are right-aligned.
/// On a narrow screen (a phone) each row becomes a card: its first cell as
/// a heading, then each other cell beside its column's name, so that
/// nothing is to be scrolled sideways. Wider than a desktop screen, it
/// scrolls in its own box, which the keyboard can reach and a screen reader
/// names by the table's columns.
pub fn table(header: &[(&str, bool)], rows: &[Vec<Cell>]) -> String {
    let columns: Vec<&str> = header
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !name.is_empty())
        .collect();
    let mut out = format!(
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">\n<table class=\"cards\">\n<thead><tr>",
        escape(&format!("Table: {}", columns.join(", ")))
    );
    for (name, numeric) in header {
        let class = if *numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(name));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (cell, (name, _)) in row.iter().zip(header) {
            let class = if cell.numeric { " class=\"num\"" } else { "" };
            let _ = write!(
                out,
                "<td{class} data-label=\"{}\">{}</td>",
                escape(name),
                cell.html
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// A list of (escaped here) items.
pub fn list(items: &[String]) -> String {
    let mut out = String::from("<ul>\n");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", escape(item));
    }
    out.push_str("</ul>\n");
    out
}

/// A radar chart as a page shows it: the chart with `caption` (escaped
/// already) on a wide screen and on paper, and on a narrow screen, where
/// its labels would be too small to read, a bar per series and theme.
pub fn radar_figure(chart: &Radar, title: &str, caption: &str) -> String {
    format!(
        "<figure class=\"radar-figure\">{}<figcaption>{caption}</figcaption></figure>\n{}",
        super::svg::radar(chart, title),
        bars(chart)
    )
}

/// The radar's values as bars, theme by theme.
fn bars(chart: &Radar) -> String {
    let mut out = String::from("<ul class=\"bars\">\n");
    for (index, label) in chart.labels.iter().enumerate() {
        let _ = write!(out, "<li><div class=\"theme\">{}</div>", escape(label));
        for series in &chart.series {
            let value = series.values.get(index).copied().flatten();
            let shown = value.map_or_else(|| "—".to_owned(), super::text::whole);
            let width = value.map_or(0.0, |v| v.clamp(0.0, 100.0));
            let _ = write!(
                out,
                "<div class=\"row\"><span class=\"name\">{} {shown}</span>\
                 <span class=\"track\"><span class=\"fill {}\" style=\"width:{width:.0}%\"></span></span></div>",
                escape(&series.name),
                series.style.class()
            );
        }
        if let Some(Some(mark)) = chart.marks.get(index) {
            let _ = write!(out, "<div class=\"mark\">{}</div>", escape(mark));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    out
}
