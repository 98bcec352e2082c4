//! The command line: the sample pipeline, exit codes, fatal errors, thread-count identity.

use std::io::Write;
use std::process::Stdio;

use crate::util::{bin, extract, read_jsonl, root, run_json, stderr};

#[test]
fn the_sample_pipeline_runs_on_the_sample_corpus() {
    let out = tempfile::tempdir().unwrap();
    let output = bin()
        .args(["run", "pipelines/sample.toml", "--quiet", "--out"])
        .arg(out.path())
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for name in [
        "quotes.parquet",
        "quotes.csv",
        "articles.parquet",
        "articles.csv",
        "speakers.csv",
        "rejects.jsonl",
        "run.json",
    ] {
        assert!(out.path().join(name).is_file(), "{name} missing");
    }
    let run = run_json(out.path());
    assert_eq!(run["counts"]["records_read"], 296);
    assert_eq!(run["counts"]["articles_ok"], 296);
    assert_eq!(run["counts"]["rejected"], 0);
    assert!(run["counts"]["quotes"].as_u64().unwrap() > 500, "{run}");
    let n_rows = csv::Reader::from_path(out.path().join("quotes.csv")).unwrap().records().count();
    assert_eq!(n_rows as u64, run["counts"]["quotes"].as_u64().unwrap());
}

/// Every pipeline file runs with its output moved, twice (an incremental one then finds nothing
/// new), and writes nothing into the checkout: an incremental pipeline's state goes with the
/// output it was moved to.
#[test]
fn every_pipeline_file_runs_on_the_sample_corpus_and_writes_nothing_into_the_checkout() {
    let before = checkout_files();
    for entry in std::fs::read_dir(root().join("pipelines")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let out = tempfile::tempdir().unwrap();
            for _ in 0..2 {
                let output = bin().arg("run").arg(&path).arg("--quiet").arg("--out").arg(out.path()).output().unwrap();
                assert_eq!(output.status.code(), Some(0), "{}: {}", path.display(), stderr(&output));
            }
            let run = run_json(out.path());
            if run["run_id"].is_string() {
                assert_eq!(run["counts"]["unchanged"], 296, "{}: {run}", path.display());
                assert!(
                    out.path().join("_state/runs.json").is_file(),
                    "{}: the state is not beside the output",
                    path.display()
                );
            }
        }
    }
    let after = checkout_files();
    let added: Vec<_> = after.difference(&before).collect();
    assert!(added.is_empty(), "files appeared in the checkout: {added:?}");
}

/// Every file of the checkout but the build folder and git's own.
fn checkout_files() -> std::collections::BTreeSet<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, files: &mut std::collections::BTreeSet<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if name != "target" && name != ".git" {
                    walk(&path, files);
                }
            } else {
                files.insert(path);
            }
        }
    }
    let mut files = std::collections::BTreeSet::new();
    walk(&root(), &mut files);
    files
}

/// Every table's bytes are made on the workers (CSV and JSON Lines lines, Parquet pages) and
/// only appended in order by the writer: the files are the same for 1, 2 and 7 threads (more
/// than this machine's cores), with batches of 7 articles and of 128.
#[test]
fn output_is_byte_identical_for_one_two_and_seven_threads() {
    let sample = root().join("sample_corpus");
    let names = [
        "quotes.csv",
        "quotes.jsonl",
        "quotes.parquet",
        "articles.csv",
        "articles.jsonl",
        "articles.parquet",
        "speakers.csv",
        "speakers.parquet",
        "rejects.jsonl",
    ];
    for batch in [7, 128] {
        let dir = tempfile::tempdir().unwrap();
        let mut first: Option<Vec<Vec<u8>>> = None;
        for threads in ["1", "2", "7"] {
            let pipeline = dir.path().join(format!("p{threads}.toml"));
            let config = format!(
                "inputs = [{:?}]\nout = \"out{threads}\"\nformats = [\"parquet\", \"csv\", \"jsonl\"]\nbatch_articles = {batch}\n",
                sample.display()
            );
            std::fs::write(&pipeline, config).unwrap();
            let output = bin().args(["run", "--quiet", "--threads", threads]).arg(&pipeline).output().unwrap();
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            let out = dir.path().join(format!("out{threads}"));
            let files: Vec<Vec<u8>> = names.iter().map(|name| std::fs::read(out.join(name)).unwrap()).collect();
            match &first {
                None => first = Some(files),
                Some(first) => {
                    for ((name, a), b) in names.iter().zip(first).zip(&files) {
                        assert!(a == b, "{name} differs between 1 and {threads} threads, batches of {batch}");
                    }
                }
            }
        }
    }
}

