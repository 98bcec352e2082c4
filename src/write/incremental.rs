//! Incremental runs: a state folder remembers every article a run finished (its id and a hash
//! of its content), so the next run over a growing corpus processes only new and changed
//! articles and adds their rows as a new partition.
//!
//! Layout of the output folder in incremental mode (Hive-style, one partition per run, each
//! format in a tree of its own so that a folder of partitions reads as one table):
//!
//! ```text
//! OUT/parquet/quotes/run=20261127T020000Z/part-00000.parquet
//! OUT/parquet/articles/run=…/part-00000.parquet     OUT/parquet/speakers/run=…/part-00000.parquet
//! OUT/csv/quotes/run=…/part-00000.csv               (and OUT/jsonl/… for JSON Lines)
//! OUT/rejects/run=…/rejects.jsonl
//! OUT/runs/run=20261127T020000Z.json        one run.json per run
//! OUT/run.json                                the latest run's
//! OUT/whosaid-output.json                     which state folder this output belongs to
//! STATE/articles.jsonl  STATE/runs.json  STATE/state.json  STATE/lock
//! (STATE/pending.json while a run writes, STATE/commit.json during its commit)
//! ```
//!
//! A partition holds a table only when the run gave it rows: a run with nothing new adds its
//! `runs/run=….json` and no table partition.
//!
//! A changed article replaces its earlier rows: the partitions that hold them are rewritten
//! without them, in the same commit that adds the new partition, so a reader of `OUT/parquet/
//! quotes/` sees every article's rows exactly once.
//!
//! **A state and an output are one pair.** The state records the output's id, and the output
//! (`whosaid-output.json`) the same id and the state folder; a run refuses an output that belongs
//! to another state, and a state whose record does not match what its output holds (runs whose
//! partitions are gone, partitions holding other articles than the state says, a state emptied or
//! reset while its output kept its rows), with a message that names `--full`.
//!
//! **Crash safety.** A run records its staging folder (`STATE/pending.json`) before it writes
//! anything under `OUT/.staging-<run>/`, which no reader looks at. It then writes the journal
//! `STATE/commit.json` (the commit point) listing every rename and deletion, applies them, and
//! removes the journal. A run that starts and finds a journal rolls that commit forward, and
//! removes the staging folder a pending run recorded. Journal paths are relative to the output
//! or the state folder, and checked to stay inside them, before any of them is touched. So a run
//! killed at any moment, then run again, gives exactly the tables of a clean run, and a run only
//! ever deletes what this state's runs wrote.
//!
//! **One run at a time.** A run holds an exclusive lock on `STATE/lock` (an OS file lock, released
//! by the kernel when the process dies, so a crashed run never leaves it stuck).

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Component, Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Article;
use crate::model::Format;

/// The tables that hold one row per article or per quote, and so are rewritten when an article
/// changes.
const ARTICLE_TABLES: &[&str] = &["quotes", "articles", "speakers"];
pub const PART_NAME: &str = "part-00000";
/// The file in the output folder that names the state it belongs to.
pub const OUTPUT_MARKER: &str = "whosaid-output.json";
/// What every state-disagreement message ends with.
const FULL_HINT: &str = "nothing was changed; run with --full to rebuild the output from the inputs (every article is \
     processed again), or give this output the state folder it was written with";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StateEntry {
    id: String,
    hash: String,
    run: String,
}

/// `STATE/state.json`: which output this state's runs wrote.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StateRecord {
    output_id: String,
    /// The output folder when this state last committed (for messages).
    out: String,
}

/// `OUT/whosaid-output.json`: which state this output's partitions belong to.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct OutputMarker {
    output_id: String,
    /// The state folder when it last committed here.
    state: String,
}

/// `STATE/pending.json`: the staging folder of a run that has not committed.
#[derive(Debug, Serialize, Deserialize)]
struct Pending {
    run: String,
}

/// Which folder a journal path is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Root {
    Out,
    State,
}

