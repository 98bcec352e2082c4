//! Every input format, and every kind of bad record: what is rejected, with which reason, and
//! that the good records around it are all written.

use std::path::Path;

use crate::util::{extract, read_jsonl, run_json, stderr};

const GOOD: &str = "“We will not agree to any of it,” the minister said.";

fn article_ids(out: &Path) -> Vec<String> {
    read_jsonl(&out.join("articles.jsonl")).iter().map(|a| a["article_id"].as_str().unwrap().to_string()).collect()
}

fn jsonl_line(id: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": GOOD}))
}

#[test]
fn reads_every_format_and_compression_in_sorted_path_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("nested")).unwrap();
    std::fs::write(corpus.join("a.jsonl"), jsonl_line("j1")).unwrap();
    std::fs::write(corpus.join("b.csv"), format!("url,date,title,text\nhttp://x,2019-01-04,T,\"{GOOD}\"\n")).unwrap();
    std::fs::write(corpus.join("c.txt"), GOOD).unwrap();
    std::fs::write(corpus.join("nested/d.ndjson.gz"), crate::util::gzip(&jsonl_line("g1"))).unwrap();
    std::fs::write(corpus.join("nested/e.jsonl.zst"), zstd::encode_all(jsonl_line("z1").as_bytes(), 3).unwrap())
        .unwrap();
    std::fs::write(corpus.join("notes.md"), "not an input").unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&corpus], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(article_ids(&out), ["j1", "http://x", "c", "g1", "z1"]);
    let quotes = read_jsonl(&out.join("quotes.jsonl"));
    assert_eq!(quotes.len(), 5);
    assert_eq!(quotes[1]["published"], "2019-01-04");
    assert!(quotes.iter().all(|q| q["speaker"] == "the minister"), "{quotes:?}");
}

/// Runs over one file and returns the rejects and the ids of the articles written.
fn run_with_breakage(name: &str, content: &[u8]) -> (Vec<serde_json::Value>, Vec<String>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, content).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "jsonl"]);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    let expected = if rejects.is_empty() { 0 } else { 3 };
    assert_eq!(output.status.code(), Some(expected), "{}", stderr(&output));
    (rejects, article_ids(&out), run_json(&out))
}

fn reasons(rejects: &[serde_json::Value]) -> Vec<(Option<u64>, String)> {
    rejects.iter().map(|r| (r["line"].as_u64(), r["reason"].as_str().unwrap().to_string())).collect()
}

#[test]
fn bad_json_lines_are_rejected_with_line_and_reason() {
    let mut content = Vec::new();
    content.extend(jsonl_line("ok1").as_bytes());
    content.extend(b"{\"id\": \"broken\", \"text\": \n");
    content.extend(b"{\"id\": \"bad-utf8\", \"text\": \"caf\xe9\"}\n");
    content.extend(b"{\"id\": \"no-text\"}\n");
    content.extend(b"{\"id\": \"empty\", \"text\": \"   \"}\n");
    content.extend(b"{\"id\": \"\", \"text\": \"blank id\"}\n");
    content.extend(jsonl_line("ok2").as_bytes());
    let (rejects, ids, run) = run_with_breakage("in.jsonl", &content);
    assert_eq!(ids, ["ok1", "ok2"]);
    let got = reasons(&rejects);
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(got[0].0, Some(2));
    assert!(got[0].1.starts_with("invalid JSON"), "{got:?}");
    assert_eq!(rejects[0]["article_id"], "broken");
    assert!(got[1].1.starts_with("invalid UTF-8"), "{got:?}");
    assert_eq!(got[2], (Some(4), "missing `text`".to_string()));
    assert_eq!(got[3], (Some(5), "empty `text`".to_string()));
    assert_eq!(got[4], (Some(6), "empty `id`".to_string()));
    assert_eq!(run["counts"]["records_read"], 7);
    assert_eq!(run["counts"]["articles_ok"], 2);
    assert_eq!(run["counts"]["rejected"], 5);
}

