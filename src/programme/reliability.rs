//! Whether a theme's questions hang together: Cronbach's alpha of the theme,
//! and per question its mean, spread, correlation with the rest of the theme
//! and the alpha the theme would have without it (R's `psych::alpha`).
//!
//! Respondents are taken one at a time into running means and co-moments,
//! so memory does not grow with their number: everything here follows from
//! the items' covariance matrix.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::report::Report;
use crate::rounding::three_decimals;

/// Fewer respondents than this who answered every question of a theme, and
/// its alpha and correlations are not shown: they would be noise.
pub const MIN_RESPONDENTS: usize = 10;

/// An item whose correlation with the rest of its theme is below this does
/// not seem to measure the same thing.
pub const WEAK_ITEM_REST: f64 = 0.2;

/// The running statistics of one theme's items.
#[derive(Clone, Debug)]
pub struct Accumulator {
    /// The question ids, in the questionnaire's order.
    pub items: Vec<String>,
    n: usize,
    means: Vec<f64>,
    /// Co-moments: Σ (x_i − mean_i)(x_j − mean_j), row-major k × k.
    comoments: Vec<f64>,
}

impl Accumulator {
    /// An empty accumulator for `items`.
    pub fn new(items: Vec<String>) -> Accumulator {
        let k = items.len();
        Accumulator {
            items,
            n: 0,
            means: vec![0.0; k],
            comoments: vec![0.0; k * k],
        }
    }

    /// Takes one respondent's item scores (in the order of `items`).
    pub fn add(&mut self, row: &[f64]) {
        let k = self.items.len();
        if row.len() != k {
            return;
        }
        self.n += 1;
        let n = self.n as f64;
        let before: Vec<f64> = row.iter().zip(&self.means).map(|(x, m)| x - m).collect();
        for (mean, d) in self.means.iter_mut().zip(&before) {
            *mean += d / n;
        }
        for (line, d) in self.comoments.chunks_mut(k).zip(&before) {
            for ((cell, x), mean) in line.iter_mut().zip(row).zip(&self.means) {
                *cell += d * (x - mean);
            }
        }
    }

    /// The sample covariance of items `i` and `j`.
    fn cov(&self, i: usize, j: usize) -> f64 {
        self.comoments[i * self.items.len() + j] / (self.n - 1) as f64
    }

    /// The theme's statistics; alpha and correlations only from
    /// [`MIN_RESPONDENTS`] on and with two items or more.
    pub fn analyse(&self) -> Analysis {
        let k = self.items.len();
        let enough = self.n >= MIN_RESPONDENTS && k >= 2;
        let spread = self.n >= 2;
        // Variances and the covariance of each item with the total.
        let var: Vec<f64> = (0..k)
            .map(|i| if spread { self.cov(i, i) } else { 0.0 })
            .collect();
        let with_total: Vec<f64> = (0..k)
            .map(|i| {
                if spread {
                    (0..k).map(|j| self.cov(i, j)).sum()
                } else {
                    0.0
                }
            })
            .collect();
        let total: f64 = with_total.iter().sum();
        let alpha = enough
            .then(|| alpha_of(k, var.iter().sum(), total))
            .flatten();
        let items = (0..k)
            .map(|i| {
                let rest_var = total - 2.0 * with_total[i] + var[i];
                let rest_cov = with_total[i] - var[i];
                let item_rest = (enough && var[i] > 1e-12 && rest_var > 1e-12)
                    .then(|| rest_cov / (var[i] * rest_var).sqrt());
                let alpha_if_dropped = (enough && k >= 3)
                    .then(|| alpha_of(k - 1, var.iter().sum::<f64>() - var[i], rest_var))
                    .flatten();
                ItemStats {
                    id: self.items[i].clone(),
                    mean: (self.n > 0).then_some(self.means[i]),
                    sd: spread.then(|| var[i].max(0.0).sqrt()),
                    item_rest,
                    alpha_if_dropped,
                    weak: item_rest.is_some_and(|r| r < WEAK_ITEM_REST),
                }
            })
            .collect();
        Analysis {
            n: self.n,
            alpha,
            items,
        }
    }
}

/// k/(k−1) · (1 − Σ var(item) / var(total)); none when the total does not vary.
fn alpha_of(k: usize, item_variances: f64, total_variance: f64) -> Option<f64> {
    (k >= 2 && total_variance > 1e-12)
        .then(|| k as f64 / (k - 1) as f64 * (1.0 - item_variances / total_variance))
}

/// A theme's item statistics.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// Respondents who answered every question of the theme.
    pub n: usize,
    /// Cronbach's alpha (none below the minimum, or when not computable).
    pub alpha: Option<f64>,
    /// Per question.
    pub items: Vec<ItemStats>,
}

/// One question's statistics within its theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemStats {
    /// Question id.
    pub id: String,
    /// Mean of its scores `s` (0..1).
    pub mean: Option<f64>,
    /// Sample standard deviation of its scores.
    pub sd: Option<f64>,
    /// Correlation with the sum of the theme's other questions.
    pub item_rest: Option<f64>,
    /// The theme's alpha without this question (with three questions or more).
    pub alpha_if_dropped: Option<f64>,
    /// Whether the item-rest correlation is below [`WEAK_ITEM_REST`].
    #[serde(rename = "flagged")]
    pub weak: bool,
}

impl Analysis {
    /// The figures to three decimals, as they are shown.
    fn rounded(mut self) -> Analysis {
        let round = |v: &mut Option<f64>| *v = v.map(three_decimals);
        round(&mut self.alpha);
        for item in &mut self.items {
            round(&mut item.mean);
            round(&mut item.sd);
            round(&mut item.item_rest);
            round(&mut item.alpha_if_dropped);
        }
        self
    }
}

