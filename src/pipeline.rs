//! The pipeline: reads records in bounded batches, extracts the batches in parallel, and writes
//! the rows in input order. This is the only module that uses rayon.
//!
//! **Invariant:** output order and content do not depend on the thread count: each batch's
//! articles are extracted in their order, batches are taken back in the order they were read,
//! and one writer thread writes them.
//! Memory is bounded by the batch size, not by the corpus: a batch holds at most
//! `batch_articles` articles or [`BATCH_BYTES`] of text, and at most `batches_in_flight` are
//! on the workers while `WRITER_QUEUE` more wait for the writer.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::PipelineConfig;
use crate::error::{Error, Result};
use crate::model::{Record, Reject};
use crate::read::columns::Columns;
use crate::read::{discover, Item, Reader};
use crate::write::incremental::{Session, Verdict};
use crate::write::owned::TableOutput;
use crate::write::sink::{EncodedTables, RowSink, StreamSink, TableSink};
use crate::write::{rows_for, speaker_rows, ArticleRow, QuoteRow, RejectRow, SpeakerRow};

/// What one article gives each table.
type ArticleRows = (ArticleRow, Vec<QuoteRow>, Vec<SpeakerRow>);

/// One batch's rows, in input order, on their way to the writer thread.
#[derive(Default)]
struct BatchRows {
    /// The pool thread that extracted the batch and allocated these rows.
    worker: usize,
    quotes: Vec<QuoteRow>,
    articles: Vec<ArticleRow>,
    speakers: Vec<SpeakerRow>,
    rejects: Vec<Reject>,
    /// The batch's quote rows, counted before they may be dropped for their encoding.
    n_quotes: usize,
    /// The rows of the three tables encoded for their files on the worker, when the sink takes
    /// them so: the writer only appends these bytes.
    tables: Option<crate::write::sink::EncodedTables>,
}

/// The most article text a batch holds before it is handed to the workers (a longer article is
/// a batch of its own). News batches are far smaller (128 articles are about 0.6 MB); this bounds
/// a corpus of very long texts, of which `batches_in_flight` batches are held at once.
pub const BATCH_BYTES: usize = 8 << 20;

/// Where a run reports its progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A progress bar when standard error is a terminal, else a log line every few seconds.
    Auto,
    /// Nothing.
    Quiet,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counts {
    /// `records_read = articles_ok + rejected + unchanged`.
    pub records_read: u64,
    pub articles_ok: u64,
    pub rejected: u64,
    /// Incremental runs: articles an earlier run finished with the same content, not redone.
    pub unchanged: u64,
    pub quotes: u64,
    /// The articles read in each language (ISO 639-1), of `articles_ok`.
    pub languages: std::collections::BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FileCounts {
    pub file: String,
    pub records_read: u64,
    pub articles_ok: u64,
    pub rejected: u64,
    pub unchanged: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunOptions {
    pub formats: Vec<String>,
    pub threads: usize,
    pub tokenizer: String,
    pub batch_articles: usize,
    /// Whether CSV text cells that a spreadsheet would run were written as they are (else behind
    /// a `'`): what a reader of the tables, `whosaid aggregate` among them, must know to read them.
    pub csv_keep_formulas: bool,
}

/// What `run.json` holds.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub version: &'static str,
    /// The partition this run wrote (`run=<id>`), in incremental mode.
    pub run_id: Option<String>,
    pub inputs: Vec<String>,
    pub out: String,
    pub options: RunOptions,
    pub counts: Counts,
    pub files: Vec<FileCounts>,
    pub text_bytes: u64,
    pub wall_seconds: f64,
    pub mb_per_s: f64,
    pub articles_per_s: f64,
    /// A table run's files in the output folder (this manifest last): what the next run may
    /// overwrite or remove.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<Vec<String>>,
    /// Log lines that could not be written to standard error (a full disk), and were dropped.
    pub log_lines_lost: u64,
    /// Where the run's CPU time went, by the threads' roles.
    pub cpu: CpuAccount,
}

/// The CPU time of a run by what its threads do, in seconds. Reading, writing and finishing are
/// each one thread's at a time, whatever `--threads` says; extracting is spread over the workers.
/// `serial_share` is the serial work's share of all of it: by Amdahl's law a run on N cores goes
/// at most 1 / (s + (1 − s) / N) times as fast as on one (`projected_speedup_16` for N = 16).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct CpuAccount {
    /// This thread: finding the inputs, decompressing them, finding where records end (and
    /// parsing CSV, and each JSON Lines file's first object), checking the ids, and counting.
    pub reading: f64,
    /// The workers together: parsing JSON lines, extracting, encoding the tables' bytes,
    /// compressing Parquet pages and writing the lines into their files.
    pub extracting: f64,
    /// The writer thread: appending the tables' bytes in input order (Parquet pages to their
    /// row groups).
    pub writing: f64,
    /// After the last batch: the tables' last pages, footers and syncs.
    pub finishing: f64,
    pub serial_share: f64,
    pub projected_speedup_16: f64,
}

