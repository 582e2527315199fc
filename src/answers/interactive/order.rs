//! The order in which a run shows each question's options: shuffled once
//! per run, so that the strongest answer is not always in the same place
//! and cannot be found by its position, and kept when the run is resumed.

use std::hash::{BuildHasher, Hasher};

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

/// A shuffled order for every choice and multi question.
pub fn shuffled(questionnaire: &Questionnaire, seed: Seed) -> Orders {
    let mut state = match seed {
        Seed::Random => std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish(),
        Seed::Fixed(n) => n,
        Seed::AsWritten => 0,
    };
    questionnaire
        .questions
        .iter()
        .map(|question| match &question.kind {
            Kind::Choice { options } | Kind::Multi { options } => {
                let mut order: Vec<usize> = (0..options.len()).collect();
                if seed != Seed::AsWritten {
                    // Fisher–Yates with SplitMix64: no cryptography needed,
                    // only an order nobody can predict from the file.
                    for i in (1..order.len()).rev() {
                        let j = (split_mix(&mut state) % (i as u64 + 1)) as usize;
                        order.swap(i, j);
                    }
                }
                order
            }
            _ => Vec::new(),
        })
        .collect()
}

fn split_mix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use crate::questionnaire::is_order_of;

    #[test]
    fn an_order_is_a_permutation() {
        assert!(is_order_of(&[2, 0, 1], 3));
        assert!(!is_order_of(&[0, 0, 1], 3));
        assert!(!is_order_of(&[0, 1], 3));
        assert!(!is_order_of(&[0, 1, 3], 3));
    }
}
