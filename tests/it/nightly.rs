//! Incremental runs with a state folder: only new and changed articles are processed, every row
//! is seen once, a killed run leaves nothing behind that the next run does not repair, two runs
//! never share a state folder, and a failing disk leaves the previous outputs intact.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use crate::util::{bin, extract, run_json, stderr};

/// Every row of every partition of `table`, as sorted CSV lines (a multiset).
fn partition_rows(out: &Path, table: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let dir = out.join("csv").join(table);
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path().join("part-00000.csv");
        if path.exists() {
            rows.extend(csv_rows(&path));
        }
    }
    rows.sort();
    rows
}

fn csv_rows(path: &Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    reader.records().map(|r| r.unwrap().iter().collect::<Vec<_>>().join("\u{1f}")).collect()
}

/// The rows a clean, non-incremental run gives on `corpus`.
fn clean_rows(corpus: &Path, table: &str) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    let output = extract(&[corpus], out.path(), &["--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut rows = csv_rows(&out.path().join(format!("{table}.csv")));
    rows.sort();
    rows
}

fn incremental(corpus: &Path, out: &Path, state: &Path, flags: &[&str]) -> Command {
    let mut cmd = bin();
    cmd.arg("extract").arg(corpus).arg("--out").arg(out).arg("--state").arg(state).arg("--quiet");
    if !flags.contains(&"--format") {
        cmd.args(["--format", "csv"]);
    }
    cmd.args(flags);
    cmd
}

/// Compares two multisets of rows, and on a difference says how, briefly.
#[track_caller]
fn assert_same_rows(got: &[String], expected: &[String], context: &str) {
    if got == expected {
        return;
    }
    let missing: Vec<_> = expected.iter().filter(|r| !got.contains(r)).take(3).collect();
    let extra: Vec<_> = got.iter().filter(|r| !expected.contains(r)).take(3).collect();
    panic!(
        "{context}: {} rows where a clean run has {}; missing e.g. {missing:?}; extra e.g. {extra:?}",
        got.len(),
        expected.len()
    );
}

fn run_incremental(corpus: &Path, out: &Path, state: &Path, flags: &[&str]) -> serde_json::Value {
    let output = incremental(corpus, out, state, flags).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    run_json(out)
}

fn article_line(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text, "published": "2025-08-20"}))
}

fn quote_text(n: usize) -> String {
    format!("Minister Ana Costa{n} spoke on Monday. “We will not agree to plan number {n}, not now and not later,” Costa{n} said.")
}

/// A corpus folder of `n` articles in one JSON Lines file.
fn write_corpus(dir: &Path, n: usize) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let text: String = (0..n).map(|i| article_line(&format!("a{i}"), &quote_text(i))).collect();
    std::fs::write(corpus.join("a.jsonl"), text).unwrap();
    corpus
}

