//! Integration tests: the `whosaid` binary run in temporary folders, as a user runs it.

mod aggregate;
mod cli;
mod eval;
mod fuzz;
mod golden;
mod hostile;
mod inputs;
mod languages;
mod nightly;
mod properties;
mod util;
