//! Every parser of leadgap on arbitrary input: none may panic, and every
//! `line:column` reported must lie inside the input.

#![no_main]

use leadgap::testing::answers::AnswerFile;
use leadgap::error::{Diagnostic, Error};
use leadgap::testing::questionnaire::{self, BUILT_IN};
use leadgap::testing::source::Source;
use leadgap::testing::store::plan;
use leadgap::testing::{rubric, store};
use libfuzzer_sys::fuzz_target;

fn inside(text: &str, diagnostics: &[Diagnostic]) {
    let lines: Vec<&str> = text.split('\n').collect();
    for d in diagnostics {
        if let Some(at) = d.location {
            assert!(at.line >= 1 && at.line <= lines.len());
            assert!(at.column >= 1 && at.column <= lines[at.line - 1].chars().count() + 1);
        }
    }
}

fn of(error: &Error) -> Vec<Diagnostic> {
    match error {
        Error::Invalid(d) => d.clone(),
        _ => Vec::new(),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let source = Source::new("fuzz.toml", text.as_ref());
    let q = questionnaire::load(&Source::new("q", BUILT_IN[0].questionnaire)).expect("built-in");
    if let Err(p) = questionnaire::load(&source) {
        inside(&text, &p);
    }
    if let Err(p) = rubric::load(&source, &q) {
        inside(&text, &p);
    }
    if let Err(p) = AnswerFile::parse(&source).check(&q, true) {
        inside(&text, &p);
    }
    if let Err(e) = store::parse_report(&source) {
        inside(&text, &of(&e));
    }
    if let Err(plan::Damaged(e)) = plan::parse(&source) {
        inside(&text, &of(&e));
    }
});
