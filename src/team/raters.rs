//! The rater list: the people a subject wants to hear from, which the
//! subject writes (`leadgap raters --template`) and sends to the collector,
//! who makes one personal invitation per row. CSV with a header, columns
//! `name,email,group`; lines starting with `#` are comments. Every bad row
//! is a problem naming its line.

use sha2::{Digest, Sha256};

use crate::error::{Diagnostic, did_you_mean};
use crate::output::clean_line;
use crate::source::Source;

/// One person to ask.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rater {
    /// Their name, as the collector addresses them.
    pub name: String,
    /// Where the collector sends their invitation.
    pub email: String,
    /// How they work with the subject: a group of the form.
    pub group: String,
    /// The line of the list they are on.
    pub line: u64,
}

impl Rater {
    /// Who the rater is across rounds, as the collector's data keeps it:
    /// `sha256:` of the address in lower case, so that two rounds' sets of
    /// people who answered can be compared without names.
    pub fn person(&self) -> String {
        format!(
            "sha256:{}",
            crate::team::encryption::hex(&Sha256::digest(
                format!("leadgap person\n{}", self.email.to_lowercase()).as_bytes()
            ))
        )
    }
}

/// The columns of the list.
pub const COLUMNS: [&str; 3] = ["name", "email", "group"];

/// A rater list to fill in, naming the groups of the form (`(id, label)`).
pub fn template(subject: Option<&str>, groups: &[(String, String)]) -> String {
    let about = subject.map_or_else(|| "you".to_owned(), clean_line_owned);
    let mut text = super::promise::raters_list(&about);
    text.push_str("# group says how the person works with you:\n");
    for (id, label) in groups {
        let words = match id.as_str() {
            "direct-report" => "they report to you",
            "peer" => "a fellow manager, or someone who works beside you as an equal",
            "stakeholder" => "someone outside IT whom your team's work serves",
            super::MANAGER_GROUP => "your own manager",
            "mentor" => "your mentor",
            _ => label,
        };
        text.push_str(&format!("#   {id}: {}\n", clean_line(words)));
    }
    text.push_str(
        "# A group needs at least 3 people to be shown on its own (your own manager may be\n\
         # shown alone if the collector allows it); smaller groups may be pooled as Other.\n\
         # For example:\n\
         #   Lee Park,lee.park@example.org,direct-report\n\
         #   \"Okafor, Ada\",ada.okafor@example.org,peer\n",
    );
    text.push_str(&COLUMNS.join(","));
    text.push('\n');
    text
}

fn clean_line_owned(text: &str) -> String {
    clean_line(text).into_owned()
}

/// Reads a rater list whose groups must be among `groups`, collecting every
/// problem.
pub fn parse(source: &Source, groups: &[String]) -> Result<Vec<Rater>, Vec<Diagnostic>> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(source.text.as_bytes());
    let help = "one row per person: name,email,group (`leadgap raters --template` shows one)";
    let mut problems = Vec::new();
    let at = |line: u64, message: String| {
        let location = crate::error::Location {
            line: usize::try_from(line).unwrap_or(usize::MAX),
            column: 1,
        };
        Diagnostic {
            file: source.name.clone(),
            location: Some(location),
            message,
            help: Some(help.to_owned()),
        }
    };
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(str::to_lowercase).collect(),
        Err(error) => return Err(vec![at(line_of(&error), csv_problem(&error))]),
    };
    if header != COLUMNS {
        let line = reader.position().line().saturating_sub(1).max(1);
        return Err(vec![at(
            line,
            format!(
                "the first row must name the columns `{}`, found `{}`",
                COLUMNS.join(","),
                clean_line(&header.join(","))
            ),
        )]);
    }
    let mut raters: Vec<Rater> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(at(line_of(&error), csv_problem(&error)));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != COLUMNS.len() {
            problems.push(at(
                line,
                format!(
                    "a row has {} fields where the list has 3 (name,email,group); a name with a \
                     comma is written in quotes: \"Okafor, Ada\"",
                    record.len()
                ),
            ));
            continue;
        }
        let (name, email, group) = (&record[0], &record[1], &record[2]);
        let mut bad = |message: String| problems.push(at(line, message));
        if name.is_empty() {
            bad("a row has no name".to_owned());
        }
        if !is_address(email) {
            bad(format!(
                "`{}` is not an email address; the collector sends the invitation there",
                clean_line(email)
            ));
        } else if let Some(first) = raters.iter().find(|r| r.email.eq_ignore_ascii_case(email)) {
            bad(format!(
                "{} is listed twice (line {} too): each person gets one invitation",
                clean_line(email),
                first.line
            ));
        }
        if !groups.iter().any(|g| g == group) {
            let suggestion = did_you_mean(group, groups.iter().map(String::as_str))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            bad(format!(
                "`{}` is not a group of the form ({}){suggestion}",
                clean_line(group),
                groups.join(", ")
            ));
        }
        raters.push(Rater {
            name: name.to_owned(),
            email: email.to_owned(),
            group: group.to_owned(),
            line,
        });
    }
    if raters.is_empty() && problems.is_empty() {
        problems.push(at(1, "the list names nobody".to_owned()));
    }
    if problems.is_empty() {
        Ok(raters)
    } else {
        Err(problems)
    }
}

