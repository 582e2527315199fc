//! Packaging: help texts, shell completions and the man page, all generated
//! from the command-line definition.

use crate::support::Sandbox;
use clap::CommandFactory;

#[test]
fn every_command_has_a_one_line_purpose_and_an_example() {
    let cli = leadgap::cli::Cli::command();
    for command in cli.get_subcommands() {
        let name = command.get_name();
        let about = command
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            !about.is_empty() && !about.contains('\n'),
            "{name}: one line of purpose"
        );
        let after = command
            .get_after_help()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(after.starts_with("Example"), "{name}: an example in --help");
        assert!(
            after.contains(&format!("leadgap {name}")),
            "{name}: the example uses the command"
        );
    }
}

#[test]
fn completions_are_generated_for_every_shell() {
    let sandbox = Sandbox::new();
    for (shell, marker) in [
        ("bash", "complete -F _leadgap"),
        ("zsh", "#compdef leadgap"),
        ("fish", "complete -c leadgap"),
        ("elvish", "edit:completion:arg-completer[leadgap]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let text = sandbox
            .run(["completions", shell])
            .stderr("")
            .output()
            .stdout;
        assert!(text.contains(marker), "{shell}: {marker}");
        assert!(
            text.contains("history") && text.contains("format"),
            "{shell}: knows the commands"
        );
    }
    sandbox.run(["completions", "tcsh"]).status(2).stderr("error: invalid value 'tcsh' for '<SHELL>'\n  [possible values: bash, elvish, fish, powershell, zsh]\n\n  tip: a similar value exists: 'zsh'\n\nFor more information, try '--help'.\n").run();
}

#[test]
fn the_man_page_documents_every_command() {
    let page = Sandbox::new().run(["man"]).stderr("").output().stdout;
    assert!(page.starts_with(".ie"), "roff");
    assert!(page.contains(".TH leadgap 1"));
    for command in [
        "assess", "template", "check", "history", "compare", "cohort", "plan",
    ] {
        assert!(
            page.contains(&format!("leadgap\\-{command}")) || page.contains(command),
            "{command}"
        );
    }
}