#[test]
fn a_csv_row_with_the_wrong_field_count_is_rejected() {
    let content = format!("id,text\na,\"{GOOD}\"\nb,one,two\nc,\"{GOOD}\"\n");
    let (rejects, ids, _) = run_with_breakage("in.csv", content.as_bytes());
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(reasons(&rejects), [(Some(3), "wrong number of fields: 3 where the header has 2".to_string())]);
    assert_eq!(rejects[0]["article_id"], "b");
}

#[test]
fn a_truncated_gzip_file_keeps_what_was_read_and_rejects_the_rest() {
    let bytes = crate::util::gzip(&(0..200).map(|i| jsonl_line(&format!("a{i}"))).collect::<String>());
    let (rejects, ids, run) = run_with_breakage("in.jsonl.gz", &bytes[..bytes.len() * 2 / 3]);
    assert!(!ids.is_empty() && ids.len() < 200, "{}", ids.len());
    assert_eq!(rejects.len(), 1);
    assert!(reasons(&rejects)[0].1.starts_with("read error"), "{rejects:?}");
    assert_eq!(run["counts"]["records_read"].as_u64(), Some(ids.len() as u64 + 1));
}

#[test]
fn a_binary_or_invalid_text_file_is_one_reject() {
    let (rejects, ids, _) = run_with_breakage("story.txt", b"\x00\x01binary\x00");
    assert!(ids.is_empty());
    assert_eq!(reasons(&rejects), [(None, "binary file: contains NUL bytes".to_string())]);
    let (rejects, _, _) = run_with_breakage("story.txt", b"caf\xe9 au lait");
    assert_eq!(reasons(&rejects), [(None, "invalid UTF-8 at byte 3".to_string())]);
}

#[test]
fn an_unreadable_entry_in_a_folder_is_rejected_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.jsonl"), jsonl_line("a")).unwrap();
    std::os::unix::fs::symlink(corpus.join("gone.jsonl"), corpus.join("b.jsonl")).unwrap();
    std::fs::write(corpus.join("c.jsonl"), jsonl_line("c")).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&corpus], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(article_ids(&out), ["a", "c"]);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    assert_eq!(rejects.len(), 1);
    assert!(rejects[0]["file"].as_str().unwrap().ends_with("b.jsonl"));
    assert!(rejects[0]["reason"].as_str().unwrap().starts_with("cannot read file"), "{rejects:?}");
}

#[test]
fn an_empty_file_is_read_as_no_records() {
    let (rejects, ids, run) = run_with_breakage("empty.jsonl", b"");
    assert!(rejects.is_empty() && ids.is_empty());
    assert_eq!(run["files"][0]["records_read"], 0);
}

/// A file whose text column goes by an unusual name stops the run (exit 1) with its columns and
/// the flag to use; named with the flag or in a pipeline file, it is read.
#[test]
fn an_unusual_text_column_is_named_by_flag_or_pipeline_key() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.csv");
    std::fs::write(&input, format!("headline,words,when\nH,\"{}\",2020-01-02\n", GOOD.replace('"', "\"\""))).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    for needle in ["news.csv", "`headline`, `words`, `when`", "--text-column"] {
        assert!(message.contains(needle), "`{needle}` missing from {message}");
    }
    assert!(!out.join("quotes.jsonl").exists(), "a failed run publishes no table");

    let output = extract(&[&input], &out, &["--format", "jsonl", "--text-column", "words", "--date-column", "when"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let quotes = read_jsonl(&out.join("quotes.jsonl"));
    assert_eq!((quotes.len(), quotes[0]["published"].as_str()), (1, Some("2020-01-02")));

    let pipeline = dir.path().join("p.toml");
    std::fs::write(
        &pipeline,
        "inputs = [\"news.csv\"]\nout = \"piped\"\nformats = [\"jsonl\"]\ntext_column = \"words\"\n",
    )
    .unwrap();
    let output = crate::util::bin().args(["run", "--quiet"]).arg(&pipeline).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(read_jsonl(&dir.path().join("piped/quotes.jsonl")).len(), 1);
}

/// The same articles twice in one folder (a file and its compressed copy) are rejected as
/// duplicates the second time, in a run without a state too: no row is doubled.
#[test]
fn an_id_read_twice_is_rejected_in_every_mode() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let csv = format!("url,text\nhttps://example.org/a,\"{}\"\n", GOOD.replace('"', "\"\""));
    std::fs::write(corpus.join("x.csv"), &csv).unwrap();
    std::fs::write(corpus.join("x.csv.gz"), crate::util::gzip(&csv)).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&corpus], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(read_jsonl(&out.join("quotes.jsonl")).len(), 1);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["article_id"], "https://example.org/a");
    assert!(rejects[0]["reason"].as_str().unwrap().starts_with("duplicate article id"), "{rejects:?}");
}

