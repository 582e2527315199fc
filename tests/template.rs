//! `leadgap template`: an answer file to fill in.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use support::{Sandbox, stderr, stdout};

#[test]
fn the_template_lists_every_question_with_its_allowed_values() {
    let output = Sandbox::new()
        .leadgap(["template", "-q", "tests/fixtures/rules/questionnaire.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!("rules_template", stdout(&output));
}

#[test]
fn an_unfilled_template_is_valid_toml_that_asks_for_answers() {
    let sandbox = Sandbox::new();
    let template = stdout(&sandbox.leadgap(["template"]).output().unwrap());
    let path = sandbox.write("answers.toml", &template);
    let path = path.to_str().unwrap();

    let output = sandbox.leadgap(["check", path]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no answer for 38 questions"),
        "{}",
        stderr(&output)
    );

    sandbox
        .leadgap(["check", "--allow-partial", path])
        .assert()
        .success();
}

#[test]
fn a_filled_in_template_assesses() {
    let sandbox = Sandbox::new();
    let template = stdout(
        &sandbox
            .leadgap(["template", "-q", "tests/fixtures/rules/questionnaire.toml"])
            .output()
            .unwrap(),
    );
    let filled = template
        .replace("a-scale = \"\"", "a-scale = 4")
        .replace("a-multi = \"\"", "a-multi = []")
        .replace("a-number = \"\"", "a-number = 3.5")
        .replace("b3 = \"\"", "b3 = \"y\"")
        .replace(" = \"\"\n", " = \"skip\"\n");
    let path = sandbox.write("answers.toml", &filled);
    let output = sandbox
        .leadgap([
            "assess",
            "-q",
            "tests/fixtures/rules/questionnaire.toml",
            "-a",
            path.to_str().unwrap(),
            "--no-save",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = support::json(&output);
    // alpha: a-scale 0.75 (w 1), a-multi 0 (w 1), a-number 1.0 (w 3): coverage 5/8.
    assert_eq!(report["themes"][0]["coverage"], 0.625);
    assert_eq!(report["themes"][0]["score"], 75.0);
}
