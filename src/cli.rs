//! The command line: clap flags → a `PipelineConfig` and a thread count. Nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use whosaid::config::{Format, PipelineConfig, TokenizerKind};
use whosaid::read::columns::ColumnNames;

#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about = "Who said what, and when: quotes and their speakers from news articles")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What `extract --help` says of its inputs.
const INPUTS_HELP: &str = "\
Inputs:
  FILE.jsonl, FILE.ndjson   one article a JSON object a line
  FILE.csv                  a header row, then one article a row
  FILE.txt                  one article a file (its id is the file name without extensions)
  any of them .gz or .zst   decompressed as they are read
  FOLDER                    every such file below it, in sorted path order
  -                         JSON Lines on standard input

Columns (JSON keys or CSV header names, any case; the first name found is taken):
  text     text, body, content, article, story, maintext, full_text   (required)
  id       id, article_id, doc_id; without one, the url, else a hash of the text
  date     published, date, published_at, pubdate, date_publish, publish_date, publication_date
  title    title, headline
  url      url, link
  outlet   outlet, source, publisher, source_domain; without one, the url's host
  author   author, authors, byline
  lang     lang, language, lang_code (en, de, en-GB); without one, told from the text
A column under another name is named with --text-column, --id-column and so on. An input with
no text column under any name stops the run (exit 1) and lists the columns it has.

