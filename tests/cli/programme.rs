//! Programmes: norms, item statistics, percentiles, meaningful change, who
//! is due and the calendar, on a cohort of ten whose figures are worked out
//! by hand below.
//!
//! The questionnaire (tests/fixtures/programme) has a theme `lead` of three
//! five-point statements (s = (position − 1)/4) and a theme `money` of one.
//! The ten people answer (l1, l2, l3; m1):
//!
//! | person | l1 | l2 | l3 | lead score        | m1 |
//! |--------|----|----|----|-------------------|----|
//! | P0     | 1  | 1  | 3  | (0+0+.5)/3 = 16.7 | 1  |
//! | P1     | 2  | 1  | 5  | 41.7              | 2  |
//! | P2     | 2  | 2  | 1  | 16.7              | 3  |
//! | P3     | 3  | 2  | 4  | 50.0              | 4  |
//! | P4     | 3  | 3  | 2  | 41.7              | 5  |
//! | P5     | 3  | 4  | 3  | 58.3              | 1  |
//! | P6     | 4  | 3  | 5  | 75.0              | 2  |
//! | P7     | 4  | 4  | 1  | 50.0              | 3  |
//! | P8     | 5  | 4  | 3  | 75.0              | 4  |
//! | P9     | 5  | 5  | 3  | 83.3              | 5  |
//!
//! Item scores s: l1 = 0, .25, .25, .5, .5, .5, .75, .75, 1, 1 (mean .55,
//! sample variance 13/120); l2 = 0, 0, .25, .25, .5, .75, .5, .75, .75, 1
//! (mean .475, variance 169/1440); l3 = .5, 1, 0, .75, .25, .5, 1, 0, .5, .5
//! (mean .5, variance 1/8). Totals (l1+l2+l3) have variance 689/1440, so
//! alpha = 3/2 · (1 − (13/120 + 169/1440 + 1/8) / (689/1440))
//!       = 3/2 · (1 − 505/1440 · 1440/689) = 3/2 · 184/689 = 276/689 = 0.401.
//! l3 against the rest (l1 + l2): covariance −5/144, the rest's variance
//! 203/480, so r = (−5/144) / √(1/8 · 203/480) = −0.151: below 0.2, flagged.
//! Without l3, alpha of l1 and l2 = 2 · (1 − (13/120 + 169/1440) / var(l1 +
//! l2)) = 568/609 = 0.933. l1 against l2 + l3: r = 0.720; l2: 0.386.
//!
//! Lead scores sorted: 16.7, 16.7, 41.7, 41.7, 50, 50, 58.3, 75, 75, 83.3
//! (mean 50.8; squared deviations sum to 4784.7, sd = √(4784.7/9) = 23.1). Percentiles by h = 9p: p10 (h 0.9) = 16.7, p25
//! (2.25) = 41.7, p50 (4.5) = 50, p75 (6.75) = 58.3 + .75 · 16.7 = 70.8,
//! p90 (8.1) = 75 + .1 · 8.3 = 75.8. The norms file keeps the mean and the
//! percentiles in whole points: 51; 17, 42, 50, 71, 76.

use crate::support;

use crate::support::Sandbox;
use serde_json::Value;

const Q: &str = "tests/fixtures/programme/questionnaire.toml";

/// The ten people's answers: (l1, l2, l3, m1).
const PEOPLE: [(u8, u8, u8, u8); 10] = [
    (1, 1, 3, 1),
    (2, 1, 5, 2),
    (2, 2, 1, 3),
    (3, 2, 4, 4),
    (3, 3, 2, 5),
    (3, 4, 3, 1),
    (4, 3, 5, 2),
    (4, 4, 1, 3),
    (5, 4, 3, 4),
    (5, 5, 3, 5),
];

/// Saves one self-assessment of `name` at `now` with `answers`.
fn assess(sandbox: &Sandbox, name: &str, now: &str, (l1, l2, l3, m1): (u8, u8, u8, u8)) -> Value {
    let file = sandbox.write(
        &format!("{name}.toml"),
        &format!(
            "questionnaire = \"programme\"\n[answers]\nl1 = {l1}\nl2 = {l2}\nl3 = {l3}\nm1 = {m1}\n"
        ),
    );
    let report = sandbox.assess_at(
        now,
        &[
            "-q",
            Q,
            "--subject",
            name,
            "--answers",
            file.to_str().unwrap(),
        ],
    );
    std::fs::remove_file(file).unwrap();
    report
}

/// The first `count` people of the cohort, each with one self-assessment.
fn cohort(sandbox: &Sandbox, count: usize) {
    for (i, answers) in PEOPLE.into_iter().take(count).enumerate() {
        assess(
            sandbox,
            &format!("P{i}"),
            &format!("2026-09-{:02}T09:00:00Z", i + 1),
            answers,
        );
    }
}

