//! A fuzz run over the whole per-article extraction (segment → tokenize → quotes → speakers →
//! rows with code-point offsets): no input panics, and every span written slices back to its
//! text. It runs for 3 seconds by default; `WHOSAID_FUZZ_SECONDS=600 cargo test --release --test
//! it fuzz -- --nocapture` runs it for ten minutes and prints how many inputs it tried.

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use whosaid::model::{Article, Origin};
use whosaid::tokenize::FastTokenizer;

/// Real articles with random edits: quote marks, attribution words and breaks inserted, spans
/// deleted, the text cut short.
fn mutated_articles(articles: Vec<String>) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(crate::util::pieces_with_marks(&[
        "\n",
        "\n\n",
        " said ",
        ", he said, ",
        ": ",
        ". ",
        "According to ",
        "\u{0}",
        "\u{feff}",
        "é",
        "🙂",
        "\u{0301}",
        "Mr. ",
        " the minister ",
        "…",
        // German
        "„",
        "“, sagte er. ",
        " sagte, ",
        "Laut der Polizei ",
        " zufolge ",
        " sei ",
        " teilte die Polizei mit, ",
        "Frau Dr. ",
        "am 5. August ",
    ]));
    let edits = prop::collection::vec((any::<prop::sample::Index>(), pieces, any::<bool>()), 0..24);
    (prop::sample::select(articles), edits, any::<prop::sample::Index>()).prop_map(|(text, edits, cut)| {
        let mut text = text;
        for (at, piece, delete) in edits {
            let mut idx = at.index(text.len() + 1);
            while !text.is_char_boundary(idx) {
                idx -= 1;
            }
            if delete {
                let mut end = (idx + 40).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(idx..end, "");
            } else {
                text.insert_str(idx, piece);
            }
        }
        let mut end = cut.index(text.len() + 1).max(text.len() * 3 / 4);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text
    })
}

fn check(text: &str) {
    // Every text is read by the English rules, the German ones and by quote marks alone.
    for lang in ["en", "de", "fr"] {
        check_in(text, lang);
    }
}

fn check_in(text: &str, lang: &'static str) {
    let article = Article { id: "f".into(), text: text.to_string(), origin: Origin::default(), ..Article::default() };
    let published = chrono::NaiveDate::from_ymd_opt(2025, 8, 22);
    let extraction = whosaid::extract_in(text, published, std::borrow::Cow::Borrowed(lang), &FastTokenizer);
    let (_, rows) = whosaid::write::rows_for(&article, &extraction);
    let chars: Vec<char> = text.chars().collect();
    for row in rows {
        let (start, end) = (row.quote_start as usize, row.quote_end as usize);
        assert!(start <= end && end <= chars.len(), "quote {start}..{end} outside the text");
        assert_eq!(chars[start..end].iter().collect::<String>(), row.quote_text());
        if let (Some(s), Some(e), Some(speaker)) = (row.speaker_start, row.speaker_end, row.speaker()) {
            assert_eq!(chars[s as usize..e as usize].iter().collect::<String>(), speaker);
        }
    }
}

#[test]
fn fuzz_the_whole_article_extraction() {
    let seconds: u64 = std::env::var("WHOSAID_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    let mut articles = Vec::new();
    for name in ["wikinews_2019.csv", "wikinews_2020.csv"] {
        let mut reader = csv::Reader::from_path(crate::util::root().join("sample_corpus").join(name)).unwrap();
        articles.extend(reader.records().map(|r| r.unwrap()[3].to_string()));
    }
    let strategy = prop_oneof![
        mutated_articles(articles),
        crate::properties::news_like(),
        "\\PC{0,2000}",
        prop::collection::vec(any::<u8>(), 0..2000).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ];
    let mut runner = TestRunner::new(Config::default());
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut n_inputs = 0u64;
    while Instant::now() < deadline {
        let text = strategy.new_tree(&mut runner).expect("a value").current();
        let started = Instant::now();
        if std::panic::catch_unwind(AssertUnwindSafe(|| check(&text))).is_err() {
            let path = std::env::temp_dir().join(format!("whosaid-fuzz-failure-{n_inputs}.txt"));
            std::fs::write(&path, &text).unwrap();
            panic!("extraction failed on the input saved to {}", path.display());
        }
        assert!(started.elapsed() < Duration::from_secs(2), "{} bytes took {:?}", text.len(), started.elapsed());
        n_inputs += 1;
    }
    println!("fuzz: {n_inputs} inputs in {seconds} s, no panic, every span slices its text");
    assert!(n_inputs > 100, "only {n_inputs} inputs tried");
}
