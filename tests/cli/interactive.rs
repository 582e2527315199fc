//! End-to-end tests of the interactive assessment: the real binary in a
//! pseudo-terminal, driven key by key. Each step waits for the prompt's text
//! (its progress marker, such as "1/4") before sending keys. rexpect reads
//! the terminal byte by byte, so the texts waited for are plain ASCII.

use crate::support;

use std::process::Command;

use crate::support::{Sandbox, repo};
use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};

const QUESTIONNAIRE: &str = "tests/fixtures/pty/questionnaire.toml";
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const SPACE: &str = " ";

/// `leadgap ARGS` in an 80×24 pseudo-terminal, for someone who gave their
/// name on an earlier run.
fn spawn(sandbox: &Sandbox, args: &str) -> PtySession {
    let me = sandbox.data_dir().join("me.toml");
    if !me.exists() {
        std::fs::create_dir_all(sandbox.data_dir()).unwrap();
        std::fs::write(&me, "schema = 1\nname = \"Pat Example\"\n").unwrap();
    }
    spawn_with(sandbox, args, &[])
}

/// `leadgap ARGS` in an 80×24 pseudo-terminal, with extra environment.
fn spawn_with(sandbox: &Sandbox, args: &str, env: &[(&str, &str)]) -> PtySession {
    // Run by name, as someone with leadgap on their PATH does: the hints
    // it prints repeat the program as it was called.
    let binary = assert_cmd::cargo::cargo_bin("leadgap");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("stty cols 80 rows 24 && exec leadgap {args}"))
        .env("PATH", path)
        .current_dir(repo())
        .env("LEADGAP_DATA_DIR", sandbox.data_dir())
        .env("LEADGAP_NOW", support::NOW)
        // Options as written, so that a test can find them by position.
        .env("LEADGAP_SEED", "0")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .envs(env.iter().copied());
    let options = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    spawn_with_options(command, options).unwrap()
}

/// Waits for `text`, then sends `keys` one by one.
fn at(session: &mut PtySession, text: &str, keys: &[&str]) -> String {
    let before = session
        .exp_string(text)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    for key in keys {
        session.send(key).unwrap();
        session.flush().unwrap();
        // A lone Esc is only read as Esc when no other byte follows at once.
        if *key == ESC {
            std::thread::sleep(std::time::Duration::from_millis(150));
        }
    }
    before
}

/// Reads to the end and returns everything printed and the exit code.
fn finish(mut session: PtySession) -> (String, i32) {
    let rest = session.exp_eof().unwrap();
    let code = match session.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("leadgap did not exit normally: {other:?}"),
    };
    (rest, code)
}

fn saved_report(sandbox: &Sandbox) -> toml::Table {
    let reports = sandbox.reports();
    assert_eq!(reports.len(), 1, "{reports:?}");
    toml::from_str(&std::fs::read_to_string(&reports[0]).unwrap()).unwrap()
}

fn answer<'a>(report: &'a toml::Table, id: &str) -> &'a toml::Value {
    let answers = report["answers"].as_array().unwrap();
    let record = answers
        .iter()
        .find(|a| a["question"].as_str() == Some(id))
        .unwrap();
    record
        .get("value")
        .unwrap_or_else(|| panic!("{id} has no value"))
}

#[test]
fn a_full_run_with_a_skip_and_going_back() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "First theme (1 of 2)", &[]);
    // Sometimes, then back from the next question and change it to Often.
    at(&mut session, "1/4 ", &[DOWN, DOWN, ENTER]);
    at(&mut session, "2/4 ", &[ESC]);
    at(&mut session, "1/4 ", &[DOWN, ENTER]);
    at(&mut session, "2/4 ", &[DOWN, DOWN, ENTER]);
    at(&mut session, "Second theme (2 of 2)", &[]);
    // Tick "Thing one" and "Thing three".
    at(&mut session, "3/4 ", &[SPACE, DOWN, DOWN, SPACE, ENTER]);
    // Skip the number.
    at(&mut session, "4/4 ", &["s", ENTER]);
    let printed = at(&mut session, "Saved to", &[]);
    // Every theme meets its target: no priorities, so no offer of actions.
    let (_, code) = finish(session);
    assert_eq!(code, 0);

    // first: (0.75 + 1) / 2 = 87.5; second: only the multi, (1 + 2) / 4 = 75,
    // at coverage 0.5; overall (87.5 + 75) / 2 = 81.25.
    assert!(printed.contains("Overall 81"), "{printed}");
    let report = saved_report(&sandbox);
    assert_eq!(report["overall"].as_float(), Some(81.25));
    assert_eq!(answer(&report, "q-scale").as_integer(), Some(4));
    assert_eq!(answer(&report, "q-choice").as_str(), Some("high"));
    let ticked: Vec<&str> = answer(&report, "q-multi")
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(ticked, ["one", "three"]);
    assert_eq!(answer(&report, "q-number").as_str(), Some("skip"));
    assert!(
        !sandbox.data_dir().join("runs/pty.toml").exists(),
        "the finished run is cleared"
    );
}

