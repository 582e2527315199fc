//! The visual reports: HTML pages and SVG charts, parsed as XML and checked
//! for their geometry, their labels and their escaping.

use crate::support;
use crate::support::RULES;

use crate::support::{Sandbox, rules_answers};
use roxmltree::{Document, Node, ParsingOptions};

fn parse(text: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{text}"))
}

fn has_class(node: &Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|part| part == class))
}

fn number(node: &Node, attribute: &str) -> f64 {
    node.attribute(attribute).unwrap().parse().unwrap()
}

/// A saved rules report where beta scores 100 and delta 0, with a theme
/// title that needs escaping.
fn report_with_extremes(sandbox: &Sandbox) {
    let answers = rules_answers(sandbox, "a.toml", &[("d1 = 3", "d1 = 1")]);
    let q = sandbox.rules_version(
        "1.0.0",
        &[(
            "title = \"Alpha: every kind, weights\"",
            "title = \"Alpha <&> \\\"quoted\\\"\"",
        )],
    );
    sandbox.assess_at(
        support::NOW,
        &["-q", q.to_str().unwrap(), "-a", answers.to_str().unwrap()],
    );
}

#[test]
fn the_radar_puts_100_on_the_outer_ring_and_0_at_the_centre() {
    let sandbox = Sandbox::new();
    report_with_extremes(&sandbox);
    let text = sandbox
        .run(["show", "latest", "--format", "svg"])
        .stderr("")
        .output()
        .stdout;
    let svg = parse(&text);
    let root = svg.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let (cx, cy, r) = (
        number(&root, "data-cx"),
        number(&root, "data-cy"),
        number(&root, "data-r"),
    );
    let point = |theme: &str, class: &str| {
        let node = svg
            .descendants()
            .find(|n| {
                has_class(n, "point")
                    && has_class(n, class)
                    && n.attribute("data-theme") == Some(theme)
            })
            .unwrap_or_else(|| panic!("no {class} point for {theme}"));
        match node.tag_name().name() {
            "circle" => (number(&node, "cx"), number(&node, "cy")),
            "rect" => (number(&node, "x") + 4.0, number(&node, "y") + 4.0),
            other => panic!("unexpected marker {other}"),
        }
    };
    let distance = |(x, y): (f64, f64)| ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
    assert!(
        (distance(point("beta", "score")) - r).abs() < 0.01,
        "100 is on the outer ring"
    );
    assert!(
        distance(point("delta", "score")) < 0.01,
        "0 is at the centre"
    );
    // alpha 46.875 sits at 46.875% of the radius, straight up (the first axis).
    let (ax, ay) = point("alpha", "score");
    assert!((ax - cx).abs() < 0.01 && (cy - ay - r * 0.46875).abs() < 0.02);
    // Every target is drawn, at its value.
    let targets: Vec<Node> = svg
        .descendants()
        .filter(|n| {
            has_class(n, "point") && has_class(n, "target") && n.attribute("data-theme").is_some()
        })
        .collect();
    assert_eq!(targets.len(), 5);
    assert!((distance(point("alpha", "target")) - r * 0.70).abs() < 0.02);
    // gamma has no score: no score marker, but its target is there.
    assert!(
        svg.descendants()
            .all(|n| !(has_class(&n, "score") && n.attribute("data-theme") == Some("gamma")))
    );
    // Labels: one per theme, escaped in the file, the title as written once parsed.
    let labels: Vec<Node> = svg
        .descendants()
        .filter(|n| has_class(n, "label"))
        .collect();
    assert_eq!(labels.len(), 5);
    // A long title wraps onto lines of its own, then the detail line.
    let lines: Vec<(&str, &str)> = labels[0]
        .children()
        .map(|line| (line.attribute("class").unwrap(), line.text().unwrap()))
        .collect();
    assert_eq!(
        lines,
        [
            ("title", "Alpha <&>"),
            ("title", "\"quoted\""),
            ("detail", "47 / 70")
        ]
    );
    assert!(text.contains(">Alpha &lt;&amp;&gt;</tspan>"));
    assert!(text.contains(">&quot;quoted&quot;</tspan>"));
    assert!(
        svg.descendants()
            .any(|n| has_class(&n, "series") && has_class(&n, "target"))
    );
}

