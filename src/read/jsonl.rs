//! JSON Lines: one article object a line; `id` and `text` required, `published`, `title`,
//! `outlet` (or `source`), `url` and `author` optional, other fields ignored.

use std::io::BufRead;
use std::sync::Arc;

use serde::Deserialize;

use super::RecordSource;
use crate::model::{Article, Origin, Record, Reject};

/// An `id` may be written as a string or a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum IdField {
    Text(String),
    Int(i64),
    Float(f64),
}

impl IdField {
    fn into_string(self) -> String {
        match self {
            IdField::Text(text) => text,
            IdField::Int(n) => n.to_string(),
            IdField::Float(x) => x.to_string(),
        }
    }
}

#[derive(Deserialize)]
struct RawArticle {
    id: Option<IdField>,
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    source: Option<String>,
    url: Option<String>,
    author: Option<String>,
}

pub(super) struct JsonlSource {
    input: Box<dyn BufRead + Send>,
    file: Arc<str>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlSource {
    pub(super) fn new(input: Box<dyn BufRead + Send>, file: Arc<str>) -> JsonlSource {
        JsonlSource { input, file, line: 0, buf: Vec::new(), done: false }
    }

    fn reject(&self, article_id: Option<String>, reason: String) -> Record {
        Record::Reject(Reject { origin: Origin { file: self.file.clone(), line: Some(self.line) }, article_id, reason })
    }
}

impl RecordSource for JsonlSource {
    fn next_record(&mut self) -> Option<Record> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(err) => {
                    // A read error (a gzip stream cut short, a failing disk) ends this file; what
                    // follows the error cannot be read, so it is one reject, not a silent stop.
                    self.done = true;
                    return Some(self.reject(None, format!("read error: {err}")));
                }
            }
            let line = trim_line(&self.buf);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_line(line, self));
        }
    }
}

fn trim_line(buf: &[u8]) -> &[u8] {
    let mut line = buf;
    while let [rest @ .., b'\n' | b'\r'] = line {
        line = rest;
    }
    line
}

fn parse_line(line: &[u8], source: &JsonlSource) -> Record {
    let raw: RawArticle = match serde_json::from_slice(line) {
        Ok(raw) => raw,
        Err(err) => {
            let reason = if std::str::from_utf8(line).is_err() {
                format!("invalid UTF-8 in JSON line: {err}")
            } else {
                format!("invalid JSON: {err}")
            };
            return source.reject(salvage_id(line), reason);
        }
    };
    let id = raw.id.map(IdField::into_string).filter(|id| !id.trim().is_empty());
    let Some(id) = id else {
        return source.reject(None, "missing or empty `id`".to_string());
    };
    let text = match raw.text {
        Some(text) if !text.trim().is_empty() => text,
        Some(_) => return source.reject(Some(id), "empty `text`".to_string()),
        None => return source.reject(Some(id), "missing `text`".to_string()),
    };
    Record::Article(Article {
        id,
        text,
        published: raw.published.filter(|p| !p.trim().is_empty()),
        title: raw.title,
        outlet: raw.outlet.or(raw.source),
        url: raw.url,
        author: raw.author,
        origin: Origin { file: source.file.clone(), line: Some(source.line) },
    })
}

/// Best effort at naming the article of a line that does not parse: the value of a leading
/// `"id": "..."`, when the line has one that is plain text.
fn salvage_id(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    let at = text.find("\"id\"")?;
    let rest = text[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(quoted) = rest.strip_prefix('"') {
        let end = quoted.find('"')?;
        Some(quoted[..end].to_string()).filter(|id| !id.contains('\\'))
    } else {
        let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        Some(rest[..end].to_string()).filter(|id| !id.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<Record> {
        let mut source = JsonlSource::new(Box::new(std::io::Cursor::new(input.to_vec())), "t".into());
        std::iter::from_fn(|| source.next_record()).collect()
    }

    fn reasons(records: &[Record]) -> Vec<String> {
        records
            .iter()
            .map(|r| match r {
                Record::Article(a) => format!("ok {} line {:?}", a.id, a.origin.line),
                Record::Reject(r) => format!("reject {:?} line {:?}: {}", r.article_id, r.origin.line, r.reason),
            })
            .collect()
    }

    #[test]
    fn reads_articles_and_rejects_bad_lines_in_order() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\",\"source\":\"AP\"}\n\
            {\"id\":\"b\",\"text\":\n\
            \n\
            {\"id\":7,\"text\":\"  \"}\n\
            {\"text\":\"no id\"}\n\
            {\"id\":\"c\",\"text\":\"Two\xff\"}\n\
            {\"id\":\"d\",\"text\":\"Three.\"}";
        let got = reasons(&read(input));
        assert_eq!(got.len(), 6, "{got:#?}");
        assert_eq!(got[0], "ok a line Some(1)");
        assert!(got[1].starts_with("reject Some(\"b\") line Some(2): invalid JSON"), "{}", got[1]);
        assert_eq!(got[2], "reject Some(\"7\") line Some(4): empty `text`");
        assert_eq!(got[3], "reject None line Some(5): missing or empty `id`");
        assert!(got[4].starts_with("reject Some(\"c\") line Some(6): invalid UTF-8"), "{}", got[4]);
        assert_eq!(got[5], "ok d line Some(7)");
    }

    #[test]
    fn source_is_an_alias_for_outlet() {
        let records = read(b"{\"id\":\"a\",\"text\":\"x\",\"source\":\"AP\",\"extra\":[1]}\r\n");
        let Record::Article(article) = &records[0] else { panic!("{records:?}") };
        assert_eq!(article.outlet.as_deref(), Some("AP"));
    }
}