#[test]
fn ctrl_c_keeps_the_answers_and_resume_continues_at_the_next_question() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "1/4 ", &[DOWN, ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &["\x03"]);
    let stopped = at(&mut session, "--resume", &[]);
    let (_, code) = finish(session);
    assert_eq!(code, 130);
    assert!(
        stopped.contains("2 of 4 questions are answered and saved"),
        "{stopped}"
    );
    assert!(stopped.contains(&format!(
        "Continue with: leadgap assess --questionnaire {QUESTIONNAIRE}"
    )));
    assert!(sandbox.reports().is_empty());
    let progress = std::fs::read_to_string(sandbox.data_dir().join("runs/pty.toml")).unwrap();
    assert!(progress.contains("q-scale = 2"), "{progress}");

    let mut session = spawn(
        &sandbox,
        &format!("assess --questionnaire {QUESTIONNAIRE} --resume"),
    );
    let before = at(&mut session, "3/4 ", &[ENTER]);
    assert!(
        !before.contains("1/4") && !before.contains("2/4"),
        "resumed at the first unanswered question"
    );
    at(&mut session, "4/4 ", &["3", ENTER]);
    at(&mut session, "Saved to", &[]);
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    let (_, code) = finish(session);
    assert_eq!(code, 0);

    let report = saved_report(&sandbox);
    assert_eq!(answer(&report, "q-scale").as_integer(), Some(2));
    assert_eq!(answer(&report, "q-choice").as_str(), Some("low"));
    assert_eq!(answer(&report, "q-multi").as_array().map(Vec::len), Some(0));
    assert_eq!(answer(&report, "q-number").as_float(), Some(3.0));
}

#[test]
fn a_plain_run_offers_to_resume_an_unfinished_one() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "1/4 ", &[ENTER]);
    at(&mut session, "2/4 ", &["\x03"]);
    let (_, code) = finish(session);
    assert_eq!(code, 130);

    let mut session = spawn(
        &sandbox,
        &format!("assess --questionnaire {QUESTIONNAIRE} --notes"),
    );
    let offer = at(&mut session, "answered. Continue it?", &["y", ENTER]);
    assert!(offer.contains("with 1 of 4 questions"), "{offer}");
    at(&mut session, "2/4 ", &[ENTER]);
    at(
        &mut session,
        "Anything about First theme",
        &["Started one-to-ones", ENTER],
    );
    at(&mut session, "3/4 ", &[ENTER]);
    at(&mut session, "4/4 ", &["1", ENTER]);
    at(&mut session, "Anything about Second theme", &[ENTER]);
    let printed = at(&mut session, "Saved to", &[]);
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    assert!(
        printed.contains("Started one-to-ones"),
        "the note is in the report: {printed}"
    );
    let report = saved_report(&sandbox);
    assert_eq!(
        report["themes"][0]["note"].as_str(),
        Some("Started one-to-ones")
    );
}

#[test]
fn without_a_terminal_it_says_how_to_run_scripted() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess"])
        .stdin("4\n")
        .status(1)
        .stdout("")
        .stderr(
            "error: no terminal to ask the questions in (standard input or output is not a \
             terminal)\n  help: run it scripted: `leadgap template > answers.toml`, fill in the \
             answers, then `leadgap assess --answers answers.toml`\n",
        )
        .run();
    assert!(sandbox.all_files().is_empty());
}

