//! Incremental runs: a state folder remembers every article a run finished (its id and a hash
//! of its content), so the next run over a growing corpus processes only new and changed
//! articles and adds their rows as a new partition.
//!
//! Layout of the output folder in incremental mode (Hive-style, one partition per run):
//!
//! ```text
//! OUT/quotes/run=20261127T020000Z/part-00000.{parquet,csv,jsonl}
//! OUT/articles/run=20261127T020000Z/part-00000.{parquet,csv,jsonl}
//! OUT/speakers/run=20261127T020000Z/part-00000.{parquet,csv,jsonl}
//! OUT/rejects/run=20261127T020000Z/rejects.jsonl
//! OUT/runs/run=20261127T020000Z.json        one run.json per run
//! OUT/run.json                                the latest run's
//! STATE/articles.jsonl  STATE/runs.json  STATE/lock  (STATE/commit.json during a commit)
//! ```
//!
//! A changed article replaces its earlier rows: the partitions that hold them are rewritten
//! without them, in the same commit that adds the new partition, so a reader of `OUT/quotes/`
//! sees every article's rows exactly once.
//!
//! **Crash safety.** A run writes everything (new partitions, rewritten old partitions, the next
//! state) under `OUT/.staging-<run>/`, which no reader looks at. It then writes the journal
//! `STATE/commit.json` (the commit point) listing every rename and deletion, applies them, and
//! removes the journal. A run that starts and finds a journal rolls that commit forward; any
//! staging folder or partition that no committed run owns is removed. So a run killed at any
//! moment, then run again, gives exactly the tables of a clean run.
//!
//! **One run at a time.** A run holds an exclusive lock on `STATE/lock` (an OS file lock, released
//! by the kernel when the process dies, so a crashed run never leaves it stuck).

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::config::Format;
use crate::error::{Error, Result};
use crate::model::Article;

/// The tables that hold one row per article or per quote, and so are rewritten when an article
/// changes.
const ARTICLE_TABLES: &[&str] = &["quotes", "articles", "speakers"];
/// Every partitioned table.
const TABLES: &[&str] = &["quotes", "articles", "speakers", "rejects"];
pub const PART_NAME: &str = "part-00000";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StateEntry {
    id: String,
    hash: String,
    run: String,
}

/// The commit journal: once it is on disk, the run is committed.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    run: String,
    deletes: Vec<PathBuf>,
    moves: Vec<(PathBuf, PathBuf)>,
}

/// What a run does with an article it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Process,
    /// Finished by an earlier run with the same content.
    Unchanged,
    /// Already read in this run; the first occurrence wins.
    Duplicate,
}

pub struct Session {
    out: PathBuf,
    state_dir: PathBuf,
    _lock: File,
    run_id: String,
    staging: PathBuf,
    full: bool,
    /// Every article of the committed state and of this run, as the next state will have it,
    /// each id held once. The state is in memory for the whole run, so an article costs about
    /// 100 bytes here (40 in the map, its id, the map's spare room).
    articles: FxHashMap<Box<str>, Known>,
    /// The committed runs, oldest first.
    runs: Vec<String>,
    /// The names of the runs that finished the articles, this run's last; `Known::run` indexes
    /// it.
    run_names: Vec<String>,
    /// Old runs holding rows of articles this run replaces.
    replaced: HashMap<String, HashSet<String>>,
}

/// An article as the next state will have it: its content hash and the run that finished it,
/// an earlier one's until this run processes it.
struct Known {
    hash: [u8; 16],
    /// An index into `Session::run_names`.
    run: u32,
    seen: Seen,
}

/// What this run did with an article.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// Not read yet: an article of the committed state only.
    No,
    /// Read, and the same as when an earlier run finished it.
    Unchanged,
    /// Read and processed.
    Processed,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::output(path, e)
}

/// A test hook: `WHOSAID_FAILPOINT=<name>` aborts the process at that point of the commit, as
/// `kill -9` would, so the crash tests reach every step deterministically.
pub fn failpoint(name: &str) {
    if std::env::var("WHOSAID_FAILPOINT").is_ok_and(|v| v == name) {
        std::process::abort();
    }
}

