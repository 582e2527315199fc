//! `leadgap check`, and the shipped files it keeps honest.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use predicates::prelude::*;
use support::{Sandbox, repo, stderr, stdout};

/// Every file in a folder of the repository with the given ending, sorted.
fn files_in(folder: &str, ending: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo().join(folder))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(ending))
        .map(|name| format!("{folder}/{name}"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_built_in_questionnaire_and_rubric_is_valid() {
    let files = files_in("questionnaires", ".toml");
    assert!(files.len() >= 2, "{files:?}");
    let output = Sandbox::new()
        .leadgap(["check"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), files.len());
}

#[test]
fn every_example_answer_file_is_valid_and_assesses() {
    let sandbox = Sandbox::new();
    let examples = files_in("examples", ".toml");
    assert!(examples.len() >= 2, "{examples:?}");
    let output = sandbox.leadgap(["check"]).args(&examples).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for example in &examples {
        let output = sandbox
            .leadgap([
                "assess",
                "--answers",
                example,
                "--no-save",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{example}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn every_test_fixture_that_should_be_valid_is() {
    Sandbox::new()
        .leadgap(["check"])
        .args(files_in("tests/fixtures/rules", ".toml"))
        .assert()
        .success()
        .stdout(
            "ok: tests/fixtures/rules/answers.toml: answers to `rules`: 10 of 14 questions answered\n\
             ok: tests/fixtures/rules/questionnaire.toml: questionnaire `rules` 1.0.0, 5 themes, 14 questions; \
             rubric `rules-rubric`, 4 bands, profiles director, new-manager\n\
             ok: tests/fixtures/rules/rubric.toml: rubric `rules-rubric`, 4 bands, profiles director, new-manager\n",
        );
}

#[test]
fn every_problem_in_a_questionnaire_is_listed() {
    let output = Sandbox::new()
        .leadgap(["check", "tests/fixtures/broken/questionnaire.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    insta::assert_snapshot!("broken_questionnaire", stderr(&output));
}

#[test]
fn every_problem_in_a_rubric_is_listed() {
    let output = Sandbox::new()
        .leadgap([
            "check",
            "--questionnaire",
            "tests/fixtures/rules/questionnaire.toml",
        ])
        .arg("tests/fixtures/broken/rubric.toml")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("broken_rubric", stderr(&output));
}

#[test]
fn every_problem_in_an_answer_file_is_listed() {
    // The questionnaire given alongside is the one the answer file is checked against.
    let output = Sandbox::new()
        .leadgap([
            "check",
            "tests/fixtures/broken/answers.toml",
            "tests/fixtures/rules/questionnaire.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("ok: tests/fixtures/rules/questionnaire.toml"));
    insta::assert_snapshot!("broken_answers", stderr(&output));
}

#[test]
fn toml_syntax_errors_are_located() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("bad.toml", "schema = 1\nid = \"x\n[[questions]]\n");
    sandbox
        .leadgap(["check", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(format!(
            "error: {}:2:8: invalid basic string, expected `\"`\n",
            file.display()
        ));
}

#[test]
fn a_file_of_unknown_kind_is_explained() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("other.toml", "name = \"a cargo manifest?\"\n");
    sandbox
        .leadgap(["check", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(format!(
            "error: {}: cannot tell what kind of file this is\n  help: leadgap checks questionnaires \
             ([[questions]]), rubrics ([[bands]]), answer files ([answers]) and saved reports\n",
            file.display()
        ));
}

#[test]
fn an_unsupported_schema_is_named() {
    let sandbox = Sandbox::new();
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/rules/questionnaire.toml")).unwrap();
    let file = sandbox.write("q.toml", &text.replace("schema = 1", "schema = 7"));
    sandbox
        .leadgap(["check", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(format!(
            "error: {}:4:10: unsupported schema 7; this version of leadgap reads schema 1\n  \
             help: upgrade leadgap, or write the file for schema 1\n",
            file.display()
        ));
}

#[test]
fn an_answer_file_for_an_unknown_questionnaire_says_how_to_check_it() {
    let sandbox = Sandbox::new();
    sandbox
        .leadgap(["check", "tests/fixtures/rules/answers.toml"])
        .assert()
        .code(1)
        .stderr(
            "error: tests/fixtures/rules/answers.toml:1:17: unknown questionnaire `rules`\n  \
             help: pass `--questionnaire PATH`, or check the file together with its questionnaire\n",
        );
}

#[test]
fn check_goes_on_after_an_unreadable_file() {
    Sandbox::new()
        .leadgap(["check", "missing.toml", "examples/hero.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("ok: examples/hero.toml"))
        .stderr("error: missing.toml: cannot read `missing.toml`: no such file or folder\n");
}

#[test]
fn a_saved_report_can_be_checked() {
    let sandbox = Sandbox::new();
    sandbox
        .leadgap(["assess", "-a", "examples/hero.toml"])
        .assert()
        .success();
    let report = &sandbox.reports()[0];
    sandbox
        .leadgap(["check", report.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "report `2026-11-22T13-05-01Z` (it-manager",
        ));
}
