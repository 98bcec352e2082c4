//! Which input column (a CSV header, a JSON key) holds which article field: the name a user gives
//! (`--text-column body`, `text_column = "body"` in a pipeline file), else the common names news
//! datasets use for it (`body`, `content`, `maintext` … for the text).
//!
//! Names are matched without regard to case or surrounding spaces. Where a record has several
//! of a field's names, the one earlier in the field's list wins (`text` over `body`).

use serde::Deserialize;

/// An article field an input column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Text,
    Published,
    Title,
    Outlet,
    Url,
    Author,
    Lang,
}

impl Field {
    pub const ALL: [Field; 8] =
        [Field::Id, Field::Text, Field::Published, Field::Title, Field::Outlet, Field::Url, Field::Author, Field::Lang];

    /// The field's name in messages and in its flag (`--text-column`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Text => "text",
            Field::Published => "date",
            Field::Title => "title",
            Field::Outlet => "outlet",
            Field::Url => "url",
            Field::Author => "author",
            Field::Lang => "lang",
        }
    }

    /// The names a column of this field goes by when the user names none, most specific first.
    /// `maintext`, `date_publish`, `source_domain` and `authors` are news-please's.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "article_id", "doc_id"],
            Field::Text => &["text", "body", "content", "article", "story", "maintext", "full_text"],
            Field::Published => {
                &["published", "date", "published_at", "pubdate", "date_publish", "publish_date", "publication_date"]
            }
            Field::Title => &["title", "headline"],
            Field::Outlet => &["outlet", "source", "publisher", "source_domain"],
            Field::Url => &["url", "link"],
            Field::Author => &["author", "authors", "byline"],
            Field::Lang => &["lang", "language", "lang_code"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The columns a user named, one per field (`None`: the field's usual names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ColumnNames {
    pub id: Option<String>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub lang: Option<String>,
}

impl ColumnNames {
    fn named(&self, field: Field) -> Option<&str> {
        let name = match field {
            Field::Id => &self.id,
            Field::Text => &self.text,
            Field::Published => &self.date,
            Field::Title => &self.title,
            Field::Outlet => &self.outlet,
            Field::Url => &self.url,
            Field::Author => &self.author,
            Field::Lang => &self.lang,
        };
        name.as_deref().map(str::trim).filter(|n| !n.is_empty())
    }
}

/// Every field's accepted column names, in order of preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    names: [Vec<String>; Field::ALL.len()],
    /// Whether the user named the field's column (then only that name is taken).
    named: [bool; Field::ALL.len()],
}

impl Default for Columns {
    fn default() -> Columns {
        Columns::new(&ColumnNames::default())
    }
}

impl Columns {
    pub fn new(user: &ColumnNames) -> Columns {
        let mut names: [Vec<String>; Field::ALL.len()] = Default::default();
        let mut named = [false; Field::ALL.len()];
        let given: Vec<&str> = Field::ALL.iter().filter_map(|&f| user.named(f)).collect();
        for field in Field::ALL {
            names[field.index()] = match user.named(field) {
                Some(name) => {
                    named[field.index()] = true;
                    vec![name.to_lowercase()]
                }
                // A usual name the user gave another field is that field's only.
                None => field
                    .aliases()
                    .iter()
                    .filter(|alias| !given.iter().any(|g| g.eq_ignore_ascii_case(alias)))
                    .map(|alias| alias.to_string())
                    .collect(),
            };
        }
        Columns { names, named }
    }

    /// The field a column name holds, and its rank among that field's names (0 is preferred).
    pub fn field_of(&self, column: &str) -> Option<(Field, usize)> {
        let column = column.trim().trim_start_matches('\u{feff}');
        Field::ALL.iter().find_map(|&field| {
            let names = &self.names[field.index()];
            names.iter().position(|name| name.eq_ignore_ascii_case(column)).map(|rank| (field, rank))
        })
    }

    /// Whether the user named the column of `field`.
    pub fn is_named(&self, field: Field) -> bool {
        self.named[field.index()]
    }

    /// How a message names the column of `field`: the user's name for it, or the field's own.
    pub fn display(&self, field: Field) -> &str {
        if self.is_named(field) {
            &self.names[field.index()][0]
        } else {
            field.name()
        }
    }

    /// The fatal error's reason for an input with no text column: the columns it has, and how to
    /// name the right one.
    pub fn no_text_reason(&self, found: &[String]) -> String {
        let looked_for = if self.is_named(Field::Text) {
            format!("no column `{}` (named by --text-column)", self.names[Field::Text.index()][0])
        } else {
            format!(
                "no text column (looked for {})",
                Field::Text.aliases().iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
            )
        };
        let found = if found.is_empty() {
            "none".to_string()
        } else {
            found.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
        };
        format!(
            "{looked_for}; its columns are {found}: name the one with the article text with --text-column NAME (`text_column` in a pipeline file)"
        )
    }
}

/// A field's value as an input gives it: text, a number, or a list of them (news-please's
/// `authors`), joined with "; ".
pub fn joined(values: &[String]) -> Option<String> {
    let values: Vec<&str> = values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
    (!values.is_empty()).then(|| values.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_names_are_taken_in_order_and_any_case() {
        let columns = Columns::default();
        assert_eq!(columns.field_of("Body"), Some((Field::Text, 1)));
        assert_eq!(columns.field_of(" text "), Some((Field::Text, 0)));
        assert_eq!(columns.field_of("\u{feff}id"), Some((Field::Id, 0)));
        assert_eq!(columns.field_of("published_at"), Some((Field::Published, 2)));
        assert_eq!(columns.field_of("link"), Some((Field::Url, 1)));
        assert_eq!(columns.field_of("wordcount"), None);
    }

    #[test]
    fn a_named_column_is_the_only_one_taken_for_its_field_and_leaves_the_others() {
        let columns = Columns::new(&ColumnNames { text: Some("Headline".into()), ..ColumnNames::default() });
        assert_eq!(columns.field_of("headline"), Some((Field::Text, 0)));
        assert_eq!(columns.field_of("text"), None);
        assert_eq!(columns.field_of("title"), Some((Field::Title, 0)));
        assert_eq!(columns.display(Field::Text), "headline");
        assert!(columns.no_text_reason(&["a".into()]).contains("--text-column"));
    }
}
