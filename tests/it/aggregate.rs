//! `whosaid aggregate` and a pipeline's `aggregate = true`: the corpus-wide `quotations` and
//! `people` tables, their joining rules, their stable ids, and a nightly folder's tables always
//! equal to a fresh aggregation of every partition.

use std::path::Path;

use polars::prelude::SerReader;

use crate::util::{bin, extract, read_jsonl, stderr};

/// Three outlets' articles: one quotation in two outlets (a mixed quote, then a direct one),
/// one person under four writings, two Clintons, and a quotation inside a longer one.
const ARTICLES: &[(&str, &str, &str, &str)] = &[
    (
        "a1",
        "daily.example",
        "2020-01-02",
        "Donald J. Trump said on Monday that \\\"the wall will be built by the end of next year, no matter what it costs.\\\" Hillary Clinton said that the plan was a mistake.",
    ),
    (
        "a2",
        "weekly.example",
        "2020-01-05",
        "President Donald Trump spoke in Ohio. \\\"The wall will be built by the end of next year, no matter what it costs,\\\" Trump said. Bill Clinton said that the plan was costly.",
    ),
    (
        "a3",
        "weekly.example",
        "2020-01-07",
        "Donald Trump met his aides. \\\"The economy is strong and it will be stronger next year,\\\" Mr. Trump said.",
    ),
    (
        "a4",
        "monthly.example",
        "2020-02-01",
        "\\\"The economy is strong and it will be stronger next year, and the year after that,\\\" Donald Trump said.",
    ),
];

fn write_articles(path: &Path, articles: &[(&str, &str, &str, &str)]) {
    let lines: String = articles
        .iter()
        .map(|(id, outlet, published, text)| {
            format!("{{\"id\": \"{id}\", \"outlet\": \"{outlet}\", \"published\": \"{published}\", \"text\": \"{text}\"}}\n")
        })
        .collect();
    std::fs::write(path, lines).unwrap();
}

fn aggregate(out: &Path, flags: &[&str]) -> std::process::Output {
    bin().arg("aggregate").arg(out).args(flags).output().unwrap()
}

fn by_key<'r>(rows: &'r [serde_json::Value], key: &str, value: &str) -> &'r serde_json::Value {
    rows.iter().find(|r| r[key] == value).unwrap_or_else(|| panic!("no {key} = {value} in {rows:?}"))
}

