//! Every `$ leadgap …` command shown in the README runs and succeeds, so the
//! README cannot drift from the tool.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use std::process::Command;

use support::{Sandbox, repo};

/// The `$ ` lines of the README's `console` blocks.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let mut commands = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if in_console && let Some(command) = line.strip_prefix("$ ") {
            commands.push(command.to_owned());
        }
    }
    commands
}

#[test]
fn every_readme_command_works() {
    let commands = readme_commands();
    assert!(commands.len() >= 8, "{commands:?}");
    let sandbox = Sandbox::new();
    // The commands run in a copy of the files they name, with the binary first
    // on PATH, so that redirections and relative paths behave as for a reader.
    for folder in ["examples", "examples/reports", "questionnaires"] {
        let target = sandbox.scratch().join(folder);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(repo().join(folder)).unwrap() {
            let entry = entry.unwrap();
            if entry.path().is_file() {
                std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
            }
        }
    }
    let binary = assert_cmd::cargo::cargo_bin("leadgap");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for command in commands {
        if command.contains("# interactive") {
            continue;
        }
        let output = Command::new("sh")
            .arg("-c")
            .arg(&command)
            .current_dir(sandbox.scratch())
            .env("PATH", &path)
            .env("LEADGAP_DATA_DIR", sandbox.data_dir())
            .env("LEADGAP_NOW", support::NOW)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "`{command}` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
