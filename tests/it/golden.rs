//! Golden tests for extraction: each `tests/data/<case>.txt` is an article, and
//! `tests/data/<case>.expected` the rows whosaid must find in it, one a line:
//! `type | rule | quote text | speaker | speaker_name | cue`. `UPDATE_EXPECT=1 cargo test` rewrites
//! the expected files; review the diff before committing.

use whosaid::tokenize::FastTokenizer;

use crate::util::root;

fn render(text: &str) -> String {
    let extraction = whosaid::extract(text, None, &FastTokenizer);
    let mut out = String::new();
    for quote in &extraction.quotes {
        let slice = |span: &Option<std::ops::Range<usize>>| span.as_ref().map_or("-", |s| &text[s.clone()]);
        out.push_str(&format!(
            "{} | {} | {} | {} | {} | {}\n",
            quote.kind.as_str(),
            quote.rule,
            text[quote.span.clone()].replace('\n', "⏎"),
            slice(&quote.speaker),
            quote.speaker_name.as_deref().unwrap_or("-"),
            slice(&quote.cue),
        ));
    }
    out
}

#[test]
fn golden_cases() {
    let dir = root().join("tests/data");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "golden cases missing from {}", dir.display());
    let mut failures = Vec::new();
    for case in cases {
        let text = std::fs::read_to_string(&case).unwrap();
        let got = render(&text);
        let expected_path = case.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("{}:\n--- expected\n{expected}--- got\n{got}", case.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