#[test]
fn a_second_run_processes_only_new_and_changed_articles_and_replaces_changed_rows() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 5);
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    let first = run_incremental(&corpus, &out, &state, &[]);
    assert_eq!(first["counts"]["articles_ok"], 5);

    // One article changes in place, two are added in a new file.
    let changed: String = (0..5)
        .map(|i| {
            if i == 2 {
                article_line("a2", "“Everything changed today, all of it,” Ana Costa2 said.")
            } else {
                article_line(&format!("a{i}"), &quote_text(i))
            }
        })
        .collect();
    std::fs::write(corpus.join("a.jsonl"), changed).unwrap();
    std::fs::write(corpus.join("b.jsonl"), article_line("b0", &quote_text(10)) + &article_line("b1", &quote_text(11)))
        .unwrap();
    let second = run_incremental(&corpus, &out, &state, &[]);
    assert_eq!(second["counts"]["articles_ok"], 3, "{second}");
    assert_eq!(second["counts"]["unchanged"], 4);
    assert_eq!(second["counts"]["records_read"], 7);

    // Every row exactly once, and the changed article's rows are the new ones.
    assert_same_rows(&partition_rows(&out, "quotes"), &clean_rows(&corpus, "quotes"), "second run");
    assert_same_rows(&partition_rows(&out, "articles"), &clean_rows(&corpus, "articles"), "second run");
    assert_same_rows(&partition_rows(&out, "speakers"), &clean_rows(&corpus, "speakers"), "second run");
    assert_eq!(std::fs::read_dir(out.join("csv/quotes")).unwrap().count(), 2);

    // Nothing new: nothing processed, nothing duplicated, no empty partition; the run is recorded.
    let third = run_incremental(&corpus, &out, &state, &[]);
    assert_eq!(third["counts"]["articles_ok"], 0);
    assert_same_rows(&partition_rows(&out, "quotes"), &clean_rows(&corpus, "quotes"), "third run");
    for table in ["csv/quotes", "csv/articles", "csv/speakers", "rejects"] {
        let partitions = std::fs::read_dir(out.join(table)).map_or(0, |d| d.count());
        assert!(partitions <= 2, "{table}: {partitions} partitions after a run with nothing new");
    }
    assert_eq!(std::fs::read_dir(out.join("runs")).unwrap().count(), 3);

    // --full starts again: one partition with everything.
    let full = run_incremental(&corpus, &out, &state, &["--full"]);
    assert_eq!(full["counts"]["articles_ok"], 7);
    assert_eq!(std::fs::read_dir(out.join("csv/quotes")).unwrap().count(), 1);
    assert_same_rows(&partition_rows(&out, "quotes"), &clean_rows(&corpus, "quotes"), "--full run");
}

#[test]
fn a_repeated_id_in_one_run_is_rejected_not_processed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(&corpus, article_line("x", &quote_text(1)) + &article_line("x", &quote_text(2))).unwrap();
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    let output = incremental(&corpus, &out, &state, &[]).output().unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let run = run_json(&out);
    assert_eq!((run["counts"]["articles_ok"].as_u64(), run["counts"]["rejected"].as_u64()), (Some(1), Some(1)));
}

#[test]
fn incremental_output_is_the_same_for_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let sample = crate::util::root().join("sample_corpus");
    let mut parts = Vec::new();
    for threads in ["1", "2"] {
        let (out, state) = (dir.path().join(format!("out{threads}")), dir.path().join(format!("state{threads}")));
        run_incremental(&sample, &out, &state, &["--threads", threads, "--format", "csv,parquet"]);
        let partition =
            |format: &str| std::fs::read_dir(out.join(format).join("quotes")).unwrap().next().unwrap().unwrap().path();
        parts.push([
            std::fs::read(partition("csv").join("part-00000.csv")).unwrap(),
            std::fs::read(partition("parquet").join("part-00000.parquet")).unwrap(),
        ]);
    }
    assert!(parts[0] == parts[1], "partitions differ between 1 and 2 threads");
}

#[test]
fn a_second_run_on_the_same_state_refuses_while_the_first_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 2);
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    std::fs::create_dir_all(&state).unwrap();
    let lock = std::fs::File::create(state.join("lock")).unwrap();
    lock.lock().unwrap();
    let output = incremental(&corpus, &out, &state, &[]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("holds the lock"), "{}", stderr(&output));
    drop(lock);
    run_incremental(&corpus, &out, &state, &[]);
}

