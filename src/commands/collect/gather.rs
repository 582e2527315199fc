//! Reading what `collect` is given — files, folders of them (with their
//! folders), standard input — into the envelopes found in them; and the
//! line that says what was read. An input over the size limit is an error,
//! never silently cut.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::team::envelopes::Found;

/// The largest input read: a mailbox of many answers fits.
pub const INPUT_LIMIT: u64 = 64 * 1024 * 1024;

/// How deep folders are followed.
const DEPTH: usize = 8;

/// Every envelope in `paths` (files, folders, `-` for standard input), in
/// the order given, a folder's files by name.
pub fn inputs(paths: &[PathBuf]) -> Result<Found> {
    let mut found = Found::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let bytes = limited(std::io::stdin().lock(), "standard input")?;
            found.search("<stdin>", &bytes);
        } else {
            walk(path, &mut found, 0)?;
        }
    }
    Ok(found)
}

fn walk(path: &Path, found: &mut Found, depth: usize) -> Result<()> {
    let place = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            found.skip(
                &place,
                &format!("it cannot be read: {}", crate::error::describe_io(&error)),
            );
            return Ok(());
        }
    };
    if metadata.is_dir() {
        if depth >= DEPTH {
            found.skip(&place, "it is a folder too deep inside the ones given");
            return Ok(());
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Error::io("read", path, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            walk(&entry, found, depth + 1)?;
        }
        return Ok(());
    }
    let file = match crate::files::open_regular(path) {
        Ok(file) => file,
        Err(error) => {
            found.skip(&place, &error.first_line());
            return Ok(());
        }
    };
    let bytes = limited(file, &format!("`{place}`"))?;
    found.search(&place, &bytes);
    Ok(())
}

/// All of `reader`, or an error when it holds more than [`INPUT_LIMIT`].
fn limited(reader: impl Read, what: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(INPUT_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::user(format!(
                "cannot read {what}: {}",
                crate::error::describe_io(&e)
            ))
        })?;
    if bytes.len() as u64 > INPUT_LIMIT {
        return Err(Error::user_with_help(
            format!(
                "{what} is larger than {} MiB, more than any set of answers; nothing was counted",
                INPUT_LIMIT / 1024 / 1024
            ),
            "give the responses in smaller files, or only the mails that hold them",
        ));
    }
    Ok(bytes)
}

/// What was read, in one line: "Read 6 files (1 mailbox, 5 mails): 7
/// sealed responses, 5 count; 3 skipped, named above."
pub fn summary(found: &Found, opened: usize, counted: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut mail = Vec::new();
    if found.mailboxes > 0 {
        mail.push(plural(found.mailboxes, "mailbox", "mailboxes"));
    }
    if found.messages > 0 {
        mail.push(plural(found.messages, "mail", "mails"));
    }
    let mail = if mail.is_empty() {
        String::new()
    } else {
        format!(" ({})", mail.join(", "))
    };
    let skipped = found.skipped.len() + found.sealed.len() - opened;
    let skipped = if skipped == 0 {
        String::new()
    } else {
        format!("; {skipped} skipped, named above")
    };
    format!(
        "Read {}{mail}: {}, {counted} {}{skipped}.",
        plural(found.inputs, "input", "inputs"),
        plural(found.sealed.len(), "sealed response", "sealed responses"),
        if counted == 1 { "counts" } else { "count" }
    )
}
