//! Parquet tables: rows are gathered into polars columns, encoded into pages by polars a few MB
//! at a time, and handed to [`ParquetFile`], which compresses them and writes row groups of up
//! to [`ROW_GROUP_ROWS`] rows, with typed columns (integers, `published` as a date, nullable
//! strings).
//!
//! A row group waits in memory as compressed pages, not as rows: 65,536 quote rows of real news
//! (PolNeAR's) are ~25 MB as CSV and ~6 MB as pages, and the tables' groups that a large corpus
//! fills no longer hold tens of MB of columns.

use polars::prelude::*;
use polars_parquet::write::{Encoding, ParquetType, StatisticsOptions, Version, WriteOptions};

use super::parquet_file::{ParquetFile, ZSTD_LEVEL};
use super::rows::{ArticleRow, QuoteFields, QuoteRow, SpeakerRow};
use super::{AtomicFile, TableRow};
use crate::error::{Error, Result};

const ROW_GROUP_ROWS: usize = 65_536;

/// Rows are encoded into pages once they hold this much memory as columns (measured on 2 GB: 2 MB
/// peaks lower than 4 MB, 8 MB or 16 MB, and 1 MB or 512 KB no lower).
const PAGE_ROWS_BYTES: usize = 2 << 20;

/// A row group is also written once its compressed pages reach this size.
const ROW_GROUP_COMPRESSED_BYTES: usize = 16 << 20;

fn compression() -> ParquetCompression {
    ParquetCompression::Zstd(Some(
        polars_parquet::write::ZstdLevel::try_new(ZSTD_LEVEL).expect("1 is a valid zstd level"),
    ))
}

/// Page options: plain encoding (a dictionary would have to cover the whole row group, and the
/// group is encoded a few pages at a time), min/max statistics cut to 64 bytes (a quote's text
/// as its page's maximum would be kept for the page index until the file ends).
fn page_options() -> WriteOptions {
    WriteOptions {
        statistics: StatisticsOptions { binary_statistics_truncate_length: Some(64), ..StatisticsOptions::default() },
        version: Version::V1,
        compression: compression().into(),
        data_page_size: None,
    }
}

pub struct ParquetSink<R: TableRow> {
    path: std::path::PathBuf,
    file: ParquetFile,
    /// The Parquet type of each column, in order.
    fields: Vec<ParquetType>,
    /// Rows not yet encoded: each batch's rows turned into columns as they come (the rows
    /// themselves are the CSV writer's too, and copying them cost a tenth of the writing).
    pending: Option<DataFrame>,
    pending_rows: usize,
    pending_bytes: usize,
    /// Rows already in pages of the row group being built.
    group_rows: usize,
    rows: std::marker::PhantomData<R>,
}

impl<R: TableRow> ParquetSink<R> {
    pub fn create(path: std::path::PathBuf) -> Result<ParquetSink<R>> {
        let err = parquet_error(&path);
        let schema = R::frame(&[]).map_err(err)?.schema().as_ref().clone();
        let arrow = schema.to_arrow(CompatLevel::newest());
        let fields = polars_parquet::arrow::write::to_parquet_schema(&arrow).map_err(err)?.fields().to_vec();
        let file = ParquetFile::create(path.clone(), &schema)?;
        Ok(ParquetSink {
            path,
            file,
            fields,
            pending: None,
            pending_rows: 0,
            pending_bytes: 0,
            group_rows: 0,
            rows: std::marker::PhantomData,
        })
    }

    pub fn write(&mut self, mut rows: &[R]) -> Result<()> {
        // A batch that would overfill the row group is split at its end.
        while !rows.is_empty() {
            let room = ROW_GROUP_ROWS - self.group_rows - self.pending_rows;
            let (now, rest) = rows.split_at(room.min(rows.len()));
            self.push(now)?;
            rows = rest;
        }
        Ok(())
    }

