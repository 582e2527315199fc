//! Property tests of every parser — questionnaire, rubric, answer file, saved
//! report, plan file: arbitrary bytes and arbitrary TOML-shaped documents
//! never panic, every `line:column` reported lies inside the file, and saved
//! reports round-trip exactly.

use leadgap::error::{Diagnostic, Error};
use leadgap::testing::answers::AnswerFile;
use leadgap::testing::questionnaire::AnswerValue;
use leadgap::testing::questionnaire::{self, BUILT_IN, Questionnaire};
use leadgap::testing::report::{
    AnswerRecord, QuestionnaireInfo, Report, Review, RubricInfo, ThemeReport,
};
use leadgap::testing::source::Source;
use leadgap::testing::store::plan;
use leadgap::testing::{rubric, store};
use proptest::prelude::*;

/// The built-in questionnaire, loaded once for every case of every
/// property.
fn built_in() -> &'static Questionnaire {
    static BUILT: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| questionnaire::load(&Source::new("q", BUILT_IN[0].questionnaire)).unwrap())
}

/// Every location in `diagnostics` is inside `text`: a line that exists and
/// a column at most one past its end.
fn assert_inside(text: &str, diagnostics: &[Diagnostic]) {
    let lines: Vec<&str> = text.split('\n').collect();
    for diagnostic in diagnostics {
        let Some(at) = diagnostic.location else {
            continue;
        };
        assert!(
            at.line >= 1 && at.line <= lines.len(),
            "line {} of {}: {diagnostic}",
            at.line,
            lines.len()
        );
        let length = lines[at.line - 1].chars().count();
        assert!(
            at.column >= 1 && at.column <= length + 1,
            "column {} of {length}: {diagnostic}",
            at.column
        );
    }
}

fn diagnostics(error: &Error) -> Vec<Diagnostic> {
    match error {
        Error::Invalid(diagnostics) => diagnostics.clone(),
        _ => Vec::new(),
    }
}

/// Runs every parser on `text`; none may panic, and every problem it reports
/// must point inside the text.
fn every_parser(text: &str, q: &Questionnaire) {
    let source = Source::new("f.toml", text);
    if let Err(problems) = questionnaire::load(&source) {
        assert_inside(text, &problems);
    }
    if let Err(problems) = rubric::load(&source, q) {
        assert_inside(text, &problems);
    }
    for partial in [false, true] {
        if let Err(problems) = AnswerFile::parse(&source).check(q, partial) {
            assert_inside(text, &problems);
        }
    }
    if let Err(error) = store::parse_report(&source) {
        assert_inside(text, &diagnostics(&error));
    }
    if let Err(plan::Damaged(error)) = plan::parse(&source) {
        assert_inside(text, &diagnostics(&error));
    }
}

/// Keys the file formats use, so that generated documents reach past the
/// first "unknown key".
const KEYS: &[&str] = &[
    "schema",
    "id",
    "version",
    "title",
    "description",
    "rubric",
    "scales",
    "labels",
    "themes",
    "questions",
    "theme",
    "kind",
    "text",
    "scale",
    "reverse",
    "weight",
    "required",
    "options",
    "label",
    "score",
    "unit",
    "min",
    "max",
    "bands",
    "upto",
    "pairs",
    "questionnaire",
    "default_profile",
    "min_coverage",
    "from",
    "advice",
    "profiles",
    "default_target",
    "targets",
    "respondent",
    "rater",
    "answers",
    "notes",
    "evidence",
    "plan",
    "due",
    "created",
    "leadgap",
    "overall",
    "priorities",
    "next_number",
    "actions",
    "number",
    "status",
    "takes-over",
    "late-outage",
    "delegation",
    "scale",
    "choice",
    "multi",
    "skip",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(KEYS).prop_map(str::to_owned),
        1 => "[a-z-]{1,12}",
    ]
}

fn value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(toml::Value::Integer),
        (-3i64..8).prop_map(toml::Value::Integer),
        any::<f64>().prop_map(toml::Value::Float),
        any::<bool>().prop_map(toml::Value::Boolean),
        ".{0,12}".prop_map(toml::Value::String),
        proptest::sample::select(KEYS).prop_map(|k| toml::Value::String(k.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(toml::Value::Array),
            proptest::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| toml::Value::Table(m.into_iter().collect())),
        ]
    })
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::btree_map(key(), value(), 0..10).prop_map(|table| {
        let table: toml::Table = table.into_iter().collect();
        toml::to_string(&table).unwrap_or_default()
    })
}