/// Links in an input folder: each file is read once whatever links lead to it (`self -> .` read
/// the same file 41 times; two such links never ended), and a link out of the folder is recorded,
/// not followed (one to `/proc` hung the walk).
#[test]
fn a_folder_with_link_loops_and_links_out_is_read_once_and_ends() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    std::fs::write(corpus.join("a.jsonl"), jsonl_line("a")).unwrap();
    std::fs::write(corpus.join("sub/b.jsonl"), jsonl_line("b")).unwrap();
    std::os::unix::fs::symlink(".", corpus.join("l1")).unwrap();
    std::os::unix::fs::symlink("..", corpus.join("sub/l2")).unwrap();
    std::os::unix::fs::symlink("sub/b.jsonl", corpus.join("0-again.jsonl")).unwrap();
    // A link that names a file whosaid reads, to one named otherwise: read through the link.
    std::fs::write(corpus.join("dump.json"), jsonl_line("d")).unwrap();
    std::os::unix::fs::symlink("dump.json", corpus.join("c-dump.jsonl")).unwrap();
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("x.jsonl"), jsonl_line("x")).unwrap();
    std::os::unix::fs::symlink(&outside, corpus.join("out-link")).unwrap();
    let out = dir.path().join("out");
    let started = std::time::Instant::now();
    let output = extract(&[&corpus], &out, &["--format", "jsonl"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(article_ids(&out), ["a", "d", "b"]);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert!(rejects[0]["file"].as_str().unwrap().ends_with("out-link"), "{rejects:?}");
    assert!(rejects[0]["reason"].as_str().unwrap().contains("out of the input folder"), "{rejects:?}");
}

/// One stray opening quote in row 2 of a 1,000-row CSV (gzip-compressed too) is one reject naming
/// its line, and the 999 other rows are read (they were row 2's text, with no reject).
#[test]
fn a_stray_quote_in_a_csv_is_one_reject_and_the_rows_after_it_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id,text\n");
    for i in 1..=1000 {
        let text =
            if i == 2 { "\"The minister said the talks were over." } else { "The minister said the talks were over." };
        csv.push_str(&format!("r{i},{text}\n"));
    }
    // (c.csv: the 20,000 rows after the stray quote are more than the record limit of 1 MB.)
    let long: String = (1001..=20_000).map(|i| format!("r{i},The minister said the talks were over.\n")).collect();
    for (name, bytes) in [
        ("a.csv", csv.as_bytes().to_vec()),
        ("b.csv.gz", crate::util::gzip(&csv.replace("r", "g"))),
        ("c.csv", (csv.replace("r", "c") + &long.replace("r", "c")).into_bytes()),
    ] {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let out = dir.path().join(format!("out-{name}"));
        let output = extract(&[&input], &out, &["--format", "jsonl", "--max-record-mb", "1"]);
        assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
        assert_eq!(article_ids(&out).len(), if name == "c.csv" { 19_999 } else { 999 }, "{name}");
        let rejects = read_jsonl(&out.join("rejects.jsonl"));
        assert_eq!(rejects.len(), 1, "{rejects:?}");
        assert_eq!(rejects[0]["line"], 3, "{rejects:?}");
        assert!(rejects[0]["reason"].as_str().unwrap().contains("close"), "{rejects:?}");
    }
}

