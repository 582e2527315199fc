//! The integration tests of leadgap, in one binary: each module runs the
//! real `leadgap` through the builder in `support` (a temporary data
//! directory, a fixed clock, exact output expected, standard error empty
//! unless a test says what it holds).

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

mod assess;
mod cache;
mod check;
mod content;
mod evidence;
mod faults;
mod hardening;
mod history;
mod html;
#[cfg(unix)]
mod interactive;
mod mentor;
mod newuser;
mod packaging;
mod parsers;
mod plan;
mod programme;
mod quality;
mod readme;
mod show;
mod team;
mod template;