#[test]
fn a_corpus_aggregates_into_quotations_and_people() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    write_articles(&input, ARTICLES);
    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "jsonl,csv,parquet"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = aggregate(&out, &["--quiet"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for table in ["quotations", "people"] {
        for format in ["jsonl", "csv", "parquet"] {
            assert!(out.join(format!("{table}.{format}")).is_file(), "{table}.{format}");
        }
    }

    // One person under every writing; two people who share a family name.
    let people = read_jsonl(&out.join("people.jsonl"));
    let trump = by_key(&people, "name", "Donald J. Trump");
    for alias in ["Donald J. Trump", "Donald Trump", "Mr. Trump", "Trump"] {
        assert!(trump["aliases"].as_array().unwrap().iter().any(|a| a == alias), "{alias} in {trump}");
    }
    assert_eq!((trump["n_statements"].as_u64(), trump["n_articles"].as_u64()), (Some(4), Some(4)), "{trump}");
    assert_eq!(trump["n_outlets"], 3);
    let (hillary, bill) = (by_key(&people, "name", "Hillary Clinton"), by_key(&people, "name", "Bill Clinton"));
    assert_ne!(hillary["person_id"], bill["person_id"]);
    assert_eq!(people.len(), 3, "{people:?}");

    // The quotation said in two outlets: first where it was said first, by its speaker.
    let quotations = read_jsonl(&out.join("quotations.jsonl"));
    let wall = quotations.iter().find(|q| q["n_outlets"] == 2).unwrap_or_else(|| panic!("{quotations:?}"));
    assert_eq!(wall["n_occurrences"], 2);
    assert_eq!((wall["first_article_id"].as_str(), wall["first_said_on"].as_str()), (Some("a1"), Some("2019-12-30")));
    assert_eq!(wall["outlets"], serde_json::json!(["daily.example", "weekly.example"]));
    assert_eq!(wall["article_ids"], serde_json::json!(["a1", "a2"]));
    assert_eq!((wall["speaker_name"].as_str(), wall["speaker_share"].as_f64()), (Some("Donald J. Trump"), Some(1.0)));
    assert_eq!(wall["person_id"], trump["person_id"]);
    // The shorter economy quotation is part of the longer one.
    let part =
        quotations.iter().find(|q| q["text"] == "The economy is strong and it will be stronger next year").unwrap();
    let whole =
        quotations.iter().find(|q| q["n_occurrences"] == 1 && q["article_ids"] == serde_json::json!(["a4"])).unwrap();
    assert_eq!(part["part_of"], whole["quotation_id"]);
    assert!(whole["part_of"].is_null());

    // CSV joins lists with ";"; Parquet keeps them lists.
    let mut csv = csv::Reader::from_path(out.join("quotations.csv")).unwrap();
    let headers = csv.headers().unwrap().clone();
    let outlets = headers.iter().position(|h| h == "outlets").unwrap();
    assert!(csv.records().any(|r| &r.unwrap()[outlets] == "daily.example;weekly.example"));
    let frame =
        polars::prelude::ParquetReader::new(std::fs::File::open(out.join("people.parquet")).unwrap()).finish().unwrap();
    assert_eq!(frame.height(), 3);
    assert!(matches!(frame.column("aliases").unwrap().dtype(), polars::prelude::DataType::List(_)));
}

/// The same articles give the same ids and tables from any run; a second aggregation of a
/// folder replaces its own tables and nothing else.
#[test]
fn ids_are_stable_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    write_articles(&input, ARTICLES);
    let tables = |name: &str| {
        let out = dir.path().join(name);
        assert_eq!(extract(&[&input], &out, &["--format", "csv"]).status.code(), Some(0));
        assert_eq!(aggregate(&out, &["-q"]).status.code(), Some(0));
        assert_eq!(aggregate(&out, &["-q"]).status.code(), Some(0), "a second aggregation replaces its own");
        ["quotations.csv", "people.csv"].map(|t| std::fs::read_to_string(out.join(t)).unwrap())
    };
    assert_eq!(tables("one"), tables("two"));
}