fn norms(sandbox: &Sandbox) -> std::path::PathBuf {
    let path = sandbox.scratch().join("cohort.norms.toml");
    sandbox
        .run(["norms"])
        .arg(sandbox.data_dir().join("reports"))
        .arg("-o")
        .arg(&path)
        .stderr("Wrote [SANDBOX]/cohort.norms.toml\n")
        .run();
    path
}

#[test]
fn norms_hold_the_hand_worked_figures_and_nothing_that_names_anyone() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 10);
    let path = norms(&sandbox);
    let text = std::fs::read_to_string(&path).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    let themes = file["themes"].as_array().unwrap();
    let lead = themes
        .iter()
        .find(|t| t["id"].as_str() == Some("lead"))
        .unwrap();
    let figure = |key: &str| lead[key].as_float().unwrap();
    assert_eq!(lead["n"].as_integer(), Some(10));
    assert_eq!(
        ["mean", "sd", "p10", "p25", "p50", "p75", "p90", "alpha"].map(figure),
        [51.0, 23.1, 17.0, 42.0, 50.0, 71.0, 76.0, 0.401]
    );
    // One question: no alpha.
    let money = themes
        .iter()
        .find(|t| t["id"].as_str() == Some("money"))
        .unwrap();
    assert!(money.get("alpha").is_none(), "{money:?}");

    // No name, report id or date anywhere in the file.
    for i in 0..10 {
        assert!(!text.contains(&format!("P{i}")), "{text}");
    }
    assert!(!text.contains("2026"), "{text}");
    let keys: Vec<&str> = file.keys().map(String::as_str).collect();
    assert_eq!(keys, ["schema", "themes"]);
    let theme_keys: Vec<&str> = lead
        .as_table()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        theme_keys,
        [
            "alpha",
            "hash",
            "id",
            "mean",
            "n",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "questionnaire",
            "sd"
        ]
    );
}

#[test]
fn norms_are_refused_below_the_minimum_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 9);
    let path = sandbox.scratch().join("cohort.norms.toml");
    sandbox
        .run(["norms"])
        .arg(sandbox.data_dir().join("reports"))
        .arg("-o")
        .arg(&path)
        .status(1)
        .stderr(
            "error: norms need at least 10 people, and these folders hold the self-assessments \
             of 9\n  help: add folders, or wait until more people have assessed; nothing was \
             written\n",
        )
        .run();
    assert!(!path.exists());
    sandbox
        .run(["norms", "--min", "5", "-o", "x.toml"])
        .arg(sandbox.data_dir().join("reports"))
        .status(1)
        .stderr(
            "error: --min 5 is too small: norms from fewer than 10 people would show their \
             scores\n  help: give 10 or more\n",
        )
        .run();
}

/// The answer file of person `p` of twelve: the built-in questionnaire in
/// contexts that vary (so that some questions apply to some people only),
/// every answer near the person's level `p / 11`, give or take a little.
fn built_in_person(q: &leadgap::testing::questionnaire::Questionnaire, p: u32) -> String {
    use leadgap::testing::questionnaire::{ContextKind, ContextValue};
    let context: Vec<(String, String, ContextValue)> = q
        .contexts
        .iter()
        .enumerate()
        .map(|(index, c)| match &c.kind {
            ContextKind::Number { max, .. } => {
                // Six reports, and as many suppliers as the question counts.
                let n = max.min(6.0);
                (c.id.clone(), n.to_string(), ContextValue::Number(n))
            }
            ContextKind::Choice { options } => {
                let pick = (p as usize + index) % options.len();
                (
                    c.id.clone(),
                    format!("\"{}\"", options[pick].id),
                    ContextValue::Choice(pick),
                )
            }
        })
        .collect();
    let values: Vec<Option<ContextValue>> =
        context.iter().map(|(_, _, v)| Some(v.clone())).collect();
    let mut file =
        format!("questionnaire = \"it-manager\"\nrespondent = \"Person {p}\"\n[context]\n");
    for (id, written, _) in &context {
        file.push_str(&format!("{id} = {written}\n"));
    }
    file.push_str("[answers]\n");
    let level = f64::from(p) / 11.0;
    for (index, question) in q.questions.iter().enumerate() {
        if !q.applies(index, &values) {
            continue;
        }
        let wobble = 0.15 * (f64::from(p) * 7.0 + index as f64 * 3.0).sin();
        let aim = (level + wobble).clamp(0.0, 1.0);
        let all = crate::content::personas::candidates(q, index, &values);
        let best = all.iter().map(|c| c.2).fold(0.0, f64::max);
        let (answer, _, _) = all
            .iter()
            .min_by(|a, b| {
                (a.2 / best - aim)
                    .abs()
                    .total_cmp(&(b.2 / best - aim).abs())
            })
            .unwrap();
        file.push_str(&format!("{} = {answer}\n", question.id));
    }
    file
}