pub fn content_hash(article: &Article) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let fields = [
        Some(article.id.as_str()),
        Some(article.text.as_str()),
        article.published.as_deref(),
        article.title.as_deref(),
        article.outlet.as_deref(),
        article.url.as_deref(),
        article.author.as_deref(),
    ];
    for field in fields {
        match field {
            Some(value) => {
                hasher.update(&(value.len() as u64).to_le_bytes());
                hasher.update(value.as_bytes());
            }
            None => hasher.update(&u64::MAX.to_le_bytes()),
        }
    }
    hasher.digest128()
}

fn new_run_id(out: &Path) -> String {
    let base = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let taken =
        |id: &str| out.join("quotes").join(format!("run={id}")).exists() || out.join(format!(".staging-{id}")).exists();
    if !taken(&base) {
        return base;
    }
    (1..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).expect("an unused run id")
}

impl Session {
    /// Locks the state folder, finishes or cleans up after a crashed run, and loads the state.
    pub fn begin(out: &Path, state_dir: &Path, full: bool) -> Result<Session> {
        std::fs::create_dir_all(state_dir).map_err(io_err(state_dir))?;
        std::fs::create_dir_all(out).map_err(io_err(out))?;
        let lock_path = state_dir.join("lock");
        let lock =
            File::options().create(true).truncate(false).write(true).open(&lock_path).map_err(io_err(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Locked { path: lock_path });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::output(&lock_path, e)),
        }
        recover(out, state_dir)?;
        let runs: Vec<String> = read_json(&state_dir.join("runs.json"))?.unwrap_or_default();
        let mut articles: FxHashMap<Box<str>, Known> = FxHashMap::default();
        let mut run_names: Vec<String> = Vec::new();
        let mut run_index: HashMap<String, u32> = HashMap::new();
        let index_path = state_dir.join("articles.jsonl");
        if index_path.exists() {
            let file = File::open(&index_path).map_err(|source| Error::Input { path: index_path.clone(), source })?;
            for (line_idx, line) in BufReader::new(file).lines().enumerate() {
                let line = line.map_err(|source| Error::Input { path: index_path.clone(), source })?;
                let invalid = |message: String| Error::State {
                    path: index_path.clone(),
                    message: format!("line {}: {message}", line_idx + 1),
                };
                let entry: StateEntry = serde_json::from_str(&line).map_err(|e| invalid(e.to_string()))?;
                let hash = parse_hash(&entry.hash)
                    .ok_or_else(|| invalid(format!("hash {:?} is not 32 hex digits", entry.hash)))?;
                let next = run_names.len() as u32;
                let run = *run_index.entry(entry.run).or_insert_with_key(|name| {
                    run_names.push(name.clone());
                    next
                });
                articles.insert(entry.id.into_boxed_str(), Known { hash: hash.to_le_bytes(), run, seen: Seen::No });
            }
        }
        if full {
            // A full run forgets the state, once it has been read whole.
            articles = FxHashMap::default();
            run_names.clear();
        }
        let run_id = new_run_id(out);
        run_names.push(run_id.clone());
        let staging = out.join(format!(".staging-{run_id}"));
        for table in TABLES {
            let dir = staging.join(table).join(format!("run={run_id}"));
            std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        }
        Ok(Session {
            out: out.to_path_buf(),
            state_dir: state_dir.to_path_buf(),
            _lock: lock,
            run_id,
            staging,
            full,
            articles,
            runs,
            run_names,
            replaced: HashMap::new(),
        })
    }

    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// Where this run writes `table` before its commit.
    pub fn table_dir(&self, table: &str) -> PathBuf {
        self.staging.join(table).join(format!("run={}", self.run_id))
    }

    /// Decides what to do with an article, and records it as done when it is to be processed.
    pub fn check(&mut self, article: &Article) -> Verdict {
        let hash = content_hash(article).to_le_bytes();
        let this_run = (self.run_names.len() - 1) as u32;
        let Some(known) = self.articles.get_mut(article.id.as_str()) else {
            self.articles.insert(article.id.as_str().into(), Known { hash, run: this_run, seen: Seen::Processed });
            return Verdict::Process;
        };
        if known.seen != Seen::No {
            return Verdict::Duplicate;
        }
        if known.hash == hash {
            known.seen = Seen::Unchanged;
            return Verdict::Unchanged;
        }
        let old_run = &self.run_names[known.run as usize];
        self.replaced.entry(old_run.clone()).or_default().insert(article.id.clone());
        *known = Known { hash, run: this_run, seen: Seen::Processed };
        Verdict::Process
    }

    /// Commits the run: rewrites the partitions that held replaced articles, then moves the
    /// new partitions and the next state into place through the journal.
    pub fn commit(self, formats: &[Format], report: &impl Serialize) -> Result<()> {
        let run = format!("run={}", self.run_id);
        let runs_dir = self.staging.join("runs");
        std::fs::create_dir_all(&runs_dir).map_err(io_err(&runs_dir))?;
        super::write_json(runs_dir.join(format!("{run}.json")), report)?;
        let mut moves = Vec::new();
        let mut deletes = Vec::new();
        for table in TABLES {
            let dir = self.table_dir(table);
            for entry in std::fs::read_dir(&dir).map_err(io_err(&dir))? {
                let path = entry.map_err(io_err(&dir))?.path();
                let name = path.file_name().expect("a directory entry has a name").to_owned();
                moves.push((path, self.out.join(table).join(&run).join(name)));
            }
        }
        moves.push((runs_dir.join(format!("{run}.json")), self.out.join("runs").join(format!("{run}.json"))));
        let latest = self.staging.join("run.json");
        super::write_json(latest.clone(), report)?;
        moves.push((latest, self.out.join("run.json")));

        let old_runs: Vec<String> = if self.full { self.runs.clone() } else { Vec::new() };
        for old in &old_runs {
            for table in TABLES {
                deletes.push(self.out.join(table).join(format!("run={old}")));
            }
            deletes.push(self.out.join("runs").join(format!("run={old}.json")));
        }
        if !self.full {
            let mut replaced: Vec<_> = self.replaced.iter().collect();
            replaced.sort_by(|a, b| a.0.cmp(b.0));
            for (old_run, ids) in replaced {
                for table in ARTICLE_TABLES {
                    for format in formats {
                        let name = format!("{PART_NAME}.{}", format.extension());
                        let source = self.out.join(table).join(format!("run={old_run}")).join(&name);
                        if !source.exists() {
                            continue;
                        }
                        let rewritten =
                            self.staging.join("rewrite").join(table).join(format!("run={old_run}")).join(&name);
                        std::fs::create_dir_all(rewritten.parent().expect("has a parent"))
                            .map_err(io_err(&rewritten))?;
                        super::rewrite_without(&source, &rewritten, *format, ids)?;
                        moves.push((rewritten, source));
                    }
                }
            }
        }

        let mut runs: Vec<String> = if self.full { Vec::new() } else { self.runs.clone() };
        runs.push(self.run_id.clone());
        let next_index = self.staging.join("state-articles.jsonl");
        write_index(&next_index, &self.articles, &self.run_names)?;
        let next_runs = self.staging.join("state-runs.json");
        super::write_json(next_runs.clone(), &runs)?;
        moves.push((next_index, self.state_dir.join("articles.jsonl")));
        moves.push((next_runs, self.state_dir.join("runs.json")));

        failpoint("before-journal");
        let journal = Journal { run: self.run_id.clone(), deletes, moves };
        super::write_json(self.state_dir.join("commit.json"), &journal)?;
        failpoint("after-journal");
        apply(&journal)?;
        finish(&self.state_dir, &self.staging)
    }
}