impl CpuAccount {
    fn new(reading: f64, extracting: f64, writing: f64, finishing: f64) -> CpuAccount {
        let total = reading + extracting + writing + finishing;
        let serial_share = if total > 0.0 { (reading + writing + finishing) / total } else { 0.0 };
        CpuAccount {
            reading,
            extracting,
            writing,
            finishing,
            serial_share,
            projected_speedup_16: 1.0 / (serial_share + (1.0 - serial_share) / 16.0),
        }
    }
}

/// The CPU time the calling thread has used, in seconds (0 where the clock cannot be read).
fn thread_cpu_seconds() -> f64 {
    cpu_seconds(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// The CPU time every thread of the process has used, in seconds.
fn process_cpu_seconds() -> f64 {
    cpu_seconds(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_seconds(clock: libc::clockid_t) -> f64 {
    let mut time = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `time` is a timespec the call writes into; the clocks are POSIX's.
    let failed = unsafe { libc::clock_gettime(clock, &mut time) } != 0;
    if failed {
        return 0.0;
    }
    time.tv_sec as f64 + time.tv_nsec as f64 * 1e-9
}

/// Runs a pipeline with `threads` workers and writes its tables to `config.out`.
///
/// With `config.state`, the run is incremental (see [`crate::write::incremental`]); `full` then
/// forgets the state and replaces every earlier partition.
pub fn run(config: &PipelineConfig, threads: usize, progress: ProgressMode, full: bool) -> Result<RunReport> {
    let started = Instant::now();
    let reading_started = thread_cpu_seconds();
    let files = discover(&config.inputs)?;
    config.check_streaming()?;
    check_no_input_written(config, &files)?;
    if !config.is_streaming() {
        std::fs::create_dir_all(&config.out).map_err(|e| Error::output(&config.out, e))?;
    }
    let table_output = match &config.state {
        None if !config.is_streaming() => Some(TableOutput::claim(&config.out, &config.formats, config.force)?),
        _ => None,
    };
    let mut session = match &config.state {
        Some(state) => Some(Session::begin(&config.out, state, full)?),
        None => None,
    };
    let mut file_counts: Vec<FileCounts> = Vec::new();
    let mut file_idx: HashMap<Arc<str>, usize> = HashMap::new();
    for file in &files {
        let name: Arc<str> = file.display_name().into();
        file_idx.entry(name.clone()).or_insert_with(|| {
            file_counts.push(FileCounts {
                file: name.to_string(),
                records_read: 0,
                articles_ok: 0,
                rejected: 0,
                unchanged: 0,
            });
            file_counts.len() - 1
        });
    }
    let streaming = config.is_streaming();
    let mut sink: Box<dyn RowSink + Send> = match &session {
        _ if streaming => Box::new(StreamSink::create(config.rejects.as_deref())?),
        Some(session) => Box::new(TableSink::create(
            |table, format| session.table_path(table, format),
            session.rejects_path(),
            &config.formats,
            true,
            config.csv_keep_formulas,
        )?),
        None => Box::new(TableSink::create(
            |table, format| config.out.join(format!("{table}.{}", format.extension())),
            config.out.join("rejects.jsonl"),
            &config.formats,
            false,
            config.csv_keep_formulas,
        )?),
    };
    let pool = Arc::new(worker_pool(threads));
    // The writer's own work that need not be in order (Parquet pages made and compressed, lines
    // written at their offsets, writeback started) goes to the workers as well.
    let spawner_pool = pool.clone();
    // A job that panics (a bug) ends without a word, which its waiter reports as an error: a
    // panic left to rayon's pool would abort the process.
    sink.spawn_with(
        &(Arc::new(move |job: Box<dyn FnOnce() + Send>| {
            spawner_pool.spawn(move || {
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            })
        }) as crate::write::sink::Spawner),
    );
    let encoder = sink.encoder();
    let encoder = encoder.as_ref();
    let tokenizer = crate::tokenize::tokenizer(config.tokenizer);
    let default_lang = config.default_lang.as_str();
    let mut counts = Counts::default();
    let mut text_bytes = 0u64;
    let mut reporter = Reporter::new(progress);
    let max_record_bytes = (config.max_record_mb << 20).min(crate::read::MAX_ARTICLE_BYTES);
    // JSON Lines lines and CSV records are made records on the workers: this thread only finds
    // where they end.
    let mut reader =
        Reader::new(files, Columns::new(&config.column_names())).with_max_record_bytes(max_record_bytes).deferring();
    let mut seen_ids = SeenIds::default();
    // A batch's JSON lines are in one buffer, one of those parsed before when there is one: a
    // new buffer of a batch's size is mapped afresh, and touching its pages was as costly as the
    // reading.
    let read_batch = |reader: &mut Reader, mut lines: Vec<u8>| {
        let mut batch: Vec<Item> = Vec::with_capacity(config.batch_articles);
        lines.clear();
        let mut batch_bytes = 0;
        while batch.len() < config.batch_articles && batch_bytes < BATCH_BYTES {
            let Some(item) = reader.next_item(&mut lines) else { break };
            // (a line not yet parsed counts by its bytes, more than its text's)
            batch_bytes += item.bytes();
            batch.push(item);
        }
        (batch, lines)
    };
    let mut spare_lines: Vec<Vec<u8>> = Vec::new();
    // Four things overlap: the writer thread writes batch N's rows, each worker extracts a
    // batch of its own among N+1 to N+2×threads+1, and this thread reads the next batch
    // meanwhile. Order is kept: extracted batches are taken in the order they were read, and go
    // to the writer one at a time, through a queue of [`WRITER_QUEUE`]. A stream is not read
    // ahead, since its rows must leave before more input arrives: its one batch at a time is
    // shared among the workers article by article.
    let (max_in_flight, writer_queue, share) =
        if streaming { (1, 1, Share::Articles) } else { (batches_in_flight(threads), WRITER_QUEUE, Share::Batches) };
    // Written rows go back to the worker that allocated them, to be freed there (see `Written`).
    let written: Written = (0..threads).map(|_| std::sync::Mutex::default()).collect();
    let written = &written;
    let writing = std::thread::scope(|scope| -> Result<f64> {
        let (to_writer, from_reader) = std::sync::mpsc::sync_channel::<BatchRows>(writer_queue);
        let writer_sink = &mut sink;
        let writer =
            std::thread::Builder::new().name("whosaid-writer".into()).spawn_scoped(scope, move || -> Result<f64> {
                for mut rows in from_reader {
                    for reject in &rows.rejects {
                        writer_sink.reject(&RejectRow::from(reject))?;
                    }
                    match rows.tables.take() {
                        Some(tables) => writer_sink.encoded(tables)?,
                        None => {
                            writer_sink.quotes(&rows.quotes)?;
                            writer_sink.articles(&rows.articles)?;
                            writer_sink.speakers(&rows.speakers)?;
                        }
                    }
                    writer_sink.end_batch()?;
                    if let Some(rows_of) = written.get(rows.worker) {
                        rows_of.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(rows);
                    }
                }
                Ok(thread_cpu_seconds())
            });
        let writer = writer.expect("a thread starts, as with std::thread::spawn");
        pool.in_place_scope(|workers| {
            // Each batch on the workers reports back on its own channel; the receivers wait here
            // in input order.
            let mut in_flight: std::collections::VecDeque<std::sync::mpsc::Receiver<Extracted>> =
                std::collections::VecDeque::new();
            // Batches read, their JSON lines being parsed on the workers, in input order.
            let mut parsing: std::collections::VecDeque<std::sync::mpsc::Receiver<(Vec<Record>, Vec<u8>)>> =
                std::collections::VecDeque::new();
            let mut input_left = true;
            loop {
                // A signal stops the reading; the batches in flight finish.
                input_left &= !crate::interrupt::interrupted();
                while input_left && parsing.len() + in_flight.len() < max_in_flight {
                    let (items, lines) = read_batch(&mut reader, spare_lines.pop().unwrap_or_default());
                    if items.is_empty() {
                        input_left = false;
                        break;
                    }
                    let (parsed, receiver) = std::sync::mpsc::sync_channel(1);
                    if !items.iter().all(Item::is_record) {
                        workers.spawn(move |_| {
                            // The receiver is gone only when the run already stopped.
                            let _ = parsed.send(parse_items(items, lines));
                        });
                    } else {
                        let _ = parsed.send(parse_items(items, lines));
                    }
                    parsing.push_back(receiver);
                }
                // Parsed batches are checked and go to extraction in input order; this thread
                // waits for one only when no batch is being extracted.
                while let Some(next) = parsing.front() {
                    let Some(parsed) = crate::write::job_outcome(next, in_flight.is_empty()) else { break };
                    parsing.pop_front();
                    let Some((mut batch, lines)) = parsed else {
                        // A parse job panicked: the run stops (the scope re-raises the panic).
                        (input_left, parsing) = (false, std::collections::VecDeque::new());
                        break;
                    };
                    // (a large buffer, of a long line, is not kept)
                    if lines.capacity() <= 2 * BATCH_BYTES {
                        spare_lines.push(lines);
                    }
                    let verdicts = check_batch(session.as_mut(), &mut seen_ids, &mut batch);
                    let (extracted, receiver) = std::sync::mpsc::sync_channel(1);
                    workers.spawn(move |_| {
                        let worker = rayon::current_thread_index().unwrap_or(0);
                        drop(take_written(written, worker));
                        let (mut results, failures) = extract_batch(&batch, &verdicts, tokenizer, default_lang, share);
                        let mut crowded = reject_failed(&mut batch, failures);
                        crowded.extend(reject_crowded(&mut batch, &mut results, max_record_bytes));
                        let mut rows = gather(results, worker);
                        // The rows' bytes in every format are made here, not on the writer.
                        rows.tables = encoder.map(|encoder| {
                            EncodedTables::encode(encoder, &rows.quotes, &rows.articles, &rows.speakers)
                        });
                        // Encoded, the quote and speaker rows are not needed again: freed here,
                        // by the thread that made them, they wait for the writer in no form but
                        // their bytes (the article rows are counted by language first).
                        if rows.tables.is_some() {
                            (rows.quotes, rows.speakers) = (Vec::new(), Vec::new());
                        }
                        // The receiver is gone only when the run already stopped on an error.
                        let _ = extracted.send(Extracted { batch, verdicts, rows, crowded });
                    });
                    in_flight.push_back(receiver);
                }
                let Some(oldest) = in_flight.pop_front() else {
                    if parsing.is_empty() && !input_left {
                        break;
                    }
                    continue;
                };
                // An error here means the worker panicked; the scope re-raises that panic.
                let Ok(batch) = oldest.recv() else { break };
                // An article rejected for its statements is not done: its state forgets it.
                if let Some(session) = session.as_mut() {
                    batch.crowded.iter().for_each(|id| session.forget(id));
                }
                let rows = tally(batch, &mut counts, &mut file_counts, &file_idx, &mut text_bytes);
                if to_writer.send(rows).is_err() {
                    // The writer stopped on an error, which its join below reports; batches still
                    // on the workers finish before this scope ends.
                    break;
                }
                reporter.update(&counts, text_bytes, started);
            }
        });
        drop(to_writer);
        writer.join().expect("the writer thread does not panic")
    })?;
    // An input that cannot be read as articles at all stops the run before anything is published.
    if let Some(fatal) = reader.take_fatal() {
        return Err(fatal);
    }
    // Interrupted: nothing is published, and the unfinished files are removed as they drop.
    if crate::interrupt::interrupted() {
        return Err(Error::Interrupted);
    }
    let reading = thread_cpu_seconds() - reading_started;
    // (the pool's threads were made for this run: their CPU time is the extraction's)
    let extracting: f64 = pool.broadcast(|_| thread_cpu_seconds()).iter().sum();
    let finishing_started = process_cpu_seconds();
    if let Some(table_output) = &table_output {
        table_output.publishing()?;
    }
    sink.commit()?;
    let written = table_output.as_ref().map(TableOutput::finish).transpose()?;
    reporter.finish(&counts, text_bytes, started);
    let wall_seconds = started.elapsed().as_secs_f64();
    let report = RunReport {
        version: env!("CARGO_PKG_VERSION"),
        run_id: session.as_ref().map(|s| s.run_id().to_string()),
        inputs: config.inputs.iter().map(|p| p.display().to_string()).collect(),
        out: config.out.display().to_string(),
        options: RunOptions {
            formats: config.formats.iter().map(|f| f.extension().to_string()).collect(),
            threads,
            tokenizer: format!("{:?}", config.tokenizer).to_lowercase(),
            batch_articles: config.batch_articles,
            csv_keep_formulas: config.csv_keep_formulas,
        },
        files: file_counts,
        text_bytes,
        wall_seconds,
        mb_per_s: text_bytes as f64 / 1e6 / wall_seconds.max(1e-9),
        articles_per_s: counts.articles_ok as f64 / wall_seconds.max(1e-9),
        log_lines_lost: crate::log::lost(),
        written,
        counts,
        cpu: CpuAccount::new(reading, extracting, writing, process_cpu_seconds() - finishing_started),
    };
    match session {
        Some(session) => session.commit(&config.formats, &report)?,
        None if streaming => {}
        None => {
            crate::write::write_json(config.out.join("run.json"), &report)?;
            if let Some(table_output) = &table_output {
                table_output.published();
            }
        }
    }
    Ok(report)
}

/// Batches' rows that may wait for the writer: four. The writer's work comes in bursts (a row
/// group's pages copied into its file, a page of each column compressed), and while it was
/// behind by one batch this thread waited to hand it the next and spawned no more work, so
/// the workers ran out (2 threads on 200 MB: 0.28–0.41 s of a 1.6 s run spent waiting to hand
/// the writer a batch).
/// 2 threads on 200 MB, 7 interleaved runs each: a queue of 1, 2, 4 and 8 ran in 1.610, 1.560,
/// 1.580 and 1.550 s (medians), and in a second round 1 and 4 in 1.600 and 1.560 s (idle 7.8
/// and 5.8%); one thread is not changed. A queued batch's rows are about a megabyte. More
/// batches on the workers instead (six) used 4% more CPU, for no gain.
const WRITER_QUEUE: usize = 4;

/// The extraction workers: `threads` of them, named `whosaid-x0`, `whosaid-x1`… (the writer
/// thread is `whosaid-writer`), each a little less urgent for the scheduler than the reader and
/// the writer (see [`WORKER_NICENESS`]).
fn worker_pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("whosaid-x{i}"))
        .start_handler(|_| lower_priority(WORKER_NICENESS))
        .build()
        .expect("a thread pool of a positive size builds")
}

/// How much nicer than the rest of the run the workers are. The reader and the writer are one
/// thread each, and every batch passes through both: with as many workers as cores, the
/// scheduler had them wait their turn behind the workers, the batches in flight ran out while
/// this thread waited on the writer's channel, and the workers slept (9% of two cores idle on
/// 200 MB). Nicer workers yield to them at once. 2 threads on 200 MB, 8 interleaved runs each:
/// niceness 0, 3, 5 and 10 ran in 1.595, 1.575, 1.550 and 1.580 s (medians), idle 9.1, 7.9, 6.5
/// and 8.1%; one thread and one core are not changed by it.
const WORKER_NICENESS: i32 = 5;

/// Lowers the calling thread's priority by `by` (Linux gives each thread its own niceness; on
/// other systems this call would lower the whole process's, so it is not made there). A failure
/// leaves the thread as it was: the run is only a little slower.
fn lower_priority(by: i32) {
    #[cfg(target_os = "linux")]
    // SAFETY: integers in and out; `who` 0 is the calling thread. (A failed getpriority in
    // `niceness` gives -1, so a thread could end one step less nice than meant: harmless.)
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, niceness() + by);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = by;
}

/// The calling thread's niceness.
#[cfg(target_os = "linux")]
fn niceness() -> i32 {
    // SAFETY: integers in and out; `who` 0 is the calling thread.
    unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
}

/// Batches extracted or being extracted at once: two for each worker and one more. Each worker
/// takes a batch of its own (see [`Share`]), and with two a worker the next is there when one
/// ends, while this thread takes the oldest back and hands it to the writer.
/// 2 threads on 200 MB, 8 interleaved runs each: 1.570 s (median), against 1.605 s when the
/// workers split each batch, 3 in flight; idle 5.8% → 3.5%. One thread and one core are not
/// changed by it. Batches of 64 articles ran as fast with two threads, 1% slower with one.
/// Peak RSS on 200 MB: 34 → 40 MB.
fn batches_in_flight(threads: usize) -> usize {
    2 * threads + 1
}

/// How a batch's articles are shared among the workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Share {
    /// A worker extracts a whole batch, in order. When the workers split each batch (rayon's
    /// order-preserving map), a worker done with its share of a batch waited for the other's
    /// last article whenever no other batch had work left (`perf record -e
    /// sched:sched_switch`: workers asleep in rayon's `join`).
    Batches,
    /// The workers split the batch between them: for a stream, which has one batch at a time.
    Articles,
}

