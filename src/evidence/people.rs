//! Who the evidence is about: the `--people` list (the rater list's CSV,
//! `name,email,group`), the manager's own addresses, and how an address in a
//! calendar or a commit is matched to them.

use std::path::Path;

use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::source::Source;

/// What a person or a domain is to the manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Someone who reports to the manager (`direct-report`).
    Team,
    /// Someone outside IT whom the team serves (`stakeholder`).
    Stakeholder,
    /// A supplier's people (`supplier`, usually a whole domain).
    Supplier,
}

/// One row of the list: a person, or everyone at a domain (`*@domain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The name, as the list gives it (it stays in the evidence file).
    pub name: String,
    /// The address, lower case, without `mailto:`; `*@domain` for a domain.
    pub email: String,
    /// What they are to the manager.
    pub role: Role,
}

/// The people of a `--people` list and the manager's own addresses.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// Every row with a role; other groups (peers, managers) are left out.
    pub rows: Vec<Person>,
    /// The manager's addresses, lower case.
    pub me: Vec<String>,
}

/// An address as it is compared: lower case, without `mailto:`, trimmed.
pub fn address(text: &str) -> String {
    let text = text.trim();
    let text = text
        .strip_prefix("mailto:")
        .or_else(|| text.strip_prefix("MAILTO:"))
        .unwrap_or(text);
    text.to_lowercase()
}

impl People {
    /// Reads the list at `path`: a header `name,email,group`, then one row a
    /// person. Rows of other groups are skipped; a row without an address is
    /// a problem naming its line.
    pub fn read(path: &Path) -> Result<Vec<Person>> {
        let source = Source::read(path)?;
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .comment(Some(b'#'))
            .flexible(true)
            .from_reader(source.text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map(|h| h.iter().map(str::to_lowercase).collect())
            .unwrap_or_default();
        if header.get(1).map(String::as_str) != Some("email")
            || header.get(2).map(String::as_str) != Some("group")
        {
            return Err(Error::user_with_help(
                format!(
                    "{}:1: not a people list: its first line should be `name,email,group`",
                    path.display()
                ),
                "give the list of raters you keep for a team round (`leadgap raters --template` \
                 writes one)",
            ));
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                Error::user(format!(
                    "{}: the people list cannot be read as CSV: {e}",
                    path.display()
                ))
            })?;
            let line = record.position().map_or(0, csv::Position::line);
            let field = |i: usize| record.get(i).unwrap_or_default().trim().to_owned();
            let role = match field(2).as_str() {
                "direct-report" => Role::Team,
                "stakeholder" => Role::Stakeholder,
                "supplier" => Role::Supplier,
                _ => continue,
            };
            let email = address(&field(1));
            if !email.contains('@') {
                return Err(Error::user_with_help(
                    format!(
                        "{}:{line}: `{}` has no email address",
                        path.display(),
                        clean_line(&field(0))
                    ),
                    "write one row a person: name,email,group (a supplier may be *@their-domain)",
                ));
            }
            rows.push(Person {
                name: field(0),
                email,
                role,
            });
        }
        Ok(rows)
    }

    /// Whether `email` (an address as [`address`] gives it) is the manager's.
    pub fn is_me(&self, email: &str) -> bool {
        self.me.iter().any(|m| m == email)
    }

    /// The row `email` matches: the person with that address, else a
    /// domain row (`*@domain`) of its domain.
    pub fn row(&self, email: &str) -> Option<&Person> {
        self.rows.iter().find(|p| p.email == email).or_else(|| {
            let domain = email.rsplit_once('@')?.1;
            self.rows
                .iter()
                .find(|p| p.email.strip_prefix("*@") == Some(domain))
        })
    }

    /// The team: the `direct-report` rows, in the list's order.
    pub fn team(&self) -> impl Iterator<Item = &Person> {
        self.rows.iter().filter(|p| p.role == Role::Team)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_match_by_person_or_by_domain() {
        let people = People {
            rows: vec![
                Person {
                    name: "Lee".into(),
                    email: "lee@corp.example".into(),
                    role: Role::Team,
                },
                Person {
                    name: "Acme".into(),
                    email: "*@acme.example".into(),
                    role: Role::Supplier,
                },
            ],
            me: vec!["sam@corp.example".into()],
        };
        assert_eq!(address(" MAILTO:Lee@Corp.Example "), "lee@corp.example");
        assert_eq!(
            people.row("lee@corp.example").map(|p| p.role),
            Some(Role::Team)
        );
        assert_eq!(
            people.row("bob@acme.example").map(|p| p.role),
            Some(Role::Supplier)
        );
        assert_eq!(people.row("bob@other.example"), None);
        assert!(people.is_me("sam@corp.example"));
    }
}
