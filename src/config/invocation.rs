//! How leadgap was run, for the commands its messages suggest.

use std::path::Path;

/// How leadgap was run, so that the commands a message suggests can be
/// typed as they are: with the program as it was called (`target/release/
/// leadgap` after `cargo build`, which is not on `PATH`) and with
/// `--data-dir` when it was given.
#[derive(Clone, Debug)]
pub struct Invocation {
    /// The program, as called; `leadgap` when called by name.
    program: String,
    /// `--data-dir DIR`, quoted for a shell, when it was given.
    data_dir: Option<String>,
}

impl Invocation {
    /// The invocation of this process, with `--data-dir` if it was given.
    pub fn of_this_process(data_dir: Option<&Path>) -> Invocation {
        let program = std::env::args_os()
            .next()
            .map(|p| p.to_string_lossy().into_owned())
            .filter(|p| p.contains(std::path::MAIN_SEPARATOR) || p.contains('/'))
            .map_or_else(|| "leadgap".to_owned(), |p| shell_word(&p));
        Invocation {
            program,
            data_dir: data_dir
                .filter(|d| !d.as_os_str().is_empty())
                .map(|d| shell_word(&d.display().to_string())),
        }
    }

    /// `leadgap ARGS` as the user should type it now.
    pub fn command(&self, args: &str) -> String {
        match &self.data_dir {
            Some(dir) => format!("{} --data-dir {dir} {args}", self.program),
            None => format!("{} {args}", self.program),
        }
    }

    /// `text` with every command it suggests in backticks (`` `leadgap
    /// show` ``) made runnable as [`Invocation::command`] would write it.
    pub fn hints(&self, text: &str) -> String {
        if self.program == "leadgap" && self.data_dir.is_none() {
            return text.to_owned();
        }
        text.replace("`leadgap ", &format!("`{} ", self.command("").trim_end()))
            .replace("`leadgap`", &format!("`{}`", self.command("").trim_end()))
    }
}

/// `word` as one word for a POSIX shell: quoted when it holds anything but
/// letters, digits and `_./-:+@%=`.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./-:+@%=".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
