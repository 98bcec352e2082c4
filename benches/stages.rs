//! Per-stage benchmarks over the sample corpus's real news text: segment, tokenize (ours and the
//! Hugging Face reference), and whole-article extraction. Each asserts the count it produced, so
//! that a change that is fast but wrong fails here too.
//!
//! `cargo bench --bench stages`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::tokenize::{FastTokenizer, HfTokenizer, Tokenize};

fn sample_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    let mut texts = Vec::new();
    for name in ["wikinews_2019.csv", "wikinews_2020.csv"] {
        let mut reader = csv::Reader::from_path(root.join(name)).expect("sample corpus present");
        for record in reader.records() {
            texts.push(record.expect("valid sample CSV")[3].to_string());
        }
    }
    texts
}

fn stages(c: &mut Criterion) {
    let texts = sample_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);

    group.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| whosaid::segment::segment(t).sentences.len()).sum();
            assert!(n > 5_000, "{n} sentences");
            n
        })
    });
    for (name, tokenizer) in
        [("tokenize/fast", &FastTokenizer as &dyn Tokenize), ("tokenize/huggingface", &HfTokenizer)]
    {
        group.bench_function(name, |b| {
            let mut tokens = Vec::new();
            b.iter(|| {
                let mut n = 0;
                for text in &texts {
                    tokenizer.tokenize(text, &mut tokens);
                    n += tokens.len();
                }
                assert!(n > 200_000, "{n} tokens");
                n
            })
        });
    }
    group.bench_function("extract", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| whosaid::extract(t, &FastTokenizer).quotes.len()).sum();
            assert!(n > 500, "{n} quotes");
            n
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
