//! The scoring core in-process, with criterion: answer sets scored per
//! second. Run with `cargo bench --bench scoring`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use leadgap::testing::answers::AnswerFile;
use leadgap::testing::catalog;
use leadgap::testing::questionnaire::Answers;
use leadgap::testing::questionnaire::BUILT_IN;
use leadgap::testing::report::{Meta, Report};
use leadgap::testing::source::Source;
use leadgap::testing::{quality, scoring};

/// The example answer sets, checked against the built-in questionnaire.
fn answer_sets(found: &catalog::Found) -> Vec<Answers> {
    ["hero", "balanced", "technician"]
        .iter()
        .map(|name| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{name}.toml"));
            let source = Source::read(&path).expect("example answers");
            AnswerFile::parse(&source)
                .check(&found.questionnaire, false)
                .expect("valid answers")
        })
        .collect()
}

fn scoring(c: &mut Criterion) {
    let found = catalog::built_in_questionnaire(&BUILT_IN[0]).expect("built-in questionnaire");
    let rubric = catalog::rubric(&found, None).expect("built-in rubric");
    let profile = rubric.profile(None).expect("default profile").clone();
    let sets = answer_sets(&found);
    let questionnaire = &found.questionnaire;

    let mut group = c.benchmark_group("answer sets");
    group.throughput(Throughput::Elements(sets.len() as u64));
    group.bench_function("score", |b| {
        b.iter(|| {
            for answers in &sets {
                black_box(scoring::score(
                    questionnaire,
                    &rubric,
                    &profile,
                    black_box(&answers.responses),
                    &answers.context,
                ));
            }
        });
    });
    group.bench_function("score and build the report", |b| {
        b.iter(|| {
            for answers in &sets {
                let outcome = scoring::score(
                    questionnaire,
                    &rubric,
                    &profile,
                    &answers.responses,
                    &answers.context,
                );
                let notes = quality::notes(questionnaire, &answers.responses, &outcome.questions);
                let meta = Meta {
                    id: "2026-11-22T13-05-01Z".to_owned(),
                    created: leadgap::testing::clock::Timestamp::parse("2026-11-22T13:05:01Z")
                        .expect("a time"),
                    respondent: answers.respondent.clone(),
                    rater: "self".to_owned(),
                };
                black_box(Report::build(
                    questionnaire,
                    &rubric,
                    &profile,
                    answers,
                    &outcome,
                    notes,
                    meta,
                ));
            }
        });
    });
    group.finish();

    c.bench_function("load the built-in questionnaire and rubric", |b| {
        b.iter(|| {
            let found = catalog::built_in_questionnaire(&BUILT_IN[0]).expect("questionnaire");
            black_box(catalog::rubric(&found, None).expect("rubric"));
        });
    });
}

criterion_group!(benches, scoring);
criterion_main!(benches);