#[test]
fn alpha_leaves_out_the_questions_asked_of_some_people_only() {
    let (q, _) = crate::content::built_in();
    let sandbox = Sandbox::new();
    for p in 0..12 {
        let answers = sandbox.write(&format!("p{p}.toml"), &built_in_person(&q, p));
        sandbox.assess_at(
            &format!("2026-10-{:02}T09:00:00Z", p + 1),
            &["--answers", answers.to_str().unwrap()],
        );
    }
    let reports = sandbox.data_dir().join("reports");
    let json = sandbox
        .run(["cohort", "--items", "--format", "json"])
        .arg(&reports)
        .stdout_any()
        .run()
        .json();
    let conditional = |theme: &str| -> Vec<String> {
        q.questions
            .iter()
            .filter(|question| q.themes[question.theme].id == theme && question.when.is_some())
            .map(|question| question.id.clone())
            .collect()
    };
    for theme in ["delegation", "budget", "compliance", "people"] {
        let items = support::by_id(&json["themes"], theme);
        assert_eq!(
            items["n"], 12,
            "{theme}: everyone answered what everyone is asked"
        );
        assert!(items["alpha"].is_f64(), "{theme}: {}", items["alpha"]);
        let left_out: Vec<String> = items["left_out"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(left_out, conditional(theme), "{theme}");
        let in_alpha: Vec<&str> = items["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert!(left_out.iter().all(|id| !in_alpha.contains(&id.as_str())));
    }
    assert!(!conditional("people").is_empty() && !conditional("budget").is_empty());
    // The table names them.
    let table = sandbox
        .run(["cohort", "--items"])
        .arg(&reports)
        .env("COLUMNS", "200")
        .output()
        .stdout;
    let people = conditional("people").join(", ");
    assert!(
        table.contains(&format!(
            "Left out of alpha, as they are asked of some people only: {people}.\n"
        )),
        "{table}"
    );
    // And so the norms have an alpha there, and `--norms` can tell.
    let norms = sandbox.scratch().join("it.norms.toml");
    sandbox
        .run(["norms", "-o"])
        .arg(&norms)
        .arg(&reports)
        .stderr_checked_by_the_test()
        .run();
    let written: toml::Table = toml::from_str(&std::fs::read_to_string(&norms).unwrap()).unwrap();
    for theme in written["themes"].as_array().unwrap() {
        assert!(theme.get("alpha").is_some(), "{}", theme["id"]);
    }
}

#[test]
fn cohort_items_gives_alpha_item_rest_and_alpha_if_dropped() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 10);
    let json = sandbox
        .run(["cohort", "--items", "--format", "json"])
        .arg(sandbox.data_dir().join("reports"))
        .stderr("")
        .stdout_any()
        .run()
        .json();
    let lead = &json["themes"][0];
    assert_eq!(lead["id"], "lead");
    assert_eq!(lead["n"], 10);
    assert_eq!(lead["alpha"], 0.401);
    let items: Vec<(&str, f64, f64, f64, &Value, bool)> = lead["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap(),
                i["mean"].as_f64().unwrap(),
                i["sd"].as_f64().unwrap(),
                i["item_rest"].as_f64().unwrap(),
                &i["alpha_if_dropped"],
                i["flagged"].as_bool().unwrap(),
            )
        })
        .collect();
    // sd: √(13/120) = 0.329, √(169/1440) = 0.343, √(1/8) = 0.354. Alpha
    // without l1: of l2 and l3, −200/249; without l2: 0 (by hand as above).
    assert_eq!(
        items,
        [
            ("l1", 0.55, 0.329, 0.72, &Value::from(-0.803), false),
            ("l2", 0.475, 0.343, 0.386, &Value::from(0.0), false),
            ("l3", 0.5, 0.354, -0.151, &Value::from(0.933), true),
        ]
    );
    // One question: no alpha, no correlations.
    let money = &json["themes"][1];
    assert_eq!(money["alpha"], Value::Null);
    assert_eq!(money["items"][0]["item_rest"], Value::Null);

    let table = sandbox
        .run(["cohort", "--items"])
        .arg(sandbox.data_dir().join("reports"))
        .env("COLUMNS", "100")
        .output()
        .stdout;
    insta::assert_snapshot!("items_table", table);
}