/// Records over `--max-record-mb` are rejects, read past without being held: a gzip file of
/// zeros with no line end (a decompression bomb), a JSON string that never closes, a CSV record
/// and a text file over the limit; the records after them are read (the CSV file's from the
/// line after the one its long quoted field opened on).
#[test]
fn records_over_the_size_limit_are_rejected_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let zeros = "\0".repeat(50 << 20);
    let bomb = crate::util::gzip(&format!("{zeros}\n{}", jsonl_line("after-zeros")));
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    std::fs::write(corpus.join("a-bomb.jsonl.gz"), bomb).unwrap();
    let open = format!("{{\"id\": \"open\", \"text\": \"{}\n{}", "word ".repeat(500_000), jsonl_line("after-open"));
    std::fs::write(corpus.join("b-open.jsonl"), open).unwrap();
    let csv = format!("id,text\nc1,Fine.\nc2,\"{}\"\nc3,Also fine.\n", "word ".repeat(500_000));
    std::fs::write(corpus.join("c.csv"), csv).unwrap();
    std::fs::write(corpus.join("d-big.txt"), "word ".repeat(500_000)).unwrap();
    std::fs::write(corpus.join("e.jsonl"), jsonl_line("e")).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&corpus], &out, &["--format", "jsonl", "--max-record-mb", "1"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(article_ids(&out), ["after-zeros", "after-open", "c1", "c3", "e"]);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    let reasons: Vec<&str> = rejects.iter().map(|r| r["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons.iter().all(|r| r.contains("limit") && r.contains("max_record_mb")), "{reasons:?}");
}

/// A UTF-16 file (with its byte order mark, or without one) is one reject that names UTF-16 and
/// how to convert it, not a reject a line saying "invalid UTF-8" or "binary file".
#[test]
fn a_utf16_file_is_one_reject_naming_its_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let utf16le = |text: &str, bom: bool| -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    std::fs::write(corpus.join("a.jsonl"), utf16le(&(jsonl_line("a") + &jsonl_line("b")), true)).unwrap();
    std::fs::write(corpus.join("b.txt"), utf16le(GOOD, false)).unwrap();
    std::fs::write(corpus.join("c.jsonl"), jsonl_line("c")).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&corpus], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(article_ids(&out), ["c"]);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    assert_eq!(rejects.len(), 2, "{rejects:?}");
    assert!(rejects.iter().all(|r| r["reason"].as_str().unwrap().contains("UTF-16LE")), "{rejects:?}");
}

/// A metadata field over its limit (8 KB for an id or url, 2 KB for a title, outlet, author or
/// date) is a reject: every quote row repeats it (a 1.8 KB gzip file of an article with 100 KB
/// of title, url and outlet and 10,000 quotes wrote a 3 GB quotes.csv).
#[test]
fn a_metadata_field_over_its_limit_is_a_reject() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let long = "x".repeat(100_000);
    let lines = [
        serde_json::json!({"id": "t", "title": long, "text": GOOD}),
        serde_json::json!({"id": "u", "url": format!("https://example.com/{long}"), "text": GOOD}),
        serde_json::json!({"id": long, "text": GOOD}),
        serde_json::json!({"id": "ok", "title": "A fine title", "text": GOOD}),
    ];
    std::fs::write(&input, lines.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(article_ids(&out), ["ok"]);
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    let reasons: Vec<&str> = rejects.iter().map(|r| r["reason"].as_str().unwrap()).collect();
    assert!(reasons[0].starts_with("`title` of 100000 bytes") && reasons[1].starts_with("`url`"), "{reasons:?}");
    assert!(reasons[2].starts_with("`id`") && rejects[2]["article_id"].is_null(), "{rejects:?}");
}