/// Rows the writer is done with, for each pool thread the rows of the batches it extracted: it
/// frees them when it starts its next batch. Freed on the writer thread, memory a worker
/// allocated went back to that worker's malloc arena under the arena's lock, which the worker
/// held as often as it allocated.
type Written = Vec<std::sync::Mutex<Vec<BatchRows>>>;

/// The rows written of the batches `worker` extracted, for it to free (outside the lock).
fn take_written(written: &Written, worker: usize) -> Vec<BatchRows> {
    written.get(worker).map_or_else(Vec::new, |rows| {
        std::mem::take(&mut *rows.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    })
}

/// A batch back from the workers.
struct Extracted {
    batch: Vec<Record>,
    verdicts: Vec<Verdict>,
    /// The rows of the articles extracted: those the verdict said to process.
    rows: BatchRows,
    /// The ids of the articles extracted and then rejected for their number of statements.
    crowded: Vec<String>,
}

/// The most statements an article may have: every row repeats the article's metadata, so the
/// rows of one article of a million short quotes would not fit in memory; no news article
/// comes near.
pub const MAX_QUOTES_PER_ARTICLE: usize = 100_000;

/// Turns each article of `batch` whose extraction found more than [`MAX_QUOTES_PER_ARTICLE`]
/// statements, or so many that its rows would repeat its metadata (id, url, title, outlet,
/// author, date) more than `max_repeated` bytes over, into a reject, its rows dropped; the ids of
/// those articles. An article's rows then take at most about `max_repeated` bytes beside its
/// quotes' own text, whatever its metadata's width.
fn reject_crowded(batch: &mut [Record], results: &mut [Option<ArticleRows>], max_repeated: usize) -> Vec<String> {
    let mut crowded = Vec::new();
    for (record, result) in batch.iter_mut().zip(results.iter_mut()) {
        let (Record::Article(article), Some(rows)) = (&*record, result.as_ref()) else { continue };
        let quotes = rows.1.len();
        let metadata = [&article.url, &article.title, &article.outlet, &article.author, &article.published]
            .iter()
            .map(|f| f.as_ref().map_or(0, String::len))
            .sum::<usize>()
            + article.id.len();
        let reason = if quotes > MAX_QUOTES_PER_ARTICLE {
            format!("{quotes} statements, over the limit of {MAX_QUOTES_PER_ARTICLE} for one article")
        } else if quotes.saturating_mul(metadata) > max_repeated {
            format!(
                "{quotes} statements, whose rows would repeat its {metadata} bytes of metadata over the limit of {} MB \
                 (max_record_mb)",
                max_repeated >> 20
            )
        } else {
            continue;
        };
        crowded.push(article.id.clone());
        *record =
            Record::Reject(Reject { origin: article.origin.clone(), article_id: Some(article.id.clone()), reason });
        *result = None;
    }
    crowded
}

/// The ids a run without a state has read, as 128-bit hashes: 16 bytes an article (about 20 MB
/// for a million), where the ids themselves would be ten times that. An incremental run's
/// session keeps the ids of its state instead.
#[derive(Default)]
struct SeenIds(rustc_hash::FxHashSet<u128>);

impl SeenIds {
    /// Whether `id` was read before in this run; it is now.
    fn seen(&mut self, id: &str) -> bool {
        !self.0.insert(xxhash_rust::xxh3::xxh3_128(id.as_bytes()))
    }
}

/// A second record with an id already read in this run is rejected, in every mode; incremental
/// runs also skip what an earlier run finished. Both before any work is spent on them.
fn check_batch(mut session: Option<&mut Session>, seen: &mut SeenIds, batch: &mut [Record]) -> Vec<Verdict> {
    batch
        .iter_mut()
        .map(|record| {
            let Record::Article(article) = &*record else { return Verdict::Process };
            let verdict = match session.as_deref_mut() {
                Some(session) => session.check(article),
                None if seen.seen(&article.id) => Verdict::Duplicate,
                None => Verdict::Process,
            };
            if verdict == Verdict::Duplicate {
                *record = Record::Reject(Reject {
                    origin: article.origin.clone(),
                    article_id: Some(article.id.clone()),
                    reason: "duplicate article id: an earlier record in this run has it".to_string(),
                });
            }
            verdict
        })
        .collect()
}

/// Makes records of a batch's JSON Lines lines and CSV rows, whose bytes are in `lines` (on a
/// worker), and gives the buffer back for the reader to use again.
fn parse_items(items: Vec<Item>, lines: Vec<u8>) -> (Vec<Record>, Vec<u8>) {
    let records = items.into_iter().map(|item| item.parse(&lines)).collect();
    (records, lines)
}

/// Extracts a batch's articles, in input order.
fn extract_batch(
    batch: &[Record],
    verdicts: &[Verdict],
    tokenizer: &dyn crate::tokenize::Tokenize,
    default_lang: &str,
    share: Share,
) -> (Vec<Option<ArticleRows>>, Vec<(usize, String)>) {
    // An article whose extraction panics (a bug of whosaid's) is that article's failure, not the
    // run's: it becomes a reject with the panic's message, and the batch goes on.
    let extract = |(record, verdict): (&Record, &Verdict)| match (record, verdict) {
        (Record::Article(article), Verdict::Process) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let published = article.published.as_deref().and_then(crate::dates::parse_published);
            let lang = match &article.lang {
                Some(code) => std::borrow::Cow::Owned(code.clone()),
                None => match crate::lang::detect(&article.text) {
                    Some(code) => std::borrow::Cow::Borrowed(code),
                    None => std::borrow::Cow::Owned(default_lang.to_string()),
                },
            };
            let extraction = crate::extract_in(&article.text, published, lang, tokenizer);
            let (article_row, quote_rows) = rows_for(article, &extraction);
            let speakers = speaker_rows(&quote_rows);
            Some((article_row, quote_rows, speakers))
        }))
        .map_err(|payload| panic_message(payload.as_ref())),
        _ => Ok(None),
    };
    let outcomes: Vec<std::result::Result<Option<ArticleRows>, String>> = match share {
        Share::Batches => batch.iter().zip(verdicts).map(extract).collect(),
        Share::Articles => batch.par_iter().zip(verdicts).map(extract).collect(),
    };
    let mut failures = Vec::new();
    let results = outcomes
        .into_iter()
        .enumerate()
        .map(|(idx, outcome)| {
            outcome.unwrap_or_else(|message| {
                failures.push((idx, message));
                None
            })
        })
        .collect();
    (results, failures)
}