#[test]
fn the_roster_lists_who_is_due_and_exits_3() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 3); // P0, P1, P2 on 2026-09-01, -02, -03
    let roster = sandbox.write("roster.txt", "# cohort 2026\nP0\np1\nP2\nNew Person\n");
    // On 2026-11-30, 90 days back is 2026-09-01: P0's report of that day is
    // not older; P1's and P2's are newer. New Person never assessed.
    sandbox
        .run(["cohort", "--every", "90d", "--roster"])
        .arg(&roster)
        .arg(sandbox.data_dir().join("reports"))
        .at("2026-11-30T09:00:00Z")
        .status(3)
        .stdout(
            "1 of 4 is due (no self-assessment within 90d).\n \
             Person      Latest self-assessment  Days ago\n \
             New Person  never                             due\n \
             P0          2026-09-01                    90\n \
             p1          2026-09-02                    89\n \
             P2          2026-09-03                    88\n",
        )
        .run();
    // A day later P0 is due too; with a shorter list nobody is.
    let json = sandbox
        .run(["cohort", "--every", "90d", "--format", "json", "--roster"])
        .arg(&roster)
        .arg(sandbox.data_dir().join("reports"))
        .at("2026-12-01T09:00:00Z")
        .status(3)
        .stdout_any()
        .run()
        .json();
    let due: Vec<&str> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["due"] == true)
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(due, ["New Person", "P0"]);
    let short = sandbox.write("short.txt", "P1\nP2\n");
    sandbox
        .run(["cohort", "--every", "13w", "--roster"])
        .arg(&short)
        .arg(sandbox.data_dir().join("reports"))
        .at("2026-11-30T09:00:00Z")
        .status(0)
        .stdout_any()
        .run();
    sandbox
        .run(["cohort", "--every", "soon", "--roster"])
        .arg(&short)
        .arg(sandbox.data_dir().join("reports"))
        .status(1)
        .stderr(
            "error: --every: `soon` is not an interval: write a whole number and d (days), w \
             (weeks) or m (months), e.g. 90d, 13w or 3m\n",
        )
        .run();
}

/// Norms of the ten, then Pat's three self-assessments: lead (3, 3, 3) =
/// 50 on 10-01, (4, 4, 4) = 75 on 11-01, (5, 5, 5) = 100 on 11-15.
fn pat(sandbox: &Sandbox) -> std::path::PathBuf {
    cohort(sandbox, 10);
    let norms = norms(sandbox);
    assess(sandbox, "Pat", "2026-10-01T09:00:00Z", (3, 3, 3, 3));
    assess(sandbox, "Pat", "2026-11-01T09:00:00Z", (4, 4, 4, 3));
    norms
}

#[test]
fn percentiles_and_meaningful_change_by_hand() {
    let sandbox = Sandbox::new();
    let norms = pat(&sandbox);
    let norms = norms.to_str().unwrap();
    // Lead 75 lies between p75 = 71 and p90 = 76 (whole points in the
    // norms file): 75 + (75 − 71) / (76 − 71) · 15 = 75 + 0.8 · 15 = 87. The change +25 against
    // 1.96 · 23.1 · √(2 · (1 − 0.401)) = 49.6: within noise. Money has one
    // question, so no alpha: whether its change (0) is meaningful is null.
    let report = sandbox
        .run([
            "show",
            "2026-11-01T09-00-00Z",
            "--format",
            "json",
            "--norms",
            norms,
        ])
        .stdout_any()
        .run()
        .json();
    let lead = support::by_id(&report["themes"], "lead");
    assert_eq!(
        (&lead["percentile"], &lead["meaningful"]),
        (&Value::from(87.0), &Value::from(false))
    );
    let money = support::by_id(&report["themes"], "money");
    // Money 50: the cohort's m1 scores 0, .25, .5, .75, 1 twice: p25 = 25,
    // p50 = 50 (a point on the line), so 50%.
    assert_eq!(
        (&money["percentile"], &money["meaningful"]),
        (&Value::from(50.0), &Value::Null)
    );

    // From 50 to 100 is +50, above 49.6: meaningful.
    let last = assess(&sandbox, "Pat", "2026-11-15T09:00:00Z", (5, 5, 5, 3));
    let diff = sandbox
        .run([
            "diff",
            "2026-10-01T09-00-00Z",
            last["id"].as_str().unwrap(),
            "--format",
            "json",
            "--norms",
            norms,
        ])
        .stdout_any()
        .run()
        .json();
    let lead = support::by_id(&diff["themes"], "lead");
    assert_eq!(
        (&lead["change"], &lead["meaningful"]),
        (&Value::from(50.0), &Value::from(true))
    );
    let table = sandbox
        .run([
            "diff",
            "2026-10-01T09-00-00Z",
            "2026-11-15T09-00-00Z",
            "--norms",
            norms,
        ])
        .env("COLUMNS", "100")
        .output()
        .stdout;
    insta::assert_snapshot!("diff_with_norms", table);

    // The same in the gap report, in words, and in history's JSON.
    let shown = sandbox
        .run(["show", "2026-11-15T09-00-00Z", "--norms", norms])
        .env("COLUMNS", "100")
        .output()
        .stdout;
    let section =
        &shown[shown.find("Against the cohort").unwrap()..shown.find("Work on first").unwrap()];
    assert_eq!(
        section,
        "Against the cohort\n   \
         - Leading: 100, higher than 100% of the cohort (its middle half scores 42 to 71); +25\n     \
         since the last report: within noise (a meaningful change is 50 or more).\n   \
         - Money: 50, higher than 50% of the cohort (its middle half scores 25 to 75); 0 since\n     \
         the last report: whether it is meaningful cannot be told: the norms have no alpha\n     \
         for this theme.\n\n"
    );
    let history = sandbox
        .run(["history", "--format", "json", "--norms", norms])
        .stdout_any()
        .run()
        .json();
    // Pat's reports, oldest first: the latest change is +25.
    let pat = history
        .as_array()
        .unwrap()
        .iter()
        .rfind(|s| s["respondent"] == "Pat")
        .unwrap();
    assert_eq!(support::by_id(&pat["themes"], "lead")["meaningful"], false);

    // HTML and SVG: the cohort's middle half as a band under the scores.
    let svg = sandbox
        .run([
            "show",
            "2026-11-15T09-00-00Z",
            "--format",
            "svg",
            "--norms",
            norms,
        ])
        .output()
        .stdout;
    let svg = roxmltree::Document::parse(&svg).unwrap();
    let band = svg
        .descendants()
        .find(|n| n.tag_name().name() == "path" && n.attribute("class") == Some("band"))
        .unwrap();
    assert_eq!(band.attribute("data-series"), Some("Cohort's middle half"));
}