    fn push(&mut self, rows: &[R]) -> Result<()> {
        let frame = R::frame(rows).map_err(parquet_error(&self.path))?;
        match &mut self.pending {
            Some(pending) => {
                pending.vstack_mut(&frame).map_err(parquet_error(&self.path))?;
            }
            None => self.pending = Some(frame),
        }
        self.pending_rows += rows.len();
        self.pending_bytes += rows.iter().map(TableRow::approx_bytes).sum::<usize>();
        if self.pending_bytes >= PAGE_ROWS_BYTES || self.group_rows + self.pending_rows >= ROW_GROUP_ROWS {
            self.encode_pending()?;
        }
        if self.group_rows >= ROW_GROUP_ROWS || self.file.group_bytes() >= ROW_GROUP_COMPRESSED_BYTES {
            self.file.end_group(self.group_rows as u64)?;
            self.group_rows = 0;
        }
        Ok(())
    }

    /// Encodes and compresses the pending rows into pages of the row group being built.
    fn encode_pending(&mut self) -> Result<()> {
        let Some(mut frame) = self.pending.take() else { return Ok(()) };
        let err = parquet_error(&self.path);
        frame.rechunk_mut();
        let options = page_options();
        for batch in frame.iter_chunks(CompatLevel::newest(), false) {
            for (column, (array, field)) in batch.columns().iter().zip(&self.fields).enumerate() {
                let leaves = polars_parquet::write::array_to_columns(array, field.clone(), options, &[Encoding::Plain])
                    .map_err(err)?;
                for page in leaves.into_iter().flatten() {
                    self.file.add_page(column, page.map_err(err)?)?;
                }
            }
        }
        self.group_rows += self.pending_rows;
        self.pending_rows = 0;
        self.pending_bytes = 0;
        Ok(())
    }

    pub fn commit(mut self) -> Result<()> {
        self.encode_pending()?;
        self.file.end_group(self.group_rows as u64)?;
        self.file.finish()
    }
}

/// The error for a polars failure on the Parquet file at `path`.
fn parquet_error(path: &std::path::Path) -> impl Fn(PolarsError) -> Error + Copy + '_ {
    move |source| Error::Parquet { path: path.to_path_buf(), source }
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
    let file = std::fs::File::open(source).map_err(|e| Error::Input { path: source.to_path_buf(), source: e })?;
    let frame = ParquetReader::new(file).finish().map_err(parquet_error(source))?;
    let article_ids = frame.column("article_id").and_then(|c| c.str().cloned()).map_err(parquet_error(source))?;
    let keep: BooleanChunked = article_ids.iter().map(|id| id.is_none_or(|id| !ids.contains(id))).collect();
    let mut kept = frame.filter(&keep).map_err(parquet_error(source))?;
    let mut out = AtomicFile::create(target.to_path_buf())?;
    ParquetWriter::new(&mut out).with_compression(compression()).finish(&mut kept).map_err(parquet_error(target))?;
    out.commit()
}

#[cfg(test)]
mod tests {
    use polars_parquet_format::thrift::protocol::TCompactInputProtocol;
    use polars_parquet_format::{ColumnIndex, FileMetaData, OffsetIndex, PageHeader};

    use super::*;

    fn article(i: usize) -> ArticleRow {
        ArticleRow {
            article_id: format!("article-{i}").into(),
            status: "ok",
            n_quotes: (i % 7) as u32,
            n_chars: i as u64 * 3,
            published: None,
            published_days: (!i.is_multiple_of(3)).then_some(19_000 + (i % 365) as i32),
            published_raw: None,
            // Long enough that the rows are encoded into pages many times per row group.
            title: (!i.is_multiple_of(5)).then(|| format!("Title {i}: {}", "words of a headline ".repeat(40)).into()),
            outlet: Some("Outlet".into()),
            url: None,
            author: None,
            file: "corpus.jsonl".into(),
            line: Some(i as u64 + 1),
            error: None,
        }
    }

    /// Reads the thrift structure at `at` in `bytes`.
    fn thrift<'a, T>(
        bytes: &'a [u8],
        at: i64,
        read: impl Fn(&mut TCompactInputProtocol<&'a [u8]>) -> polars_parquet_format::thrift::Result<T>,
    ) -> T {
        read(&mut TCompactInputProtocol::new(&bytes[at as usize..], usize::MAX)).unwrap()
    }

