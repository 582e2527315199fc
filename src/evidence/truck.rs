//! Who authors each file, and how many people a repository depends on: the
//! degree of authorship and the truck factor as Avelino et al. (2016)
//! define them, on the changes a history holds.

use std::collections::{BTreeMap, BTreeSet};

/// The degree of authorship a creator starts with, and the least an author
/// of a file must have.
const DOA_BASE: f64 = 3.293;
/// What creating the file adds.
const DOA_CREATION: f64 = 1.098;
/// What each of the author's later changes adds.
const DOA_CHANGE: f64 = 0.164;
/// What others' changes take away (times ln(1 + their changes)).
const DOA_OTHERS: f64 = 0.321;
/// An author's DOA must be more than this share of the file's highest.
const DOA_SHARE: f64 = 0.75;

/// One commit's change to one file, in history order (oldest first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Touch {
    /// The file, as one identity across renames.
    pub file: usize,
    /// Who made it (an address).
    pub author: String,
    /// Whether this change created the file.
    pub creates: bool,
}

/// The degree of authorship: `3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)`.
pub fn doa(created: bool, own_changes: usize, others_changes: usize) -> f64 {
    DOA_BASE + DOA_CREATION * f64::from(u8::from(created)) + DOA_CHANGE * own_changes as f64
        - DOA_OTHERS * (1.0 + others_changes as f64).ln()
}

/// The authors of each file of `files` (path, identity), by the changes
/// `touches`: those with a DOA of at least 3.293 and above 0.75 of the
/// file's highest. A file no change reaches has no author.
pub fn authorship(
    touches: &[Touch],
    files: &[(String, usize)],
) -> BTreeMap<String, BTreeSet<String>> {
    // Per file identity, per author: (created, changes after creating).
    let mut by_file: BTreeMap<usize, BTreeMap<&str, (bool, usize)>> = BTreeMap::new();
    let mut creator: BTreeMap<usize, &str> = BTreeMap::new();
    for touch in touches {
        let authors = by_file.entry(touch.file).or_default();
        let entry = authors.entry(touch.author.as_str()).or_insert((false, 0));
        if touch.creates && !creator.contains_key(&touch.file) {
            // The oldest add is the creation; a later add (the file
            // deleted and added again) is a change.
            creator.insert(touch.file, touch.author.as_str());
            entry.0 = true;
        } else {
            entry.1 += 1;
        }
    }
    files
        .iter()
        .map(|(path, id)| {
            let authors = by_file.get(id).map_or_else(BTreeSet::new, |authors| {
                let total: usize = authors.values().map(|(_, changes)| changes).sum();
                let degrees: Vec<(&str, f64)> = authors
                    .iter()
                    .map(|(author, (created, changes))| {
                        (*author, doa(*created, *changes, total - changes))
                    })
                    .collect();
                let highest = degrees.iter().map(|(_, d)| *d).fold(f64::MIN, f64::max);
                degrees
                    .into_iter()
                    .filter(|(_, d)| *d >= DOA_BASE && *d > DOA_SHARE * highest)
                    .map(|(a, _)| a.to_owned())
                    .collect()
            });
            (path.clone(), authors)
        })
        .collect()
}

/// A repository's truck factor and the people it depends on, in the order
/// they were removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TruckFactor {
    /// How many people had to go before fewer than half the files had an
    /// author left.
    pub factor: usize,
    /// Who, in that order.
    pub removed: Vec<String>,
}

/// How many creations and changes each author made: the first tie-break
/// of the truck factor.
pub fn activity(touches: &[Touch]) -> BTreeMap<String, usize> {
    let mut counted = BTreeMap::new();
    for touch in touches {
        *counted.entry(touch.author.clone()).or_default() += 1;
    }
    counted
}

