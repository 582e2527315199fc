//! `leadgap template`: an answer file to fill in.

use crate::support::Sandbox;

#[test]
fn the_template_lists_every_question_with_its_allowed_values() {
    let ran = Sandbox::new()
        .run(["template", "-q", "tests/fixtures/rules/questionnaire.toml"])
        .stderr("")
        .output();
    insta::assert_snapshot!("rules_template", ran.stdout);
}

#[test]
fn an_unfilled_template_is_valid_toml_that_asks_for_answers() {
    let sandbox = Sandbox::new();
    let template = sandbox.run(["template"]).output().stdout;
    let path = sandbox.write("answers.toml", &template);
    let line = template.lines().position(|l| l == "[answers]").unwrap() + 1;
    let context = template.lines().position(|l| l == "[context]").unwrap() + 1;
    let missing = |id: &str, text: &str, example: &str| {
        format!(
            "error: [SANDBOX]/answers.toml:{context}:1: no answer for context `{id}` ({text})\n  \
             help: add it under [context], e.g. `{id} = {example}`; the context decides which \
             questions apply\n"
        )
    };

    sandbox
        .run(["check"])
        .arg(&path)
        .status(1)
        .stderr(&format!(
            "{}{}{}{}{}{}{}error: [SANDBOX]/answers.toml:{line}:1: no answer for 47 required \
             questions: `team-work-hours`, `change-share`, `stretch-people`, \
             `stretch-people-small`, `handed-back`, `decision-changed`, `variance-explained`, \
             `spend-reviewed`, and 39 more\n  help: a required question cannot be skipped or left \
             out; answer each under [answers] (with \"dont-know\" where its question offers it)\n\
             error: [SANDBOX]/answers.toml:{line}:1: no answer for 10 questions: \
             `decisions-without-you`, `late-outage`, `cloud-overrun`, `why-replace-backup`, \
             `away-two-weeks`, `sla-missed`, `audit-finding`, `expectations-shared`, and 2 more\n  \
             help: answer each under [answers], or write `ID = \"skip\"`; `--allow-partial` counts \
             missing answers as skipped\n9 problems found\n",
            missing("team-size", "How many people report to you directly?", "1"),
            missing("budget", "Which IT budget do you hold?", "\"own\""),
            missing(
                "regulated",
                "Is your organisation under a regulation that audits IT (health data, payments, \
                 finance, public sector)?",
                "\"yes\""
            ),
            missing(
                "leads-managers",
                "Do any of the people who report to you manage people themselves?",
                "\"yes\""
            ),
            missing(
                "hired",
                "Has anyone joined your team since you started leading it?",
                "\"yes\""
            ),
            missing(
                "former-peers",
                "Were any of the people you now manage your peers before you led the team?",
                "\"yes\""
            ),
            missing(
                "suppliers",
                "How many suppliers does your area have contracts with? (Count up to five: your \
                 five largest.)",
                "1"
            ),
        ))
        .run();

    // Even a partial file answers every fact.
    sandbox
        .run(["check", "--allow-partial"])
        .arg(&path)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/answers.toml:{line}:1: no answer for 47 required questions: \
             `team-work-hours`, `change-share`, `stretch-people`, `stretch-people-small`, \
             `handed-back`, `decision-changed`, `variance-explained`, `spend-reviewed`, and 39 \
             more\n  help: a required question cannot be skipped or left out; answer each under \
             [answers] (with \"dont-know\" where its question offers it)\n"
        ))
        .run();
}

#[test]
fn a_filled_in_template_assesses() {
    let sandbox = Sandbox::new();
    let template = sandbox
        .run(["template", "-q", "tests/fixtures/rules/questionnaire.toml"])
        .output()
        .stdout;
    let filled = template
        .replace("a-scale = \"\"", "a-scale = 4")
        .replace("a-multi = \"\"", "a-multi = []")
        .replace("a-number = \"\"", "a-number = 3.5")
        .replace("b3 = \"\"", "b3 = \"y\"")
        .replace(" = \"\"\n", " = \"skip\"\n");
    let path = sandbox.write("answers.toml", &filled);
    let report = sandbox
        .run([
            "assess",
            "-q",
            "tests/fixtures/rules/questionnaire.toml",
            "--no-save",
            "--format",
            "json",
            "-a",
        ])
        .arg(&path)
        .stderr("")
        .stdout_any()
        .run()
        .json();
    // alpha: a-scale 0.75 (w 1), a-multi 0 (w 1), a-number 1.0 (w 3): coverage 5/8.
    assert_eq!(report["themes"][0]["coverage"], 0.625);
    assert_eq!(report["themes"][0]["score"], 75.0);
}