/// Many small batches, several of them on the workers at once, give the rows of one batch: the
/// same files as the default batch size, with one thread and with two.
#[test]
fn small_batches_in_flight_keep_input_order() {
    let sample = root().join("sample_corpus");
    let whole = tempfile::tempdir().unwrap();
    let output = extract(&[&sample], whole.path(), &["--threads", "2", "--format", "parquet,csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for threads in ["1", "2"] {
        let dir = tempfile::tempdir().unwrap();
        let pipeline = dir.path().join("p.toml");
        std::fs::write(
            &pipeline,
            format!("inputs = [{:?}]\nout = \"out\"\nformats = [\"csv\"]\nbatch_articles = 7\n", sample.display()),
        )
        .unwrap();
        let output = bin().args(["run", "--quiet", "--threads", threads]).arg(&pipeline).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        for name in ["quotes.csv", "articles.csv", "speakers.csv"] {
            let a = std::fs::read(whole.path().join(name)).unwrap();
            let b = std::fs::read(dir.path().join("out").join(name)).unwrap();
            assert!(a == b, "{name} differs with batches of 7 articles on {threads} thread(s)");
        }
        assert_eq!(run_json(&dir.path().join("out"))["counts"], run_json(whole.path())["counts"]);
    }
}

#[test]
fn an_unknown_pipeline_key_is_a_usage_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = dir.path().join("p.toml");
    std::fs::write(&pipeline, "inputs = [\"x.jsonl\"]\nout = \"o\"\nformat = [\"csv\"]\n").unwrap();
    let output = bin().arg("run").arg(&pipeline).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("format") && message.contains("p.toml"), "{message}");
}

#[test]
fn a_missing_input_is_a_fatal_error_naming_the_path() {
    let out = tempfile::tempdir().unwrap();
    let missing = out.path().join("nope.jsonl");
    let output = extract(&[&missing], &out.path().join("o"), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nope.jsonl"), "{}", stderr(&output));
}

#[test]
fn an_unwritable_output_is_a_fatal_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, "{\"id\":\"a\",\"text\":\"“Yes, we will do it,” she said.\"}\n").unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "").unwrap();
    let output = extract(&[&input], &blocker.join("out"), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("file/out"), "{}", stderr(&output));
}

#[test]
fn reads_json_lines_from_standard_input() {
    let out = tempfile::tempdir().unwrap();
    let mut child = bin()
        .args(["extract", "-", "--format", "jsonl", "--quiet", "--out"])
        .arg(out.path())
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("{\"id\":\"s1\",\"text\":\"“We will not agree to any of it,” Lavrov said.\"}\n".as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let quotes = read_jsonl(&out.path().join("quotes.jsonl"));
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["speaker"], "Lavrov");
    assert_eq!(quotes[0]["quote_start"], 0);
}

#[test]
fn offsets_are_code_points_that_slice_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let text = "Ørsted’s chief — Mads Nipper — spoke. “Wir schaffen das nicht allein, sagen wir,” Nipper said.";
    std::fs::write(&input, serde_json::json!({"id": "a", "text": text}).to_string()).unwrap();
    let output = extract(&[&input], dir.path(), &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let quotes = read_jsonl(&dir.path().join("quotes.jsonl"));
    assert_eq!(quotes.len(), 1);
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: &serde_json::Value, end: &serde_json::Value| -> String {
        chars[start.as_u64().unwrap() as usize..end.as_u64().unwrap() as usize].iter().collect()
    };
    assert_eq!(slice(&quotes[0]["quote_start"], &quotes[0]["quote_end"]), quotes[0]["quote_text"]);
    assert_eq!(slice(&quotes[0]["speaker_start"], &quotes[0]["speaker_end"]), "Nipper");
    assert_eq!(quotes[0]["speaker_name"], "Mads Nipper");
}

