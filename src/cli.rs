//! The command line: clap flags → a `PipelineConfig` and a thread count. Nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use whosaid::config::{Format, PipelineConfig, TokenizerKind};

#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about = "Who said what, and when: quotes and their speakers from news articles")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract quotes from articles (JSON Lines, CSV or text files, or folders of them; `-` for
    /// JSON Lines on standard input) into tables in an output folder.
    Extract {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The output folder; `-` streams quote rows to standard output as JSON Lines (with
        /// `--format jsonl`), flushed batch by batch, and rejects to standard error.
        #[arg(long)]
        out: PathBuf,
        /// Streaming mode: write rejects (JSON Lines) to this file instead of standard error.
        #[arg(long)]
        rejects: Option<PathBuf>,
        /// Table formats, comma separated: parquet, csv, jsonl.
        #[arg(long, default_value = "parquet,csv", value_parser = parse_formats)]
        format: Formats,
        #[command(flatten)]
        run: RunFlags,
        /// The word splitter: fast (default) or huggingface (the reference).
        #[arg(long, value_enum, default_value = "fast")]
        tokenizer: TokenizerArg,
        /// A state folder: run incrementally, processing only new or changed articles and adding
        /// their rows as a new partition under DIR/quotes/run=…/.
        #[arg(long)]
        state: Option<PathBuf>,
    },
    /// Run a pipeline file (see pipelines/).
    Run {
        pipeline: PathBuf,
        /// Write to this folder instead of the pipeline's `out`.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        run: RunFlags,
    },
}

#[derive(Debug, clap::Args)]
pub struct RunFlags {
    /// Worker threads (default: every core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar or log lines.
    #[arg(long, short)]
    pub quiet: bool,
    /// With a state folder: forget the state and reprocess everything, replacing every partition.
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TokenizerArg {
    Fast,
    Huggingface,
}

#[derive(Debug, Clone)]
pub struct Formats(pub Vec<Format>);

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
    Ok(Formats(formats))
}

impl Command {
    /// The pipeline to run, and the flags that say how.
    pub fn into_config(self) -> whosaid::Result<(PipelineConfig, RunFlags)> {
        match self {
            Command::Extract { inputs, out, format, run, tokenizer, state, rejects } => {
                let mut config = PipelineConfig::new(inputs, out);
                config.formats = format.0;
                config.tokenizer = match tokenizer {
                    TokenizerArg::Fast => TokenizerKind::Fast,
                    TokenizerArg::Huggingface => TokenizerKind::Huggingface,
                };
                config.state = state;
                config.rejects = rejects;
                Ok((config, run))
            }
            Command::Run { pipeline, out, run } => {
                let mut config = PipelineConfig::from_file(&pipeline)?;
                if let Some(out) = out {
                    config.out = out;
                }
                Ok((config, run))
            }
        }
    }
}