/// A file of the user's where a table goes stops the aggregation before anything is written;
/// `--force` replaces it. Tables of a format the run no longer writes go.
#[test]
fn an_aggregation_replaces_only_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    write_articles(&input, ARTICLES);
    let out = dir.path().join("out");
    assert_eq!(extract(&[&input], &out, &["--format", "csv,jsonl"]).status.code(), Some(0));
    std::fs::write(out.join("people.csv"), "my own notes\n").unwrap();
    let output = aggregate(&out, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("people.csv was not written by `whosaid aggregate`"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(out.join("people.csv")).unwrap(), "my own notes\n");
    assert!(!out.join("quotations.csv").exists() && !out.join("aggregate.json").exists());
    assert_eq!(aggregate(&out, &["--force", "-q"]).status.code(), Some(0));
    assert!(std::fs::read_to_string(out.join("people.csv")).unwrap().starts_with("person_id,name,"));

    // The run now writes CSV only: the JSON Lines tables the last aggregation wrote go.
    assert!(out.join("people.jsonl").is_file());
    assert_eq!(extract(&[&input], &out, &["--format", "csv"]).status.code(), Some(0));
    assert_eq!(aggregate(&out, &["-q"]).status.code(), Some(0));
    assert!(!out.join("people.jsonl").exists() && !out.join("quotations.jsonl").exists());
    assert!(out.join("people.csv").is_file());

    let output = aggregate(&dir.path().join("nothing"), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

/// A nightly pipeline with `aggregate = true`: after every run its tables are what a fresh
/// aggregation of every partition gives, also after a changed article's rows were rewritten,
/// and they equal those of a table run over the same articles.
#[test]
fn a_nightly_pipelines_tables_equal_a_fresh_aggregation_after_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    let pipeline = dir.path().join("nightly.toml");
    std::fs::write(
        &pipeline,
        "inputs = [\"inputs\"]\nout = \"out\"\nstate = \"out/_state\"\nformats = [\"csv\", \"parquet\"]\naggregate = true\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let fresh = |out: &Path| {
        let tables = ["quotations.csv", "people.csv"].map(|t| std::fs::read_to_string(out.join(t)).unwrap());
        assert_eq!(aggregate(out, &["-q"]).status.code(), Some(0));
        let again = ["quotations.csv", "people.csv"].map(|t| std::fs::read_to_string(out.join(t)).unwrap());
        assert_eq!(tables, again, "the run's tables differ from a fresh aggregation");
        again
    };
    let run = || {
        let output = bin().arg("run").arg(&pipeline).arg("--quiet").output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    };
    write_articles(&inputs.join("first.jsonl"), &ARTICLES[..2]);
    run();
    let [quotations, _] = fresh(&out);
    assert!(quotations.contains(",2,2,2,daily.example;weekly.example,a1;a2,"), "{quotations}");

    // a1 changes (the wall is no longer quoted there), a3 and a4 come.
    let mut changed = ARTICLES.to_vec();
    changed[0].3 = "Hillary Clinton said that the plan was a mistake.";
    write_articles(&inputs.join("first.jsonl"), &changed[..2]);
    write_articles(&inputs.join("second.jsonl"), &changed[2..]);
    run();
    let [quotations, people] = fresh(&out);
    assert!(!quotations.contains("a1;a2"), "a1's old rows are gone: {quotations}");
    assert!(quotations.contains(",1,1,1,weekly.example,a2,"), "{quotations}");

    // While a run holds the state, or after one died halfway through its commit, the
    // partitions may be half renamed: the aggregation waits for the next run.
    let lock = std::fs::File::options().write(true).open(out.join("_state/lock")).unwrap();
    lock.try_lock().unwrap();
    let output = aggregate(&out, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("holds the lock"), "{}", stderr(&output));
    // (`whosaid eval` on the folder waits for the run too)
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, "{\"id\": \"a2\", \"text\": \"x\", \"quotes\": []}\n").unwrap();
    let output = bin().arg("eval").arg(&gold).arg(&out).output().unwrap();
    assert_ne!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("holds the lock"), "{}", stderr(&output));
    drop(lock);
    let output = bin().arg("eval").arg(&gold).arg(&out).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    std::fs::write(out.join("_state/commit.json"), "{}").unwrap();
    let output = aggregate(&out, &[]);
    assert!(stderr(&output).contains("did not finish its commit"), "{}", stderr(&output));
    std::fs::remove_file(out.join("_state/commit.json")).unwrap();

    // A table run over the same articles: the same tables.
    let table = dir.path().join("table");
    let output = extract(&[&inputs], &table, &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(aggregate(&table, &["-q"]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(table.join("quotations.csv")).unwrap(), quotations);
    assert_eq!(std::fs::read_to_string(table.join("people.csv")).unwrap(), people);

    // The runs now write Parquet only: the CSV tree stays behind without their rows, and the
    // aggregation reads the tree the latest run wrote.
    std::fs::write(
        &pipeline,
        "inputs = [\"inputs\"]\nout = \"out\"\nstate = \"out/_state\"\nformats = [\"parquet\"]\naggregate = true\n",
    )
    .unwrap();
    write_articles(
        &inputs.join("third.jsonl"),
        &[(
            "e1",
            "z.example",
            "2020-03-01",
            "\\\"The bridge will be rebuilt before the winter comes,\\\" Jane Roe said.",
        )],
    );
    run();
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("aggregate.json")).unwrap()).unwrap();
    assert_eq!(summary["written"], serde_json::json!(["quotations.parquet", "people.parquet"]), "{summary}");
    assert!(!out.join("quotations.csv").exists(), "the CSV table of the earlier formats goes");
    let frame =
        polars::prelude::ParquetReader::new(std::fs::File::open(out.join("people.parquet")).unwrap()).finish().unwrap();
    let names = frame.column("name").unwrap().str().unwrap().clone();
    assert!(names.iter().any(|n| n == Some("Jane Roe")), "the latest run's rows are read: {names:?}");
}

