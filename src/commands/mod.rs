//! One module per subcommand. Each turns its arguments into work and writes
//! its result to the given output.

pub mod assess;
pub mod check;
pub mod list;
pub mod show;
pub mod template;