/// Writes the next state, sorted by id.
fn write_index(path: &Path, articles: &FxHashMap<Box<str>, Known>, run_names: &[String]) -> Result<()> {
    let mut entries: Vec<(&str, &Known)> = articles.iter().map(|(id, known)| (&**id, known)).collect();
    entries.sort_unstable_by_key(|(id, _)| *id);
    let mut file = super::AtomicFile::create(path.to_path_buf())?;
    for (id, known) in entries {
        let entry = StateEntry {
            id: id.to_string(),
            hash: format!("{:032x}", u128::from_le_bytes(known.hash)),
            run: run_names[known.run as usize].clone(),
        };
        serde_json::to_writer(&mut file, &entry).map_err(|e| Error::output(path, e.into()))?;
        file.write_all(b"\n").map_err(io_err(path))?;
    }
    file.commit()
}

/// A content hash as the state file writes it: 32 hex digits.
fn parse_hash(hex: &str) -> Option<u128> {
    if hex.len() != 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u128::from_str_radix(hex, 16).ok()
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| Error::State { path: path.to_path_buf(), message: e.to_string() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Input { path: path.to_path_buf(), source }),
    }
}

/// Applies a journal; every step can be repeated, so a journal can be applied again after a
/// crash part-way through.
fn apply(journal: &Journal) -> Result<()> {
    for path in &journal.deletes {
        if path.is_dir() {
            std::fs::remove_dir_all(path).map_err(io_err(path))?;
        } else if path.exists() {
            std::fs::remove_file(path).map_err(io_err(path))?;
        }
    }
    for (idx, (from, to)) in journal.moves.iter().enumerate() {
        if idx == 1 {
            failpoint("mid-moves");
        }
        if from.exists() {
            let parent = to.parent().expect("a move target has a parent");
            std::fs::create_dir_all(parent).map_err(io_err(parent))?;
            std::fs::rename(from, to).map_err(io_err(to))?;
        } else if !to.exists() {
            return Err(Error::State {
                path: from.clone(),
                message: format!("the journal moves it to {}, but neither exists", to.display()),
            });
        }
    }
    failpoint("after-moves");
    Ok(())
}

