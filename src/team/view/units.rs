//! Which responses a team report shows, and under which group: the first
//! step of the team's view.
//!
//! A group is shown when it has at least its threshold of responses (the
//! round's minimum; 1 for a group the round shows alone). Groups below it
//! are pooled as `other`, shown when the pool reaches the minimum.
//! Responses in neither are left out: they count in no figure of any kind.

use crate::team::OTHER_GROUP;

/// A group shown in the report, or the pool of the small ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Unit {
    /// The group's id, or `other` for the pool.
    pub id: String,
    /// The indices of its responses.
    pub members: Vec<usize>,
    /// How many of its responses a figure of it needs.
    pub threshold: usize,
}

/// The responses of a round sorted into what is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Units {
    /// The groups shown, in the round's order, then the pool if shown.
    pub shown: Vec<Unit>,
    /// The groups not shown on their own (pooled, or left out).
    pub hidden: Vec<String>,
}

impl Units {
    /// The responses in some figure.
    pub fn in_figures(&self) -> Vec<usize> {
        self.shown
            .iter()
            .flat_map(|u| u.members.iter().copied())
            .collect()
    }
}

/// Sorts the responses, whose groups are `group_of` (one per response), into
/// the round's `groups`; `threshold` gives each group's threshold and
/// `min_group` the pool's.
pub(super) fn units(
    groups: &[String],
    threshold: &dyn Fn(&str) -> usize,
    min_group: usize,
    group_of: &[&str],
) -> Units {
    let mut shown = Vec::new();
    let mut pool = Vec::new();
    let mut hidden = Vec::new();
    for group in groups {
        let members: Vec<usize> = (0..group_of.len())
            .filter(|&i| group_of[i] == group)
            .collect();
        let needs = threshold(group);
        if !members.is_empty() && members.len() >= needs {
            shown.push(Unit {
                id: group.clone(),
                members,
                threshold: needs,
            });
        } else {
            pool.extend(members);
            hidden.push(group.clone());
        }
    }
    if pool.len() >= min_group {
        shown.push(Unit {
            id: OTHER_GROUP.to_owned(),
            members: pool,
            threshold: min_group,
        });
    }
    Units { shown, hidden }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<String> {
        crate::team::tests::GROUPS.map(str::to_owned).to_vec()
    }

    /// The round's minimum is 3; the manager is shown alone.
    fn threshold(group: &str) -> usize {
        if group == "manager" { 1 } else { 3 }
    }

    #[test]
    fn small_groups_are_pooled_and_the_manager_may_be_shown_alone() {
        let of = [
            "direct-report",
            "peer",
            "direct-report",
            "stakeholder",
            "manager",
            "direct-report",
            "peer",
        ];
        let sorted = units(&groups(), &threshold, 3, &of);
        let shown: Vec<(&str, &[usize])> = sorted
            .shown
            .iter()
            .map(|u| (u.id.as_str(), u.members.as_slice()))
            .collect();
        assert_eq!(
            shown,
            [
                ("direct-report", &[0, 2, 5][..]),
                ("manager", &[4][..]),
                ("other", &[1, 6, 3][..]),
            ]
        );
        assert_eq!(sorted.hidden, ["peer", "stakeholder"]);
        assert_eq!(sorted.in_figures().len(), of.len());
    }

    #[test]
    fn a_pool_below_the_minimum_is_left_out_of_everything() {
        // Two peers and one stakeholder would be pooled, but two of them
        // are too few: they count nowhere, so that nothing subtracts them.
        let of = [
            "direct-report",
            "direct-report",
            "direct-report",
            "peer",
            "stakeholder",
        ];
        let sorted = units(&groups(), &threshold, 3, &of);
        assert_eq!(sorted.shown.len(), 1);
        assert_eq!(sorted.in_figures(), [0, 1, 2]);
        assert_eq!(sorted.hidden, ["peer", "stakeholder", "manager"]);
        // Without the manager exception a lone manager is pooled too.
        let strict = units(&groups(), &|_| 3, 3, &["manager", "peer", "peer"]);
        assert_eq!(strict.shown.len(), 1);
        assert_eq!(strict.shown[0].id, "other");
    }
}