#[test]
fn a_change_reads_the_same_in_the_table_and_against_the_cohort() {
    // Lead 16.7 → 58.3: the change is 41.7, and between the scores as shown
    // (17 → 58) it is +41, in the table and under "Against the cohort".
    let sandbox = Sandbox::new();
    cohort(&sandbox, 10);
    let norms = norms(&sandbox);
    assess(&sandbox, "Quinn", "2026-10-01T09:00:00Z", (1, 1, 3, 3));
    assess(&sandbox, "Quinn", "2026-11-01T09:00:00Z", (3, 4, 3, 3));
    let shown = sandbox
        .run(["show", "2026-11-01T09-00-00Z", "--norms"])
        .arg(&norms)
        .env("COLUMNS", "120")
        .output()
        .stdout;
    let row = shown.lines().find(|l| l.starts_with(" Leading")).unwrap();
    assert!(row.contains(" +41 "), "{row}");
    assert!(
        shown.contains("scores 42 to 71); +41\n     since the last report: within noise"),
        "{shown}"
    );
}

#[test]
fn a_damaged_norms_file_is_refused_with_its_place() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 1);
    let bad = sandbox.write(
        "bad.norms.toml",
        "schema = 1\n[[themes]]\nquestionnaire = \"programme\"\nhash = \"x\"\nid = \"lead\"\nn = 10\n\
         mean = 50.0\nsd = 10.0\np10 = 20.0\np25 = 60.0\np50 = 50.0\np75 = 70.0\np90 = 80.0\n",
    );
    sandbox
        .run(["show", "latest", "--norms"])
        .arg(&bad)
        .status(1)
        .stderr(
            "error: [SANDBOX]/bad.norms.toml:11:7: `p50` is below `p25`: the percentiles must not \
             decrease from p10 to p90\n  help: make it again with `leadgap norms DIR... -o FILE`\n",
        )
        .run();
}

