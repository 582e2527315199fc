//! One module per subcommand. Each turns its arguments into work and writes
//! its result to the given output.

pub mod assess;
pub mod check;
pub mod cohort;
pub mod collect;
pub mod compare;
pub mod diff;
pub mod history;
pub mod invite;
pub mod key;
pub mod list;
pub mod norms;
pub mod note;
pub mod packaging;
pub mod plan;
pub mod respond;
pub mod show;
pub mod template;
