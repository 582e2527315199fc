//! `leadgap check`, and the shipped files it keeps honest.

use crate::support;

use crate::support::{Sandbox, repo};

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
    let ran = Sandbox::new()
        .run(["check"])
        .args(&files)
        .stderr("")
        .stdout_any()
        .run();
    let checked: Vec<&str> = ran
        .stdout
        .lines()
        .map(|line| line.split(':').nth(1).unwrap().trim())
        .collect();
    assert_eq!(checked, files, "one `ok:` line per file");
}

#[test]
fn every_example_answer_file_is_valid_and_assesses() {
    let sandbox = Sandbox::new();
    let examples = files_in("examples", ".toml");
    assert!(examples.len() >= 2, "{examples:?}");
    sandbox
        .run(["check"])
        .args(&examples)
        .stderr("")
        .stdout_any()
        .run();
    for example in &examples {
        sandbox
            .run(["assess", "--no-save", "--format", "json", "--answers"])
            .arg(example)
            .stderr("")
            .stdout_any()
            .run();
    }
}

#[test]
fn every_test_fixture_that_should_be_valid_is() {
    Sandbox::new()
        .run(["check"])
        .args(files_in("tests/fixtures/rules", ".toml"))
        .stdout(
            "ok: tests/fixtures/rules/answers.toml: answers to `rules`: 10 of 14 questions answered\n\
             ok: tests/fixtures/rules/questionnaire.toml: questionnaire `rules` 1.0.0, 5 themes, 14 \
             questions; rubric `rules-rubric`, 4 bands, profiles director, new-manager\n\
             ok: tests/fixtures/rules/rubric.toml: rubric `rules-rubric`, 4 bands, profiles director, \
             new-manager\n",
        )
        .stderr("")
        .run();
}

#[test]
fn every_problem_in_a_questionnaire_is_listed() {
    let ran = Sandbox::new()
        .run(["check", "tests/fixtures/broken/questionnaire.toml"])
        .status(1)
        .stdout("")
        .stderr_checked_by_the_test()
        .run();
    insta::assert_snapshot!("broken_questionnaire", ran.stderr);
}

#[test]
fn every_problem_in_a_rubric_is_listed() {
    let ran = Sandbox::new()
        .run([
            "check",
            "--questionnaire",
            "tests/fixtures/rules/questionnaire.toml",
            "tests/fixtures/broken/rubric.toml",
        ])
        .status(1)
        .stdout("")
        .stderr_checked_by_the_test()
        .run();
    insta::assert_snapshot!("broken_rubric", ran.stderr);
}

#[test]
fn every_problem_in_an_answer_file_is_listed() {
    // The questionnaire given alongside is the one the answer file is checked against.
    let ran = Sandbox::new()
        .run([
            "check",
            "tests/fixtures/broken/answers.toml",
            "tests/fixtures/rules/questionnaire.toml",
        ])
        .status(1)
        .stdout(
            "ok: tests/fixtures/rules/questionnaire.toml: questionnaire `rules` 1.0.0, 5 themes, 14 \
             questions; rubric `rules-rubric`, 4 bands, profiles director, new-manager\n",
        )
        .stderr_checked_by_the_test()
        .run();
    insta::assert_snapshot!("broken_answers", ran.stderr);
}

#[test]
fn toml_syntax_errors_are_located() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("bad.toml", "schema = 1\nid = \"x\n[[questions]]\n");
    sandbox
        .run(["check"])
        .arg(&file)
        .status(1)
        .stderr("error: [SANDBOX]/bad.toml:2:8: invalid basic string, expected `\"`\n")
        .run();
}

#[test]
fn a_file_of_unknown_kind_is_explained() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("other.toml", "name = \"a cargo manifest?\"\n");
    sandbox
        .run(["check"])
        .arg(&file)
        .status(1)
        .stderr(
            "error: [SANDBOX]/other.toml: cannot tell what kind of file this is\n  help: leadgap \
             checks questionnaires ([[questions]]), rubrics ([[bands]]), answer files ([answers]), \
             saved reports and the action plan (plan.toml)\n",
        )
        .run();
}

#[test]
fn an_unsupported_schema_is_named() {
    let sandbox = Sandbox::new();
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/rules/questionnaire.toml")).unwrap();
    let file = sandbox.write("q.toml", &text.replace("schema = 1", "schema = 7"));
    sandbox
        .run(["check"])
        .arg(&file)
        .status(1)
        .stderr(
            "error: [SANDBOX]/q.toml:4:10: unsupported schema 7; this version of leadgap reads schema \
             1\n  help: upgrade leadgap, or write the file for schema 1\n",
        )
        .run();
}

