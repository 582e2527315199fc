//! `leadgap completions` and `leadgap man`: generated from the command-line
//! definition, never written by hand.

use clap::Args;
use std::io::Write;

use crate::error::{Error, Result, exit, with_suggestion};

/// `leadgap man`
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`assess`, `plan add`…); without one, leadgap's own page
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// `leadgap completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Prints completions for a shell, for the command line `command` (leadgap's
/// own, from `cli`). They are generated in memory first: the generator
/// cannot report a failed write (it panics), and a full disk or a closed
/// pipe must end in an exit code.
pub fn completions(
    args: CompletionsArgs,
    mut command: clap::Command,
    out: &mut dyn Write,
) -> Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "leadgap", &mut script);
    out.write_all(&script)
        .and_then(|()| out.flush())
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// Prints the man page of leadgap (the command line `command`) or of one of
/// its commands (`leadgap-assess(1)`, as the main page's list of commands
/// names them).
pub fn man(args: ManArgs, command: clap::Command, out: &mut dyn Write) -> Result<u8> {
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut within = "leadgap".to_owned();
    for name in &args.command {
        let names: Vec<String> = command
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        let Some(sub) = command.find_subcommand(name).cloned() else {
            return Err(Error::user_with_help(
                with_suggestion(
                    format!("`{within}` has no command `{name}`"),
                    name,
                    names.iter().map(String::as_str),
                ),
                if names.is_empty() {
                    format!(
                        "`{within}` has no commands; its page is `leadgap man{}`",
                        within.strip_prefix("leadgap").unwrap_or_default()
                    )
                } else {
                    format!("its commands are: {}", names.join(", "))
                },
            ));
        };
        command = sub;
        within = format!("{within} {name}");
    }
    let mut page = Vec::new();
    render(command, &mut page).map_err(Error::stdout)?;
    out.write_all(&page)
        .and_then(|()| out.flush())
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// One page: clap_mangen's sections, with the examples (the help's
/// `after_help`) set as they are typed, neither filled nor hyphenated.
fn render(command: clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    let examples = command.get_after_help().map(|help| help.to_string());
    let has_subcommands = command.get_subcommands().next().is_some();
    let has_arguments = command.get_arguments().any(|a| !a.is_hide_set());
    let has_version = command.get_version().is_some();
    let title = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_owned();
    let man = clap_mangen::Man::new(command)
        .title(title)
        .source(format!("leadgap {}", env!("CARGO_PKG_VERSION")));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if has_arguments {
        man.render_options_section(out)?;
    }
    if has_subcommands {
        man.render_subcommands_section(out)?;
    }
    if let Some(examples) = examples {
        writeln!(out, ".SH EXAMPLES\n.nf\n.nh")?;
        for line in examples.lines().filter(|l| !l.trim_end().ends_with(':')) {
            writeln!(out, "{}", roff_line(line))?;
        }
        writeln!(out, ".hy\n.fi")?;
    }
    if has_version {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// A line of text for roff, set literally: backslashes and hyphens escaped,
/// and a leading `.` or `'` kept from being read as a request.
fn roff_line(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::roff_line;

    #[test]
    fn roff_lines_are_literal() {
        assert_eq!(
            roff_line("  leadgap man --x a\\b"),
            "  leadgap man \\-\\-x a\\eb"
        );
        assert_eq!(roff_line(".SH not a request"), "\\&.SH not a request");
    }
}