#[test]
fn the_plan_as_a_calendar_reads_back_with_a_calendar_library() {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

    let sandbox = Sandbox::new();
    assess(&sandbox, "Pat", "2026-11-01T09:00:00Z", (3, 3, 3, 3));
    let at = "2026-11-02T09:00:00Z";
    for (text, due) in [
        (
            "Hand the on-call runbook to Lee, Kim; and Sam \\ with a note",
            "+10d",
        ),
        (
            "Ask für Rückmeldung: one-to-ones every week with the whole team, not only the seniors",
            "+3w",
        ),
        ("Already done", "+5d"),
    ] {
        sandbox
            .run(["plan", "add", "--theme", "lead", "--due", due, text])
            .at(at)
            .stdout_any()
            .run();
    }
    sandbox.run(["plan", "done", "3"]).at(at).stdout_any().run();
    let ics = sandbox
        .run(["plan", "--format", "ics"])
        .at(at)
        .output()
        .stdout;
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "folded at 75 octets:\n{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));

    let calendar: Calendar = ics.parse().unwrap();
    let events: Vec<(String, DatePerhapsTime, String)> = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .filter(|e| e.get_status() != Some(icalendar::EventStatus::Cancelled))
        .map(|e| {
            (
                e.get_summary().unwrap().to_owned(),
                e.get_start().unwrap(),
                e.get_uid().unwrap().to_owned(),
            )
        })
        .collect();
    let day =
        |d: &str| DatePerhapsTime::Date(chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
    // The two open actions on their due days (commas, semicolons and
    // backslashes escaped, and read back as written), the check-in 90 days
    // after Pat's report of 2026-11-01; the done one is cancelled (below).
    let summaries: Vec<(&str, &DatePerhapsTime)> =
        events.iter().map(|(s, d, _)| (s.as_str(), d)).collect();
    assert_eq!(
        summaries,
        [
            (
                "Hand the on-call runbook to Lee, Kim; and Sam \\ with a note (leadgap #1)",
                &day("2026-11-12")
            ),
            (
                "Ask für Rückmeldung: one-to-ones every week with the whole team, not only the seniors (leadgap #2)",
                &day("2026-11-23")
            ),
            ("leadgap check-in: assess again", &day("2027-01-30")),
        ]
    );
    // Ids are unique and stay the same when the action is edited.
    sandbox
        .run(["plan", "edit", "1", "--text", "Hand the runbook over"])
        .at(at)
        .stdout_any()
        .run();
    let again: Calendar = sandbox
        .run(["plan", "--format", "ics"])
        .at(at)
        .output()
        .stdout
        .parse()
        .unwrap();
    let uid = again.components[0]
        .as_event()
        .unwrap()
        .get_uid()
        .unwrap()
        .to_owned();
    assert_eq!(uid, events[0].2);
    assert_ne!(events[0].2, events[1].2);
    // Each change is a new revision, so that a calendar importing the
    // file again takes the new text and date: #1 was edited once (1), then
    // its due date moved (2); #2 was never changed (0); #3 was done (1).
    sandbox
        .run(["plan", "edit", "1", "--due", "+20d"])
        .at(at)
        .stdout_any()
        .run();
    let sequences: Vec<(u32, Option<u32>)> = sandbox
        .run(["plan", "--all", "--format", "ics"])
        .at(at)
        .output()
        .stdout
        .parse::<Calendar>()
        .unwrap()
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .filter(|e| e.get_uid().unwrap().starts_with("action-"))
        .map(|e| {
            let number = e.get_summary().unwrap().split("leadgap #").nth(1).unwrap()[..1]
                .parse()
                .unwrap();
            (number, e.get_sequence())
        })
        .collect();
    assert_eq!(sequences, [(1, Some(2)), (2, Some(0)), (3, Some(1))]);
}

/// Every event of a calendar: (uid, summary, start, cancelled).
fn events_of(ics: &str) -> Vec<(String, String, String, bool)> {
    use icalendar::{Calendar, CalendarComponent, Component, EventStatus};
    let calendar: Calendar = ics.parse().unwrap();
    calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .map(|e| {
            (
                e.get_uid().unwrap().to_owned(),
                e.get_summary().unwrap().to_owned(),
                format!("{:?}", e.get_start().unwrap()),
                e.get_status() == Some(EventStatus::Cancelled),
            )
        })
        .collect()
}

#[test]
fn a_calendar_imported_twice_clears_what_is_done_and_moves_the_check_in() {
    let sandbox = Sandbox::new();
    assess(&sandbox, "Pat", "2026-11-01T09:00:00Z", (3, 3, 3, 3));
    let at = "2026-11-02T09:00:00Z";
    for text in ["Hand the runbook to Lee", "Book one-to-ones"] {
        sandbox
            .run(["plan", "add", "--theme", "lead", text])
            .at(at)
            .stdout_any()
            .run();
    }
    let first = events_of(
        &sandbox
            .run(["plan", "--format", "ics"])
            .at(at)
            .output()
            .stdout,
    );
    // Then: the first action done, the second dropped, a new one, and a new
    // self-assessment on 2026-12-01.
    sandbox.run(["plan", "done", "1"]).at(at).stdout_any().run();
    sandbox.run(["plan", "drop", "2"]).at(at).stdout_any().run();
    sandbox
        .run(["plan", "add", "--theme", "lead", "Ask the team"])
        .at(at)
        .stdout_any()
        .run();
    assess(&sandbox, "Pat", "2026-12-01T09:00:00Z", (4, 4, 4, 3));
    let later = "2026-12-02T09:00:00Z";
    let second = events_of(
        &sandbox
            .run(["plan", "--format", "ics"])
            .at(later)
            .output()
            .stdout,
    );

    // The same ids: what was done or dropped is still there, cancelled, so
    // that the calendar which imported the first file clears it.
    let find = |events: &[(String, String, String, bool)], uid: &str| {
        events.iter().find(|e| e.0 == uid).cloned()
    };
    let [one, two, checkin] = &first[..] else {
        panic!("{first:?}")
    };
    assert!(!one.3 && !two.3 && !checkin.3, "{first:?}");
    let one_again = find(&second, &one.0).unwrap();
    assert!(one_again.3);
    assert_eq!(one_again.1, "Hand the runbook to Lee (leadgap #1, done)");
    let two_again = find(&second, &two.0).unwrap();
    assert!(two_again.3);
    assert_eq!(two_again.1, "Book one-to-ones (leadgap #2, dropped)");
    // One check-in, with the same id, moved 90 days after the new report.
    let checkins: Vec<_> = second.iter().filter(|e| e.1.contains("check-in")).collect();
    assert_eq!(checkins.len(), 1);
    assert_eq!(checkins[0].0, checkin.0);
    assert_eq!(checkin.2, "Date(2027-01-30)");
    assert_eq!(checkins[0].2, "Date(2027-03-01)");
    // And the new action, open.
    assert!(
        second
            .iter()
            .any(|e| e.1 == "Ask the team (leadgap #3)" && !e.3)
    );
    assert_eq!(second.len(), 4);
}

#[test]
fn a_profile_sets_how_often_to_check_in() {
    let sandbox = Sandbox::new();
    // The questionnaire installed by name, its profile checking in every 6
    // weeks.
    let installed = sandbox.data_dir().join("questionnaires");
    std::fs::create_dir_all(&installed).unwrap();
    let fixture = support::repo().join("tests/fixtures/programme");
    std::fs::copy(
        fixture.join("questionnaire.toml"),
        installed.join("programme.toml"),
    )
    .unwrap();
    let rubric = std::fs::read_to_string(fixture.join("rubric.toml")).unwrap();
    std::fs::write(
        installed.join("rubric.toml"),
        rubric.replace(
            "default_target = 60",
            "default_target = 60\ncheckin_every = \"6w\"",
        ),
    )
    .unwrap();
    let file = sandbox.write(
        "pat.toml",
        "questionnaire = \"programme\"\n[answers]\nl1 = 3\nl2 = 3\nl3 = 3\nm1 = 3\n",
    );
    sandbox.assess_at(
        "2026-11-01T09:00:00Z",
        &["--subject", "Pat", "--answers", file.to_str().unwrap()],
    );
    let ics = sandbox
        .run(["plan", "--format", "ics"])
        .at("2026-11-02T09:00:00Z")
        .output()
        .stdout;
    // 2026-11-01 + 42 days.
    assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20261213\r\n"), "{ics}");

    // A bad interval is a problem with its place.
    std::fs::write(
        installed.join("rubric.toml"),
        rubric.replace(
            "default_target = 60",
            "default_target = 60\ncheckin_every = \"often\"",
        ),
    )
    .unwrap();
    sandbox
        .run(["check"])
        .arg(installed.join("rubric.toml"))
        .status(1)
        .stderr(
            "error: [DATA]/questionnaires/rubric.toml:23:17: `often` is not an interval: write \
             a whole number and d (days), w (weeks) or m (months), e.g. 90d, 13w or 3m\n",
        )
        .run();
}

#[test]
fn the_cohort_page_shows_the_grid_each_theme_and_who_is_due() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 10);
    let norms = norms(&sandbox);
    let roster = sandbox.write("roster.txt", "P0\nP9\nNewcomer\n");
    let reports = sandbox.data_dir().join("reports");
    let ran = sandbox
        .run(["cohort", "--format", "html", "--norms"])
        .arg(&norms)
        .arg("--roster")
        .arg(&roster)
        .args(["--every", "90d"])
        .arg(&reports)
        .status(3)
        .output();
    let html = roxmltree::Document::parse_with_options(
        &ran.stdout,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
    let class = |n: &roxmltree::Node, c: &str| {
        n.attribute("class")
            .is_some_and(|a| a.split_whitespace().any(|x| x == c))
    };
    let text = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>()
    };
    // The grid: one row per person, each cell coloured by the distance to
    // the target (60) and marked the same way. P0's lead 16.7 is 43 below
    // (far); P9's 83.3 meets it; P4's money 100 meets it.
    let grid = html
        .descendants()
        .find(|n| n.has_tag_name("table") && class(n, "cohort"))
        .unwrap();
    let rows: Vec<(String, Vec<(String, String)>)> = grid
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .skip(1)
        .map(|row| {
            let name = text(row.children().find(|c| c.has_tag_name("th")).unwrap());
            let cells = row
                .children()
                .filter(|c| c.has_tag_name("td"))
                .map(|c| (c.attribute("class").unwrap().to_owned(), text(c)))
                .collect();
            (name, cells)
        })
        .collect();
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"]
    );
    let cells = |name: &str| rows.iter().find(|(n, _)| n == name).unwrap().1.clone();
    assert_eq!(
        cells("P0"),
        [
            ("far".to_owned(), "17 −43".to_owned()),
            ("far".to_owned(), "0 −60".to_owned())
        ]
    );
    assert_eq!(cells("P9")[0], ("met".to_owned(), "83 ✓".to_owned()));
    assert_eq!(cells("P5")[0], ("near".to_owned(), "58 −2".to_owned()));
    assert_eq!(cells("P3")[0], ("below".to_owned(), "50 −10".to_owned()));
    // Each theme: a dot per person, the target, and the norms' middle half
    // (lead: 42 to 71).
    let strips: Vec<roxmltree::Node> = html
        .descendants()
        .filter(|n| n.has_tag_name("svg") && class(n, "strip"))
        .collect();
    assert_eq!(strips.len(), 2);
    let lead = strips[0];
    assert_eq!(lead.descendants().filter(|n| class(n, "dot")).count(), 10);
    assert_eq!(lead.descendants().filter(|n| class(n, "target")).count(), 1);
    assert!(lead.descendants().any(|n| class(&n, "band")));
    assert!(
        lead.attribute("aria-label").unwrap().contains(
            "Leading: median 50 (17 to 83); target 60; 7 of 10 below their target; the norms' \
             middle half 42 to 71"
        ),
        "{:?}",
        lead.attribute("aria-label")
    );
    // Who is due: the newcomer, never assessed.
    assert!(ran.stdout.contains("<h2>Who is due</h2>"));
    assert!(
        ran.stdout
            .contains("1 of 3 is due (no self-assessment within 90d).")
    );
    assert!(ran.stdout.contains(
        "<td data-label=\"Person\">Newcomer</td><td data-label=\"Latest self-assessment\">never</td>"
    ));

    // Anonymous: no name anywhere, people numbered.
    let anonymous = sandbox
        .run(["cohort", "--format", "html", "--anonymous"])
        .arg(&reports)
        .output()
        .stdout;
    for i in 0..10 {
        assert!(!anonymous.contains(&format!(">P{i}<")), "P{i}");
    }
    assert!(anonymous.contains("<th scope=\"row\">Person 10</th>"));
    assert!(
        !anonymous.contains("2026-09"),
        "no dates, which tell who is who"
    );

    // The same page in Markdown, to paste.
    let markdown = sandbox
        .run(["cohort", "--format", "markdown", "--norms"])
        .arg(&norms)
        .arg(&reports)
        .at("2026-11-22T09:00:00Z")
        .output()
        .stdout;
    insta::assert_snapshot!("cohort_markdown", markdown);
}