#[test]
fn resume_without_an_unfinished_run_is_explained() {
    let sandbox = Sandbox::new();
    let mut session = spawn(
        &sandbox,
        &format!("assess --questionnaire {QUESTIONNAIRE} --resume"),
    );
    let printed = at(&mut session, "start one with", &[]);
    let (_, code) = finish(session);
    assert_eq!(code, 1);
    assert!(
        printed.contains("there is no unfinished run of `pty` to resume"),
        "{printed}"
    );
}

#[test]
fn the_strongest_answer_to_a_statement_asks_for_an_example() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "1/4 ", &[DOWN, DOWN, DOWN, DOWN, ENTER]);
    at(
        &mut session,
        "One concrete example from the last month?",
        &["Ran the retro without me", ENTER],
    );
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &[ENTER]);
    at(&mut session, "4/4 ", &["1", ENTER]);
    let printed = at(&mut session, "Saved to", &[]);
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    assert!(printed.contains("Examples given"), "{printed}");
    let report = saved_report(&sandbox);
    let record = report["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["question"].as_str() == Some("q-scale"))
        .unwrap();
    assert_eq!(
        record["evidence"].as_str(),
        Some("Ran the retro without me")
    );

    // With --no-examples the same answer goes straight on.
    let other = Sandbox::new();
    let mut session = spawn(
        &other,
        &format!("assess --questionnaire {QUESTIONNAIRE} --no-examples"),
    );
    at(&mut session, "1/4 ", &[DOWN, DOWN, DOWN, DOWN, ENTER]);
    let before = at(&mut session, "2/4 ", &["\x03"]);
    assert!(!before.contains("concrete example"), "{before}");
    assert_eq!(finish(session).1, 130);
}

#[test]
fn committing_to_actions_and_reviewing_them_next_time() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "1/4 ", &[ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &[ENTER]);
    at(&mut session, "4/4 ", &["1", ENTER]);
    at(
        &mut session,
        "Commit to up to three actions for your top priorities?",
        &[ENTER],
    );
    at(&mut session, "An action for First theme", &[ENTER]);
    at(
        &mut session,
        "Your action, in one sentence:",
        &["Run a retro without me", ENTER],
    );
    at(&mut session, "Due by?", &[ENTER]);
    at(&mut session, "An action for Second theme", &[DOWN, ENTER]);
    at(&mut session, "Saved 1 action to your plan", &[]);
    assert_eq!(finish(session).1, 0);
    let plan: toml::Table =
        toml::from_str(&std::fs::read_to_string(sandbox.data_dir().join("plan.toml")).unwrap())
            .unwrap();
    let action = &plan["actions"].as_array().unwrap()[0];
    assert_eq!(action["text"].as_str(), Some("Run a retro without me"));
    assert_eq!(
        action["due"].as_str(),
        Some("2026-12-22"),
        "30 days after 2026-11-22"
    );
    assert_eq!(action["report"].as_str(), Some(support::NOW_ID));

    // The next run starts with the review.
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "Your open action (1)", &[]);
    at(&mut session, "Run a retro without me", &[ENTER]);
    at(
        &mut session,
        "A word on how it went?",
        &["Two retros so far", ENTER],
    );
    at(&mut session, "1/4 ", &[DOWN, ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &[ENTER]);
    at(&mut session, "4/4 ", &["1", ENTER]);
    let printed = at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    assert!(
        printed.contains("Follow-through on the last plan"),
        "{printed}"
    );
    assert!(printed.contains("1 action: 1 done"), "{printed}");
    let plan: toml::Table =
        toml::from_str(&std::fs::read_to_string(sandbox.data_dir().join("plan.toml")).unwrap())
            .unwrap();
    let action = &plan["actions"].as_array().unwrap()[0];
    assert_eq!(action["status"].as_str(), Some("done"));
    assert_eq!(action["note"].as_str(), Some("Two retros so far"));
    assert_eq!(
        plan["actions"].as_array().unwrap().len(),
        1,
        "no new actions after answering no"
    );
}