/// Real files with a few random edits: a byte range removed, or text put in.
fn mutated() -> impl Strategy<Value = String> {
    let files = [
        BUILT_IN[0].questionnaire,
        BUILT_IN[0].rubric,
        include_str!("../../examples/hero.toml"),
        include_str!("../../examples/reports/sam-2026-09.toml"),
    ];
    (
        proptest::sample::select(files.to_vec()),
        proptest::collection::vec((any::<prop::sample::Index>(), 0usize..40, ".{0,6}"), 1..4),
    )
        .prop_map(|(file, edits)| {
            let mut text = file.to_owned();
            for (at, remove, insert) in edits {
                let mut start = at.index(text.len().max(1)).min(text.len());
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (start + remove).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(start..end, &insert);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let q = built_in();
        every_parser(&String::from_utf8_lossy(&bytes), q);
    }

    #[test]
    fn toml_shaped_documents_never_panic(text in document()) {
        let q = built_in();
        every_parser(&text, q);
    }

    #[test]
    fn damaged_real_files_never_panic(text in mutated()) {
        let q = built_in();
        every_parser(&text, q);
    }

    #[test]
    fn invalid_utf8_is_located_inside_the_file(prefix in ".{0,40}", tail in proptest::collection::vec(any::<u8>(), 0..40)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.toml");
        let mut bytes = prefix.clone().into_bytes();
        bytes.push(0xff);
        bytes.extend(tail);
        std::fs::write(&path, &bytes).unwrap();
        let error = Source::read(&path).unwrap_err();
        let found = diagnostics(&error);
        prop_assert_eq!(found.len(), 1);
        assert_inside(&prefix, &found);
    }

    #[test]
    fn dates_durations_and_ids_take_any_unicode(text in "\\PC{0,12}", tail in prop::sample::select(vec!["d", "w", "m", "é", "週", "😀", "", "+", "1"])) {
        use chrono::NaiveDate;
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for candidate in [text.clone(), format!("+{text}{tail}"), format!("+1{tail}{text}"), format!("{text}{tail}")] {
            if let Ok(due) = leadgap::testing::interval::parse_date(&candidate, today) {
                // Only the forms the help describes are dates.
                let relative = candidate.trim().starts_with('+');
                prop_assert!(relative || NaiveDate::parse_from_str(candidate.trim(), "%Y-%m-%d") == Ok(due));
            }
            let _ = leadgap::testing::clock::parse(&candidate);
            let _ = <leadgap::testing::render::Format as clap::ValueEnum>::from_str(&candidate, false);
            if leadgap::testing::store::is_report_id(&candidate) {
                prop_assert!(!candidate.contains(['/', '.', '\\']));
            }
            if leadgap::testing::questionnaire::is_valid_id(&candidate) {
                prop_assert!(candidate.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
            let dir = tempfile::tempdir().unwrap();
            let data = leadgap::testing::store::DataDir::resolve(Some(dir.path())).unwrap();
            let _ = data.find_report(&candidate);
        }
    }

    #[test]
    fn saved_reports_round_trip_exactly(report in any_report()) {
        let report = consistent(report);
        let text = toml::to_string(&report).unwrap();
        let back = store::parse_report(&Source::new("r.toml", text.clone())).unwrap();
        prop_assert_eq!(back, report, "{}", text);
    }

    #[test]
    fn any_report_is_read_back_or_refused_with_located_problems(report in any_report()) {
        let text = toml::to_string(&report).unwrap();
        match store::parse_report(&Source::new("r.toml", text.clone())) {
            Ok(back) => prop_assert_eq!(back, report, "{}", text),
            Err(error) => {
                let found = diagnostics(&error);
                prop_assert!(!found.is_empty());
                assert_inside(&text, &found);
            }
        }
    }
}

/// `report` made consistent the way leadgap writes reports: numbers in
/// range, each gap following its score, priorities the themes with a gap,
/// the overall score the weighted mean, ids and times well-formed.
fn consistent(mut report: Report) -> Report {
    let clamp = |v: f64, low: f64, high: f64| {
        if v.is_finite() {
            v.clamp(low, high)
        } else {
            low
        }
    };
    report.id = "2026-11-22T13-05-01Z".to_owned();
    report.created = leadgap::testing::clock::Timestamp::parse("2026-11-22T13:05:01Z").unwrap();
    report.rubric.min_coverage = clamp(report.rubric.min_coverage, 0.0, 1.0);
    report.overall_target = report.overall_target.map(|t| clamp(t, 0.0, 100.0));
    let mut seen = std::collections::HashSet::new();
    report.themes.retain(|t| seen.insert(t.id.clone()));
    for theme in &mut report.themes {
        theme.weight = clamp(theme.weight, 0.0, 1000.0);
        theme.target = clamp(theme.target, 0.0, 100.0);
        theme.coverage = clamp(theme.coverage, 0.0, 1.0);
        theme.score = theme.score.map(|s| clamp(s, 0.0, 100.0));
        theme.gap = theme.score.map(|s| (theme.target - s).max(0.0));
        theme.band = theme
            .score
            .map(|_| theme.band.clone().unwrap_or_else(|| "b".to_owned()));
    }
    report.priorities = report
        .themes
        .iter()
        .filter(|t| t.gap.is_some_and(|g| g > 0.0))
        .map(|t| t.id.clone())
        .collect();
    let (weights, sum) = report
        .themes
        .iter()
        .filter_map(|t| Some((t.weight, t.score?)))
        .fold((0.0, 0.0), |(w, s), (weight, score)| {
            (w + weight, s + weight * score)
        });
    report.overall = (weights > 0.0).then(|| sum / weights);
    for answer in &mut report.answers {
        answer.weight = clamp(answer.weight, 0.001, 1000.0);
        // An answer of no listed theme: scores are checked against their
        // answers only where a theme has some.
        answer.theme = "no-such-theme".to_owned();
    }
    report
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0.0..=100.0f64),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
    ]
}

fn answer_value() -> impl Strategy<Value = AnswerValue> {
    prop_oneof![
        any::<i64>().prop_map(AnswerValue::Whole),
        finite().prop_map(AnswerValue::Number),
        ".{0,10}".prop_map(AnswerValue::Text),
        proptest::collection::vec(".{0,6}", 0..4).prop_map(AnswerValue::List),
    ]
}

prop_compose! {
    fn any_theme()(id in "[a-z-]{1,10}", title in ".{0,20}", description in ".{0,30}", hash in "[0-9a-f]{16}",
                   weight in finite(), score in proptest::option::of(finite()), target in finite(),
                   gap in proptest::option::of(finite()), band in proptest::option::of("[a-z]{1,10}"),
                   coverage in finite(), advice in proptest::collection::vec(".{0,30}", 0..3),
                   note in proptest::option::of(".{0,30}")) -> ThemeReport {
        ThemeReport { id, title, description, hash, global: false, weight, score, target, gap, band, coverage, not_applicable: 0, advice, note, facts: None, views: None }
    }
}

prop_compose! {
    fn any_answer()(question in "[a-z-]{1,10}", theme in "[a-z-]{1,10}", text in ".{0,30}", kind in "scale|choice|multi|number",
                    hash in "[0-9a-f]{16}", weight in finite(), value in proptest::option::of(answer_value()),
                    answer in ".{0,20}", score in proptest::option::of(0.0..=1.0f64),
                    evidence in proptest::option::of(".{0,30}")) -> AnswerRecord {
        AnswerRecord { question, theme, text, kind, hash, weight, value, answer, score, evidence, not_applicable: false, conditional: false, mirrors: None }
    }
}

prop_compose! {
    fn any_report()(id in "[0-9TZ-]{1,24}", created in 0i64..4_102_444_800, respondent in proptest::option::of(".{0,20}"),
                    rater in ".{0,12}", title in ".{0,20}", overall in proptest::option::of(finite()),
                    overall_target in proptest::option::of(finite()), priorities in proptest::collection::vec("[a-z]{1,8}", 0..3),
                    themes in proptest::collection::vec(any_theme(), 0..4), answers in proptest::collection::vec(any_answer(), 0..4),
                    reviews in proptest::collection::vec((".{0,8}", ".{0,8}", ".{0,8}", ".{0,20}"), 0..2),
                    min_coverage in finite()) -> Report {
        Report {
            schema: 1,
            id,
            created: leadgap::testing::clock::Timestamp::at(
                chrono::DateTime::from_timestamp(created, 0).unwrap_or_default(),
            ),
            leadgap: "0.1.0".to_owned(),
            respondent,
            rater,
            questionnaire: QuestionnaireInfo { id: "q".to_owned(), version: "1".to_owned(), title, hash: "sha256:0".to_owned() },
            rubric: RubricInfo { id: "r".to_owned(), profile: "p".to_owned(), min_coverage },
            overall,
            overall_target,
            priorities,
            themes,
            answers,
            context: Vec::new(),
            checks: Vec::new(),
            team: None,
            signature: None,
            measured: Default::default(),
            quality: Vec::new(),
            reviews: reviews.into_iter().map(|(theme, author, created, text)| Review { theme, author, created, text }).collect(),
            plan: Vec::new(),
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let q = built_in();
    let deep = format!("questions = {}1{}", "[".repeat(10_000), "]".repeat(10_000));
    every_parser(&deep, q);
    let tables = format!("x = {}{}", "{ a = ".repeat(5_000), "}".repeat(5_000));
    every_parser(&tables, q);
}
