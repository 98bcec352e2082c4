//! CSV with a header row: the same column names as JSON Lines (`date` is taken for `published`,
//! `source` for `outlet`). Without an `id` column, an article's id is `<file stem>:<row>`, the
//! row counted from 1 after the header.

use std::io::BufRead;
use std::sync::Arc;

use super::RecordSource;
use crate::model::{Article, Origin, Record, Reject};

#[derive(Default)]
struct Columns {
    id: Option<usize>,
    text: Option<usize>,
    published: Option<usize>,
    title: Option<usize>,
    outlet: Option<usize>,
    url: Option<usize>,
    author: Option<usize>,
}

pub(super) struct CsvSource {
    reader: csv::Reader<Box<dyn BufRead + Send>>,
    file: Arc<str>,
    stem: String,
    columns: Option<Columns>,
    n_fields: usize,
    row: u64,
    record: csv::ByteRecord,
    done: bool,
}

impl CsvSource {
    pub(super) fn new(input: Box<dyn BufRead + Send>, file: Arc<str>, stem: String) -> CsvSource {
        let reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(input);
        CsvSource {
            reader,
            file,
            stem,
            columns: None,
            n_fields: 0,
            row: 0,
            record: csv::ByteRecord::new(),
            done: false,
        }
    }

    fn reject(&self, line: Option<u64>, article_id: Option<String>, reason: String) -> Record {
        Record::Reject(Reject { origin: Origin { file: self.file.clone(), line }, article_id, reason })
    }

    fn read_header(&mut self) -> Option<Record> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                Some(self.reject(Some(1), None, "empty CSV file: no header row".to_string()))
            }
            Err(err) => {
                self.done = true;
                Some(self.reject(Some(1), None, format!("cannot read CSV header: {err}")))
            }
            Ok(true) => {
                let mut columns = Columns::default();
                for (idx, name) in self.record.iter().enumerate() {
                    let name = String::from_utf8_lossy(name).trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
                    let slot = match name.as_str() {
                        "id" => &mut columns.id,
                        "text" => &mut columns.text,
                        "published" | "date" => &mut columns.published,
                        "title" => &mut columns.title,
                        "outlet" | "source" => &mut columns.outlet,
                        "url" => &mut columns.url,
                        "author" => &mut columns.author,
                        _ => continue,
                    };
                    slot.get_or_insert(idx);
                }
                self.n_fields = self.record.len();
                if columns.text.is_none() {
                    self.done = true;
                    return Some(self.reject(Some(1), None, "CSV header has no `text` column".to_string()));
                }
                self.columns = Some(columns);
                None
            }
        }
    }
}

impl RecordSource for CsvSource {
    fn next_record(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        if self.columns.is_none() {
            if let Some(reject) = self.read_header() {
                return Some(reject);
            }
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                None
            }
            Err(err) => {
                self.done = true;
                let line = err.position().map(|p| p.line());
                Some(self.reject(line, None, format!("read error: {err}")))
            }
            Ok(true) => {
                self.row += 1;
                Some(self.build())
            }
        }
    }
}

impl CsvSource {
    fn build(&self) -> Record {
        let line = self.record.position().map(|p| p.line());
        let columns = self.columns.as_ref().expect("header read before rows");
        let field = |idx: Option<usize>| -> Result<Option<String>, String> {
            let Some(bytes) = idx.and_then(|i| self.record.get(i)) else { return Ok(None) };
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(Some(text.to_string()).filter(|t| !t.trim().is_empty())),
                Err(err) => Err(format!("invalid UTF-8 at byte {}", err.valid_up_to())),
            }
        };
        let id = match field(columns.id) {
            Ok(Some(id)) => id,
            Ok(None) if columns.id.is_none() => format!("{}:{}", self.stem, self.row),
            Ok(None) => return self.reject(line, None, "empty `id`".to_string()),
            Err(reason) => return self.reject(line, None, format!("`id`: {reason}")),
        };
        if self.record.len() != self.n_fields {
            let reason =
                format!("wrong number of fields: {} where the header has {}", self.record.len(), self.n_fields);
            return self.reject(line, Some(id), reason);
        }
        let mut article = Article { id, origin: Origin { file: self.file.clone(), line }, ..Article::default() };
        let get = |idx: Option<usize>, name: &str| field(idx).map_err(|reason| format!("`{name}`: {reason}"));
        let result = (|| -> Result<(), String> {
            match get(columns.text, "text")? {
                Some(text) => article.text = text,
                None => return Err("empty `text`".to_string()),
            }
            article.published = get(columns.published, "published")?;
            article.title = get(columns.title, "title")?;
            article.outlet = get(columns.outlet, "outlet")?;
            article.url = get(columns.url, "url")?;
            article.author = get(columns.author, "author")?;
            Ok(())
        })();
        match result {
            Ok(()) => Record::Article(article),
            Err(reason) => self.reject(line, Some(article.id), reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Record> {
        let input: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(input.as_bytes().to_vec()));
        let mut source = CsvSource::new(input, "f.csv".into(), "f".to_string());
        std::iter::from_fn(|| source.next_record()).collect()
    }

    #[test]
    fn reads_the_wikinews_layout_and_makes_up_ids() {
        let records = read("url,date,title,text\nhttp://x,2019-01-04,T,\"Line one.\n\nLine \"\"two\"\".\"\n");
        let Record::Article(article) = &records[0] else { panic!("{records:?}") };
        assert_eq!(article.id, "f:1");
        assert_eq!(article.published.as_deref(), Some("2019-01-04"));
        assert_eq!(article.text, "Line one.\n\nLine \"two\".");
        assert_eq!(records.len(), 1);
    }

    #[test]
    fn a_row_with_the_wrong_field_count_is_rejected_and_the_next_is_read() {
        let records = read("id,text\na,Fine.\nb,Too,many\nc,Also fine.\n");
        assert_eq!(records.len(), 3);
        match &records[1] {
            Record::Reject(r) => {
                assert_eq!(r.article_id.as_deref(), Some("b"));
                assert_eq!(r.origin.line, Some(3));
                assert!(r.reason.contains("wrong number of fields"), "{}", r.reason);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&records[2], Record::Article(a) if a.id == "c"));
    }

    #[test]
    fn a_header_without_text_is_one_reject() {
        let records = read("id,body\na,b\n");
        assert!(matches!(&records[..], [Record::Reject(r)] if r.reason.contains("no `text` column")));
    }
}