/// `cohort --items`: per questionnaire theme, how its questions hang together.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ItemReport {
    /// Per questionnaire and theme (by content), in questionnaire order.
    pub themes: Vec<ThemeItems>,
}

/// One theme's item statistics, with what a reader needs to place them.
#[derive(Clone, Debug, Serialize)]
pub struct ThemeItems {
    /// Questionnaire id.
    pub questionnaire: String,
    /// Theme id.
    pub id: String,
    /// Theme title.
    #[serde(skip)]
    pub title: String,
    /// The question texts, in the order of the items.
    #[serde(skip)]
    pub texts: Vec<String>,
    /// The questions left out of alpha because they apply to some people
    /// only.
    pub left_out: Vec<String>,
    /// The statistics.
    #[serde(flatten)]
    pub analysis: Analysis,
}

/// Collects respondents' latest self-reports, one at a time.
#[derive(Debug, Default)]
pub struct Collector {
    themes: BTreeMap<(String, String), (usize, ThemeItems, Accumulator)>,
}

impl Collector {
    /// Takes one respondent's report (with its answers).
    pub fn add(&mut self, report: &Report) {
        for (order, theme) in report.themes.iter().enumerate() {
            let key = (report.questionnaire.id.clone(), theme.hash.clone());
            let entry = self.themes.entry(key).or_insert_with(|| {
                let of_theme = || report.answers.iter().filter(|a| a.theme == theme.id);
                let (ids, texts) = of_theme()
                    .filter(|a| !a.conditional)
                    .map(|a| (a.question.clone(), a.text.clone()))
                    .unzip();
                let about = ThemeItems {
                    questionnaire: report.questionnaire.id.clone(),
                    id: theme.id.clone(),
                    title: theme.title.clone(),
                    texts,
                    left_out: of_theme()
                        .filter(|a| a.conditional)
                        .map(|a| a.question.clone())
                        .collect(),
                    analysis: Accumulator::new(Vec::new()).analyse(),
                };
                (order, about, Accumulator::new(ids))
            });
            if let Some((_, row)) = theme_row(report, &theme.id) {
                entry.2.add(&row);
            }
        }
    }

    /// The statistics of every theme.
    pub fn finish(self) -> ItemReport {
        let mut themes: Vec<(usize, ThemeItems)> = self
            .themes
            .into_values()
            .map(|(order, mut about, accumulator)| {
                about.analysis = accumulator.analyse().rounded();
                (order, about)
            })
            .collect();
        themes.sort_by(|a, b| {
            a.1.questionnaire
                .cmp(&b.1.questionnaire)
                .then(a.0.cmp(&b.0))
        });
        ItemReport {
            themes: themes.into_iter().map(|(_, t)| t).collect(),
        }
    }
}

/// A respondent's scores for the questions of theme `theme` in `report` that
/// apply to everyone, in the report's order, when every one of them was
/// answered (none skipped); with the question ids. A question that applies
/// to some people only (it has a `when`) is left out: counting it as
/// unanswered would leave out everyone it does not apply to.
pub fn theme_row(report: &Report, theme: &str) -> Option<(Vec<String>, Vec<f64>)> {
    let answers: Vec<_> = report
        .answers
        .iter()
        .filter(|a| a.theme == theme && !a.conditional)
        .collect();
    let scores: Option<Vec<f64>> = answers
        .iter()
        .map(|a| a.score.filter(|_| !a.not_applicable))
        .collect();
    Some((
        answers.iter().map(|a| a.question.clone()).collect(),
        scores?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn running_co_moments_give_the_same_alpha_as_the_formula() {
        // Ten respondents, three items. The third runs against the others.
        let rows: Vec<[f64; 3]> = vec![
            [0.0, 0.0, 1.0],
            [0.25, 0.0, 0.75],
            [0.25, 0.5, 1.0],
            [0.5, 0.5, 0.5],
            [0.5, 0.25, 0.0],
            [0.75, 0.75, 0.5],
            [0.75, 1.0, 0.25],
            [1.0, 0.75, 0.0],
            [1.0, 1.0, 0.5],
            [0.0, 0.25, 0.75],
        ];
        let mut accumulator = Accumulator::new(vec!["a".into(), "b".into(), "c".into()]);
        for row in &rows {
            accumulator.add(row);
        }
        let analysis = accumulator.analyse();
        let columns: Vec<Vec<f64>> = (0..3)
            .map(|i| rows.iter().map(|r| r[i]).collect())
            .collect();
        let by_formula = crate::stats::alpha(&columns).unwrap();
        assert!(close(analysis.alpha, by_formula));
        // Without c, alpha of a and b alone; item-rest of c against a + b.
        let ab = crate::stats::alpha(&columns[..2]).unwrap();
        assert!(close(analysis.items[2].alpha_if_dropped, ab));
        let rest: Vec<f64> = rows.iter().map(|r| r[0] + r[1]).collect();
        let r = crate::stats::pearson(&columns[2], &rest).unwrap();
        assert!(close(analysis.items[2].item_rest, r));
        assert!(analysis.items[2].weak && r < 0.0, "{r}");
        assert!(close(analysis.items[0].mean, 0.5));
    }

    #[test]
    fn fewer_than_ten_respondents_show_no_alpha() {
        let mut accumulator = Accumulator::new(vec!["a".into(), "b".into()]);
        for row in [[0.0, 0.0], [0.5, 1.0], [1.0, 1.0]] {
            accumulator.add(&row);
        }
        let analysis = accumulator.analyse();
        assert_eq!(analysis.alpha, None);
        assert_eq!(analysis.items[0].item_rest, None);
        assert!(close(analysis.items[0].sd, 0.5));
    }
}