/// A path in the output or the state folder, relative to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Place {
    root: Root,
    path: PathBuf,
}

/// The commit journal: once it is on disk, the run is committed.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    run: String,
    deletes: Vec<Place>,
    moves: Vec<(Place, Place)>,
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
    committed: bool,
    output_id: String,
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
    /// Read, processed and then rejected: not in the next state, so a later run takes it again;
    /// a later record of this run with its id is still a duplicate.
    Rejected,
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

/// The folder of one table's partition of `run` in `format`, under `root` (the output folder or
/// a staging folder).
pub fn partition_dir(root: &Path, format: Format, table: &str, run: &str) -> PathBuf {
    root.join(format.extension()).join(table).join(format!("run={run}"))
}

/// The one file of a table's partition.
fn part_file(root: &Path, format: Format, table: &str, run: &str) -> PathBuf {
    partition_dir(root, format, table, run).join(format!("{PART_NAME}.{}", format.extension()))
}

/// The rejects of `run`, under `root`.
fn rejects_file(root: &Path, run: &str) -> PathBuf {
    root.join("rejects").join(format!("run={run}")).join("rejects.jsonl")
}

/// The `run.json` of `run`, under `root`.
fn run_manifest(root: &Path, run: &str) -> PathBuf {
    root.join("runs").join(format!("run={run}.json"))
}

fn staging_name(run: &str) -> String {
    format!(".staging-{run}")
}

/// Whether `run` is a run id this module makes (`20261127T020000Z`, `…-2`): what a state file
/// names is checked before it becomes part of a path.
fn is_run_id(run: &str) -> bool {
    !run.is_empty() && run.len() <= 40 && run.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn new_run_id(out: &Path) -> String {
    let base = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let taken = |id: &str| run_manifest(out, id).exists() || out.join(staging_name(id)).exists();
    if !taken(&base) {
        return base;
    }
    (1..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).expect("an unused run id")
}

/// A new output id: unique to this output folder and moment.
fn new_output_id(out: &Path) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(out.as_os_str().as_encoded_bytes());
    hasher.update(&std::process::id().to_le_bytes());
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    hasher.update(&now.as_nanos().to_le_bytes());
    format!("{:032x}", hasher.digest128())
}