    /// The page index points at every page of every chunk, pages in row order, with each page's
    /// nulls and bounds; a column of nulls only has its pages marked so, with empty bounds.
    #[test]
    fn page_index_locates_every_page_with_its_nulls_and_bounds() {
        let n = ROW_GROUP_ROWS + 20_000;
        let rows: Vec<ArticleRow> = (0..n).map(article).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("articles.parquet");
        let mut sink = ParquetSink::<ArticleRow>::create(path.clone()).unwrap();
        for batch in rows.chunks(1_000) {
            sink.write(batch).unwrap();
        }
        sink.commit().unwrap();

        let bytes = std::fs::read(&path).unwrap();
        let size = u32::from_le_bytes(bytes[bytes.len() - 8..bytes.len() - 4].try_into().unwrap()) as i64;
        let footer = thrift(&bytes, bytes.len() as i64 - 8 - size, FileMetaData::read_from_in_protocol);
        assert_eq!(footer.row_groups.len(), 2);
        let mut pages_seen = 0;
        for group in &footer.row_groups {
            for column in &group.columns {
                let meta = column.meta_data.as_ref().unwrap();
                let offsets = thrift(&bytes, column.offset_index_offset.unwrap(), OffsetIndex::read_from_in_protocol);
                let bounds = thrift(&bytes, column.column_index_offset.unwrap(), ColumnIndex::read_from_in_protocol);
                let pages = offsets.page_locations;
                assert!(pages.len() > 1, "{:?} has {} page(s)", meta.path_in_schema, pages.len());
                assert_eq!(pages[0].offset, meta.data_page_offset);
                let (mut rows, mut nulls) = (0, 0);
                for (i, page) in pages.iter().enumerate() {
                    let header = thrift(&bytes, page.offset, PageHeader::read_from_in_protocol);
                    let data = header.data_page_header.unwrap();
                    let body = page.compressed_page_size - header.compressed_page_size;
                    // The next page starts where this one ends.
                    if let Some(next) = pages.get(i + 1) {
                        assert_eq!(page.offset + i64::from(page.compressed_page_size), next.offset);
                    }
                    assert!(body > 0, "a header of {body} bytes");
                    assert_eq!(page.first_row_index, rows);
                    rows += i64::from(data.num_values);
                    let stats = data.statistics.unwrap();
                    let null_count = bounds.null_counts.as_ref().unwrap()[i];
                    assert_eq!(stats.null_count, Some(null_count));
                    nulls += null_count;
                    if bounds.null_pages[i] {
                        assert_eq!(
                            (stats.min_value, &bounds.min_values[i], &bounds.max_values[i]),
                            (None, &vec![], &vec![])
                        );
                    } else {
                        assert_eq!(stats.min_value.as_ref(), Some(&bounds.min_values[i]));
                        assert_eq!(stats.max_value.as_ref(), Some(&bounds.max_values[i]));
                    }
                }
                assert_eq!(rows, group.num_rows);
                assert_eq!(Some(nulls), meta.statistics.as_ref().unwrap().null_count);
                let all_null = ["published_raw", "url", "author", "error"].contains(&meta.path_in_schema[0].as_str());
                assert_eq!(bounds.null_pages.iter().all(|&null| null), all_null, "{:?}", meta.path_in_schema);
                pages_seen += pages.len();
            }
        }
        assert!(pages_seen > 2 * 13);
    }

    /// Rows arrive in batches, are encoded into pages a few MB at a time and written in row
    /// groups of `ROW_GROUP_ROWS`; reading the file back gives every row, in order, nulls kept.
    #[test]
    fn rows_written_in_batches_read_back_whole_in_row_groups() {
        let n = ROW_GROUP_ROWS + 4_464;
        let rows: Vec<ArticleRow> = (0..n).map(article).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("articles.parquet");
        let mut sink = ParquetSink::<ArticleRow>::create(path.clone()).unwrap();
        for batch in rows.chunks(1_000) {
            sink.write(batch).unwrap();
        }
        sink.commit().unwrap();

        let mut reader = ParquetReader::new(std::fs::File::open(&path).unwrap());
        let groups: Vec<usize> =
            reader.get_metadata().unwrap().row_groups.iter().map(|group| group.num_rows()).collect();
        assert_eq!(groups, [ROW_GROUP_ROWS, n - ROW_GROUP_ROWS]);
        let frame = reader.finish().unwrap();
        assert_eq!(frame, ArticleRow::frame(&rows).unwrap());
    }
}
