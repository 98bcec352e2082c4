//! The `whosaid` binary: parses flags and runs the pipeline.
//!
//! Exit codes: 0 every record was read; 3 some records were rejected (see `rejects.jsonl`; every
//! other record was written); 1 a fatal error (an input that cannot be opened, an output that
//! cannot be written); 2 a usage error (a bad flag, a setting out of range, an invalid pipeline
//! file).

mod cli;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use whosaid::pipeline::{self, ProgressMode};

const EXIT_REJECTS: u8 = 3;
/// `eval --min`: a figure below its floor.
const EXIT_BELOW_FLOOR: u8 = 4;
const EXIT_USAGE: u8 = 2;
/// 128 + SIGINT, as a shell reports a process a signal ended.
const EXIT_INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            whosaid::log::line(&format!("whosaid: error: {err:#}"));
            // A setting out of range or an invalid pipeline file is a usage error, as a bad flag is.
            let error = err.downcast_ref::<whosaid::Error>();
            let usage = error.is_some_and(|e| matches!(e, whosaid::Error::Config { .. } | whosaid::Error::Usage(_)));
            if error.is_some_and(|e| matches!(e, whosaid::Error::Interrupted)) {
                ExitCode::from(EXIT_INTERRUPTED)
            } else if usage {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = cli::Cli::parse();
    if let cli::Command::Eval { gold, pred, errors, json, min } = cli.command {
        return evaluate(&gold, &pred, errors, json.as_deref(), &min);
    }
    if let cli::Command::Aggregate { out, force, quiet } = cli.command {
        aggregate(&out, force, quiet)?;
        return Ok(ExitCode::SUCCESS);
    }
    whosaid::interrupt::install();
    let (config, flags) = cli.command.into_config()?;
    let threads = flags.threads.unwrap_or_else(pipeline::default_threads).max(1);
    // A stream keeps standard error for rejects: no progress there.
    let progress = if flags.quiet || config.is_streaming() { ProgressMode::Quiet } else { ProgressMode::Auto };
    if flags.full && config.state.is_none() {
        anyhow::bail!("--full needs a state folder (`state` in the pipeline file, or --state)");
    }
    let report = pipeline::run(&config, threads, progress, flags.full).with_context(|| {
        if config.is_streaming() {
            "run".to_string()
        } else {
            format!("run writing to {}", config.out.display())
        }
    })?;
    if config.aggregate {
        aggregate(&config.out, config.force, flags.quiet)?;
    }
    if report.counts.rejected > 0 && !config.is_streaming() {
        whosaid::log::line(&format!(
            "whosaid: {} of {} records rejected; see {}",
            report.counts.rejected,
            report.counts.records_read,
            config.out.join("rejects.jsonl").display()
        ));
    }
    if report.counts.rejected > 0 {
        return Ok(ExitCode::from(EXIT_REJECTS));
    }
    Ok(ExitCode::SUCCESS)
}

/// `whosaid eval`: prints the report, writes the figures where `--json` asks.
fn evaluate(
    gold: &std::path::Path,
    pred: &std::path::Path,
    errors: usize,
    json: Option<&std::path::Path>,
    min: &str,
) -> anyhow::Result<ExitCode> {
    let options = whosaid::eval::Options { errors, floors: whosaid::eval::parse_floors(min)? };
    let report = whosaid::eval::evaluate(gold, pred, &options)?;
    print!("{}", report.text);
    if let Some(path) = json {
        std::fs::write(path, report.json() + "\n").with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(if report.below.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_BELOW_FLOOR) })
}

/// `whosaid aggregate`, and a pipeline's `aggregate = true` after its run.
fn aggregate(out: &std::path::Path, force: bool, quiet: bool) -> anyhow::Result<()> {
    let summary =
        whosaid::aggregate::aggregate(out, force).with_context(|| format!("aggregating {}", out.display()))?;
    if !quiet {
        whosaid::log::line(&format!(
            "whosaid: aggregated {} quote rows into {} quotations and {} people ({})",
            summary.rows,
            summary.quotations,
            summary.people,
            summary.written.join(", ")
        ));
    }
    Ok(())
}
