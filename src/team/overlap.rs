//! Two rounds about one person must not subtract: where the people who
//! answered one (by their invitations) differ from those of another by
//! fewer than the minimum, the two reports' difference would tell those few
//! people's answers (rounds of a, b, c and of a, b, c, d: four times the
//! second's mean less three times the first's is d's answer). The rule is
//! here; the store finds the earlier rounds, `collect --close` asks for
//! consent.

/// An earlier closed round about the same person, as far as the rule needs
/// it.
#[derive(Clone, Debug)]
pub struct Earlier<'a> {
    /// Its id.
    pub round: &'a str,
    /// When it closed (`YYYY-MM-DD…`).
    pub closed: &'a str,
    /// Who answered it, as the collector keeps them (address hashes).
    pub people: &'a [String],
}

/// What closing a round answered by `people` would reveal, given `earlier`
/// rounds, with `min` the minimum: the first earlier round whose people
/// differ from these by more than none and fewer than `min`, in words; or
/// `None` when closing reveals nothing. Rounds without personal
/// invitations (no people known) cannot be compared.
pub fn reveals(
    people: &[String],
    earlier: &[Earlier],
    min: usize,
    subject: &str,
) -> Option<String> {
    if people.is_empty() {
        return None;
    }
    earlier
        .iter()
        .filter(|e| !e.people.is_empty())
        .find_map(|e| {
            let only_here = people.iter().filter(|p| !e.people.contains(p)).count();
            let only_there = e.people.iter().filter(|p| !people.contains(p)).count();
            let differ = only_here + only_there;
            (differ > 0 && differ < min).then(|| {
                format!(
                    "round {} about {subject} (closed {}) counted {} people's answers; this round \
                 would count {}, and the two sets differ by {differ} {}: anyone holding both \
                 reports could work out what {} answered from the difference",
                    e.round,
                    e.closed.get(..10).unwrap_or(e.closed),
                    e.people.len(),
                    people.len(),
                    if differ == 1 { "person" } else { "people" },
                    if differ == 1 { "that person" } else { "they" },
                )
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn rounds_whose_people_differ_by_fewer_than_the_minimum_reveal_them() {
        let abc = people(&["a", "b", "c"]);
        let earlier = [Earlier {
            round: "r1",
            closed: "2026-11-22T13:05:01Z",
            people: &abc,
        }];
        let said = |now: &[&str]| reveals(&people(now), &earlier, 3, "Sam");
        // One added, one swapped (two apart): both reveal.
        assert_eq!(
            said(&["a", "b", "c", "d"]).unwrap(),
            "round r1 about Sam (closed 2026-11-22) counted 3 people's answers; this round would \
             count 4, and the two sets differ by 1 person: anyone holding both reports could work \
             out what that person answered from the difference"
        );
        assert!(
            said(&["a", "b", "d"])
                .unwrap()
                .contains("differ by 2 people")
        );
        // The same people, or three apart: nothing to subtract.
        assert_eq!(said(&["a", "b", "c"]), None);
        assert_eq!(said(&["a", "b", "c", "d", "e", "f"]), None);
        assert_eq!(said(&["d", "e", "f"]), None);
        // Without personal invitations, no people are known.
        assert_eq!(said(&[]), None);
    }
}