#[test]
fn the_html_report_is_self_contained_and_well_formed() {
    let sandbox = Sandbox::new();
    report_with_extremes(&sandbox);
    let text = sandbox
        .run(["show", "latest", "--format", "html"])
        .stderr("")
        .output()
        .stdout;
    let html = parse(&text);
    assert!(
        html.descendants().all(|n| n.tag_name().name() != "script"),
        "no scripts"
    );
    for node in html.descendants() {
        for attribute in ["src", "href"] {
            assert!(
                node.attribute(attribute).is_none(),
                "nothing loaded: {attribute} on {:?}",
                node.tag_name()
            );
        }
    }
    assert!(
        html.descendants()
            .any(|n| n.tag_name().name() == "svg" && has_class(&n, "radar"))
    );
    let cells: Vec<&str> = html
        .descendants()
        .filter(|n| n.tag_name().name() == "td")
        .filter_map(|n| n.text())
        .collect();
    assert!(cells.contains(&"Alpha <&> \"quoted\""));
    let headings: Vec<&str> = html
        .descendants()
        .filter(|n| n.tag_name().name() == "h2")
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        headings,
        ["Work on first", "About these answers", "Answers", "Notes"]
    );
    // Every answer is there, folded: one closed <details> per theme.
    let folded: Vec<String> = html
        .descendants()
        .filter(|n| n.tag_name().name() == "details")
        .map(|n| {
            assert_eq!(n.attribute("open"), None);
            let summary = n.first_element_child().unwrap();
            assert_eq!(summary.tag_name().name(), "summary");
            summary.text().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        folded,
        [
            "Alpha <&> \"quoted\" · 47 against a target of 70",
            "Beta: a skip, coverage above the cut-off · 100~ against a target of 60",
            "Gamma: coverage below the cut-off · — against a target of 60",
            "Delta: coverage exactly at the cut-off · 0~ against a target of 60",
            "Epsilon: score exactly on a band edge · 65 against a target of 65",
        ]
    );
    insta::assert_snapshot!("report_html", text);
}

#[test]
fn compare_overlays_both_views_and_marks_the_flags() {
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    let other = rules_answers(
        &sandbox,
        "b.toml",
        &[("a-number = 10", "a-number = 0"), ("d1 = 3", "d1 = 1")],
    );
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    sandbox.assess_at(
        "2026-01-02T09:00:00Z",
        &[
            "-q",
            RULES,
            "-a",
            other.to_str().unwrap(),
            "--rater",
            "Morgan",
        ],
    );
    let text = sandbox
        .run([
            "compare",
            "2026-01-01T09-00-00Z",
            "2026-01-02T09-00-00Z",
            "--format",
            "html",
        ])
        .stderr("")
        .output()
        .stdout;
    let html = parse(&text);
    let series: Vec<&str> = html
        .descendants()
        .filter(|n| has_class(n, "series") && n.tag_name().name() == "polygon")
        .filter_map(|n| n.attribute("data-series"))
        .collect();
    assert_eq!(series, ["Self", "Morgan", "Target"]);
    // When each view was given, and whose targets are drawn.
    let subtitle = html
        .descendants()
        .find(|n| has_class(n, "sub"))
        .and_then(|n| n.text());
    assert_eq!(
        subtitle,
        Some("Self 2026-01-01 · Morgan 2026-01-02 · targets of profile new-manager")
    );
    let headers: Vec<&str> = html
        .descendants()
        .filter(|n| n.tag_name().name() == "th")
        .map(|n| n.text().unwrap_or_default())
        .collect();
    assert_eq!(
        headers,
        ["Theme", "Self", "Morgan", "Difference", "Target", ""]
    );
    // alpha: self 46.875, Morgan 65.625: a hidden strength; delta: self 50, Morgan 0: a blind spot.
    let mark = |theme: &str| {
        html.descendants()
            .find(|n| has_class(n, "label") && n.attribute("data-theme") == Some(theme))
            .and_then(|label| label.children().find(|c| has_class(c, "mark")))
            .and_then(|mark| mark.text())
    };
    assert_eq!(mark("alpha"), Some("▼ hidden strength"));
    assert_eq!(mark("delta"), Some("▲ blind spot"));
    assert_eq!(mark("beta"), None);
}