Exit codes: 0 every record was read; 3 some were rejected (see rejects.jsonl); 1 a fatal error;
2 a usage error.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract quotes from articles (JSON Lines, CSV or text files, or folders of them; `-` for
    /// JSON Lines on standard input) into tables in an output folder.
    #[command(after_help = INPUTS_HELP)]
    Extract {
        /// Files or folders of articles, or `-` for JSON Lines on standard input (see below).
        #[arg(required = true, value_name = "INPUTS")]
        inputs: Vec<PathBuf>,
        /// The output folder; `-` streams quote rows to standard output as JSON Lines (with
        /// `--format jsonl`), flushed batch by batch, and rejects to standard error.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Streaming mode (`--out -`) only: write rejects (JSON Lines) to this file instead of
        /// standard error.
        #[arg(long, value_name = "FILE")]
        rejects: Option<PathBuf>,
        /// Table formats, comma separated: parquet, csv, jsonl.
        #[arg(long, default_value = "parquet,csv", value_parser = parse_formats)]
        format: Formats,
        #[command(flatten)]
        run: RunFlags,
        /// The word splitter: fast (default), or huggingface (Hugging Face `tokenizers`, the
        /// reference the fast one is tested against; about 50 times slower).
        #[arg(long, value_enum, default_value = "fast")]
        tokenizer: TokenizerArg,
        /// A state folder: run incrementally, processing only articles that are new or changed
        /// since the last run with this state, and adding their rows as a new partition
        /// (DIR/parquet/quotes/run=…/). One state belongs to one output folder.
        #[arg(long, value_name = "STATE_DIR")]
        state: Option<PathBuf>,
        #[command(flatten)]
        columns: ColumnFlags,
    },
    /// Run a pipeline file (see pipelines/).
    Run {
        /// The pipeline file (TOML): inputs, out, formats, and optionally state, tokenizer,
        /// batch_articles and the *_column names.
        pipeline: PathBuf,
        /// Write to this folder instead of the pipeline's `out`. An incremental pipeline then
        /// keeps its state in DIR/_state, unless --state names another.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Keep the incremental state in this folder instead of the pipeline's `state`.
        #[arg(long, value_name = "STATE_DIR")]
        state: Option<PathBuf>,
        #[command(flatten)]
        run: RunFlags,
        #[command(flatten)]
        columns: ColumnFlags,
    },
    /// Build the corpus-wide tables from an output folder's quotes table (every partition of a
    /// nightly folder): `quotations` (one row per distinct quotation, with where and when it was
    /// said first) and `people` (one row per speaker), beside it in its formats.
    Aggregate {
        /// The output folder of a run (or of nightly runs).
        out: PathBuf,
        /// Overwrite files named `quotations.*`, `people.*` or `aggregate.json` that no earlier
        /// aggregation wrote.
        #[arg(long)]
        force: bool,
        /// No summary line.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Score a quotes table against hand annotations (gold JSON Lines, see the README's
    /// "Evaluating on your own annotations"): quote precision, recall and F1 at overlaps 0.3 and
    /// 0.8, speaker accuracy, end to end, recall by type and date accuracy.
    #[command(
        after_help = "Exit codes: 0 scored; 4 a figure below its --min floor; 1 an unreadable table; 2 a usage error."
    )]
    Eval {
        /// The gold annotations: one article a line, {"id", "quotes": [{"quote_spans", …}]}.
        gold: PathBuf,
        /// The quotes table (CSV, JSON Lines or Parquet), or an output folder holding one (or
        /// its nightly partitions).
        pred: PathBuf,
        /// List up to N missed statements, N spurious rows and N wrong speakers.
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
        /// Write every figure to this file as a JSON object.
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Floors, comma separated (quote_f1@0.3=0.8,e2e_f1=0.7): exit 4 when a figure is below
        /// its floor.
        #[arg(long, value_name = "KEY=VALUE,…", default_value = "")]
        min: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct RunFlags {
    /// Worker threads, 1 to 1024 (default: every core): they parse, extract, and make the tables'
    /// bytes. Reading the input and appending to the tables in order run on a thread each beside
    /// them, and take little.
    #[arg(long, value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// No progress bar or log lines.
    #[arg(long, short)]
    pub quiet: bool,
    /// Write CSV cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return as they
    /// are. By default such a text cell gets a leading `'`, so that a spreadsheet shows it as
    /// text instead of running it as a formula; Parquet and JSON Lines keep the exact text.
    #[arg(long)]
    pub csv_keep_formulas: bool,
    /// Overwrite files in the output folder that no earlier whosaid run wrote (a file of yours
    /// named `quotes.csv` or `run.json`); without it such a run is refused and nothing changes.
    #[arg(long)]
    pub force: bool,
    /// The largest record (a JSON line, a CSV record, a text file) and article text read, in MB
    /// (1 to 4096, default 64): a larger one is a reject. Extracting an article takes about
    /// twenty times its size in memory.
    #[arg(long, value_name = "MB", value_parser = clap::value_parser!(u16).range(1..=4096))]
    pub max_record_mb: Option<u16>,
    /// The language of an article whose input gives none and whose text is too short to tell
    /// (a few words, a date line): a language tag, `en` unless set.
    #[arg(long, value_name = "TAG", value_parser = parse_lang)]
    pub default_lang: Option<String>,
    /// With a state folder: forget the state and reprocess everything, replacing every partition
    /// this state's runs wrote.
    #[arg(long)]
    pub full: bool,
}

/// The input columns of each article field, where the usual names do not find them.
#[derive(Debug, Clone, clap::Args)]
pub struct ColumnFlags {
    /// The column (JSON key or CSV header) holding the article text.
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,
    /// The column holding the article id.
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
    /// The column holding the publication date.
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,
    /// The column holding the title.
    #[arg(long, value_name = "NAME")]
    pub title_column: Option<String>,
    /// The column holding the url.
    #[arg(long, value_name = "NAME")]
    pub url_column: Option<String>,
    /// The column holding the outlet.
    #[arg(long, value_name = "NAME")]
    pub outlet_column: Option<String>,
    /// The column holding the author.
    #[arg(long, value_name = "NAME")]
    pub author_column: Option<String>,
    /// The column holding the language (`en`, `de`, `en-GB`).
    #[arg(long, value_name = "NAME")]
    pub lang_column: Option<String>,
}

impl ColumnFlags {
    fn names(self) -> ColumnNames {
        ColumnNames {
            id: self.id_column,
            text: self.text_column,
            date: self.date_column,
            title: self.title_column,
            url: self.url_column,
            outlet: self.outlet_column,
            author: self.author_column,
            lang: self.lang_column,
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TokenizerArg {
    Fast,
    Huggingface,
}

#[derive(Debug, Clone)]
pub struct Formats(pub Vec<Format>);

fn parse_threads(value: &str) -> Result<usize, String> {
    let max = whosaid::config::MAX_THREADS;
    match value.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("expected a number of threads from 1 to {max}")),
    }
}

fn parse_formats(value: &str) -> Result<Formats, String> {
    let formats: Result<Vec<Format>, String> = value
        .split(',')
        .filter(|f| !f.trim().is_empty())
        .map(|f| Format::parse(f).ok_or_else(|| format!("unknown format `{f}` (expected parquet, csv or jsonl)")))
        .collect();
    let formats = formats?;
    if formats.is_empty() {
        return Err("no format given".to_string());
    }
    if let Some(twice) = formats.iter().enumerate().find(|(i, f)| formats[..*i].contains(f)) {
        return Err(format!("{} is named twice", twice.1.extension()));
    }
    Ok(Formats(formats))
}

/// The state folder of a pipeline run into another output folder: beside that output, so that a
/// state never answers for an output it did not write.
const STATE_UNDER_OUT: &str = "_state";

/// A language tag's code (`en-GB` → `en`), or why it is none.
fn parse_lang(tag: &str) -> Result<String, String> {
    whosaid::lang::code(tag).ok_or_else(|| format!("{tag:?} is not a language tag (en, de, en-GB)"))
}

impl Command {
    /// The pipeline to run, and the flags that say how.
    pub fn into_config(self) -> whosaid::Result<(PipelineConfig, RunFlags)> {
        match self {
            Command::Extract { inputs, out, format, run, tokenizer, state, rejects, columns } => {
                let mut config = PipelineConfig::new(inputs, out);
                config.formats = format.0;
                config.tokenizer = match tokenizer {
                    TokenizerArg::Fast => TokenizerKind::Fast,
                    TokenizerArg::Huggingface => TokenizerKind::Huggingface,
                };
                config.state = state;
                config.rejects = rejects;
                config.csv_keep_formulas = run.csv_keep_formulas;
                config.force = run.force;
                if let Some(mb) = run.max_record_mb {
                    config.max_record_mb = usize::from(mb);
                }
                if let Some(lang) = &run.default_lang {
                    config.default_lang = lang.clone();
                }
                config.name_columns(columns.names());
                Ok((config, run))
            }
            Command::Run { pipeline, out, state, run, columns } => {
                let mut config = PipelineConfig::from_file(&pipeline)?;
                if let Some(out) = out {
                    if state.is_none() && config.state.is_some() && out.as_os_str() != "-" {
                        config.state = Some(out.join(STATE_UNDER_OUT));
                    }
                    config.out = out;
                }
                if state.is_some() {
                    config.state = state;
                }
                config.csv_keep_formulas |= run.csv_keep_formulas;
                config.force = run.force;
                if let Some(mb) = run.max_record_mb {
                    config.max_record_mb = usize::from(mb);
                }
                if let Some(lang) = &run.default_lang {
                    config.default_lang = lang.clone();
                }
                config.name_columns(columns.names());
                Ok((config, run))
            }
            Command::Eval { .. } | Command::Aggregate { .. } => {
                unreachable!("`eval` and `aggregate` run no pipeline (main dispatches them)")
            }
        }
    }
}
