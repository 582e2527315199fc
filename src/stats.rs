//! The statistics programmes ask for, as plain functions: means and sample
//! standard deviations, quantiles, a score's percentile among quantiles,
//! Pearson correlation and Cronbach's alpha, and the meaningful-change rule.

/// The mean and sample standard deviation (n − 1) of `values`: no mean of
/// nothing, no spread of one value.
pub fn mean_sd(values: &[f64]) -> (Option<f64>, Option<f64>) {
    let n = values.len();
    if n == 0 {
        return (None, None);
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    (Some(mean), variance(values, mean).map(f64::sqrt))
}

/// The sample variance (n − 1) of `values` around `mean`; none below two.
fn variance(values: &[f64], mean: f64) -> Option<f64> {
    let n = values.len();
    (n > 1).then(|| values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64)
}

/// The `p` quantile (0..=1) of ascending `sorted` values, interpolating
/// between order statistics as R's default (type 7) and NumPy's do:
/// h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let below = h.floor() as usize;
    let above = (below + 1).min(last);
    Some(sorted[below] + (h - below as f64) * (sorted[above] - sorted[below]))
}

/// The percentiles a norms file keeps.
pub const PERCENTILES: [u8; 5] = [10, 25, 50, 75, 90];

/// The share of a cohort (0..=100) scoring below `score`, read from the
/// cohort's percentiles `quantiles` (the scores at [`PERCENTILES`]): a line
/// through the points (0, 0%), (p10, 10%) … (p90, 90%), (100, 100%). A score
/// equal to several points (a cohort bunched at one score) takes the middle
/// of their range.
pub fn percentile_of(score: f64, quantiles: &[f64; 5]) -> f64 {
    let mut points = vec![(0.0, 0.0)];
    points.extend(
        quantiles
            .iter()
            .zip(PERCENTILES)
            .map(|(&at, p)| (at, f64::from(p))),
    );
    points.push((100.0, 100.0));
    let equal: Vec<f64> = points
        .iter()
        .filter(|(at, _)| (at - score).abs() < 1e-9)
        .map(|&(_, p)| p)
        .collect();
    if let (Some(low), Some(high)) = (equal.first(), equal.last()) {
        return (low + high) / 2.0;
    }
    for pair in points.windows(2) {
        let ((x0, p0), (x1, p1)) = (pair[0], pair[1]);
        if score > x0 && score < x1 {
            return p0 + (score - x0) / (x1 - x0) * (p1 - p0);
        }
    }
    if score <= 0.0 { 0.0 } else { 100.0 }
}

/// Pearson's correlation of `x` and `y` (equal lengths); none when either
/// does not vary or there are fewer than two pairs.
#[cfg(test)]
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 2 || y.len() != n {
        return None;
    }
    let mx = x.iter().sum::<f64>() / n as f64;
    let my = y.iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    (sxx > 1e-12 && syy > 1e-12).then(|| sxy / (sxx * syy).sqrt())
}

/// Cronbach's alpha of `items` (one column of scores per item, each with a
/// row per respondent): k/(k−1) · (1 − Σ var(item) / var(total)), sample
/// variances. None with fewer than two items or two respondents, or when
/// the totals do not vary.
#[cfg(test)]
pub fn alpha(items: &[Vec<f64>]) -> Option<f64> {
    let k = items.len();
    let n = items.first()?.len();
    if k < 2 || n < 2 || items.iter().any(|item| item.len() != n) {
        return None;
    }
    let totals: Vec<f64> = (0..n)
        .map(|r| items.iter().map(|item| item[r]).sum())
        .collect();
    let item_variances: f64 = items
        .iter()
        .map(|item| variance(item, mean(item)).unwrap_or(0.0))
        .sum();
    let total_variance = variance(&totals, mean(&totals))?;
    (total_variance > 1e-12)
        .then(|| k as f64 / (k - 1) as f64 * (1.0 - item_variances / total_variance))
}

#[cfg(test)]
fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