#[test]
fn a_full_disk_mid_run_keeps_the_answers_already_saved() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "1/4 ", &[DOWN, ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &["\x03"]);
    assert_eq!(finish(session).1, 130);
    let progress = sandbox.data_dir().join("runs/pty.toml");
    let saved = std::fs::read_to_string(&progress).unwrap();

    let mut session = spawn_with(
        &sandbox,
        &format!("assess --questionnaire {QUESTIONNAIRE} --resume"),
        &[("LEADGAP_SIMULATE_FAULT", "full-disk")],
    );
    at(&mut session, "3/4 ", &[ENTER]);
    let printed = at(&mut session, "the disk is full", &[]);
    let (rest, code) = finish(session);
    assert_eq!(code, 1, "{printed}{rest}");
    assert!(rest.contains("free some space"), "{rest}");
    assert_eq!(
        std::fs::read_to_string(&progress).unwrap(),
        saved,
        "the two saved answers are intact"
    );
    assert!(sandbox.reports().is_empty());
}

#[test]
fn a_second_run_of_the_same_questionnaire_waits_its_turn() {
    let sandbox = Sandbox::new();
    let mut first = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut first, "1/4 ", &[DOWN, ENTER]);
    at(&mut first, "2/4 ", &[]);
    let second = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    let (printed, code) = finish(second);
    assert_eq!(code, 1, "{printed}");
    assert_eq!(
        printed.replace("\r\n", "\n"),
        "error: another `leadgap assess` of `pty` is asking its questions right now (in another \
         terminal?); two runs would overwrite each other's answers\n  help: finish it there; if that \
         terminal is gone, its answers are saved: `leadgap assess --questionnaire \
         tests/fixtures/pty/questionnaire.toml --resume` continues them\n"
    );
    // The first run is untouched and goes on.
    first.send(ENTER).unwrap();
    first.flush().unwrap();
    at(&mut first, "3/4 ", &[ENTER]);
    at(&mut first, "4/4 ", &["1", ENTER]);
    at(&mut first, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(first).1, 0);
    assert_eq!(
        answer(&saved_report(&sandbox), "q-scale").as_integer(),
        Some(2)
    );
}

#[test]
fn a_due_date_typed_with_any_character_is_checked_not_a_crash() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "1/4 ", &[ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &[ENTER]);
    at(&mut session, "4/4 ", &["1", ENTER]);
    at(&mut session, "Commit to up to three actions", &[ENTER]);
    at(&mut session, "An action for First theme", &[ENTER]);
    at(
        &mut session,
        "Your action, in one sentence:",
        &["Pair on it", ENTER],
    );
    // Clear the suggested `+30d`, type a unit that is not one.
    let erase = "\x7f";
    at(
        &mut session,
        "Due by?",
        &[erase, erase, erase, erase, "+1é", ENTER],
    );
    at(
        &mut session,
        "is not a date",
        &[erase, erase, erase, "+2w", ENTER],
    );
    at(&mut session, "An action for Second theme", &[DOWN, ENTER]);
    at(&mut session, "Saved 1 action to your plan", &[]);
    assert_eq!(finish(session).1, 0);
    let plan: toml::Table =
        toml::from_str(&std::fs::read_to_string(sandbox.data_dir().join("plan.toml")).unwrap())
            .unwrap();
    assert_eq!(
        plan["actions"].as_array().unwrap()[0]["due"].as_str(),
        Some("2026-12-06")
    );
}

#[test]
fn a_named_pipe_in_place_of_a_saved_run_is_passed_over() {
    let sandbox = Sandbox::new();
    let runs = sandbox.data_dir().join("runs");
    std::fs::create_dir_all(&runs).unwrap();
    let made = Command::new("mkfifo")
        .arg(runs.join("pty.toml"))
        .status()
        .unwrap();
    assert!(made.success());
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    let before = at(&mut session, "1/4 ", &[ENTER]);
    assert!(
        before.contains("it is a named pipe, not a saved run"),
        "{before}"
    );
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &[ENTER]);
    at(&mut session, "4/4 ", &["1", ENTER]);
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    assert_eq!(sandbox.reports().len(), 1);
}

