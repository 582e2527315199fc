//! The rules a round's settings obey, in one place: `invite` applies them to
//! what the collector asks for, and reading an invitation applies them to
//! what a file says, so an edited invitation is refused for the same reason
//! a command line would be.

use crate::output::clean_line;
use crate::team::raters::Rater;
use crate::team::{MIN_GROUP, OPEN_GROUPS};

/// A setting refused: what is wrong, and what to do instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// What is wrong.
    pub message: String,
    /// The fix.
    pub help: String,
}

impl From<Refused> for crate::error::Error {
    fn from(refused: Refused) -> Self {
        crate::error::Error::user_with_help(refused.message, refused.help)
    }
}

fn refused(message: String, help: impl Into<String>) -> Refused {
    Refused {
        message,
        help: help.into(),
    }
}

/// The minimum of responses any figure rests on: at least [`MIN_GROUP`],
/// so that no one can be singled out.
pub fn minimum(min_group: i64) -> Result<usize, Refused> {
    usize::try_from(min_group)
        .ok()
        .filter(|m| *m >= MIN_GROUP)
        .ok_or_else(|| {
            refused(
                format!(
                    "a minimum of {min_group} is too small to keep raters anonymous: no figure may \
                     rest on fewer than {MIN_GROUP} responses"
                ),
                format!("give {MIN_GROUP} or more"),
            )
        })
}

/// The groups shown alone: only the manager's own manager, and only when
/// it is one of the round's groups.
pub fn open_groups(open: &[String], groups: &[String]) -> Result<(), Refused> {
    for group in open {
        if !OPEN_GROUPS.contains(&group.as_str()) {
            return Err(refused(
                format!(
                    "`{}` cannot be shown alone: only the manager's own manager can",
                    clean_line(group)
                ),
                "a group of one is shown alone only where the relationship names its rater \
                 anyway; every other group needs the minimum",
            ));
        }
        if !groups.contains(group) {
            return Err(refused(
                format!("`{group}` is shown alone but is not one of the round's groups"),
                format!("ask the group `{group}` too, or do not show it alone"),
            ));
        }
    }
    Ok(())
}

/// The round's groups: `given` (each one of the form's `known`), else the
/// groups of the rater list in the form's order, else `defaults`; every
/// rater's group must be one of them.
pub fn groups(
    given: &[String],
    known: &[String],
    defaults: Vec<String>,
    list: Option<&[Rater]>,
) -> Result<Vec<String>, Refused> {
    let mut groups: Vec<String> = Vec::new();
    for group in given {
        if !known.contains(group) {
            return Err(refused(
                crate::error::with_suggestion(
                    format!("`{}` is not a group of the form", clean_line(group)),
                    group,
                    known.iter().map(String::as_str),
                ),
                format!("its groups are: {}", known.join(", ")),
            ));
        }
        if !groups.contains(group) {
            groups.push(group.clone());
        }
    }
    match list {
        Some(list) if groups.is_empty() => {
            groups = known
                .iter()
                .filter(|g| list.iter().any(|r| r.group == **g))
                .cloned()
                .collect();
        }
        Some(list) => {
            if let Some(outside) = list.iter().find(|r| !groups.contains(&r.group)) {
                return Err(refused(
                    format!(
                        "line {} of the rater list is in the group `{}`, which is not one of the \
                         round's ({})",
                        outside.line,
                        clean_line(&outside.group),
                        groups.join(", ")
                    ),
                    "ask that group too, or leave the groups out to ask every group on the list",
                ));
            }
        }
        None if groups.is_empty() => groups = defaults,
        None => {}
    }
    if groups.is_empty() {
        return Err(refused(
            "the form has no groups for raters to answer as".to_owned(),
            "give the team form a `group` context",
        ));
    }
    Ok(groups)
}

/// A rater list long enough that a figure could ever be shown.
pub fn list_size(list: &[Rater], min_group: usize) -> Result<(), Refused> {
    if list.len() < min_group {
        return Err(refused(
            format!(
                "the rater list names {} people: with fewer than {min_group} no figure could \
                 ever be shown",
                list.len()
            ),
            "ask the manager for a longer list",
        ));
    }
    Ok(())
}

/// Each group of the list that has people but fewer than its threshold,
/// with how many: their answers can be shown only pooled as Other, or not
/// at all.
pub fn small_groups(
    list: &[Rater],
    groups: &[String],
    open: &[String],
    min_group: usize,
) -> Vec<(String, usize)> {
    groups
        .iter()
        .filter(|g| !open.contains(g))
        .map(|g| (g.clone(), list.iter().filter(|r| r.group == *g).count()))
        .filter(|(_, n)| (1..min_group).contains(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    fn rater(group: &str, line: u64) -> Rater {
        Rater {
            name: format!("R{line}"),
            email: format!("r{line}@example.org"),
            group: group.to_owned(),
            line,
        }
    }

    #[test]
    fn no_minimum_below_three_and_only_the_manager_alone() {
        assert_eq!(minimum(3), Ok(3));
        assert!(minimum(2).is_err());
        assert!(minimum(-1).is_err());
        let groups = strings(&["peer", "manager"]);
        assert_eq!(open_groups(&strings(&["manager"]), &groups), Ok(()));
        assert!(open_groups(&strings(&["peer"]), &groups).is_err());
        assert!(open_groups(&strings(&["manager"]), &strings(&["peer"])).is_err());
    }

    #[test]
    fn a_lists_groups_are_the_rounds_in_the_forms_order() {
        let known = strings(&["direct-report", "peer", "stakeholder", "manager"]);
        let list = [
            rater("peer", 2),
            rater("direct-report", 3),
            rater("peer", 4),
        ];
        assert_eq!(
            groups(&[], &known, Vec::new(), Some(&list)),
            Ok(strings(&["direct-report", "peer"]))
        );
        let refused = groups(&strings(&["peer"]), &known, Vec::new(), Some(&list)).unwrap_err();
        assert!(
            refused.message.starts_with("line 3 of the rater list"),
            "{refused:?}"
        );
        assert_eq!(
            groups(&[], &known, strings(&["peer"]), None),
            Ok(strings(&["peer"]))
        );
        assert!(
            groups(&strings(&["peers"]), &known, Vec::new(), None)
                .unwrap_err()
                .message
                .ends_with("did you mean `peer`?")
        );
    }

    #[test]
    fn groups_with_fewer_than_the_minimum_are_named() {
        let list = [rater("peer", 2), rater("peer", 3), rater("manager", 4)];
        let groups = strings(&["peer", "manager"]);
        assert_eq!(
            small_groups(&list, &groups, &[], 3),
            [("peer".to_owned(), 2), ("manager".to_owned(), 1)]
        );
        assert_eq!(
            small_groups(&list, &groups, &strings(&["manager"]), 3),
            [("peer".to_owned(), 2)]
        );
        assert!(list_size(&list, 3).is_ok());
        assert!(list_size(&list[..2], 3).is_err());
    }
}