fn finish(state_dir: &Path, staging: &Path) -> Result<()> {
    let journal = state_dir.join("commit.json");
    std::fs::remove_file(&journal).map_err(io_err(&journal))?;
    if staging.exists() {
        std::fs::remove_dir_all(staging).map_err(io_err(staging))?;
    }
    Ok(())
}

/// Rolls a committed run forward, then removes whatever no committed run owns.
fn recover(out: &Path, state_dir: &Path) -> Result<()> {
    let journal_path = state_dir.join("commit.json");
    if let Some(journal) = read_json::<Journal>(&journal_path)? {
        apply(&journal)?;
        let staging = out.join(format!(".staging-{}", journal.run));
        finish(state_dir, &staging)?;
    }
    let runs: HashSet<String> =
        read_json::<Vec<String>>(&state_dir.join("runs.json"))?.unwrap_or_default().into_iter().collect();
    for entry in std::fs::read_dir(out).map_err(io_err(out))? {
        let path = entry.map_err(io_err(out))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with(".staging-") {
            std::fs::remove_dir_all(&path).map_err(io_err(&path))?;
        }
    }
    for table in TABLES.iter().copied().chain(["runs"]) {
        let dir = out.join(table);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.map_err(io_err(&dir))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let run = name.strip_prefix("run=").map(|r| r.trim_end_matches(".json"));
            if run.is_some_and(|r| !runs.contains(r)) {
                if path.is_dir() {
                    std::fs::remove_dir_all(&path).map_err(io_err(&path))?;
                } else {
                    std::fs::remove_file(&path).map_err(io_err(&path))?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_hash_sees_every_field_and_where_it_ends() {
        let article = Article { id: "a".into(), text: "Hello".into(), ..Article::default() };
        let retitled = Article { title: Some("T".into()), ..article.clone() };
        let shifted = Article { id: "aH".into(), text: "ello".into(), ..Article::default() };
        assert_eq!(content_hash(&article), content_hash(&article.clone()));
        assert_ne!(content_hash(&article), content_hash(&retitled));
        assert_ne!(content_hash(&article), content_hash(&shifted));
    }

    /// A content hash reads back from the state file as it was written; anything but 32 hex
    /// digits is refused, not taken for a hash that matches no article.
    #[test]
    fn a_state_hash_reads_back_as_written_and_nothing_else_is_taken_for_one() {
        let article = Article { id: "a".into(), text: "Hello".into(), ..Article::default() };
        for hash in [0, 1, u128::MAX, content_hash(&article)] {
            assert_eq!(parse_hash(&format!("{hash:032x}")), Some(hash));
        }
        let hex = format!("{:032x}", content_hash(&article));
        for bad in ["", &hex[1..], &format!("{hex}0"), &format!("+{}", &hex[1..]), &hex.replacen(&hex[..1], "g", 1)] {
            assert_eq!(parse_hash(bad), None, "{bad:?}");
        }
    }
}