/// What a panic said.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

/// Turns the articles whose extraction failed into rejects with the reason, and returns their
/// ids (an incremental run's state forgets them, so the next run tries them again).
fn reject_failed(batch: &mut [Record], failures: Vec<(usize, String)>) -> Vec<String> {
    let mut ids = Vec::new();
    for (idx, message) in failures {
        let Some(Record::Article(article)) = batch.get(idx) else { continue };
        ids.push(article.id.clone());
        let reason = format!("whosaid failed on this article, a bug to report with it: {message}");
        batch[idx] =
            Record::Reject(Reject { origin: article.origin.clone(), article_id: Some(article.id.clone()), reason });
    }
    ids
}

/// Gathers a batch's rows into one table each, on the worker that made them: sized once, not
/// grown row by row, and each article's own vectors freed where they were allocated.
fn gather(results: Vec<Option<ArticleRows>>, worker: usize) -> BatchRows {
    let mut rows = BatchRows { worker, ..BatchRows::default() };
    let (quotes, speakers) = results.iter().flatten().fold((0, 0), |(q, s), r| (q + r.1.len(), s + r.2.len()));
    rows.articles.reserve_exact(results.len());
    rows.quotes.reserve_exact(quotes);
    rows.speakers.reserve_exact(speakers);
    for (article_row, quote_rows, speakers) in results.into_iter().flatten() {
        rows.articles.push(article_row);
        rows.quotes.extend(quote_rows);
        rows.speakers.extend(speakers);
    }
    rows.n_quotes = rows.quotes.len();
    rows
}