#[test]
fn history_draws_one_line_chart_per_theme_with_its_target() {
    let sandbox = Sandbox::new();
    let first = rules_answers(&sandbox, "a.toml", &[]);
    let second = rules_answers(&sandbox, "b.toml", &[("a-scale = 4", "a-scale = 5")]);
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", first.to_str().unwrap()],
    );
    sandbox.assess_at(
        "2026-04-01T09:00:00Z",
        &["-q", RULES, "-a", second.to_str().unwrap()],
    );
    let text = sandbox.run(["history", "--format", "svg"]).output().stdout;
    let svg = parse(&text);
    let charts: Vec<Node> = svg
        .descendants()
        .filter(|n| has_class(n, "line-chart"))
        .collect();
    assert_eq!(charts.len(), 5);
    let alpha = charts
        .iter()
        .find(|c| c.attribute("data-theme") == Some("alpha"))
        .unwrap();
    let target = alpha
        .descendants()
        .find(|n| has_class(n, "target"))
        .unwrap();
    assert_eq!(target.attribute("data-value"), Some("70"));
    let values: Vec<&str> = alpha
        .descendants()
        .filter(|n| has_class(n, "point"))
        .filter_map(|n| n.attribute("data-value"))
        .collect();
    assert_eq!(values, ["46.88", "50"]);
    // 100 is at the top of the plot, 0 at the bottom.
    let y = |v: f64| leadgap::testing::render::line_y(v);
    let point = alpha
        .descendants()
        .filter(|n| has_class(n, "point"))
        .nth(1)
        .unwrap();
    assert!((number(&point, "cy") - y(50.0)).abs() < 0.01);
    assert!(y(100.0) < y(0.0));

    let page = sandbox.run(["history", "--format", "html"]).output().stdout;
    parse(&page);
    let html = parse(&page);
    let headings: Vec<&str> = html
        .descendants()
        .filter(|n| n.tag_name().name() == "h2")
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        headings,
        ["Every scoring rule · Test Person, self-assessment · 2 reports"]
    );
}

#[test]
fn output_goes_to_a_file_for_every_format() {
    let sandbox = Sandbox::new();
    report_with_extremes(&sandbox);
    for format in ["table", "markdown", "json", "html", "svg"] {
        let path = sandbox.scratch().join(format!("out.{format}"));
        std::fs::write(&path, "old content").unwrap();
        sandbox
            .run(["show", "latest", "--format", format, "-o"])
            .arg(&path)
            .stdout("")
            .stderr(&format!("Wrote [SANDBOX]/out.{format}\n"))
            .run();
        let printed = sandbox
            .run(["show", "latest", "--format", format])
            .output()
            .stdout;
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            printed,
            "{format}: the same as on standard output"
        );
    }
    sandbox
        .run(["show", "latest", "-o", "no/such/folder/x.html"])
        .status(1)
        .stderr("error: cannot write `no/such/folder/x.html`: no such file or folder\n")
        .run();
}

#[test]
fn a_long_rater_name_stays_inside_the_compare_radar() {
    let sandbox = Sandbox::new();
    let mentor = sandbox.write(
        "by-morgan-lee.toml",
        &std::fs::read_to_string(
            support::repo().join("examples/reports/sam-2026-09-by-morgan.toml"),
        )
        .unwrap()
        .replace(
            "rater = \"Morgan Lee\"",
            "rater = \"Morgan Lee-Fitzgerald\"",
        ),
    );
    let svg = sandbox
        .run([
            "compare",
            "examples/reports/sam-2026-09.toml",
            "--format",
            "svg",
        ])
        .arg(&mentor)
        .output()
        .stdout;
    let svg = roxmltree::Document::parse(&svg).unwrap();
    let width: f64 = svg
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let mut beside = 0;
    for label in svg.descendants().filter(|n| has_class(n, "label")) {
        let anchor = label.attribute("text-anchor").unwrap();
        if anchor == "middle" {
            continue;
        }
        beside += 1;
        for span in label.children().filter(|n| n.is_element()) {
            let text = span.text().unwrap_or_default();
            let x: f64 = span.attribute("x").unwrap().parse().unwrap();
            // About 7.5 px a character at the label's size.
            let extent = 7.5 * text.chars().count() as f64;
            let fits = match anchor {
                "start" => x + extent <= width,
                _ => x - extent >= 0.0,
            };
            assert!(fits, "{text:?} at {x} ({anchor})");
        }
    }
    assert!(beside >= 4, "{beside} labels beside the radar");
    let texts: Vec<String> = svg
        .descendants()
        .filter(|n| has_class(n, "detail"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    assert!(texts.iter().any(|t| t == "Lee-Fitzgerald 78"), "{texts:?}");
}
