//! Reading stage benchmark (issue 5: "reading gzip input costs no more than the decompression
//! itself"): the sample corpus's articles, repeated to about 20 MB of text, read as JSON Lines
//! and as the same file gzip-compressed, through `whosaid::read::Reader`; beside them, `zcat` on
//! the same `.gz` file to /dev/null (when the machine has it), so that one run puts the three
//! figures side by side. Throughput is in bytes of article text; each read asserts the number of
//! articles it produced.
//!
//! `cargo bench --bench read`

use std::io::Write;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::model::Record;

/// Writes the corpus as JSON Lines and as gzip into `dir`; returns both paths, the article count
/// and the bytes of article text.
fn corpus(dir: &Path) -> (PathBuf, PathBuf, usize, u64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    let mut texts = Vec::new();
    for name in ["wikinews_2019.csv", "wikinews_2020.csv"] {
        let mut reader = csv::Reader::from_path(root.join(name)).expect("sample corpus present");
        for record in reader.records() {
            let record = record.expect("valid sample CSV");
            texts.push((record[1].to_string(), record[2].to_string(), record[3].to_string()));
        }
    }
    let jsonl = dir.join("corpus.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&jsonl).expect("temp file"));
    let (mut n, mut bytes, mut copy) = (0, 0u64, 0);
    while bytes < 20_000_000 {
        for (i, (date, title, text)) in texts.iter().enumerate() {
            let line =
                serde_json::json!({"id": format!("c{copy}-{i}"), "published": date, "title": title, "text": text});
            writeln!(out, "{line}").expect("write corpus");
            n += 1;
            bytes += text.len() as u64;
        }
        copy += 1;
    }
    out.flush().expect("flush corpus");
    let gz = dir.join("corpus.jsonl.gz");
    let mut encoder =
        flate2::write::GzEncoder::new(std::fs::File::create(&gz).expect("temp file"), flate2::Compression::new(6));
    std::io::copy(&mut std::fs::File::open(&jsonl).expect("corpus"), &mut encoder).expect("compress");
    encoder.finish().expect("finish gzip");
    (jsonl, gz, n, bytes)
}

fn read_all(path: &Path) -> usize {
    let files = whosaid::read::discover(&[path.to_path_buf()]).expect("input found");
    whosaid::read::Reader::new(files, Default::default()).filter(|r| matches!(r, Record::Article(_))).count()
}

fn read(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (jsonl, gz, n, bytes) = corpus(dir.path());
    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    for (name, path) in [("jsonl", &jsonl), ("jsonl.gz", &gz)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let read = read_all(path);
                assert_eq!(read, n);
                read
            })
        });
    }
    let zcat = std::process::Command::new("zcat").arg("--version").output().is_ok_and(|o| o.status.success());
    if zcat {
        group.bench_function("zcat (reference)", |b| {
            b.iter(|| {
                let status = std::process::Command::new("zcat")
                    .arg(&gz)
                    .stdout(std::process::Stdio::null())
                    .status()
                    .expect("zcat runs");
                assert!(status.success());
            })
        });
    }
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
