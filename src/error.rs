//! The library's one error type: every fatal failure, with the file (and line) it concerns.
//!
//! A bad record is not an error here: it becomes a [`crate::model::Reject`] and the batch goes on.
//! These are the failures that stop a run: an input path that cannot be opened at all, an output
//! folder that cannot be written, a pipeline file that does not parse.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read input {path}: {source}")]
    Input {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("unsupported input {path}: {reason}")]
    UnsupportedInput { path: PathBuf, reason: String },
    #[error("cannot write output {path}: {source}")]
    Output {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write parquet {path}: {source}")]
    Parquet {
        path: PathBuf,
        #[source]
        source: polars::error::PolarsError,
    },
    #[error("cannot write csv {path}: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("invalid pipeline file {path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error(
        "another whosaid run holds the lock {path}; wait for it to finish (a crashed run releases the lock by itself)"
    )]
    Locked { path: PathBuf },
    #[error("interrupted (SIGINT or SIGTERM): nothing was published and no temporary file is left")]
    Interrupted,
    /// A run that would change what is not its own (a user's file, an input): nothing was done.
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Usage(String),
    #[error("invalid state {path}: {message}")]
    State { path: PathBuf, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn output(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Output { path: path.into(), source }
    }
}