/// Counts an extracted batch, and adds its rejects to its rows for the writer.
fn tally(
    extracted: Extracted,
    counts: &mut Counts,
    file_counts: &mut [FileCounts],
    file_idx: &HashMap<Arc<str>, usize>,
    text_bytes: &mut u64,
) -> BatchRows {
    let Extracted { batch, verdicts, mut rows, crowded: _ } = extracted;
    counts.quotes += rows.n_quotes as u64;
    for lang in rows.articles.iter().filter_map(|a| a.lang.as_deref()) {
        match counts.languages.get_mut(lang) {
            Some(n) => *n += 1,
            None => {
                counts.languages.insert(lang.to_string(), 1);
            }
        }
    }
    for (record, verdict) in batch.into_iter().zip(&verdicts) {
        counts.records_read += 1;
        let file = match &record {
            Record::Article(a) => &a.origin.file,
            Record::Reject(r) => &r.origin.file,
        };
        let mut per_file = file_idx.get(file).map(|&i| &mut file_counts[i]);
        if let Some(f) = per_file.as_deref_mut() {
            f.records_read += 1;
        }
        match (record, verdict) {
            (Record::Article(article), Verdict::Process) => {
                counts.articles_ok += 1;
                *text_bytes += article.text.len() as u64;
                if let Some(f) = per_file {
                    f.articles_ok += 1;
                }
            }
            (Record::Article(_), _) => {
                debug_assert_eq!(*verdict, Verdict::Unchanged);
                counts.unchanged += 1;
                if let Some(f) = per_file {
                    f.unchanged += 1;
                }
            }
            (Record::Reject(reject), _) => {
                counts.rejected += 1;
                if let Some(f) = per_file {
                    f.rejected += 1;
                }
                rows.rejects.push(reject);
            }
        }
    }
    rows
}