/// Runs `cmd` and kills it with SIGKILL after `delay` (if it is still running).
fn kill_after(mut cmd: Command, delay: Duration) -> Option<std::process::ExitStatus> {
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let start = std::time::Instant::now();
    while start.elapsed() < delay {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    None
}

#[test]
fn a_run_killed_at_any_point_then_rerun_gives_the_tables_of_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    // Large enough that a kill lands while tables are being written.
    let corpus = write_corpus(dir.path(), 40_000);
    let full_text = std::fs::read_to_string(corpus.join("a.jsonl")).unwrap();
    // Kills land at fractions of what an uninterrupted run takes on this machine now, not at
    // fixed times: a fast machine finishes the run before a fixed late kill, a slow one never
    // gets past reading before it.
    let started = std::time::Instant::now();
    run_incremental(&corpus, &dir.path().join("timed-out"), &dir.path().join("timed-state"), &[]);
    let uninterrupted = started.elapsed();
    for (case, fraction) in [0.02, 0.15, 0.35, 0.6, 0.85].into_iter().enumerate() {
        let mut delay = uninterrupted.mul_f64(fraction);
        let case_corpus = dir.path().join(format!("corpus{case}"));
        std::fs::create_dir_all(&case_corpus).unwrap();
        std::fs::write(case_corpus.join("a.jsonl"), &full_text).unwrap();
        // Rows name their file, so the clean run reads the case's own folder.
        let expected_quotes = clean_rows(&case_corpus, "quotes");
        let expected_articles = clean_rows(&case_corpus, "articles");
        // A run that ends before its kill proves nothing about kills; the case is tried again
        // with half the delay, on fresh folders.
        for attempt in 0.. {
            assert!(attempt < 6, "case {case}: the run always ended before its kill, last at {delay:?}");
            let name = format!("{case}-{attempt}");
            let (out, state) = (dir.path().join(format!("out{name}")), dir.path().join(format!("state{name}")));
            // Every other case first completes a run over the first half of the corpus, so that
            // the killed run has an earlier state and partition to keep intact.
            if case % 2 == 1 {
                let half: String = full_text.lines().take(20_000).map(|l| format!("{l}\n")).collect();
                std::fs::write(case_corpus.join("a.jsonl"), half).unwrap();
                run_incremental(&case_corpus, &out, &state, &[]);
            }
            std::fs::write(case_corpus.join("a.jsonl"), &full_text).unwrap();
            let killed = kill_after(incremental(&case_corpus, &out, &state, &[]), delay).is_none();
            run_incremental(&case_corpus, &out, &state, &[]);
            let context = format!("after a kill at {delay:?}");
            assert_same_rows(&partition_rows(&out, "quotes"), &expected_quotes, &context);
            assert_same_rows(&partition_rows(&out, "articles"), &expected_articles, &context);
            let leftovers: Vec<_> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .filter(|n| n.to_string_lossy().starts_with('.'))
                .collect();
            assert!(leftovers.is_empty(), "{leftovers:?}");
            if killed {
                break;
            }
            delay /= 2;
        }
    }
}

#[test]
fn a_crash_at_each_step_of_the_commit_is_repaired_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 50);
    let expected = clean_rows(&corpus, "quotes");
    for point in ["before-journal", "after-journal", "mid-moves", "after-moves"] {
        let (out, state) = (dir.path().join(format!("out-{point}")), dir.path().join(format!("state-{point}")));
        // A first run over part of the corpus, then the whole corpus with one article changed.
        let part = dir.path().join(format!("part-{point}.jsonl"));
        std::fs::write(
            &part,
            (0..20).map(|i| article_line(&format!("a{i}"), &quote_text(i + 100))).collect::<String>(),
        )
        .unwrap();
        run_incremental(&part, &out, &state, &[]);
        let output = incremental(&corpus, &out, &state, &[]).env("WHOSAID_FAILPOINT", point).output().unwrap();
        assert!(!output.status.success(), "{point}: the failpoint did not fire");
        run_incremental(&corpus, &out, &state, &[]);
        assert_same_rows(&partition_rows(&out, "quotes"), &expected, &format!("after a crash at {point}"));
    }
}

