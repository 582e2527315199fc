//! The team's figures per theme, from the shown units: the second step of
//! the team's view.
//!
//! A unit's figure of a theme is shown when at least its threshold of its
//! responses scored the theme; the team's figure of the theme is the mean
//! of exactly those shown figures' responses, shown from the minimum on. So
//! the team's `n` is the sum of the shown groups' `n`, and its sum of scores
//! the sum of theirs: nothing is left over to subtract.

use super::units::Unit;
use crate::report::GroupTheme;
use crate::stats::mean_sd;

/// Each unit's figures and the team's responses, theme by theme.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Figures {
    /// Per theme, the responses the team's figure rests on.
    pub team: Vec<Vec<usize>>,
    /// Per unit, its figure of each theme.
    pub units: Vec<Vec<GroupTheme>>,
}

/// The figures of `units` over `themes` (ids), where `scores[i][t]` is
/// response `i`'s score of theme `t`, if it scored it.
pub(super) fn figures(units: &[Unit], themes: &[String], scores: &[Vec<Option<f64>>]) -> Figures {
    let mut team = Vec::with_capacity(themes.len());
    let mut per_unit = vec![Vec::with_capacity(themes.len()); units.len()];
    for (theme, id) in themes.iter().enumerate() {
        let mut members = Vec::new();
        for (unit, figures) in units.iter().zip(&mut per_unit) {
            let who: Vec<usize> = unit
                .members
                .iter()
                .copied()
                .filter(|&i| scores[i][theme].is_some())
                .collect();
            let shown = !who.is_empty() && who.len() >= unit.threshold;
            let values: Vec<f64> = who.iter().filter_map(|&i| scores[i][theme]).collect();
            let (mean, sd) = mean_sd(&values);
            figures.push(GroupTheme {
                id: id.clone(),
                score: mean.filter(|_| shown),
                n: shown.then_some(who.len()),
                sd: sd.filter(|_| shown),
            });
            if shown {
                members.extend(who);
            }
        }
        team.push(members);
    }
    Figures {
        team,
        units: per_unit,
    }
}

/// The mean of `value` over `members`, when every one of them has it.
pub(super) fn part(members: &[usize], value: &dyn Fn(usize) -> Option<f64>) -> Option<f64> {
    let values: Option<Vec<f64>> = members.iter().map(|&i| value(i)).collect();
    values.and_then(|v| mean_sd(&v).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, members: &[usize], threshold: usize) -> Unit {
        Unit {
            id: id.to_owned(),
            members: members.to_vec(),
            threshold,
        }
    }

    #[test]
    fn the_team_rests_on_exactly_the_shown_groups_so_nothing_subtracts() {
        // Three direct reports score both themes; of three peers only two
        // scored the second theme, so the peers' figure of it is not shown,
        // and neither of those two is in the team's figure of it.
        let units = [
            unit("direct-report", &[0, 1, 2], 3),
            unit("peer", &[3, 4, 5], 3),
        ];
        let scores = vec![
            vec![Some(40.0), Some(10.0)],
            vec![Some(50.0), Some(20.0)],
            vec![Some(60.0), Some(30.0)],
            vec![Some(70.0), Some(90.0)],
            vec![Some(80.0), None],
            vec![Some(90.0), Some(100.0)],
        ];
        let themes = ["a".to_owned(), "b".to_owned()];
        let figures = figures(&units, &themes, &scores);
        assert_eq!(figures.team, [vec![0, 1, 2, 3, 4, 5], vec![0, 1, 2]]);
        let peers_b = &figures.units[1][1];
        assert_eq!((peers_b.score, peers_b.n), (None, None));
        // The team's n and sum of the second theme are the direct reports'.
        let direct_b = &figures.units[0][1];
        assert_eq!((direct_b.score, direct_b.n), (Some(20.0), Some(3)));
        let shown_n: usize = figures.units.iter().filter_map(|u| u[1].n).sum();
        assert_eq!(figures.team[1].len(), shown_n);
        // The peers' first theme is shown: 80 = (70 + 80 + 90) / 3.
        assert_eq!(figures.units[1][0].score, Some(80.0));
    }

    #[test]
    fn a_part_is_the_mean_only_where_every_response_has_it() {
        let facts = [Some(30.0), Some(60.0), None];
        assert_eq!(part(&[0, 1], &|i| facts[i]), Some(45.0));
        assert_eq!(part(&[0, 1, 2], &|i| facts[i]), None);
    }
}
