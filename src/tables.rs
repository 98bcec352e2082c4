//! whosaid's tables read back: an output folder's quotes table (one file a format, or a nightly
//! folder's partitions of one format), row by row, the columns asked for as text. `eval` and
//! `aggregate` read them so, whichever format the run wrote.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::Format;

/// The formats read back, in the order one is preferred to read (all hold the same rows).
const READ_ORDER: [Format; 3] = [Format::Jsonl, Format::Csv, Format::Parquet];

pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Input { path: path.to_path_buf(), source }
}

/// A file whose content is not what is read from it.
pub(crate) fn unreadable(path: &Path, reason: impl Into<String>) -> Error {
    Error::UnsupportedInput { path: path.to_path_buf(), reason: reason.into() }
}

/// Where an output folder keeps the table `table`: the formats it is written in, and the files
/// of the one to read (`OUT/quotes.jsonl`, or `OUT/jsonl/quotes/run=…/part-….jsonl` in a
/// nightly folder, in path order). None when the folder holds no such table.
pub fn table_files(out: &Path, table: &str) -> Result<Option<(Vec<Format>, Vec<PathBuf>)>> {
    // (The latest run's formats, where its run.json says them: a nightly folder keeps the trees
    // of a format its runs no longer write, without their later rows.)
    let written = formats_of_run(out);
    let order: Vec<Format> =
        READ_ORDER.into_iter().filter(|f| written.as_ref().is_none_or(|w| w.contains(f))).collect();
    let whole: Vec<Format> =
        order.iter().copied().filter(|f| out.join(format!("{table}.{}", f.extension())).is_file()).collect();
    if let Some(first) = whole.first() {
        return Ok(Some((whole.clone(), vec![out.join(format!("{table}.{}", first.extension()))])));
    }
    let mut formats = Vec::new();
    let mut files = Vec::new();
    for format in order {
        let partitions = out.join(format.extension()).join(table);
        let Ok(runs) = std::fs::read_dir(&partitions) else { continue };
        let mut found = Vec::new();
        for run in runs.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
            for file in std::fs::read_dir(&run).map_err(|e| io_error(&run, e))?.flatten() {
                let file = file.path();
                if file.extension().is_some_and(|x| x == format.extension()) {
                    found.push(file);
                }
            }
        }
        if !found.is_empty() {
            formats.push(format);
            if files.is_empty() {
                found.sort();
                files = found;
            }
        }
    }
    Ok((!files.is_empty()).then_some((formats, files)))
}

/// Whether the CSV tables in `out` are whosaid's with formulas guarded: its `run.json` is there
/// and does not say `csv_keep_formulas` (the default, and what runs before it was recorded did).
/// A cell of theirs that begins with `'` and then as a formula does was written so by the guard.
pub fn guards_formulas(out: &Path) -> bool {
    let keeps = || run_options(out)?.get("csv_keep_formulas")?.as_bool();
    out.join("run.json").exists() && !keeps().unwrap_or(false)
}

/// The formats the latest run in `out` wrote, by its `run.json`; none where it says none.
fn formats_of_run(out: &Path) -> Option<Vec<Format>> {
    let options = run_options(out)?;
    let formats = options.get("formats")?.as_array()?;
    Some(formats.iter().filter_map(|f| f.as_str().and_then(Format::parse)).collect())
}

/// The `options` of the latest run in `out`, by its `run.json`; none where it cannot be read.
fn run_options(out: &Path) -> Option<Value> {
    let mut run: Value = serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).ok()?).ok()?;
    run.get_mut("options").map(Value::take)
}

/// The format of a table file by its name: Parquet, JSON Lines (`.jsonl`, `.json`, `.ndjson`),
/// else CSV.
fn format_of(file: &Path) -> Format {
    let name = file.to_string_lossy().to_lowercase();
    if name.ends_with(".parquet") {
        Format::Parquet
    } else if name.ends_with(".jsonl") || name.ends_with(".json") || name.ends_with(".ndjson") {
        Format::Jsonl
    } else {
        Format::Csv
    }
}

/// Calls `each` with every row of the table file `file`: the text of each of `columns` (none
/// where the row has no such column, or null; a number as its digits), and the row's number
/// (from 1). `guarded`: a CSV cell that begins with `'` and then as a formula does is read
/// without the `'` its writer's guard put there ([`guards_formulas`]).
pub fn read_rows(
    file: &Path,
    columns: &[&str],
    guarded: bool,
    mut each: impl FnMut(&[Option<String>], usize) -> Result<()>,
) -> Result<()> {
    match format_of(file) {
        Format::Parquet => read_parquet(file, columns, &mut each),
        Format::Jsonl => read_jsonl(file, columns, &mut each),
        Format::Csv => read_csv(file, columns, guarded, &mut each),
    }
}

type Each<'e> = dyn FnMut(&[Option<String>], usize) -> Result<()> + 'e;