#[test]
fn a_full_disk_is_a_fatal_error_that_leaves_earlier_outputs_and_state_intact() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 2_000);
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    let part = dir.path().join("part.jsonl");
    std::fs::write(&part, article_line("first", &quote_text(0))).unwrap();
    run_incremental(&part, &out, &state, &[]);
    let before = snapshot(&[&out, &state]);
    // A file size limit makes writes fail as a full disk does (EFBIG instead of ENOSPC).
    let mut cmd = incremental(&corpus, &out, &state, &[]);
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit { rlim_cur: 64 * 1024, rlim_max: 64 * 1024 };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output: Output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("cannot write"), "{}", stderr(&output));
    let after = snapshot(&[&out, &state]);
    let changed: Vec<_> = after.keys().chain(before.keys()).filter(|k| after.get(*k) != before.get(*k)).collect();
    assert!(changed.is_empty(), "earlier outputs or state changed: {changed:?}");
}

/// Every regular file under `roots` (but the lock) with its content, staging folders excluded.
fn snapshot(roots: &[&Path]) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(path: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(path).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with(".staging") || name == "lock" {
                continue;
            }
            if path.is_dir() {
                walk(&path, files);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    for root in roots {
        walk(root, &mut files);
    }
    files
}

/// Runs `whosaid extract` with a state and returns its exit code and standard error.
fn try_incremental(corpus: &Path, out: &Path, state: &Path, flags: &[&str]) -> (Option<i32>, String) {
    let output = incremental(corpus, out, state, flags).output().unwrap();
    (output.status.code(), stderr(&output))
}

#[track_caller]
fn assert_refused(result: (Option<i32>, String), needle: &str) {
    let (code, message) = result;
    assert_eq!(code, Some(1), "{message}");
    assert!(message.contains(needle) && message.contains("--full"), "`{needle}` or --full missing: {message}");
}

/// A state answers for one output: pointed at another output, or at its own output after the
/// rows were lost, it refuses and names --full, which rebuilds.
#[test]
fn a_state_whose_output_does_not_hold_its_rows_is_refused_naming_full() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 4);
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    run_incremental(&corpus, &out, &state, &[]);

    let elsewhere = dir.path().join("elsewhere");
    assert_refused(try_incremental(&corpus, &elsewhere, &state, &[]), "holds none of them");
    assert!(!elsewhere.join("csv").exists(), "a refused run writes no partition");

    std::fs::remove_dir_all(out.join("csv")).unwrap();
    std::fs::remove_dir_all(out.join("runs")).unwrap();
    assert_refused(try_incremental(&corpus, &out, &state, &[]), "was the output moved, deleted or restored");
    let rebuilt = run_incremental(&corpus, &out, &state, &["--full"]);
    assert_eq!(rebuilt["counts"]["articles_ok"], 4);
    assert_same_rows(&partition_rows(&out, "quotes"), &clean_rows(&corpus, "quotes"), "--full after the loss");
}

/// A state restored from a backup or reset disagrees with what its output holds: refused, with
/// nothing changed, where it would have added the same rows again or emptied the tables.
#[test]
fn a_state_restored_or_reset_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 3);
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    run_incremental(&corpus, &out, &state, &[]);
    let backup: Vec<(PathBuf, Vec<u8>)> = ["articles.jsonl", "runs.json", "state.json"]
        .iter()
        .map(|name| (state.join(name), std::fs::read(state.join(name)).unwrap()))
        .collect();
    let mut text = std::fs::read_to_string(corpus.join("a.jsonl")).unwrap();
    text.push_str(&article_line("new", &quote_text(50)));
    std::fs::write(corpus.join("a.jsonl"), text).unwrap();
    run_incremental(&corpus, &out, &state, &[]);
    let tables = snapshot(&[&out]);

    // The state of before the second run: the output holds a run it does not know.
    for (path, bytes) in &backup {
        std::fs::write(path, bytes).unwrap();
    }
    assert_refused(try_incremental(&corpus, &out, &state, &[]), "does not list");
    // Fewer articles than the partitions hold.
    let lines = std::fs::read_to_string(state.join("articles.jsonl")).unwrap();
    std::fs::write(state.join("articles.jsonl"), lines.lines().skip(1).map(|l| format!("{l}\n")).collect::<String>())
        .unwrap();
    assert_refused(try_incremental(&corpus, &out, &state, &[]), "articles partition");
    // runs.json reset while articles.jsonl still marks every article done.
    std::fs::write(state.join("runs.json"), "[]").unwrap();
    assert_refused(try_incremental(&corpus, &out, &state, &[]), "runs.json does not list");
    // The state folder lost whole.
    std::fs::remove_dir_all(&state).unwrap();
    assert_refused(try_incremental(&corpus, &out, &state, &[]), "no longer matches it");
    assert!(snapshot(&[&out]) == tables, "a refused run changed the output");
}

