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
    let paragraph = format!("{GOOD} Lavrov said the plan was “a path to nowhere.”\n\n");
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
    assert!(quotes.iter().filter(|q| q["article_id"] == "big").count() >= 100_000);
    assert!(quotes
        .iter()
        .any(|q| q["article_id"] == "marks" && q["quote_text"] == "“We will not agree to any of it,”"));
}