fn absolute(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

impl Session {
    /// Locks the state folder, finishes or cleans up after a crashed run, checks the state
    /// against its output, and loads it.
    pub fn begin(out: &Path, state_dir: &Path, full: bool) -> Result<Session> {
        std::fs::create_dir_all(state_dir).map_err(io_err(state_dir))?;
        std::fs::create_dir_all(out).map_err(io_err(out))?;
        let lock = super::lock(&state_dir.join("lock"))?;
        recover(out, state_dir)?;
        let runs: Vec<String> = read_json(&state_dir.join("runs.json"))?.unwrap_or_default();
        if let Some(bad) = runs.iter().find(|r| !is_run_id(r)) {
            return Err(Error::State {
                path: state_dir.join("runs.json"),
                message: format!("{bad:?} is not a run id; {FULL_HINT}"),
            });
        }
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
        let record: Option<StateRecord> = read_json(&state_dir.join("state.json"))?;
        let marker: Option<OutputMarker> = read_json(&out.join(OUTPUT_MARKER))?;
        let output_id = check_pair(out, state_dir, record.as_ref(), marker.as_ref(), !runs.is_empty(), full)?;
        if !full {
            let mut per_run: HashMap<&str, u64> = HashMap::new();
            for known in articles.values() {
                *per_run.entry(run_names[known.run as usize].as_str()).or_default() += 1;
            }
            check_runs(out, state_dir, &runs, &per_run)?;
        }
        if full {
            // A full run forgets the state, once it has been read whole.
            articles = FxHashMap::default();
            run_names.clear();
        }
        let run_id = new_run_id(out);
        run_names.push(run_id.clone());
        let staging = out.join(staging_name(&run_id));
        // The staging folder is recorded before it exists: a run killed from here on leaves a
        // folder the next run knows to be this state's to remove.
        super::write_json(state_dir.join("pending.json"), &Pending { run: run_id.clone() })?;
        let session = Session {
            out: out.to_path_buf(),
            state_dir: state_dir.to_path_buf(),
            _lock: lock,
            run_id,
            staging,
            full,
            committed: false,
            output_id,
            articles,
            runs,
            run_names,
            replaced: HashMap::new(),
        };
        let formats = [Format::Parquet, Format::Csv, Format::Jsonl];
        let dirs = formats
            .iter()
            .flat_map(|&f| ARTICLE_TABLES.iter().map(move |t| (f, t)))
            .map(|(f, t)| partition_dir(&session.staging, f, t, &session.run_id))
            .chain([rejects_file(&session.staging, &session.run_id).parent().expect("in a folder").to_path_buf()]);
        for dir in dirs {
            std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        }
        Ok(session)
    }

    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// Where this run writes `table` in `format` before its commit.
    pub fn table_path(&self, table: &str, format: Format) -> PathBuf {
        part_file(&self.staging, format, table, &self.run_id)
    }

    /// Where this run writes its rejects before its commit.
    pub fn rejects_path(&self) -> PathBuf {
        rejects_file(&self.staging, &self.run_id)
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

    /// Forgets an article this run checked and then rejected: it is not done, and a later run
    /// takes it again. (An earlier version's rows still go, as for any changed article.)
    pub fn forget(&mut self, id: &str) {
        if let Some(known) = self.articles.get_mut(id) {
            known.seen = Seen::Rejected;
        }
    }

    fn out_place(&self, path: &Path) -> Place {
        let path = path.strip_prefix(&self.out).expect("a path made under the output folder").to_path_buf();
        Place { root: Root::Out, path }
    }

    fn state_place(&self, path: &Path) -> Place {
        let path = path.strip_prefix(&self.state_dir).expect("a path made under the state folder").to_path_buf();
        Place { root: Root::State, path }
    }

    /// Commits the run: rewrites the partitions that held replaced articles, then moves the
    /// new partitions and the next state into place through the journal.
    pub fn commit(mut self, formats: &[Format], report: &impl Serialize) -> Result<()> {
        let run = self.run_id.clone();
        let manifest = run_manifest(&self.staging, &run);
        std::fs::create_dir_all(manifest.parent().expect("in a folder")).map_err(io_err(&manifest))?;
        super::write_json(manifest.clone(), report)?;
        let mut moves = Vec::new();
        let mut deletes = Vec::new();
        // The partitions this run wrote; a table with no rows has no file.
        let mut written: Vec<PathBuf> = formats
            .iter()
            .flat_map(|&f| ARTICLE_TABLES.iter().map(move |t| (f, t)))
            .map(|(f, t)| part_file(&self.staging, f, t, &run))
            .collect();
        written.push(rejects_file(&self.staging, &run));
        written.push(manifest);
        for path in written.into_iter().filter(|p| p.exists()) {
            let relative = path.strip_prefix(&self.staging).expect("written under staging").to_path_buf();
            moves.push((self.out_place(&path), Place { root: Root::Out, path: relative }));
        }
        let latest = self.staging.join("run.json");
        super::write_json(latest.clone(), report)?;
        moves.push((self.out_place(&latest), Place { root: Root::Out, path: "run.json".into() }));
        let marker = self.staging.join(OUTPUT_MARKER);
        let state_record = self.staging.join("state.json");
        let output = OutputMarker { output_id: self.output_id.clone(), state: absolute(&self.state_dir) };
        super::write_json(marker.clone(), &output)?;
        super::write_json(
            state_record.clone(),
            &StateRecord { output_id: self.output_id.clone(), out: absolute(&self.out) },
        )?;
        moves.push((self.out_place(&marker), Place { root: Root::Out, path: OUTPUT_MARKER.into() }));

        let old_runs: Vec<String> = if self.full { self.runs.clone() } else { Vec::new() };
        for old in &old_runs {
            for format in [Format::Parquet, Format::Csv, Format::Jsonl] {
                for table in ARTICLE_TABLES {
                    deletes.push(self.out_place(&partition_dir(&self.out, format, table, old)));
                }
            }
            // The layout of whosaid before each format had a tree of its own.
            for table in ARTICLE_TABLES {
                deletes.push(Place { root: Root::Out, path: Path::new(table).join(format!("run={old}")) });
            }
            deletes.push(self.out_place(rejects_file(&self.out, old).parent().expect("in a folder")));
            deletes.push(self.out_place(&run_manifest(&self.out, old)));
        }
        if !self.full {
            let mut replaced: Vec<_> = self.replaced.iter().collect();
            replaced.sort_by(|a, b| a.0.cmp(b.0));
            for (old_run, ids) in replaced {
                for table in ARTICLE_TABLES {
                    for &format in formats {
                        let source = part_file(&self.out, format, table, old_run);
                        if !source.exists() {
                            continue;
                        }
                        let rewritten = part_file(&self.staging.join("rewrite"), format, table, old_run);
                        std::fs::create_dir_all(rewritten.parent().expect("has a parent"))
                            .map_err(io_err(&rewritten))?;
                        let kept = super::rewrite_without(&source, &rewritten, format, ids)?;
                        if kept == 0 {
                            // No row left: the partition goes, as a run with no rows writes none.
                            deletes.push(self.out_place(source.parent().expect("in a folder")));
                        } else {
                            moves.push((self.out_place(&rewritten), self.out_place(&source)));
                        }
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
        moves.push((self.out_place(&next_index), self.state_place(&self.state_dir.join("articles.jsonl"))));
        moves.push((self.out_place(&next_runs), self.state_place(&self.state_dir.join("runs.json"))));
        moves.push((self.out_place(&state_record), self.state_place(&self.state_dir.join("state.json"))));

        failpoint("before-journal");
        let journal = Journal { run: self.run_id.clone(), deletes, moves };
        super::write_json(self.state_dir.join("commit.json"), &journal)?;
        // The commit point: from here the staging folder is the journal's, to roll forward.
        self.committed = true;
        failpoint("after-journal");
        apply(&self.out, &self.state_dir, &journal)?;
        finish(&self.out, &self.state_dir, &self.run_id)
    }
}

impl Drop for Session {
    /// A run that stops on an error before its commit removes what it staged.
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
            let _ = std::fs::remove_file(self.state_dir.join("pending.json"));
        }
    }
}

/// The output id of this state and output, after checking that they belong together: `record`
/// is the state's (`state.json`), `marker` the output's, `has_runs` whether the state lists any
/// committed run.
fn check_pair(
    out: &Path,
    state_dir: &Path,
    record: Option<&StateRecord>,
    marker: Option<&OutputMarker>,
    has_runs: bool,
    full: bool,
) -> Result<String> {
    let state_path = || state_dir.join("state.json");
    let disagree = |message: String| Error::State { path: state_dir.to_path_buf(), message };
    let here = absolute(state_dir);
    match (record, marker) {
        (Some(record), Some(marker)) if record.output_id == marker.output_id => Ok(record.output_id.clone()),
        (_, Some(marker)) if full && marker.state == here => Ok(new_output_id(out)),
        (_, Some(marker)) if marker.state == here => Err(disagree(format!(
            "{} was written with this state folder, which no longer matches it (was the state reset, replaced or \
             restored from a backup?); {FULL_HINT}",
            out.display()
        ))),
        (_, Some(marker)) => Err(disagree(format!(
            "the output folder {} belongs to the state folder {}, not to this one; give each pipeline an output \
             folder of its own (a state folder answers for one output, and an output for one state)",
            out.display(),
            marker.state
        ))),
        (Some(_), None) if full => Ok(new_output_id(out)),
        (Some(record), None) if has_runs => Err(disagree(format!(
            "this state's runs wrote to {}, and {} holds none of them; {FULL_HINT}",
            record.out,
            out.display()
        ))),
        (None, None) if has_runs && !full => Err(Error::State {
            path: state_path(),
            message: format!(
                "this state was written by an earlier whosaid, whose partitions were laid out differently; run once \
                 with --full to rewrite {} in the current layout",
                out.display()
            ),
        }),
        _ => Ok(new_output_id(out)),
    }
}

/// Checks the state's runs against the output: each run's `run.json` is there, and each run's
/// articles partition holds as many rows as the state has articles finished by it (a state
/// restored from a backup, or emptied, would otherwise make the next run add rows again or drop
/// them).
fn check_runs(out: &Path, state_dir: &Path, runs: &[String], per_run: &HashMap<&str, u64>) -> Result<()> {
    let disagree = |message: String| Error::State { path: state_dir.to_path_buf(), message };
    let known: HashSet<&str> = runs.iter().map(String::as_str).collect();
    if let Some(run) = per_run.keys().find(|r| !known.contains(*r)) {
        return Err(disagree(format!(
            "articles.jsonl names run {run}, which runs.json does not list (was runs.json reset or lost?); {FULL_HINT}"
        )));
    }
    for run in runs {
        if !run_manifest(out, run).exists() {
            return Err(disagree(format!(
                "run {run} of this state has no {} in {} (was the output moved, deleted or restored from a \
                 backup?); {FULL_HINT}",
                Path::new("runs").join(format!("run={run}.json")).display(),
                out.display()
            )));
        }
        let expected = per_run.get(run.as_str()).copied().unwrap_or(0);
        let found = [Format::Parquet, Format::Csv, Format::Jsonl]
            .into_iter()
            .map(|f| (f, part_file(out, f, "articles", run)))
            .find(|(_, path)| path.exists());
        let rows = match &found {
            Some((format, path)) => super::count_rows(path, *format)?,
            None => 0,
        };
        if rows != expected {
            return Err(disagree(format!(
                "the state says run {run} finished {expected} articles, and its articles partition in {} holds {rows} \
                 (was the state or the output restored from a backup?); {FULL_HINT}",
                out.display()
            )));
        }
    }
    // Runs of this output that the state forgot (a state reset, or restored from before them).
    let runs_dir = out.join("runs");
    if let Ok(entries) = std::fs::read_dir(&runs_dir) {
        for entry in entries {
            let name = entry.map_err(io_err(&runs_dir))?.file_name();
            let name = name.to_string_lossy();
            if let Some(run) = name.strip_prefix("run=").and_then(|n| n.strip_suffix(".json")) {
                if !known.contains(run) {
                    return Err(disagree(format!(
                        "{} holds run {run}, which this state does not list (was the state reset, or restored from \
                         before that run?); {FULL_HINT}",
                        out.display()
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Writes the next state, sorted by id.
fn write_index(path: &Path, articles: &FxHashMap<Box<str>, Known>, run_names: &[String]) -> Result<()> {
    let mut entries: Vec<(&str, &Known)> =
        articles.iter().filter(|(_, known)| known.seen != Seen::Rejected).map(|(id, known)| (&**id, known)).collect();
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

/// The path a journal place stands for, when it is a plain relative path that stays inside its
/// folder (no `..`, no root, no drive): a journal edited by hand names nothing outside the
/// output and the state.
fn resolve(out: &Path, state_dir: &Path, place: &Place) -> Option<PathBuf> {
    let plain = place.path.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain || place.path.as_os_str().is_empty() {
        return None;
    }
    let root = match place.root {
        Root::Out => out,
        Root::State => state_dir,
    };
    Some(root.join(&place.path))
}

/// Applies a journal; every step can be repeated, so a journal can be applied again after a
/// crash part-way through. Every path is checked before any is touched.
fn apply(out: &Path, state_dir: &Path, journal: &Journal) -> Result<()> {
    let journal_path = state_dir.join("commit.json");
    let invalid = |place: &Place| Error::State {
        path: journal_path.clone(),
        message: format!("{} is not a path inside the output or the state folder", place.path.display()),
    };
    let place = |p: &Place| resolve(out, state_dir, p).ok_or_else(|| invalid(p));
    let deletes: Vec<PathBuf> = journal.deletes.iter().map(place).collect::<Result<_>>()?;
    let moves: Vec<(PathBuf, PathBuf)> =
        journal.moves.iter().map(|(from, to)| Ok((place(from)?, place(to)?))).collect::<Result<_>>()?;
    if !is_run_id(&journal.run) {
        return Err(Error::State { path: journal_path, message: format!("{:?} is not a run id", journal.run) });
    }
    for path in &deletes {
        let meta = std::fs::symlink_metadata(path);
        if meta.as_ref().is_ok_and(|m| m.is_dir()) {
            std::fs::remove_dir_all(path).map_err(io_err(path))?;
        } else if meta.is_ok() {
            std::fs::remove_file(path).map_err(io_err(path))?;
        }
    }
    for (idx, (from, to)) in moves.iter().enumerate() {
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

/// Ends a commit: the journal, then the run's staging folder and its pending record.
fn finish(out: &Path, state_dir: &Path, run: &str) -> Result<()> {
    let journal = state_dir.join("commit.json");
    std::fs::remove_file(&journal).map_err(io_err(&journal))?;
    remove_pending(out, state_dir, run)
}

/// Removes the staging folder of `run` and the record of it.
fn remove_pending(out: &Path, state_dir: &Path, run: &str) -> Result<()> {
    let staging = out.join(staging_name(run));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io_err(&staging))?;
    }
    let pending = state_dir.join("pending.json");
    match std::fs::remove_file(&pending) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::output(&pending, e)),
        _ => Ok(()),
    }
}

/// Rolls a committed run forward, then removes the staging folder of a run that did not commit.
/// Nothing else is removed: a folder this state did not record is not its own.
fn recover(out: &Path, state_dir: &Path) -> Result<()> {
    let journal_path = state_dir.join("commit.json");
    if let Some(journal) = read_json::<Journal>(&journal_path)? {
        apply(out, state_dir, &journal)?;
        finish(out, state_dir, &journal.run)?;
    }
    let pending_path = state_dir.join("pending.json");
    if let Some(pending) = read_json::<Pending>(&pending_path)? {
        if !is_run_id(&pending.run) {
            return Err(Error::State { path: pending_path, message: format!("{:?} is not a run id", pending.run) });
        }
        remove_pending(out, state_dir, &pending.run)?;
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

    /// A journal names places inside the output or the state folder only: a path that climbs
    /// out, starts at the root or is empty is refused.
    #[test]
    fn a_journal_place_stays_inside_its_folder() {
        let (out, state) = (Path::new("/o"), Path::new("/s"));
        let place = |root: Root, path: &str| resolve(out, state, &Place { root, path: path.into() });
        assert_eq!(place(Root::Out, "parquet/quotes/run=1"), Some(PathBuf::from("/o/parquet/quotes/run=1")));
        assert_eq!(place(Root::State, "runs.json"), Some(PathBuf::from("/s/runs.json")));
        for bad in ["../x", "a/../../x", "/etc/passwd", "", "."] {
            assert_eq!(place(Root::Out, bad), None, "{bad}");
        }
    }

    #[test]
    fn run_ids_are_plain() {
        assert!(is_run_id("20261127T020000Z") && is_run_id("20261127T020000Z-2"));
        assert!(!is_run_id("") && !is_run_id("../x") && !is_run_id("a/b"));
    }
}
