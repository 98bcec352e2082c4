//! Parquet through polars: rows are gathered into columns and written in row groups of up to
//! [`ROW_GROUP_ROWS`] rows, with typed columns (integers, `published` as a date, nullable strings).

use polars::prelude::*;

use super::rows::{ArticleRow, QuoteFields, QuoteRow, SpeakerRow};
use super::{AtomicFile, TableRow};
use crate::error::{Error, Result};

const ROW_GROUP_ROWS: usize = 65_536;

/// A row group is also written once its rows hold this much memory, so that peak memory does not
/// grow with the corpus (measured: 123 MB peak RSS on 20 MB of text, 221 MB on 2 GB, before).
const ROW_GROUP_BYTES: usize = 16 << 20;

/// zstd at level 1: measured on the sample corpus, compression at polars' default level was a
/// tenth of a whole run's instructions; level 1 costs about half as much, for files a little
/// larger (Snappy would be cheaper still, for files half as large again).
fn compression() -> ParquetCompression {
    ParquetCompression::Zstd(Some(polars_parquet::write::ZstdLevel::try_new(1).expect("1 is a valid zstd level")))
}

pub struct ParquetSink<R: TableRow> {
    path: std::path::PathBuf,
    file: SharedFile,
    writer: polars::io::parquet::write::BatchedWriter<SharedFile>,
    /// The next row group so far: each batch's rows turned into columns as they come (the rows
    /// themselves are the CSV writer's too, and copying them cost a tenth of the writing).
    pending: Option<DataFrame>,
    pending_rows: usize,
    pending_bytes: usize,
    rows: std::marker::PhantomData<R>,
}

/// The batched writer keeps its sink to the end and has no `into_inner`; the file is shared so
/// that it can still be committed (synced and renamed into place) after the footer is written.
#[derive(Clone)]
struct SharedFile(std::sync::Arc<std::sync::Mutex<Option<AtomicFile>>>);

impl std::io::Write for SharedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut guard = self.0.lock().expect("no panic while writing");
        guard.as_mut().expect("file open until commit").write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        let mut guard = self.0.lock().expect("no panic while writing");
        guard.as_mut().expect("file open until commit").flush()
    }
}

impl<R: TableRow> ParquetSink<R> {
    pub fn create(path: std::path::PathBuf) -> Result<ParquetSink<R>> {
        let file = SharedFile(std::sync::Arc::new(std::sync::Mutex::new(Some(AtomicFile::create(path.clone())?))));
        let err = |source| Error::Parquet { path: path.clone(), source };
        let schema = R::frame(&[]).map_err(err)?.schema().as_ref().clone();
        let writer = ParquetWriter::new(file.clone()).with_compression(compression()).batched(&schema).map_err(err)?;
        Ok(ParquetSink {
            path,
            file,
            writer,
            pending: None,
            pending_rows: 0,
            pending_bytes: 0,
            rows: std::marker::PhantomData,
        })
    }

    pub fn write(&mut self, rows: &[R]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let err = |source| Error::Parquet { path: self.path.clone(), source };
        let frame = R::frame(rows).map_err(err)?;
        match &mut self.pending {
            Some(pending) => {
                pending.vstack_mut(&frame).map_err(err)?;
            }
            None => self.pending = Some(frame),
        }
        self.pending_rows += rows.len();
        self.pending_bytes += rows.iter().map(TableRow::approx_bytes).sum::<usize>();
        if self.pending_rows >= ROW_GROUP_ROWS || self.pending_bytes >= ROW_GROUP_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let Some(mut frame) = self.pending.take() else { return Ok(()) };
        // One chunk, so that the batch is one row group.
        frame.rechunk_mut();
        self.writer.write_batch(&frame).map_err(|source| Error::Parquet { path: self.path.clone(), source })?;
        self.pending_rows = 0;
        self.pending_bytes = 0;
        Ok(())
    }

    pub fn commit(mut self) -> Result<()> {
        self.flush()?;
        self.writer.finish().map_err(|source| Error::Parquet { path: self.path.clone(), source })?;
        let file = self.file.0.lock().expect("no panic while writing").take().expect("committed once");
        file.commit()
    }
}

fn strings<R>(name: &str, rows: &[R], get: impl Fn(&R) -> Option<&str>) -> Column {
    Column::new(name.into(), rows.iter().map(get).collect::<Vec<Option<&str>>>())
}

fn ints<R>(name: &str, rows: &[R], get: impl Fn(&R) -> Option<i64>) -> Column {
    Column::new(name.into(), rows.iter().map(get).collect::<Vec<Option<i64>>>())
}

fn dates<R>(name: &str, rows: &[R], get: impl Fn(&R) -> Option<i32>) -> PolarsResult<Column> {
    Column::new(name.into(), rows.iter().map(get).collect::<Vec<Option<i32>>>()).cast(&DataType::Date)
}