fn read_jsonl(file: &Path, columns: &[&str], each: &mut Each) -> Result<()> {
    let reader = BufReader::new(File::open(file).map_err(|e| io_error(file, e))?);
    let mut values: Vec<Option<String>> = vec![None; columns.len()];
    for (number, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| io_error(file, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let Ok(Value::Object(row)) = serde_json::from_str::<Value>(&line) else {
            return Err(unreadable(file, format!("line {}: not a JSON object", number + 1)));
        };
        for (value, column) in values.iter_mut().zip(columns) {
            *value = match row.get(*column) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => Some(other.to_string()),
            };
        }
        each(&values, number + 1)?;
    }
    Ok(())
}

fn read_csv(file: &Path, columns: &[&str], guarded: bool, each: &mut Each) -> Result<()> {
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).from_path(file).map_err(|e| unreadable(file, e.to_string()))?;
    let headers: HashMap<String, usize> = reader
        .headers()
        .map_err(|e| unreadable(file, e.to_string()))?
        .iter()
        .enumerate()
        .map(|(i, h)| (h.to_string(), i))
        .collect();
    let at: Vec<Option<usize>> = columns.iter().map(|c| headers.get(*c).copied()).collect();
    let mut values: Vec<Option<String>> = vec![None; columns.len()];
    let mut record = csv::StringRecord::new();
    let mut number = 1;
    while reader.read_record(&mut record).map_err(|e| unreadable(file, e.to_string()))? {
        number += 1;
        for (value, at) in values.iter_mut().zip(&at) {
            *value = at.and_then(|i| record.get(i)).map(|cell| unguarded(cell, guarded).to_string());
        }
        each(&values, number)?;
    }
    Ok(())
}

/// `cell` without the `'` a writer's formula guard put before it, where `guarded`.
fn unguarded(cell: &str, guarded: bool) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded && crate::write::csv_row::reads_as_formula(rest.as_bytes()) => rest,
        _ => cell,
    }
}

/// Rows of a Parquet table are read this many at a time (a row group of whosaid's tables), the
/// asked columns only: memory holds one slice, not the table.
const PARQUET_SLICE: usize = 65_536;

fn read_parquet(file: &Path, columns: &[&str], each: &mut Each) -> Result<()> {
    use polars::prelude::*;
    let bad = |e: PolarsError| unreadable(file, e.to_string());
    let open = || File::open(file).map_err(|e| io_error(file, e));
    let mut reader = ParquetReader::new(open()?);
    let total = reader.num_rows().map_err(bad)?;
    let schema = reader.schema().map_err(bad)?;
    let present: Vec<String> = columns.iter().filter(|c| schema.contains(c)).map(|c| c.to_string()).collect();
    let mut values: Vec<Option<String>> = vec![None; columns.len()];
    for offset in (0..total).step_by(PARQUET_SLICE) {
        let frame = ParquetReader::new(open()?)
            .with_columns(Some(present.clone()))
            .with_slice(Some((offset, PARQUET_SLICE)))
            .finish()
            .map_err(bad)?;
        let mut texts: Vec<Option<StringChunked>> = Vec::with_capacity(columns.len());
        for name in columns {
            texts.push(match frame.column(name) {
                Ok(column) => Some(column.cast(&DataType::String).map_err(bad)?.str().map_err(bad)?.clone()),
                Err(_) => None,
            });
        }
        for at in 0..frame.height() {
            for (value, column) in values.iter_mut().zip(&texts) {
                *value = column.as_ref().and_then(|c| c.get(at)).map(str::to_string);
            }
            each(&values, offset + at + 1)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A guarded run's cell "'=SUM(A1)" is read as "=SUM(A1)"; a cell that merely begins with
    /// "'" ("'Tis") or a table of no guard is read as it is.
    #[test]
    fn a_formula_guard_is_read_away_where_the_run_guarded() {
        assert_eq!(unguarded("'=SUM(A1)", true), "=SUM(A1)");
        assert_eq!(unguarded("'-5 degrees", true), "-5 degrees");
        assert_eq!(unguarded("'Tis the season", true), "'Tis the season");
        assert_eq!(unguarded("'=SUM(A1)", false), "'=SUM(A1)");
    }

    /// A folder is guarded where its run.json says nothing of formulas or says they were not
    /// kept; a folder with no run.json (a user's table) is not.
    #[test]
    fn a_runs_folder_says_whether_its_csv_is_guarded() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!guards_formulas(dir.path()));
        std::fs::write(dir.path().join("run.json"), r#"{"options": {"formats": ["csv"]}}"#).unwrap();
        assert!(guards_formulas(dir.path()));
        std::fs::write(dir.path().join("run.json"), r#"{"options": {"csv_keep_formulas": true}}"#).unwrap();
        assert!(!guards_formulas(dir.path()));
    }
}