/// The truck factor of files with `authorship`: remove the author of the
/// most files (ties: more creations and changes by `activity`, then the
/// earlier address) until fewer than half of the files have an author
/// left. `None` without files.
pub fn truck_factor(
    authorship: &BTreeMap<String, BTreeSet<String>>,
    activity: &BTreeMap<String, usize>,
) -> Option<TruckFactor> {
    if authorship.is_empty() {
        return None;
    }
    let total = authorship.len();
    let mut left: Vec<BTreeSet<String>> = authorship.values().cloned().collect();
    let mut removed = Vec::new();
    loop {
        let covered = left.iter().filter(|authors| !authors.is_empty()).count();
        if 2 * covered < total {
            break;
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for authors in &left {
            for author in authors {
                *counts.entry(author.as_str()).or_default() += 1;
            }
        }
        // The most files, then the most creations and changes; ties to
        // the earlier address (the map's order, kept by `max_by`'s last
        // pick reversed).
        let rank =
            |author: &str, files: usize| (files, activity.get(author).copied().unwrap_or_default());
        let Some((top, _)) = counts.iter().fold(
            None,
            |best: Option<(&str, usize)>, (author, n)| match best {
                Some((b, m)) if rank(b, m) >= rank(author, *n) => best,
                _ => Some((author, *n)),
            },
        ) else {
            break;
        };
        let top = top.to_owned();
        for authors in &mut left {
            authors.remove(&top);
        }
        removed.push(top);
    }
    Some(TruckFactor {
        factor: removed.len(),
        removed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(file: usize, author: &str, creates: bool) -> Touch {
        Touch {
            file,
            author: author.to_owned(),
            creates,
        }
    }

    #[test]
    fn the_degree_of_authorship_is_the_papers() {
        // A creator with no other changes: 3.293 + 1.098 = 4.391.
        assert!((doa(true, 0, 0) - 4.391).abs() < 1e-12);
        // Two later changes of one's own, three by others:
        // 3.293 + 0.328 − 0.321·ln 4 = 3.17600…
        assert!((doa(false, 2, 3) - (3.293 + 0.328 - 0.321 * 4f64.ln())).abs() < 1e-12);
    }

    #[test]
    fn authors_are_near_the_top_and_above_the_base() {
        // File 0: ada creates it, bo changes it 10 times. ada: 4.391 −
        // 0.321·ln 11 = 3.6213; bo: 3.293 + 1.64 = 4.933, and 0.75 × 4.933
        // = 3.6998 > 3.6213: only bo authors it.
        // File 1: ada creates it, nobody else: ada.
        let mut touches = vec![touch(0, "ada", true), touch(1, "ada", true)];
        touches.extend((0..10).map(|_| touch(0, "bo", false)));
        let files = vec![("a.rs".to_owned(), 0), ("b.rs".to_owned(), 1)];
        let authors = authorship(&touches, &files);
        let names = |p: &str| authors[p].iter().cloned().collect::<Vec<_>>();
        assert_eq!(names("a.rs"), ["bo"]);
        assert_eq!(names("b.rs"), ["ada"]);
    }

    #[test]
    fn the_truck_factor_removes_the_top_author_until_half_the_files_are_orphans() {
        // Four files: ada authors three, bo two (one shared), cy one.
        let set = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect();
        let authorship: BTreeMap<String, BTreeSet<String>> = [
            ("1", set(&["ada"])),
            ("2", set(&["ada", "bo"])),
            ("3", set(&["ada"])),
            ("4", set(&["cy"])),
        ]
        .into_iter()
        .map(|(p, a)| (p.to_owned(), a))
        .collect();
        // Without ada: files 2 (bo) and 4 (cy) keep an author, 2 of 4 —
        // not fewer than half; without bo too: only 4, fewer than half.
        let none = BTreeMap::new();
        let tf = truck_factor(&authorship, &none).unwrap();
        assert_eq!(tf.factor, 2);
        assert_eq!(tf.removed, ["ada", "bo"]);
        // With cy the more active, cy goes before bo at the tie.
        let active: BTreeMap<String, usize> = [("cy".to_owned(), 9)].into_iter().collect();
        assert_eq!(
            truck_factor(&authorship, &active).unwrap().removed,
            ["ada", "cy"]
        );
        assert_eq!(truck_factor(&BTreeMap::new(), &none), None);
    }
}
