//! Helpers: run the binary, read its tables.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `whosaid extract INPUTS --out OUT` with extra flags and returns its output.
pub fn extract(inputs: &[&Path], out: &Path, flags: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.arg("extract").args(inputs).arg("--out").arg(out).args(flags).arg("--quiet");
    cmd.output().expect("whosaid runs")
}

pub fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

pub fn run_json(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json")).expect("valid run.json")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The quote marks the generated inputs mix in: every convention whosaid pairs.
pub const QUOTE_MARKS: &[&str] = &["“", "”", "\"", "„", "«", "»", "‘", "’"];

/// `QUOTE_MARKS` followed by `extra`, as the pieces a generator picks from.
pub fn pieces_with_marks(extra: &[&'static str]) -> Vec<&'static str> {
    QUOTE_MARKS.iter().copied().chain(extra.iter().copied()).collect()
}

/// `text` gzip-compressed, as a `.gz` input file holds it.
pub fn gzip(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// The sample corpus's Wikinews articles as one JSON Lines file in `dir`, for what reads JSON
/// Lines only (standard input): each row with its url for id, as whosaid names a CSV row.
pub fn sample_as_jsonl(dir: &Path) -> PathBuf {
    let mut lines = String::new();
    for name in ["wikinews_2019.csv", "wikinews_2020.csv"] {
        let mut reader = csv::Reader::from_path(root().join("sample_corpus").join(name)).expect("the sample corpus");
        for row in reader.records() {
            let row = row.expect("a sample row");
            let (url, date, title, text) = (&row[0], &row[1], &row[2], &row[3]);
            let line = serde_json::json!({"id": url, "url": url, "published": date, "title": title, "text": text});
            lines.push_str(&format!("{line}\n"));
        }
    }
    let path = dir.join("sample.jsonl");
    std::fs::write(&path, lines).expect("writing a temporary file");
    path
}