#[test]
fn the_first_run_asks_your_name_once_and_your_reports_carry_it() {
    let sandbox = Sandbox::new();
    let mut session = spawn_with(
        &sandbox,
        &format!("assess --questionnaire {QUESTIONNAIRE}"),
        &[],
    );
    let before = at(&mut session, "Your name?", &["Alex Doe", ENTER]);
    assert!(before.contains("It is asked once"), "{before}");
    at(&mut session, "1/4 ", &[ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &[ENTER]);
    at(&mut session, "4/4 ", &["1", ENTER]);
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    assert_eq!(
        saved_report(&sandbox)["respondent"].as_str(),
        Some("Alex Doe")
    );
    // The next run does not ask again.
    let mut session = spawn_with(
        &sandbox,
        &format!("assess --questionnaire {QUESTIONNAIRE}"),
        &[],
    );
    let before = at(&mut session, "1/4 ", &["\x03"]);
    assert!(!before.contains("Your name?"), "{before}");
    assert_eq!(finish(session).1, 130);
    // `--subject` names whom a self-assessment is about, for this run only.
    let mut session = spawn_with(
        &sandbox,
        &format!("assess --questionnaire {QUESTIONNAIRE} --subject Sam"),
        &[],
    );
    let before = at(&mut session, "1/4 ", &["\x03"]);
    assert!(!before.contains("Your name?"), "{before}");
    assert_eq!(finish(session).1, 130);
}

#[test]
fn none_of_these_goes_alone_and_a_count_is_whole() {
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {QUESTIONNAIRE}"));
    at(&mut session, "1/4 ", &[ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    // Tick "Thing one" and "None of these": refused; untick "Thing one".
    at(
        &mut session,
        "3/4 ",
        &[SPACE, DOWN, DOWN, DOWN, SPACE, ENTER],
    );
    at(&mut session, "\"None of these\" goes on its own", &[]);
    session.send("\x1b[A\x1b[A\x1b[A").unwrap();
    session.send(SPACE).unwrap();
    session.send(ENTER).unwrap();
    session.flush().unwrap();
    // A fraction is not a count. Ctrl-U does not clear the line in the
    // prompt library (it types a `u`), and the hint does not say it does:
    // what it typed is refused, and backspace corrects it.
    let erase = "\x7f";
    at(&mut session, "4/4 ", &["1.5", ENTER]);
    at(
        &mut session,
        "1.5 is not a whole number",
        &["\x15", "2", ENTER],
    );
    let shown = at(
        &mut session,
        "type a number from",
        &[erase, erase, erase, erase, erase],
    );
    assert!(!shown.contains("ctrl-u"), "{shown}");
    session.send("2").unwrap();
    session.send(ENTER).unwrap();
    session.flush().unwrap();
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    let report = saved_report(&sandbox);
    assert_eq!(
        answer(&report, "q-multi").as_array().unwrap(),
        &[toml::Value::String("none".to_owned())]
    );
    assert_eq!(answer(&report, "q-number").as_float(), Some(2.0));
}

#[test]
fn the_context_comes_first_dont_know_is_offered_and_a_resumed_run_keeps_its_order() {
    const CONTEXT: &str = "tests/fixtures/context/questionnaire.toml";
    let sandbox = Sandbox::new();
    spawn(&sandbox, "--version").exp_eof().unwrap();
    let shuffled = [("LEADGAP_SEED", "5")];
    let mut session = spawn_with(&sandbox, &format!("assess -q {CONTEXT}"), &shuffled);
    at(&mut session, "Your context", &[]);
    at(&mut session, "1/2 ", &["4", ENTER]);
    // No budget: the question about spend does not apply and is not asked.
    at(&mut session, "2/2 ", &[DOWN, DOWN, ENTER]);
    at(&mut session, "1/4 ", &[]);
    at(&mut session, "d for don't know", &["d", ENTER]);
    at(&mut session, "2/4 ", &["6", ENTER]);
    at(&mut session, "3/4 ", &[ENTER]);
    let first = at(&mut session, "4/4 ", &["\x03"]);
    let (stopped, code) = finish(session);
    assert_eq!(code, 130);
    // Counted as the progress counts: 4 of the 5 questions apply.
    assert!(
        stopped.contains("Stopped; 3 of 4 questions are answered and saved."),
        "{stopped}"
    );

    // The order the options were shown in is saved with the run…
    let run: toml::Table = toml::from_str(
        &std::fs::read_to_string(sandbox.data_dir().join("runs/context-rules.toml")).unwrap(),
    )
    .unwrap();
    let order: Vec<&str> = run["orders"]["practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect();
    assert_ne!(order, ["runbooks", "rota", "none"], "shuffled");
    let label = |id: &str| match id {
        "runbooks" => "Runbooks",
        "rota" => "An on-call rota",
        _ => "None of these",
    };
    let positions = |screen: &str| -> Vec<usize> {
        order
            .iter()
            .map(|id| screen.rfind(label(id)).unwrap())
            .collect()
    };
    let shown = positions(&first);
    assert!(shown.windows(2).all(|w| w[0] < w[1]), "{first}");

    // …and a resumed run shows them in the same order.
    let mut session = spawn_with(
        &sandbox,
        &format!("assess -q {CONTEXT} --resume"),
        &shuffled,
    );
    let again = at(&mut session, "4/4 ", &[SPACE, ENTER]);
    let shown = positions(&again);
    assert!(shown.windows(2).all(|w| w[0] < w[1]), "{again}");
    at(&mut session, "Saved to", &[]);
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);

    let report = saved_report(&sandbox);
    // The first option shown was ticked.
    assert_eq!(
        answer(&report, "practices").as_array().unwrap()[0].as_str(),
        Some(order[0])
    );
    assert_eq!(answer(&report, "reviews").as_str(), Some("dont-know"));
    let knows = report["answers"].as_array().unwrap()[0].as_table().unwrap();
    assert_eq!(knows["question"].as_str(), Some("knows-spend"));
    assert_eq!(knows["not_applicable"].as_bool(), Some(true));
    assert_eq!(report["context"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_required_fact_offers_no_skip_and_refuses_one() {
    // The facts of a questionnaire are required: the terminal offers
    // "Don't know" where the question does, never "doesn't apply", and a
    // typed `s` is refused.
    const BASIS: &str = "tests/fixtures/basis/questionnaire.toml";
    let sandbox = Sandbox::new();
    let mut session = spawn(&sandbox, &format!("assess --questionnaire {BASIS}"));
    at(&mut session, "1/7 ", &[ENTER]);
    at(&mut session, "2/7 ", &[ENTER]);
    // The fact's options: its own and "Don't know", nothing to skip with.
    let options = at(&mut session, "3/7 ", &[ENTER]);
    assert!(options.contains("Don't know"), "{options}");
    assert!(!options.to_lowercase().contains("apply"), "{options}");
    at(&mut session, "4/7 ", &["s", ENTER]);
    let refused = at(
        &mut session,
        "type a number from 0 to 10",
        &["\x7f", "1", ENTER],
    );
    assert!(!refused.contains("s to skip"), "{refused}");
    at(&mut session, "5/7 ", &[ENTER]);
    at(&mut session, "6/7 ", &[ENTER]);
    at(&mut session, "7/7 ", &[ENTER]);
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    let report = saved_report(&sandbox);
    assert_eq!(answer(&report, "one-fact-b").as_float(), Some(1.0));
}

#[test]
fn a_mentors_rating_is_asked_in_their_voice_and_resumes_as_the_same_rating() {
    let sandbox = Sandbox::new();
    // A rater is not a subject: `--rater` alone names no one rated.
    let mut session = spawn(&sandbox, "assess --rater Morgan");
    let (printed, code) = finish(session);
    assert_eq!(
        printed,
        "error: --rater Morgan names who rates, but not whom\r\n  help: to rate someone else, \
         add --about \"THEIR NAME\"; your own assessment needs no --rater\r\n"
    );
    assert_eq!(code, 1);

    let rating = "assess --about 'Sam Hero' --rater 'Morgan Lee'";
    session = spawn(&sandbox, rating);
    // The team form, in the rater's voice: no name asked, no group asked
    // (a mentor by default), and "don't know" on every question.
    let before = at(&mut session, "1/10 ", &[ENTER]);
    for shown in [
        "Your view of Sam Hero, as Sam Hero's mentor.",
        "10 questions in 10 themes",
        "this manager",
        "Don't know / didn't see",
    ] {
        assert!(before.contains(shown), "{shown}: {before}");
    }
    for never in ["Your name?", "How do you work with", "who invited you"] {
        assert!(!before.contains(never), "{never}: {before}");
    }
    at(&mut session, "2/10 ", &["\x03"]);
    let (stopped, code) = finish(session);
    assert_eq!(code, 130);
    assert!(
        stopped.contains(
            "Continue with: leadgap assess --about 'Sam Hero' --rater 'Morgan Lee' --resume"
        ),
        "{stopped}"
    );
    // The paused rating is its own run: a self-assessment does not resume it.
    let runs: Vec<String> = std::fs::read_dir(sandbox.data_dir().join("runs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert!(
        runs[0].starts_with("it-manager-team-about-sam-hero-"),
        "{runs:?}"
    );
    session = spawn(&sandbox, "assess --resume");
    let (refused, code) = finish(session);
    assert!(
        refused.starts_with("error: there is no unfinished run of `it-manager` to resume"),
        "{refused}"
    );
    assert_eq!(code, 1);

    // Resumed, it is the same rating, at its second question.
    session = spawn(&sandbox, &format!("{rating} --resume"));
    for step in 2..=10 {
        // The share seen is not known; everything else the first option.
        let shown = at(&mut session, &format!("{step}/10 "), &[]);
        if shown.contains("(0 to 100 %)") {
            session.send("s").unwrap();
        }
        session.send(ENTER).unwrap();
        session.flush().unwrap();
    }
    let (done, code) = finish(session);
    assert_eq!(code, 0, "{done}");
    assert!(!done.contains("Commit to up to three actions"), "{done}");
    let report = saved_report(&sandbox);
    assert_eq!(
        (
            report["respondent"].as_str(),
            report["rater"].as_str(),
            report["questionnaire"]["id"].as_str()
        ),
        (
            Some("Sam Hero"),
            Some("Morgan Lee"),
            Some("it-manager-team")
        )
    );
    let group = report["context"].as_array().unwrap()[0].as_table().unwrap();
    assert_eq!(group["value"].as_str(), Some("mentor"));
    // Nothing of it is anyone's self-assessment or plan.
    assert!(!sandbox.data_dir().join("plan.toml").exists());
    assert!(!sandbox.data_dir().join("runs").join(&runs[0]).exists());
    sandbox
        .run(["show", "latest"])
        .status(1)
        .stderr(
            "error: `latest` is your own newest self-assessment, and there is none by Pat \
             Example in `[DATA]/reports`\n  help: name a report by its id or path instead; \
             `leadgap history` lists them\n",
        )
        .run();
}

#[test]
fn a_measured_fact_is_offered_with_its_source_and_kept_with_enter() {
    let sandbox = Sandbox::new();
    // Evidence of 2.4 meeting hours a week, as `leadgap evidence` writes it.
    let evidence = sandbox.write(
        "evidence.json",
        r#"{"window": {"from": "2026-09-01", "until": "2026-11-30", "weeks": 13},
            "figures": {"meeting_hours_per_week": 2.4}, "sources": []}"#,
    );
    let mut session = spawn(
        &sandbox,
        &format!(
            "assess --questionnaire tests/fixtures/evidence/questionnaire.toml --evidence {}",
            evidence.display()
        ),
    );
    at(&mut session, "1/4 ", &[ENTER]);
    at(&mut session, "2/4 ", &[ENTER]);
    at(&mut session, "3/4 ", &[SPACE, ENTER]);
    // Whole hours: 2.4 is offered as 2, with where it comes from.
    let shown = at(&mut session, "4/4 ", &[ENTER]);
    // (Wrapped to the terminal's width: its line ends are spaces.)
    assert!(
        shown.replace("\r\n", " ").contains(
            "Measured from your calendar, 2026-09-01 to 2026-11-30: 2 hours. Keep it with enter, \
             or change it."
        ),
        "{shown}"
    );
    at(&mut session, "Commit to up to three actions", &["n", ENTER]);
    assert_eq!(finish(session).1, 0);
    let report = saved_report(&sandbox);
    assert_eq!(answer(&report, "q-number").as_float(), Some(2.0));
    let measured = report["evidence"]["q-number"].as_table().unwrap();
    assert_eq!(measured["value"].as_float(), Some(2.0));
    assert_eq!(
        measured["source"].as_str(),
        Some("from your calendar, 2026-09-01 to 2026-11-30")
    );
    assert!(measured.get("answered").is_none());
}
