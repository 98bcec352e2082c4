//! `whosaid eval`: the figures of a hand-made gold set and quotes table (`tests/data/eval/`),
//! each worked out by hand, from every table format and output layout.

use std::path::Path;

use crate::util::{bin, extract, root, stderr};

fn fixture(name: &str) -> std::path::PathBuf {
    root().join("tests/data/eval").join(name)
}

/// The report `eval` prints for GOLD and PRED, with its exit code.
fn eval(gold: &Path, pred: &Path, flags: &[&str]) -> (Option<i32>, String) {
    let output = bin().arg("eval").arg(gold).arg(pred).args(flags).output().unwrap();
    let errors = stderr(&output);
    (output.status.code(), String::from_utf8(output.stdout).unwrap() + &errors)
}

/// The fixture's figures: three of four statements matched at 0.3 (one covers half its gold),
/// two at 0.8; speakers right by name ("she" → Jane Doe) and by mention, wrong for John Smith;
/// one date of two right; a statement missed, a spurious row, a row of an unknown article.
const REPORT: &str = "\
articles 2  gold quotes 4  predicted 4  (rows for 1 unknown article ids ignored)
quotes  overlap>0.3:  P 0.750  R 0.750  F1 0.750
quotes  overlap>0.8:  P 0.500  R 0.500  F1 0.500
speaker accuracy on matched quotes: 0.667  (span overlap only: 0.667)
speaker accuracy by how gold names the speaker: name 0/1  pronoun 1/1  nominal 1/1
end to end (quote matched at 0.3 and speaker right):  P 0.500  R 0.500  F1 0.500
said_on right on matched quotes that gold dates: 1/2
recall by gold type: direct 1/2  indirect 1/1  mixed 1/1
";

const SUMMARY: &str = "summary: quote_f1@0.3=0.750 quote_f1@0.8=0.500 speaker_acc=0.667 e2e_f1=0.500\n";

#[test]
fn the_fixture_scores_as_worked_out_by_hand() {
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("figures.json");
    let (code, text) = eval(&fixture("gold.jsonl"), &fixture("quotes.csv"), &["--errors", "5", "--json"]);
    assert_eq!(code, Some(2), "--json needs its FILE: {text}");
    let output = bin()
        .arg("eval")
        .arg(fixture("gold.jsonl"))
        .arg(fixture("quotes.csv"))
        .args(["--errors", "5", "--json"])
        .arg(&json)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let errors = "
missed (first 5):
  a2: a statement no row finds
spurious (first 5):
  a1: (200, 220) a row no statement
wrong speaker on matched quotes (first 5): gold mention -> gold name | predicted mention -> predicted name
  a1: 'John Smith' -> 'John Smith' | 'Smith' -> 'Mary Jones'
";
    assert_eq!(String::from_utf8(output.stdout).unwrap(), format!("{REPORT}{errors}{SUMMARY}"));
    let figures: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    for (key, value) in [
        ("articles", 2.0),
        ("pred_quotes", 4.0),
        ("quote_p@0.3", 0.75),
        ("quote_r@0.8", 0.5),
        ("speaker_acc", 2.0 / 3.0),
        ("e2e_f1", 0.5),
        ("speaker_acc_name", 0.0),
        ("speaker_acc_pronoun", 1.0),
        ("said_on_acc", 0.5),
        ("recall_direct", 0.5),
        ("recall_mixed", 1.0),
    ] {
        assert_eq!(figures[key].as_f64(), Some(value), "{key} in {figures}");
    }
}

#[test]
fn a_figure_below_its_floor_exits_4() {
    let (code, text) = eval(&fixture("gold.jsonl"), &fixture("quotes.csv"), &["--min", "quote_f1@0.3=0.7,e2e_f1=0.6"]);
    assert_eq!(code, Some(4), "{text}");
    assert!(text.ends_with("e2e_f1=0.500  BELOW: e2e_f1 0.500 < 0.6\n"), "{text}");
    let (code, text) = eval(&fixture("gold.jsonl"), &fixture("quotes.csv"), &["--min", "quote_f1@0.3=0.7"]);
    assert_eq!((code, text), (Some(0), format!("{REPORT}{SUMMARY}")));
    let (code, text) = eval(&fixture("gold.jsonl"), &fixture("quotes.csv"), &["--min", "e2e_f1"]);
    assert_eq!(code, Some(2), "a floor without a value is a usage error: {text}");
}

