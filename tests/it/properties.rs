//! Property tests: no input makes extraction panic, and every span it gives is a valid range of
//! the text (on character boundaries), with parts and mentions inside the text.

use proptest::prelude::*;
use whosaid::tokenize::{FastTokenizer, HfTokenizer, Tokenize};

/// Text built from news-like pieces and every quote mark, so that pairing is exercised hard.
pub(crate) fn news_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(crate::util::pieces_with_marks(&[
        "‚",
        "‹",
        "›",
        "'",
        " said",
        " he said",
        ", ",
        ". ",
        "\n",
        "\n\n",
        "Lavrov",
        " Sergey Lavrov",
        " the minister",
        " according to",
        " the outlet",
        ":",
        " We",
        " will",
        " not",
        " agree",
        "Mr.",
        " é",
        "🙂",
        "\u{0301}",
        "—",
        "(",
        ")",
        " told reporters",
        " she",
        "-",
        "…",
    ]));
    prop::collection::vec(pieces, 0..80).prop_map(|p| p.concat())
}

fn check_spans(text: &str) {
    let extraction = whosaid::extract(text, None, &FastTokenizer);
    for quote in &extraction.quotes {
        let spans = std::iter::once(&quote.span).chain(&quote.parts).chain(&quote.cue).chain(&quote.speaker);
        for span in spans {
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?} in {text:?}");
            assert!(text.get(span.clone()).is_some(), "{span:?} not on char boundaries in {text:?}");
        }
        for part in &quote.parts {
            assert!(quote.span.start <= part.start && part.end <= quote.span.end, "{quote:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_news_like_input_panics_and_spans_slice(text in news_like()) {
        check_spans(&text);
    }

    #[test]
    fn no_arbitrary_input_panics_and_spans_slice(text in "\\PC{0,300}") {
        check_spans(&text);
    }

    #[test]
    fn the_fast_tokenizer_has_the_reference_boundaries(text in "\\PC{0,200}") {
        let (mut fast, mut reference) = (Vec::new(), Vec::new());
        FastTokenizer.tokenize(&text, &mut fast);
        HfTokenizer.tokenize(&text, &mut reference);
        // `Doc` slices the fast tokenizer's tokens unchecked (`Tokenize::own_bounds`): each
        // must start at or after the one before ends, on character boundaries.
        let mut end = 0;
        for token in &fast {
            prop_assert!(end <= token.start() && token.start() < token.end(), "{:?} in {:?}", token, text);
            prop_assert!(text.is_char_boundary(token.start()) && text.is_char_boundary(token.end()));
            end = token.end();
        }
        prop_assert_eq!(fast, reference);
    }
}

#[test]
fn the_fast_tokenizer_has_the_reference_boundaries_on_the_sample_corpus() {
    let mut n_tokens = 0;
    for name in ["wikinews_2019.csv", "wikinews_2020.csv"] {
        let path = crate::util::root().join("sample_corpus").join(name);
        let mut reader = csv::Reader::from_path(path).unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            let text = &record[3];
            let (mut fast, mut reference) = (Vec::new(), Vec::new());
            FastTokenizer.tokenize(text, &mut fast);
            HfTokenizer.tokenize(text, &mut reference);
            assert_eq!(fast, reference, "token boundaries differ in {}", &record[0]);
            n_tokens += fast.len();
        }
    }
    assert!(n_tokens > 200_000, "{n_tokens}");
}