#[test]
fn the_cohort_grid_fits_80_columns_without_wrapping_a_name() {
    let sandbox = Sandbox::new();
    for (example, name) in [
        ("hero", "Sam Hero"),
        ("balanced", "Fatima Zahra Okafor"),
        ("technician", "Alex Technician"),
    ] {
        let file = format!("examples/{example}.toml");
        sandbox.assess_at("2026-11-01T09:00:00Z", &["-a", &file, "--subject", name]);
    }
    let table = sandbox
        .run(["cohort"])
        .arg(sandbox.data_dir().join("reports"))
        .env("COLUMNS", "80")
        .output()
        .stdout;
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    let grid: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with(" Person"))
        .collect();
    assert_eq!(
        grid[0],
        " Person               Del  Bud  Sta  Dur  Ven  Com  Peo  Val  Gro"
    );
    assert_eq!(
        grid[2],
        " Fatima Zahra Okafor   84  43*   78   75   86   93   88   91   92"
    );
}

#[test]
fn a_format_the_roster_or_the_items_do_not_have_is_a_usage_error() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 3);
    let reports = sandbox.data_dir().join("reports");
    let roster = sandbox.write("roster.txt", "P0\n");
    sandbox
        .run(["cohort", "--every", "90d", "--format", "csv", "--roster"])
        .arg(&roster)
        .arg(&reports)
        .status(2)
        .stderr(
            "error: `cohort --roster` has no `--format csv`\n  help: use one of: table, json, html, \
             markdown\n",
        )
        .run();
    sandbox
        .run(["cohort", "--items", "--format", "csv"])
        .arg(&reports)
        .status(2)
        .stderr("error: `cohort --items` has no `--format csv`\n  help: use one of: table, json\n")
        .run();
}

