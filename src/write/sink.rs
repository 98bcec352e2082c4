//! Where a run's rows go: tables in an output folder, or a stream of JSON Lines (quotes on
//! standard output, rejects on standard error or a file) for engines that pipe data through
//! external programs.

use std::io::Write;
use std::path::{Path, PathBuf};

pub use super::Spawner;
use super::{ArticleRow, AtomicFile, Encoded, Encoder, QuoteRow, RejectRow, RejectWriter, SpeakerRow, TableWriter};
use crate::error::{Error, Result};
use crate::model::Format;

pub trait RowSink {
    fn quotes(&mut self, rows: &[QuoteRow]) -> Result<()>;
    fn articles(&mut self, rows: &[ArticleRow]) -> Result<()>;
    fn speakers(&mut self, rows: &[SpeakerRow]) -> Result<()>;
    fn reject(&mut self, row: &RejectRow) -> Result<()>;
    /// The end of a batch: a stream flushes here, so rows leave as they are made.
    fn end_batch(&mut self) -> Result<()>;
    /// How the workers encode a batch's rows for this sink, if it takes them encoded
    /// ([`RowSink::encoded`]) rather than as rows.
    fn encoder(&self) -> Option<Encoder> {
        None
    }
    /// Has the work on the tables that can leave the writer's thread done by `spawner`'s jobs
    /// (the Parquet pages' encoding and compression).
    fn spawn_with(&mut self, _spawner: &Spawner) {}
    /// A batch's rows of each table as its [`RowSink::encoder`] encoded them.
    fn encoded(&mut self, _tables: EncodedTables) -> Result<()> {
        unreachable!("only a sink with an encoder is given encoded rows")
    }
    fn commit(self: Box<Self>) -> Result<()>;
}

/// A batch's rows of the `quotes`, `articles` and `speakers` tables, encoded on a worker.
pub struct EncodedTables {
    pub quotes: Encoded,
    pub articles: Encoded,
    pub speakers: Encoded,
}

impl EncodedTables {
    pub fn encode(encoder: &Encoder, quotes: &[QuoteRow], articles: &[ArticleRow], speakers: &[SpeakerRow]) -> Self {
        EncodedTables {
            quotes: encoder.encode(quotes),
            articles: encoder.encode(articles),
            speakers: encoder.encode(speakers),
        }
    }
}

/// The `quotes`, `articles`, `speakers` and `rejects` tables.
pub struct TableSink {
    encoder: Encoder,
    quotes: TableWriter<QuoteRow>,
    articles: TableWriter<ArticleRow>,
    speakers: TableWriter<SpeakerRow>,
    rejects: RejectWriter,
    /// Whether a table with no rows is left out rather than written with its header only (a
    /// partition of an incremental run).
    skip_empty: bool,
}

impl TableSink {
    /// The tables, each file at `path_of(table, format)` and the rejects at `rejects`.
    pub fn create(
        path_of: impl Fn(&str, Format) -> PathBuf,
        rejects: PathBuf,
        formats: &[Format],
        skip_empty: bool,
        keep_formulas: bool,
    ) -> Result<TableSink> {
        Ok(TableSink {
            encoder: Encoder::new(formats, keep_formulas),
            quotes: TableWriter::create(|f| path_of("quotes", f), formats, keep_formulas)?,
            articles: TableWriter::create(|f| path_of("articles", f), formats, keep_formulas)?,
            speakers: TableWriter::create(|f| path_of("speakers", f), formats, keep_formulas)?,
            rejects: RejectWriter::create(rejects)?,
            skip_empty,
        })
    }
}