#[test]
fn without_a_terminal_progress_is_plain_log_lines() {
    let out = tempfile::tempdir().unwrap();
    let output = bin().arg("extract").arg(root().join("sample_corpus")).arg("--out").arg(out.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let log = stderr(&output);
    let done = log.lines().find(|l| l.starts_with("whosaid: done: ")).unwrap_or_else(|| panic!("{log}"));
    assert!(done.contains("296 articles") && done.contains("MB/s"), "{done}");
    assert!(!log.contains('\r') && !log.contains('\u{1b}'), "terminal control codes in {log:?}");
}

#[test]
fn streaming_mode_writes_quote_rows_to_stdout_as_it_goes_and_rejects_to_stderr() {
    use std::io::BufRead;
    let mut child = bin()
        .args(["extract", "-", "--out", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // More than one batch, then wait: the first batch's rows must arrive while stdin is open.
    let line = |i: usize| {
        format!(
            "{}\n",
            serde_json::json!({"id": format!("s{i}"), "text": format!("“We will not agree to plan {i},” Lavrov said.")})
        )
    };
    for i in 0..600 {
        stdin.write_all(line(i).as_bytes()).unwrap();
    }
    stdin.write_all(b"{\"id\": \"broken\", \"text\": \n").unwrap();
    stdin.flush().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let (sender, receiver) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        sender.send(first).unwrap();
        stdout.lines().count() + 1
    });
    let first = receiver.recv_timeout(std::time::Duration::from_secs(20)).expect("a row before the input ended");
    let row: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(row["article_id"], "s0");
    assert_eq!(row["speaker"], "Lavrov");
    drop(stdin);
    let n_rows = reader.join().unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(n_rows, 600);
    let rejects: Vec<serde_json::Value> =
        String::from_utf8(output.stderr).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0]["article_id"], "broken");
}

/// A stream's batch is shared among the workers article by article, a table run's batches go
/// whole to one worker each: the quote rows are the same, in the same order.
#[test]
fn a_stream_gives_the_rows_a_table_run_gives() {
    let tables = tempfile::tempdir().unwrap();
    let input = crate::util::sample_as_jsonl(tables.path());
    let output = extract(&[&input], tables.path(), &["--threads", "2", "--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = bin()
        .args(["extract", "-", "--out", "-", "--format", "jsonl", "--threads", "2"])
        .stdin(std::fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let streamed = String::from_utf8(output.stdout).unwrap();
    let written = std::fs::read_to_string(tables.path().join("quotes.jsonl")).unwrap();
    assert!(streamed.lines().count() > 100, "{} rows", streamed.lines().count());
    assert!(streamed == written, "the stream's rows differ from quotes.jsonl");
}

#[test]
fn streaming_mode_takes_json_lines_only() {
    let output = bin().args(["extract", "-", "--out", "-"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--format jsonl"), "{}", stderr(&output));
}

/// `extract --help` says what an input is (formats, columns, `-`) and describes every flag the
/// README uses.
#[test]
fn extract_help_describes_the_inputs_and_every_flag() {
    let output = bin().args(["extract", "--help"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "INPUTS",
        ".jsonl",
        ".csv",
        ".txt",
        ".gz",
        ".zst",
        "standard input",
        "body",
        "published_at",
        "--text-column",
        "--state",
        "--full",
        "--rejects",
        "--tokenizer",
        "--format",
        "--threads",
        "--out",
    ] {
        assert!(help.contains(needle), "`{needle}` missing from extract --help:\n{help}");
    }
}

/// Settings out of range are refused before anything is read or written, with exit 2: threads
/// past 1024 (100000 panicked after a minute), a format named twice (half the tables were
/// published), a batch of 10^14 articles (an allocation abort) or u64::MAX (a panic).
#[test]
fn absurd_settings_are_refused_as_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, "{\"id\":\"a\",\"text\":\"“Yes, we will do it,” she said.\"}\n").unwrap();
    let out = dir.path().join("o");
    for flags in [&["--threads", "100000"][..], &["--threads", "0"], &["--format", "csv,csv"]] {
        let output = extract(&[&input], &out, flags);
        assert_eq!(output.status.code(), Some(2), "{flags:?}: {}", stderr(&output));
        assert!(!out.exists(), "{flags:?} wrote {}", out.display());
    }
    for setting in
        ["batch_articles = 100000000000000", "batch_articles = 18446744073709551615", "formats = [\"csv\", \"csv\"]"]
    {
        let pipeline = dir.path().join("p.toml");
        std::fs::write(&pipeline, format!("inputs = [\"a.jsonl\"]\nout = \"o\"\n{setting}\n")).unwrap();
        let output = bin().arg("run").arg(&pipeline).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{setting}: {}", stderr(&output));
        assert!(!out.exists(), "{setting} wrote {}", out.display());
    }
}