/// Progress on standard error: an indicatif bar on a terminal, a plain line every few seconds
/// otherwise (cron, CI), nothing when quiet.
struct Reporter {
    bar: Option<indicatif::ProgressBar>,
    log_lines: bool,
    last_line: Instant,
}

const LOG_EVERY: Duration = Duration::from_secs(5);

impl Reporter {
    fn new(mode: ProgressMode) -> Reporter {
        let terminal = std::io::stderr().is_terminal();
        let bar = (mode == ProgressMode::Auto && terminal).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}").expect("a valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Reporter { bar, log_lines: mode == ProgressMode::Auto && !terminal, last_line: Instant::now() }
    }

    fn message(counts: &Counts, text_bytes: u64, started: Instant) -> String {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        format!(
            "{} articles ({:.0}/s), {:.1} MB ({:.1} MB/s), {} quotes, {} rejected{}",
            counts.articles_ok,
            counts.articles_ok as f64 / secs,
            text_bytes as f64 / 1e6,
            text_bytes as f64 / 1e6 / secs,
            counts.quotes,
            counts.rejected,
            if counts.unchanged > 0 {
                format!(", {} unchanged since the last run", counts.unchanged)
            } else {
                String::new()
            }
        )
    }

    fn update(&mut self, counts: &Counts, text_bytes: u64, started: Instant) {
        if let Some(bar) = &self.bar {
            bar.set_message(Self::message(counts, text_bytes, started));
        } else if self.log_lines && self.last_line.elapsed() >= LOG_EVERY {
            crate::log::line(&format!("whosaid: {}", Self::message(counts, text_bytes, started)));
            self.last_line = Instant::now();
        }
    }

    fn finish(&mut self, counts: &Counts, text_bytes: u64, started: Instant) {
        if let Some(bar) = self.bar.take() {
            bar.finish_with_message(Self::message(counts, text_bytes, started));
        } else if self.log_lines {
            crate::log::line(&format!("whosaid: done: {}", Self::message(counts, text_bytes, started)));
        }
    }
}