/// A stream keeps no tables to aggregate: a pipeline that asks for both is a usage error.
#[test]
fn a_stream_cannot_aggregate() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    write_articles(&input, ARTICLES);
    let pipeline = dir.path().join("stream.toml");
    std::fs::write(&pipeline, "inputs = [\"articles.jsonl\"]\nout = \"-\"\nformats = [\"jsonl\"]\naggregate = true\n")
        .unwrap();
    let output = bin().arg("run").arg(&pipeline).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("drop `aggregate`"), "{}", stderr(&output));
}

/// A short phrase is one quotation only as one person's ("We'll see what happens" by Sanders and
/// by Mook is two; a crowd's, with no speaker, none); the first occurrence is the earliest by the
/// most precise date ("in 2015" is not before December 3, 2015, a day inside it).
#[test]
fn short_phrases_are_one_persons_and_the_precise_date_comes_first() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    write_articles(
        &input,
        &[
            ("b1", "x.example", "2016-05-01", "\\\"We'll see what happens,\\\" Bernie Sanders said."),
            ("b2", "y.example", "2016-05-02", "\\\"We'll see what happens,\\\" Robby Mook said."),
            ("b3", "z.example", "2016-05-03", "The crowd chanted \\\"We'll see what happens.\\\" Nobody spoke."),
            (
                "c1",
                "x.example",
                "2015-12-20",
                "In 2015, Donald Trump said: \\\"I want to wait until I meet with Bibi before I decide.\\\"",
            ),
            (
                "c2",
                "y.example",
                "2015-12-05",
                "\\\"I want to wait until I meet with Bibi before I decide,\\\" Donald Trump said on Thursday.",
            ),
        ],
    );
    let out = dir.path().join("out");
    assert_eq!(extract(&[&input], &out, &["--format", "jsonl"]).status.code(), Some(0));
    assert_eq!(aggregate(&out, &["-q"]).status.code(), Some(0));
    let quotations = read_jsonl(&out.join("quotations.jsonl"));
    let short: Vec<&serde_json::Value> = quotations.iter().filter(|q| q["text"] == "We'll see what happens").collect();
    let speakers: Vec<&str> = short.iter().map(|q| q["speaker_name"].as_str().unwrap()).collect();
    assert_eq!(speakers.len(), 2, "{quotations:?}");
    assert!(speakers.contains(&"Bernie Sanders") && speakers.contains(&"Robby Mook"), "{speakers:?}");
    assert!(short.iter().all(|q| q["n_outlets"] == 1 && q["article_ids"] != serde_json::json!(["b3"])));
    let bibi = quotations.iter().find(|q| q["n_outlets"] == 2).unwrap_or_else(|| panic!("{quotations:?}"));
    assert_eq!((bibi["first_article_id"].as_str(), bibi["first_said_on"].as_str()), (Some("c2"), Some("2015-12-03")));
    assert_eq!(bibi["last_said_on"], "2015-12-03");
}

/// A quotation that a spreadsheet would run as a formula ("-5 degrees …") is read from the
/// run's guarded CSV without its guard, and goes into the CSV tables behind one: the same
/// quotation and id as from JSON Lines, safe in a spreadsheet.
#[test]
fn csv_tables_keep_their_formula_guard_and_read_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let text = "Smith said: \\\"-5 degrees is cold, and it will stay that cold all week long here.\\\"";
    write_articles(&input, &[("a1", "daily.example", "2020-01-02", text)]);
    let run = |name: &str, format: &str| {
        let out = dir.path().join(name);
        assert_eq!(extract(&[&input], &out, &["--format", format]).status.code(), Some(0));
        assert_eq!(aggregate(&out, &["-q"]).status.code(), Some(0));
        out
    };
    let jsonl = read_jsonl(&run("jsonl", "jsonl").join("quotations.jsonl"));
    let quotation = by_key(&jsonl, "speaker_name", "Smith");
    assert!(quotation["text"].as_str().unwrap().starts_with("-5 degrees"), "{quotation}");
    let csv_out = run("csv", "csv");
    let mut reader = csv::Reader::from_path(csv_out.join("quotations.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(cell("quotation_id"), quotation["quotation_id"].as_str().unwrap());
    assert_eq!(cell("text"), format!("'{}", quotation["text"].as_str().unwrap()));
}