/// Two pipelines with states of their own and one output folder: the second refuses, and the
/// first's partitions stay; folders whosaid did not write are never removed.
#[test]
fn an_output_belongs_to_one_state_and_other_folders_in_it_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 2);
    let out = dir.path().join("out");
    let own =
        [out.join("csv/quotes/run=2019-archive/mine.csv"), out.join(".staging-photos/p.jpg"), out.join("notes.txt")];
    for path in &own {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "the user's").unwrap();
    }
    run_incremental(&corpus, &out, &dir.path().join("state-a"), &[]);
    let (code, message) = try_incremental(&corpus, &out, &dir.path().join("state-b"), &[]);
    assert_eq!(code, Some(1), "{message}");
    assert!(message.contains("belongs to the state folder") && message.contains("state-a"), "{message}");
    run_incremental(&corpus, &out, &dir.path().join("state-a"), &["--full"]);
    for path in &own {
        assert_eq!(std::fs::read_to_string(path).unwrap(), "the user's", "{}", path.display());
    }
    // whosaid's own rows are there once.
    let own_rows = partition_rows(&out, "quotes").len();
    assert_eq!(own_rows, clean_rows(&corpus, "quotes").len());
}

/// A journal edited to name a path outside the output and the state is refused before anything
/// is moved or deleted.
#[test]
fn a_journal_naming_a_path_outside_out_and_state_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 2);
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    run_incremental(&corpus, &out, &state, &[]);
    let victim = dir.path().join("victim");
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::write(victim.join("keep.txt"), "precious").unwrap();
    let journal = serde_json::json!({
        "run": "20260101T000000Z",
        "deletes": [{"root": "out", "path": "../victim"}],
        "moves": [[{"root": "state", "path": "runs.json"}, {"root": "out", "path": "../victim/moved.json"}]],
    });
    std::fs::write(state.join("commit.json"), journal.to_string()).unwrap();
    let (code, message) = try_incremental(&corpus, &out, &state, &[]);
    assert_eq!(code, Some(1), "{message}");
    assert!(message.contains("not a path inside"), "{message}");
    assert_eq!(std::fs::read_to_string(victim.join("keep.txt")).unwrap(), "precious");
    assert!(state.join("runs.json").is_file());
}

/// A run that crashed mid-commit, started with paths relative to one folder, is repaired by a run
/// started from another folder with absolute paths: the journal's paths are relative to the
/// output and the state, not to the working folder.
#[test]
fn a_crash_is_repaired_from_another_working_folder() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 20);
    let expected = clean_rows(&corpus, "quotes");
    let part = dir.path().join("part.jsonl");
    std::fs::write(&part, (0..5).map(|i| article_line(&format!("a{i}"), &quote_text(i + 100))).collect::<String>())
        .unwrap();
    let (out, state) = (Path::new("out"), Path::new("state"));
    let output = incremental(&part, out, state, &[]).current_dir(dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let output = incremental(&corpus, out, state, &[])
        .current_dir(dir.path())
        .env("WHOSAID_FAILPOINT", "mid-moves")
        .output()
        .unwrap();
    assert!(!output.status.success(), "the failpoint did not fire");
    let (out, state) = (dir.path().join("out"), dir.path().join("state"));
    let output = incremental(&corpus, &out, &state, &[]).current_dir("/").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_same_rows(&partition_rows(&out, "quotes"), &expected, "after a crash repaired from /");
}