/// The same rows read from JSON Lines, from an output folder, and from nightly partitions of
/// one format give the same report; a folder without a quotes table is an error that says so.
#[test]
fn every_table_layout_gives_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut reader = csv::Reader::from_path(fixture("quotes.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // JSON Lines with numbers as numbers and empty cells as nulls, as whosaid writes them.
    let line = |row: &csv::StringRecord| {
        let object: serde_json::Map<String, serde_json::Value> = headers
            .iter()
            .zip(row.iter())
            .map(|(key, cell)| {
                let value = match cell.parse::<i64>() {
                    _ if cell.is_empty() => serde_json::Value::Null,
                    Ok(n) if key != "article_id" => n.into(),
                    _ => cell.into(),
                };
                (key.to_string(), value)
            })
            .collect();
        serde_json::Value::Object(object).to_string() + "\n"
    };
    let folder = dir.path().join("out");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("quotes.jsonl"), rows.iter().map(line).collect::<String>()).unwrap();
    assert_eq!(eval(&fixture("gold.jsonl"), &folder, &[]), (Some(0), format!("{REPORT}{SUMMARY}")));
    assert_eq!(eval(&fixture("gold.jsonl"), &folder.join("quotes.jsonl"), &[]).1, format!("{REPORT}{SUMMARY}"));

    let nightly = dir.path().join("nightly");
    for (run, part) in [("20261201T020000Z", &rows[..2]), ("20261202T020000Z", &rows[2..])] {
        let partition = nightly.join("csv/quotes").join(format!("run={run}"));
        std::fs::create_dir_all(&partition).unwrap();
        let mut writer = csv::Writer::from_path(partition.join("part-00000.csv")).unwrap();
        writer.write_record(&headers).unwrap();
        part.iter().for_each(|row| writer.write_record(row).unwrap());
        writer.flush().unwrap();
    }
    assert_eq!(eval(&fixture("gold.jsonl"), &nightly, &[]), (Some(0), format!("{REPORT}{SUMMARY}")));

    let (code, text) = eval(&fixture("gold.jsonl"), dir.path(), &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("no quotes table here"), "{text}");
    let (code, text) = eval(&fixture("gold.jsonl"), &fixture("README.md"), &[]);
    assert_eq!(code, Some(1), "a file that is no table is an error: {text}");
}

/// whosaid's own Parquet, CSV and JSON Lines tables of one run score alike, against a gold made
/// of the run's own rows (every figure 1).
#[test]
fn parquet_csv_and_json_lines_tables_score_alike() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let input = root().join("sample_corpus/seed-kyiv-independent.jsonl");
    let output = extract(&[&input], &out, &["--format", "parquet,csv,jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut by_article: std::collections::BTreeMap<String, Vec<serde_json::Value>> = Default::default();
    for row in crate::util::read_jsonl(&out.join("quotes.jsonl")) {
        by_article.entry(row["article_id"].as_str().unwrap().to_string()).or_default().push(serde_json::json!({
            "quote_spans": [[row["quote_start"], row["quote_end"]]],
            "quote": row["quote_text"],
            "speaker_span": if row["speaker_start"].is_null() { serde_json::Value::Null } else { serde_json::json!([row["speaker_start"], row["speaker_end"]]) },
            "speaker": row["speaker"],
            "speaker_name": row["speaker_name"],
            "type": row["quote_type"],
            "said_on": row["said_on"],
        }));
    }
    assert!(by_article.values().map(Vec::len).sum::<usize>() >= 5, "{by_article:?}");
    let gold = dir.path().join("gold.jsonl");
    let lines: String = by_article
        .into_iter()
        .map(|(id, quotes)| serde_json::json!({"id": id, "quotes": quotes}).to_string() + "\n")
        .collect();
    std::fs::write(&gold, lines).unwrap();
    let reports: Vec<(Option<i32>, String)> = ["quotes.parquet", "quotes.csv", "quotes.jsonl"]
        .iter()
        .map(|t| eval(&gold, &out.join(t), &["--errors", "3"]))
        .collect();
    assert!(
        reports[0].1.ends_with("summary: quote_f1@0.3=1.000 quote_f1@0.8=1.000 speaker_acc=1.000 e2e_f1=1.000\n"),
        "{}",
        reports[0].1
    );
    assert_eq!(reports[0], reports[1]);
    assert_eq!(reports[1], reports[2]);
}