#[test]
fn an_answer_file_for_an_unknown_questionnaire_says_how_to_check_it() {
    Sandbox::new()
        .run(["check", "tests/fixtures/rules/answers.toml"])
        .status(1)
        .stderr(
            "error: tests/fixtures/rules/answers.toml:1:17: unknown questionnaire `rules`: not built \
             in, nor installed in `[DATA]/questionnaires`\n  help: pass `--questionnaire PATH`, or \
             check the file together with its questionnaire\n",
        )
        .run();
}

#[test]
fn check_goes_on_after_an_unreadable_file() {
    Sandbox::new()
        .run(["check", "missing.toml", "examples/hero.toml"])
        .status(1)
        .stdout("ok: examples/hero.toml: answers to `it-manager`: 49 of 57 questions answered\n")
        .stderr("error: missing.toml: cannot read `missing.toml`: no such file or folder\n")
        .run();
}

#[test]
fn a_saved_report_can_be_checked() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess", "-a", "examples/hero.toml"])
        .stderr(&support::saved_to(support::NOW_ID))
        .stdout_any()
        .run();
    sandbox
        .run(["check"])
        .arg(&sandbox.reports()[0])
        .stdout(
            "ok: [DATA]/reports/2026-11-22T13-05-01Z.toml: report `2026-11-22T13-05-01Z` \
             (it-manager 2.2.0, Sam Hero, self-assessment, overall 9)\n",
        )
        .stderr("")
        .run();
}

#[test]
fn context_rules_are_checked_with_their_places() {
    let sandbox = Sandbox::new();
    let fixture = |name: &str| {
        std::fs::read_to_string(support::repo().join("tests/fixtures/context").join(name)).unwrap()
    };
    let questionnaire = sandbox.write(
        "questionnaire.toml",
        &fixture("questionnaire.toml")
            .replace("context = \"budget\", in", "context = \"budgett\", in")
            .replace("per = \"team-size\"", "per = \"budget\"")
            .replace(
                "question = \"practices\", at_most",
                "question = \"practises\", at_most",
            ),
    );
    sandbox.write(
        "rubric.toml",
        &fixture("rubric.toml").replace("if_low = \"knows-spend\"", "if_low = \"practices\""),
    );
    sandbox
        .run(["check"])
        .arg(&questionnaire)
        .status(1)
        .stderr(
            "error: [SANDBOX]/questionnaire.toml:43:20: unknown context `budgett`; did you mean `budget`?\n  \
             help: the contexts are: team-size, budget\n\
             error: [SANDBOX]/questionnaire.toml:65:7: `per` needs a number context; `budget` is a choice\n\
             error: [SANDBOX]/questionnaire.toml:89:16: a check names unknown question `practises`; did you \
             mean `practices`?\n\
             3 problems found\n",
        )
        .run();
    let fixed = sandbox.write("fixed.toml", &fixture("questionnaire.toml"));
    let _ = fixed;
    let rubric = sandbox.scratch().join("rubric.toml");
    sandbox
        .run(["check", "--questionnaire", "tests/fixtures/context/questionnaire.toml"])
        .arg(&rubric)
        .status(1)
        .stderr(
            "error: [SANDBOX]/rubric.toml:22:3: `if_low = \"practices\"` names a question of theme \
             `people`, not of `money`\n  help: advice can only be tied to a question of its own theme\n",
        )
        .run();
}

#[test]
fn an_answer_file_gives_the_context_and_leaves_out_what_does_not_apply() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "answers.toml",
        "questionnaire = \"context-rules\"\n\n[context]\nteam-size = 4.5\nbudget = \"none\"\n\n\
         [answers]\nknows-spend = 2\nreviews = \"dont-know\"\none-to-ones = 6\n\
         runs-without-me = \"dont-know\"\npractices = [\"none\"]\n",
    );
    sandbox
        .run(["check", "--questionnaire", "tests/fixtures/context/questionnaire.toml"])
        .arg(&answers)
        .status(1)
        .stderr(
            "error: [SANDBOX]/answers.toml:4:13: context `team-size`: 4.5 is not a whole number; \
             expected a whole number from 1 to 100\n\
             error: [SANDBOX]/answers.toml:8:1: `knows-spend` does not apply to the context given: it \
             is asked only when `budget` is one of own, shared\n  help: leave it out, or change the \
             [context]\n\
             error: [SANDBOX]/answers.toml:11:19: `runs-without-me` does not offer \"dont-know\"; \
             answer it, or write \"skip\"\n\
             3 problems found\n",
        )
        .run();
}