#[test]
fn a_roster_matches_names_however_they_are_spelt_and_says_who_it_misses() {
    let sandbox = Sandbox::new();
    for name in ["Jo O'Neill", "Kai Müller", "Lena Şahin", "Priya Raman"] {
        sandbox.assess_at(
            "2026-11-20T09:00:00Z",
            &["--answers", "examples/balanced.toml", "--subject", name],
        );
    }
    let roster = sandbox.write(
        "roster.txt",
        "Jo O\u{2019}Neill\nKai Mueller\nLena Sahin\nPriya Ramen\n",
    );
    // Typographic apostrophes, umlauts written out and accents left off
    // are the same people; "Priya Ramen" is most likely Priya Raman, who
    // is on no line.
    sandbox
        .run(["cohort", "--every", "90d", "--roster"])
        .arg(&roster)
        .arg(sandbox.data_dir().join("reports"))
        .at("2026-11-30T09:00:00Z")
        .status(3)
        .stdout(
            "1 of 4 is due (no self-assessment within 90d).\n \
             Person       Latest self-assessment  Days ago\n \
             Priya Ramen  never                             due; did you mean Priya Raman?\n \
             Jo O\u{2019}Neill   2026-11-20                    10\n \
             Kai Mueller  2026-11-20                    10\n \
             Lena Sahin   2026-11-20                    10\n\
             In the cohort but on no roster line: Priya Raman.\n",
        )
        .run();
}
