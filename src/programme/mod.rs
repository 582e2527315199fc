//! What a programme of several managers needs beyond each one's report:
//! anonymous norms to read a score against (`norms`), how reliable each
//! theme's questions are across a cohort (`reliability`: Cronbach's alpha,
//! item-rest correlations), and who on a roster is due to assess again
//! (`roster`). Pure: the commands read the folders.

pub mod norms;
pub mod reliability;
pub mod roster;
