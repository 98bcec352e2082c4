//! What a table run may write in its output folder, which it shares with the user's own files
//! and with other runs: only what its manifest (`run.json`, its `written` list) says an earlier
//! whosaid run wrote there, or what does not exist yet.
//!
//! A run locks the folder (`OUT/.whosaid-lock`, an OS file lock that a crashed run releases),
//! refuses to overwrite a file no earlier run wrote (a user's own `quotes.csv` or `run.json`)
//! unless told to (`--force`), and after its commit removes the tables of an earlier run that it
//! did not write again (a `quotes.parquet` beside a new `quotes.csv` only), before it writes
//! its own manifest last.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Format;

/// The tables of a table run, one file a format.
const TABLES: &[&str] = &["quotes", "articles", "speakers"];
const LOCK: &str = ".whosaid-lock";
const MANIFEST: &str = "run.json";
/// The files a run is about to publish, with the earlier run's, written before its tables are
/// renamed into place and removed once its manifest is: a run killed in between left tables that
/// no manifest named, which the next run refused as the user's.
const PUBLISHING: &str = ".whosaid-publishing.json";

/// A table run's claim on its output folder, held for the run.
pub struct TableOutput {
    out: PathBuf,
    /// The files an earlier run wrote, by the manifest there.
    earlier: Vec<String>,
    /// The files this run writes.
    written: Vec<String>,
    _lock: File,
}

/// The files a table run in `formats` writes (the manifest last).
fn files_of(formats: &[Format]) -> Vec<String> {
    let mut files: Vec<String> =
        formats.iter().flat_map(|f| TABLES.iter().map(move |t| format!("{t}.{}", f.extension()))).collect();
    files.push("rejects.jsonl".to_string());
    files.push(MANIFEST.to_string());
    files
}

/// The files the manifest at `path` says a whosaid run wrote: its `written` list, or for a
/// manifest from before it had one, the files of its formats. None when the file is not a
/// whosaid manifest.
fn manifest_files(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.get("version")?.as_str()?;
    if let Some(written) = value.get("written").and_then(|w| w.as_array()) {
        return Some(written.iter().filter_map(|w| w.as_str().map(str::to_string)).collect());
    }
    let formats: Vec<Format> = value
        .get("options")?
        .get("formats")?
        .as_array()?
        .iter()
        .filter_map(|f| f.as_str().and_then(Format::parse))
        .collect();
    Some(files_of(&formats))
}

impl TableOutput {
    /// Locks `out` and checks that the files a run in `formats` writes are new or an earlier
    /// run's; with `force`, a file of the user's in the way is overwritten.
    pub fn claim(out: &Path, formats: &[Format], force: bool) -> Result<TableOutput> {
        let lock = super::lock(&out.join(LOCK))?;
        if out.join(super::incremental::OUTPUT_MARKER).exists() {
            return Err(Error::Refused(format!(
                "{} holds an incremental run's output (its state's partitions); write a table run \
                 to another folder",
                out.display()
            )));
        }
        let manifest = out.join(MANIFEST);
        let mut earlier = match manifest_files(&manifest) {
            Some(files) => files,
            None if manifest.exists() && !force => return Err(not_ours(&manifest)),
            None => Vec::new(),
        };
        let publishing: Option<Vec<String>> =
            std::fs::read_to_string(out.join(PUBLISHING)).ok().and_then(|text| serde_json::from_str(&text).ok());
        earlier.extend(publishing.into_iter().flatten().filter(|f| is_plain_name(f)));
        let written = files_of(formats);
        if !force {
            if let Some(theirs) = written.iter().find(|f| out.join(f).exists() && !earlier.contains(f)) {
                return Err(not_ours(&out.join(theirs)));
            }
        }
        Ok(TableOutput { out: out.to_path_buf(), earlier, written, _lock: lock })
    }

    /// Before the commit: records the files about to be published beside the earlier ones.
    pub fn publishing(&self) -> Result<()> {
        let mut files = self.earlier.clone();
        files.extend(self.written.iter().filter(|f| !self.earlier.contains(f)).cloned());
        super::write_json(self.out.join(PUBLISHING), &files)
    }

    /// After the manifest: the record of what was being published goes.
    pub fn published(&self) {
        let _ = std::fs::remove_file(self.out.join(PUBLISHING));
    }

    /// After the commit: removes the files an earlier run wrote that this run did not write
    /// again, and gives the list of those it wrote, for its manifest.
    pub fn finish(&self) -> Result<Vec<String>> {
        for stale in self.earlier.iter().filter(|f| !self.written.contains(f) && is_plain_name(f)) {
            let path = self.out.join(stale);
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::output(&path, e)),
            }
        }
        Ok(self.written.clone())
    }
}

/// A manifest's file name that names a file in the folder itself, never one elsewhere.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\']) && name != "." && name != ".."
}

fn not_ours(path: &Path) -> Error {
    Error::Refused(format!(
        "{} was not written by whosaid (no earlier run's run.json lists it); nothing was changed: move it, \
         write to another folder, or run with --force to overwrite it",
        path.display()
    ))
}