impl RowSink for TableSink {
    fn quotes(&mut self, rows: &[QuoteRow]) -> Result<()> {
        self.quotes.write(rows)
    }
    fn articles(&mut self, rows: &[ArticleRow]) -> Result<()> {
        self.articles.write(rows)
    }
    fn speakers(&mut self, rows: &[SpeakerRow]) -> Result<()> {
        self.speakers.write(rows)
    }
    fn reject(&mut self, row: &RejectRow) -> Result<()> {
        self.rejects.write(row)
    }
    fn end_batch(&mut self) -> Result<()> {
        Ok(())
    }
    fn encoder(&self) -> Option<Encoder> {
        Some(self.encoder.clone())
    }
    fn spawn_with(&mut self, spawner: &Spawner) {
        self.quotes.spawn_with(spawner);
        self.articles.spawn_with(spawner);
        self.speakers.spawn_with(spawner);
    }
    fn encoded(&mut self, tables: EncodedTables) -> Result<()> {
        self.quotes.write_encoded(tables.quotes)?;
        self.articles.write_encoded(tables.articles)?;
        self.speakers.write_encoded(tables.speakers)
    }
    /// Every file is finished and synced before any is named, the quotes' (the largest) on this
    /// thread and the others' beside it: the end of a run is one thread's work, and the second
    /// core had sat idle through ~40 ms of footers and syncs on 200 MB. Then they are renamed in
    /// order; a failure before that leaves every earlier output as it was.
    fn commit(self: Box<Self>) -> Result<()> {
        let TableSink { quotes, articles, speakers, rejects, skip_empty, encoder: _ } = *self;
        // A table left out is dropped unfinished, which removes its temporary files.
        let keep = |rows: u64| rows > 0 || !skip_empty;
        let (quotes, others) = std::thread::scope(|scope| {
            let others = scope.spawn(move || -> Result<Vec<AtomicFile>> {
                let mut files = Vec::new();
                if keep(articles.rows()) {
                    files.extend(articles.finish()?);
                }
                if keep(speakers.rows()) {
                    files.extend(speakers.finish()?);
                }
                if keep(rejects.rows()) {
                    files.push(rejects.finish()?);
                }
                Ok(files)
            });
            let quotes = if keep(quotes.rows()) { quotes.finish() } else { Ok(Vec::new()) };
            (quotes, others.join().expect("finishing a table does not panic"))
        });
        for file in quotes?.into_iter().chain(others?) {
            file.publish()?;
        }
        Ok(())
    }
}

/// Quote rows as JSON Lines on standard output; rejects as JSON Lines on standard error or in a
/// file. No article table: a stream carries one kind of row.
pub struct StreamSink {
    quotes: std::io::BufWriter<std::io::Stdout>,
    rejects: Box<dyn Write + Send>,
    rejects_name: PathBuf,
}

impl StreamSink {
    pub fn create(rejects_file: Option<&Path>) -> Result<StreamSink> {
        let (rejects, rejects_name): (Box<dyn Write + Send>, PathBuf) = match rejects_file {
            Some(path) => {
                let file = std::fs::File::create(path).map_err(|e| Error::output(path, e))?;
                (Box::new(std::io::BufWriter::new(file)), path.to_path_buf())
            }
            None => (Box::new(std::io::stderr()), PathBuf::from("<stderr>")),
        };
        Ok(StreamSink { quotes: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()), rejects, rejects_name })
    }
}

fn json_line(out: &mut dyn Write, value: &impl serde::Serialize, name: &Path) -> Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(|e| Error::output(name, e.into()))?;
    out.write_all(b"\n").map_err(|e| Error::output(name, e))
}

impl RowSink for StreamSink {
    fn quotes(&mut self, rows: &[QuoteRow]) -> Result<()> {
        for row in rows {
            json_line(&mut self.quotes, row, Path::new("<stdout>"))?;
        }
        Ok(())
    }
    fn articles(&mut self, _rows: &[ArticleRow]) -> Result<()> {
        Ok(())
    }
    fn speakers(&mut self, _rows: &[SpeakerRow]) -> Result<()> {
        Ok(())
    }
    fn reject(&mut self, row: &RejectRow) -> Result<()> {
        json_line(&mut self.rejects, row, &self.rejects_name)
    }
    fn end_batch(&mut self) -> Result<()> {
        self.quotes.flush().map_err(|e| Error::output("<stdout>", e))?;
        self.rejects.flush().map_err(|e| Error::output(&self.rejects_name, e))
    }
    fn commit(mut self: Box<Self>) -> Result<()> {
        self.end_batch()
    }
}
