//! Per-stage benchmarks over the sample corpus's real news text: segment, tokenize (ours and the
//! Hugging Face reference), quotes, speakers (names, attribution and indirect speech), and
//! whole-article extraction (all stages and dating). Each asserts the count it produced, so
//! that a change that is fast but wrong fails here too.
//!
//! `cargo bench --bench stages`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::tokenize::{FastTokenizer, HfTokenizer, Tokenize};

/// The sample corpus's article texts and their publication dates.
fn sample_articles() -> Vec<(String, Option<chrono::NaiveDate>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    let mut articles = Vec::new();
    for name in ["wikinews_2019.csv", "wikinews_2020.csv"] {
        let mut reader = csv::Reader::from_path(root.join(name)).expect("sample corpus present");
        for record in reader.records() {
            let record = record.expect("valid sample CSV");
            articles.push((record[3].to_string(), whosaid::dates::parse_published(&record[1])));
        }
    }
    articles
}

fn stages(c: &mut Criterion) {
    let articles = sample_articles();
    assert!(articles.iter().all(|(_, published)| published.is_some()), "every sample article is dated");
    let texts: Vec<&str> = articles.iter().map(|(t, _)| t.as_str()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
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
    // The quote and speaker stages on their own, over documents segmented and tokenized before
    // the clock starts.
    let docs: Vec<whosaid::doc::Doc> = texts.iter().map(|t| whosaid::doc::Doc::new(t, &FastTokenizer)).collect();
    group.bench_function("quotes", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|doc| {
                    let marked = whosaid::quotes::marks::find_marked_spans(doc.text(), &doc.segments);
                    whosaid::quotes::find_candidates(doc, &marked).len()
                })
                .sum();
            assert!(n > 1_000, "{n} quoted spans");
            n
        })
    });
    let candidates: Vec<_> = docs
        .iter()
        .map(|doc| {
            let marked = whosaid::quotes::marks::find_marked_spans(doc.text(), &doc.segments);
            let quoted: Vec<_> = marked.iter().map(|m| m.outer.clone()).collect();
            (whosaid::quotes::find_candidates(doc, &marked), quoted)
        })
        .collect();
    group.bench_function("speakers", |b| {
        b.iter(|| {
            let mut n = 0;
            for (doc, (candidates, quoted)) in docs.iter().zip(&candidates) {
                let names = whosaid::speakers::names::NameIndex::build(doc, quoted);
                let quotes = whosaid::speakers::attribute(doc, &names, candidates.clone());
                let rows: Vec<_> = quotes.iter().map(|q| q.span.clone()).collect();
                let mut cues: Vec<_> = quotes.iter().filter_map(|q| q.cue.clone()).collect();
                cues.sort_by_key(|c| c.start);
                let turns = whosaid::speakers::interview::Turns::of(doc);
                n += quotes.len()
                    + whosaid::speakers::indirect::find_indirect(doc, &names, &rows, quoted, &cues, &turns).len();
            }
            assert!(n > 500, "{n} statements");
            n
        })
    });
    // Whole-article extraction, statements dated against each article's publication date.
    group.bench_function("extract", |b| {
        b.iter(|| {
            let (mut n, mut dated) = (0, 0);
            for (text, published) in &articles {
                let quotes = whosaid::extract(text, *published, &FastTokenizer).quotes;
                n += quotes.len();
                dated += quotes.iter().filter(|q| q.said_on.is_some()).count();
            }
            assert!(n > 500, "{n} quotes");
            assert_eq!(dated, n, "every statement of a dated article has a date");
            n
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
