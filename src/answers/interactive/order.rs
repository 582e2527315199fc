//! The order in which a run shows each question's options: shuffled once
//! per run, so that the strongest answer is not always in the same place
//! and cannot be found by its position, and kept when the run is resumed.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::questionnaire::{Kind, Questionnaire};

/// For each question, the order of its options as shown (indices into its
/// options; empty for scales and numbers, which keep their order).
pub type Orders = Vec<Vec<usize>>;

/// Where the shuffle comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seed {
    /// A fresh random order for each run.
    Random,
    /// The order the file gives (`LEADGAP_SEED=0`, for tests).
    AsWritten,
    /// A reproducible shuffle (`LEADGAP_SEED=N`, for tests).
    Fixed(u64),
}

/// A shuffled order for every choice and multi question (but those marked
/// `ordered`).
pub fn shuffled(questionnaire: &Questionnaire, seed: Seed) -> Orders {
    // No cryptography needed, only an order nobody can predict from the
    // file (or, for tests, one that is the same every time).
    let mut rng = match seed {
        // Without randomness from the system, the time still varies the
        // order from run to run: this order protects no secret.
        Seed::Random => StdRng::from_rng(rand::rngs::OsRng).unwrap_or_else(|_| {
            StdRng::seed_from_u64(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos() as u64),
            )
        }),
        Seed::Fixed(n) => StdRng::seed_from_u64(n),
        Seed::AsWritten => StdRng::seed_from_u64(0),
    };
    questionnaire
        .questions
        .iter()
        .map(|question| match &question.kind {
            Kind::Choice { options } | Kind::Multi { options } => {
                let mut order: Vec<usize> = (0..options.len()).collect();
                // Options on a scale of time read as nonsense shuffled.
                if seed != Seed::AsWritten && !question.ordered {
                    order.shuffle(&mut rng);
                }
                order
            }
            _ => Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Seed, shuffled};
    use crate::questionnaire::{self, BUILT_IN, is_order_of};
    use crate::source::Source;

    #[test]
    fn options_on_a_scale_of_time_keep_their_order() {
        let q = questionnaire::load(&Source::new("q", BUILT_IN[0].questionnaire)).unwrap();
        let index = |id: &str| q.question_index(id).unwrap();
        for seed in 1..20 {
            let orders = shuffled(&q, Seed::Fixed(seed));
            assert_eq!(orders[index("restore-tested")], [0, 1, 2, 3]);
            assert_eq!(orders[index("handed-back")], [0, 1, 2, 3]);
        }
        // Scenarios are shuffled: some seed moves the first option.
        assert!((1..20).any(|seed| shuffled(&q, Seed::Fixed(seed))[index("late-outage")][0] != 0));
    }

    #[test]
    fn an_order_is_a_permutation() {
        assert!(is_order_of(&[2, 0, 1], 3));
        assert!(!is_order_of(&[0, 0, 1], 3));
        assert!(!is_order_of(&[0, 1], 3));
        assert!(!is_order_of(&[0, 1, 3], 3));
    }
}