/// Refuses a run that would write over its own input: a rejects file that is an input file
/// (`--rejects` naming the input truncated it to nothing), or an output folder that is an input
/// folder or inside one (the next run read the tables as articles).
fn check_no_input_written(config: &PipelineConfig, files: &[crate::read::InputFile]) -> Result<()> {
    let canonical = |path: &std::path::Path| std::fs::canonicalize(path).ok();
    if let Some(rejects) = config.rejects.as_deref().and_then(canonical) {
        if files.iter().any(|f| canonical(&f.path).as_ref() == Some(&rejects)) {
            return Err(Error::Refused(format!(
                "the rejects file {} is an input; nothing was changed",
                rejects.display()
            )));
        }
    }
    if config.is_streaming() {
        return Ok(());
    }
    // The output folder may not exist yet: its nearest existing ancestor says where it is.
    // ("" is the working folder: the last ancestor of a relative path.)
    let out = config
        .out
        .ancestors()
        .find_map(|a| canonical(if a.as_os_str().is_empty() { std::path::Path::new(".") } else { a }).map(|c| (c, a)));
    let Some((existing, at)) = out else { return Ok(()) };
    let out = existing.join(config.out.strip_prefix(at).unwrap_or(std::path::Path::new("")));
    for input in config.inputs.iter().filter(|i| i.is_dir()).filter_map(|i| canonical(i)) {
        if out.starts_with(&input) {
            return Err(Error::Refused(format!(
                "the output folder {} is inside the input folder {}, whose next run would read the tables as \
                 articles; write to another folder",
                config.out.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

/// The default worker count: every core the machine has.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::{extract_batch, gather, reject_failed, Share, Verdict};
    use crate::model::{Article, Record};

    /// An article whose extraction panics is a reject with the panic's message, its id returned
    /// for the state to forget; the batch's other articles are extracted as ever.
    #[test]
    fn an_article_whose_extraction_panics_is_a_reject_and_the_batch_goes_on() {
        struct Fragile;
        impl crate::tokenize::Tokenize for Fragile {
            fn tokenize(&self, text: &str, out: &mut Vec<crate::tokenize::Token>) {
                assert!(!text.contains("BOOM"), "a tokenizer bug");
                crate::tokenize::FastTokenizer.tokenize(text, out);
            }
        }
        let article = |id: &str, text: &str| {
            Record::Article(crate::model::Article { id: id.into(), text: text.into(), ..Default::default() })
        };
        let batch = vec![
            article("a", "“We will not agree to it,” Lavrov said."),
            article("b", "BOOM"),
            article("c", "“It is over,” Merkel said."),
        ];
        let verdicts = [Verdict::Process, Verdict::Process, Verdict::Process];
        for share in [Share::Batches, Share::Articles] {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            let (results, failures) = extract_batch(&batch, &verdicts, &Fragile, "en", share);
            std::panic::set_hook(previous);
            assert_eq!(results.iter().map(Option::is_some).collect::<Vec<_>>(), [true, false, true]);
            assert_eq!(failures.len(), 1);
            assert_eq!(failures[0].0, 1);
            assert!(failures[0].1.contains("a tokenizer bug"), "{failures:?}");
            let mut rejected = batch.clone();
            assert_eq!(reject_failed(&mut rejected, failures), ["b"]);
            let Record::Reject(reject) = &rejected[1] else { panic!("{:?}", rejected[1]) };
            assert!(reject.reason.starts_with("whosaid failed on this article"), "{}", reject.reason);
        }
    }

    /// A batch's rows leave its worker in input order, tagged with that worker, and each record
    /// extracted is counted with its quotes, whether the batch went whole to one worker or not.
    #[test]
    fn a_batch_is_gathered_in_input_order_with_its_quotes_counted() {
        let article = |id: &str, text: &str| {
            Record::Article(Article {
                id: id.into(),
                text: text.into(),
                published: None,
                title: None,
                outlet: None,
                url: None,
                author: None,
                lang: None,
                origin: Default::default(),
            })
        };
        let batch = [
            article("a", "“We will not agree to it,” Lavrov said.\n\n“The talks are over,” Merkel said."),
            article("b", "“It was done before,” Merkel said."),
            article("c", "“It is over,” Merkel said."),
        ];
        let verdicts = [Verdict::Process, Verdict::Unchanged, Verdict::Process];
        let tokenizer = crate::tokenize::tokenizer(Default::default());
        for share in [Share::Batches, Share::Articles] {
            let rows = gather(extract_batch(&batch, &verdicts, tokenizer, "en", share).0, 1);
            let found: Vec<u32> = rows.articles.iter().map(|a| a.n_quotes).collect();
            assert_eq!(found, [2, 1], "{share:?}");
            assert_eq!(rows.worker, 1);
            let quoted: Vec<&str> = rows.quotes.iter().map(|q| &*q.article_id).collect();
            assert_eq!(quoted, ["a", "a", "c"], "{share:?}");
            let articles: Vec<&str> = rows.articles.iter().map(|a| &*a.article_id).collect();
            assert_eq!(articles, ["a", "c"], "{share:?}");
        }
    }

    /// The workers carry names that `top -H`, `ps -L` and perf show.
    #[test]
    fn the_workers_are_named() {
        let pool = super::worker_pool(2);
        let names: Vec<String> =
            pool.broadcast(|context| format!("{} {}", context.index(), std::thread::current().name().unwrap_or("")));
        assert_eq!(names, ["0 whosaid-x0", "1 whosaid-x1"]);
    }

    /// The workers run `WORKER_NICENESS` nicer than the thread that made their pool, which
    /// itself is left as it was.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_workers_are_nicer_than_the_reader_and_the_writer() {
        use super::niceness;
        let here = niceness();
        let pool = super::worker_pool(2);
        let theirs: Vec<i32> = pool.broadcast(|_| niceness());
        assert_eq!(theirs, [(here + super::WORKER_NICENESS).min(19); 2]);
        assert_eq!(niceness(), here);
    }
}