/// The smallest change between two scores that is more than measurement
/// noise at 95%: 1.96 · sd · √(2 · (1 − alpha)) (the reliable change index,
/// from the cohort's spread and the theme's reliability).
pub fn meaningful_change(sd: f64, alpha: f64) -> f64 {
    1.96 * sd * (2.0 * (1.0 - alpha.clamp(0.0, 1.0))).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn quantiles_interpolate_between_order_statistics() {
        // 10, 20, 30, 40: h = 3p. p = 0.25 → h = 0.75 → 10 + 0.75·10 = 17.5;
        // p = 0.5 → 25; p = 0.9 → h = 2.7 → 30 + 0.7·10 = 37.
        let sorted = [10.0, 20.0, 30.0, 40.0];
        assert!(close(quantile(&sorted, 0.25).unwrap(), 17.5));
        assert!(close(quantile(&sorted, 0.5).unwrap(), 25.0));
        assert!(close(quantile(&sorted, 0.9).unwrap(), 37.0));
        assert_eq!(quantile(&[7.0], 0.9), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn a_percentile_is_read_off_the_line_through_the_quantiles() {
        let q = [20.0, 30.0, 50.0, 60.0, 80.0];
        // Halfway from p25 (30) to p50 (50): 37.5%.
        assert!(close(percentile_of(40.0, &q), 37.5));
        // On a point: its percent.
        assert!(close(percentile_of(60.0, &q), 75.0));
        // Below p10: from (0, 0%) to (20, 10%), 10 → 5%.
        assert!(close(percentile_of(10.0, &q), 5.0));
        // Above p90: from (80, 90%) to (100, 100%), 90 → 95%.
        assert!(close(percentile_of(90.0, &q), 95.0));
        // A cohort bunched at 50 (p25 to p75): the middle of 25..75.
        assert!(close(
            percentile_of(50.0, &[40.0, 50.0, 50.0, 50.0, 70.0]),
            50.0
        ));
        assert!(close(
            percentile_of(0.0, &[0.0, 0.0, 10.0, 20.0, 30.0]),
            12.5
        ));
        assert!(close(percentile_of(100.0, &q), 100.0));
    }

    #[test]
    fn pearson_of_a_line_is_one_and_of_a_constant_is_none() {
        assert!(close(
            pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]).unwrap(),
            1.0
        ));
        assert!(close(
            pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap(),
            -1.0
        ));
        // x = 1, 2, 3, 4; y = 1, 3, 2, 4: means 2.5 and 2.5; Σ(dx·dy) =
        // 2.25 + (−0.5·0.5) + (0.5·−0.5) + 2.25 = 4; Σdx² = Σdy² = 5: r = 0.8.
        assert!(close(
            pearson(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap(),
            0.8
        ));
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    }

    #[test]
    fn alpha_by_hand() {
        // Three respondents, two items: a = 0, .5, 1 and b = 0, 1, 1.
        // var(a) = ((−.5)² + 0 + .5²)/2 = .25; b: mean 2/3, var = (4/9 +
        // 1/9 + 1/9)/2 = 1/3. Totals 0, 1.5, 2: mean 7/6, var = ((7/6)² +
        // (1/3)² + (5/6)²)/2 = (49/36 + 4/36 + 25/36)/2 = 78/72 = 13/12.
        // alpha = 2 · (1 − (1/4 + 1/3) / (13/12)) = 2 · (1 − 7/13) = 12/13.
        let alpha = alpha(&[vec![0.0, 0.5, 1.0], vec![0.0, 1.0, 1.0]]).unwrap();
        assert!(close(alpha, 12.0 / 13.0), "{alpha}");
        assert_eq!(super::alpha(&[vec![0.0, 1.0]]), None);
        assert_eq!(super::alpha(&[vec![1.0, 1.0], vec![0.0, 0.0]]), None);
    }

    #[test]
    fn the_meaningful_change_grows_with_spread_and_shrinks_with_reliability() {
        // sd 10, alpha 0.8: 1.96 · 10 · √0.4 = 12.396…
        assert!(close(
            meaningful_change(10.0, 0.8),
            1.96 * 10.0 * 0.4f64.sqrt()
        ));
        assert!(close(meaningful_change(10.0, 1.0), 0.0));
        assert_eq!(mean_sd(&[2.0, 4.0]), (Some(3.0), Some(2f64.sqrt())));
    }
}