impl TableRow for QuoteRow {
    fn approx_bytes(&self) -> usize {
        let f = self.fields();
        std::mem::size_of::<QuoteRow>()
            + [f.article_id, f.quote_text, f.quote_parts, f.rule].map(str::len).iter().sum::<usize>()
            + [f.cue, f.speaker, f.speaker_name, f.speaker_title, f.said_on, f.published, f.outlet, f.title, f.url]
                .map(|text| text.map_or(0, str::len))
                .iter()
                .sum::<usize>()
    }

    fn frame(rows: &[QuoteRow]) -> PolarsResult<DataFrame> {
        let int = |v: u64| Some(v as i64);
        let rows: Vec<QuoteFields> = rows.iter().map(QuoteRow::fields).collect();
        let rows = &rows[..];
        DataFrame::new(
            rows.len(),
            vec![
                strings("article_id", rows, |r| Some(r.article_id)),
                ints("quote_idx", rows, |r| Some(r.quote_idx as i64)),
                strings("quote_text", rows, |r| Some(r.quote_text)),
                ints("quote_start", rows, |r| int(r.quote_start)),
                ints("quote_end", rows, |r| int(r.quote_end)),
                strings("quote_type", rows, |r| Some(r.quote_type)),
                strings("quote_parts", rows, |r| Some(r.quote_parts)),
                strings("cue", rows, |r| r.cue),
                ints("cue_start", rows, |r| r.cue_start.and_then(int)),
                ints("cue_end", rows, |r| r.cue_end.and_then(int)),
                strings("speaker", rows, |r| r.speaker),
                ints("speaker_start", rows, |r| r.speaker_start.and_then(int)),
                ints("speaker_end", rows, |r| r.speaker_end.and_then(int)),
                strings("speaker_name", rows, |r| r.speaker_name),
                strings("speaker_title", rows, |r| r.speaker_title),
                strings("said_on", rows, |r| r.said_on),
                strings("said_on_precision", rows, |r| r.said_on_precision),
                strings("said_on_source", rows, |r| r.said_on_source),
                dates("published", rows, |r| r.published_days)?,
                strings("outlet", rows, |r| r.outlet),
                strings("title", rows, |r| r.title),
                strings("url", rows, |r| r.url),
                strings("rule", rows, |r| Some(r.rule)),
            ],
        )
    }
}

impl TableRow for SpeakerRow {
    fn frame(rows: &[SpeakerRow]) -> PolarsResult<DataFrame> {
        DataFrame::new(
            rows.len(),
            vec![
                strings("article_id", rows, |r| Some(&r.article_id)),
                strings("speaker_name", rows, |r| Some(r.speaker_name())),
                strings("speaker_title", rows, |r| r.speaker_title()),
                ints("n_quotes", rows, |r| Some(r.n_quotes as i64)),
                ints("first_quote_start", rows, |r| Some(r.first_quote_start as i64)),
                ints("first_quote_idx", rows, |r| Some(r.first_quote_idx as i64)),
            ],
        )
    }
}

impl TableRow for ArticleRow {
    fn frame(rows: &[ArticleRow]) -> PolarsResult<DataFrame> {
        DataFrame::new(
            rows.len(),
            vec![
                strings("article_id", rows, |r| Some(&r.article_id)),
                strings("status", rows, |r| Some(r.status)),
                ints("n_quotes", rows, |r| Some(r.n_quotes as i64)),
                ints("n_chars", rows, |r| Some(r.n_chars as i64)),
                dates("published", rows, |r| r.published_days)?,
                strings("published_raw", rows, |r| r.published_raw.as_deref()),
                strings("title", rows, |r| r.title.as_deref()),
                strings("outlet", rows, |r| r.outlet.as_deref()),
                strings("url", rows, |r| r.url.as_deref()),
                strings("author", rows, |r| r.author.as_deref()),
                strings("file", rows, |r| Some(&r.file)),
                ints("line", rows, |r| r.line.map(|l| l as i64)),
                strings("error", rows, |r| r.error.as_deref()),
            ],
        )
    }
}

/// Copies a Parquet table without the rows whose `article_id` is in `ids`.
pub fn rewrite_without(
    source: &std::path::Path,
    target: &std::path::Path,
    ids: &std::collections::HashSet<String>,
) -> Result<()> {
    let err = |path: &std::path::Path| {
        let path = path.to_path_buf();
        move |source| Error::Parquet { path, source }
    };
    let file = std::fs::File::open(source).map_err(|e| Error::Input { path: source.to_path_buf(), source: e })?;
    let frame = ParquetReader::new(file).finish().map_err(err(source))?;
    let article_ids = frame.column("article_id").and_then(|c| c.str().cloned()).map_err(err(source))?;
    let keep: BooleanChunked = article_ids.iter().map(|id| id.is_none_or(|id| !ids.contains(id))).collect();
    let mut kept = frame.filter(&keep).map_err(err(source))?;
    let mut out = AtomicFile::create(target.to_path_buf())?;
    ParquetWriter::new(&mut out).with_compression(compression()).finish(&mut kept).map_err(err(target))?;
    out.commit()
}