/// Whether `text` looks like an email address: one `@`, something before
/// it, a dot in what follows, no spaces.
pub fn is_address(text: &str) -> bool {
    let mut parts = text.split('@');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(user), Some(host), None)
            if !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !text.chars().any(|c| c.is_whitespace() || c.is_control())
    )
}

fn line_of(error: &csv::Error) -> u64 {
    error.position().map_or(1, |p| p.line())
}

fn csv_problem(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the list is not UTF-8 text; save it as UTF-8".to_owned(),
        _ => format!("the row cannot be read as CSV: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<String> {
        crate::team::tests::GROUPS.map(str::to_owned).to_vec()
    }

    fn read(text: &str) -> Result<Vec<Rater>, Vec<String>> {
        parse(&Source::new("raters.csv", text), &groups()).map_err(|problems| {
            problems
                .iter()
                .map(|p| format!("{}: {}", p.location.map_or(0, |l| l.line), p.message))
                .collect()
        })
    }

    #[test]
    fn the_template_reads_as_an_empty_list_once_a_row_is_added() {
        let template = template(Some("Sam Hero"), &[("peer".into(), "A peer".into())]);
        assert_eq!(
            read(&template),
            Err(vec!["1: the list names nobody".to_owned()])
        );
        let filled = format!("{template}\"Okafor, Ada\",Ada@Example.org,peer\n");
        let raters = read(&filled).unwrap();
        assert_eq!(raters.len(), 1);
        assert_eq!(raters[0].name, "Okafor, Ada");
        assert_eq!(raters[0].group, "peer");
        assert_eq!(
            raters[0].person(),
            Rater {
                email: "ada@example.org".into(),
                ..raters[0].clone()
            }
            .person()
        );
    }

    #[test]
    fn every_bad_row_is_named_by_its_line() {
        let text = "name,email,group\n\
                    Lee Park,lee@example.org,direct-report\n\
                    ,nobody,peers\n\
                    Lee Again,LEE@example.org,peer\n\
                    Too,many,fields,here\n";
        assert_eq!(
            read(text),
            Err(vec![
                "3: a row has no name".to_owned(),
                "3: `nobody` is not an email address; the collector sends the invitation there"
                    .to_owned(),
                "3: `peers` is not a group of the form (direct-report, peer, stakeholder, \
                 manager); did you mean `peer`?"
                    .to_owned(),
                "4: LEE@example.org is listed twice (line 2 too): each person gets one \
                 invitation"
                    .to_owned(),
                "5: a row has 4 fields where the list has 3 (name,email,group); a name with a \
                 comma is written in quotes: \"Okafor, Ada\""
                    .to_owned(),
            ])
        );
        assert_eq!(
            read("who,where\nx,y\n"),
            Err(vec![
                "1: the first row must name the columns `name,email,group`, found `who,where`"
                    .to_owned()
            ])
        );
    }
}
