//! CSV rows written straight from the row structs' `Serialize` impls into a byte buffer.
//!
//! The csv crate's serde writer ran every byte of every field through its quoting state machine
//! and every field through several layers of serde; it was a tenth of a run's instructions on
//! the sample corpus. This writer checks a field for the four bytes that need quoting (a table
//! for short fields, `memchr` for long ones) and copies it whole. Its output is the csv crate's,
//! byte for byte: a field is quoted only when it holds `,`, `"`, `\r` or `\n`, a quote inside is
//! doubled, `None` is an empty field and lines end in `\n`.
//!
//! Unlike the csv crate, it writes the header when the table is created, so an empty table
//! still has its columns.
//!
//! A text field that a spreadsheet would run as a formula (one that begins with `=`, `+`, `-`,
//! `@`, a tab or a carriage return: "=HYPERLINK(…)") is written with a leading `'` unless the
//! writer is told to keep formulas (OWASP's advice against CSV injection). Numbers are
//! never changed.

use serde::ser::{self, Impossible, Serialize};

/// Why a value cannot be a CSV field: only flat structs of strings, integers and options are.
#[derive(Debug)]
pub struct Unsupported(String);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

/// Appends `row` to `out` as one CSV line; `keep_formulas` writes text fields that begin as a
/// formula does as they are, not behind a `'`.
pub fn write_row<R: Serialize>(out: &mut Vec<u8>, row: &R, keep_formulas: bool) -> Result<(), Unsupported> {
    row.serialize(Row { out, fields: 0, keep_formulas })?;
    out.push(b'\n');
    Ok(())
}

/// The names of the fields `row` serializes, in order (tests hold the header to them).
#[cfg(test)]
pub fn field_names<R: Serialize>(row: &R) -> Result<Vec<&'static str>, Unsupported> {
    let mut names = Vec::new();
    row.serialize(Names(&mut names))?;
    Ok(names)
}

/// Appends `names` to `out` as the header line.
pub fn write_header(out: &mut Vec<u8>, names: &[impl AsRef<str>]) {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(out, name.as_ref().as_bytes());
    }
    out.push(b'\n');
}

/// The bytes that make a field quoted.
#[cfg(test)]
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b',' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table
};

/// Whether `field` holds a byte that makes it quoted (`,`, `"`, `\n` or `\r`), eight bytes at a
/// time: a short field (most of them) was a table load, a test and a branch per byte.
fn has_special(field: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // A byte of `word` equal to `b`: the high bit set in (x - 1) & !x of the XOR's bytes, which
    // is exact for "any byte" (a borrow only runs past a byte that is itself a match).
    let has = |word: u64, b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x
    };
    let any = |word: u64| (has(word, b',') | has(word, b'"') | has(word, b'\n') | has(word, b'\r')) & HIGHS != 0;
    let mut words = field.chunks_exact(8);
    if words.by_ref().any(|w| any(u64::from_ne_bytes(w.try_into().expect("8 bytes")))) {
        return true;
    }
    any(pack_short(words.remainder()))
}

/// Up to seven bytes in the low bytes of a `u64`, the others zero (which need no quoting): with
/// overlapping loads, where a copy into a buffer called `memcpy` for most fields, which are short.
fn pack_short(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!(n < 8);
    let load4 = |at: usize| u64::from(u32::from_le_bytes(rest[at..at + 4].try_into().expect("4 bytes")));
    match n {
        0 => 0,
        // The second load ends at the last byte; where the two overlap their bytes are the same.
        4.. => load4(0) | load4(n - 4) << (8 * (n - 4)),
        _ => u64::from(rest[0]) | u64::from(rest[n / 2]) << (8 * (n / 2)) | u64::from(rest[n - 1]) << (8 * (n - 1)),
    }
}

fn push_field(out: &mut Vec<u8>, field: &[u8]) {
    // Short fields (most of them) a word at a time; for long ones memchr's vector scan pays its
    // setup.
    let special = if field.len() < 48 {
        has_special(field)
    } else {
        memchr::memchr3(b',', b'"', b'\n', field).is_some() || memchr::memchr(b'\r', field).is_some()
    };
    if !special {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    let mut rest = field;
    while let Some(at) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=at]);
        out.push(b'"');
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(format!("a CSV row cannot hold {what}")))
}

/// A row: a struct whose fields become the line's fields.
struct Row<'a> {
    out: &'a mut Vec<u8>,
    fields: usize,
    keep_formulas: bool,
}

/// One field's value, and whether a text that begins as a formula is written as it is.
struct Field<'a>(&'a mut Vec<u8>, bool);

/// Whether a spreadsheet reads a cell that begins with `field` as a formula.
pub fn reads_as_formula(field: &[u8]) -> bool {
    matches!(field.first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'))
}

/// Appends a text field: behind a `'` where a spreadsheet would run it, unless `keep_formulas`.
fn push_text(out: &mut Vec<u8>, field: &[u8], keep_formulas: bool) {
    if keep_formulas || !reads_as_formula(field) {
        return push_field(out, field);
    }
    let mut guarded = Vec::with_capacity(field.len() + 1);
    guarded.push(b'\'');
    guarded.extend_from_slice(field);
    push_field(out, &guarded);
}

/// Collects a struct's field names.
#[cfg(test)]
struct Names<'a>(&'a mut Vec<&'static str>);

macro_rules! not_a_row {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Self::Ok, Unsupported> {
            unsupported(concat!("a top-level ", stringify!($method)))
        })*
    };
}

/// The result types, and the compound values neither a row nor a field may be; `$where` names
/// the place in the error.
macro_rules! no_compounds {
    ($where:literal) => {
        type Ok = ();
        type Error = Unsupported;
        type SerializeSeq = Impossible<(), Unsupported>;
        type SerializeTuple = Impossible<(), Unsupported>;
        type SerializeTupleStruct = Impossible<(), Unsupported>;
        type SerializeTupleVariant = Impossible<(), Unsupported>;
        type SerializeMap = Impossible<(), Unsupported>;
        type SerializeStructVariant = Impossible<(), Unsupported>;

        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Unsupported> {
            unsupported(concat!("an enum with data", $where))
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
            unsupported(concat!("a sequence", $where))
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
            unsupported(concat!("a tuple", $where))
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unsupported> {
            unsupported(concat!("a tuple struct", $where))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Unsupported> {
            unsupported(concat!("an enum", $where))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
            unsupported(concat!("a map", $where))
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Unsupported> {
            unsupported(concat!("an enum", $where))
        }
    };
}

macro_rules! row_serializer {
    ($ty:ident $(<$lt:lifetime>)?, $struct_state:ty, $start:expr) => {
        impl$(<$lt>)? ser::Serializer for $ty$(<$lt>)? {
            type SerializeStruct = $struct_state;

            fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<$struct_state, Unsupported> {
                #[allow(clippy::redundant_closure_call)]
                Ok(($start)(self))
            }

            not_a_row!(
                serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
                serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
                serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
                serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
                serialize_unit_struct(&'static str), serialize_unit_variant(&'static str, u32, &'static str),
            );

            fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Unsupported> {
                unsupported("a top-level option")
            }
            fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<(), Unsupported> {
                unsupported("a newtype struct")
            }
            no_compounds!(" at the top level");
        }
    };
}

row_serializer!(Row<'a>, Row<'a>, |row: Row<'a>| row);
#[cfg(test)]
row_serializer!(Names<'a>, Names<'a>, |names: Names<'a>| names);

impl ser::SerializeStruct for Row<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, _key: &'static str, value: &T) -> Result<(), Unsupported> {
        if self.fields > 0 {
            self.out.push(b',');
        }
        self.fields += 1;
        value.serialize(Field(self.out, self.keep_formulas))
    }

    fn end(self) -> Result<(), Unsupported> {
        Ok(())
    }
}

#[cfg(test)]
impl ser::SerializeStruct for Names<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, _value: &T) -> Result<(), Unsupported> {
        self.0.push(key);
        Ok(())
    }

    fn end(self) -> Result<(), Unsupported> {
        Ok(())
    }
}

macro_rules! integers {
    ($($method:ident($ty:ty)),*) => {
        $(fn $method(self, v: $ty) -> Result<(), Unsupported> {
            self.0.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
            Ok(())
        })*
    };
}

impl ser::Serializer for Field<'_> {
    type SerializeStruct = Impossible<(), Unsupported>;

    integers!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64)
    );

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.0.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    // (A number, negative or not, is no formula: written as it is.)
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        push_field(self.0, v.to_string().as_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        push_field(self.0, v.to_string().as_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        push_text(self.0, v.as_bytes(), self.1);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unsupported> {
        push_text(self.0, v, self.1);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Unsupported> {
        unsupported("a struct in a field")
    }

    no_compounds!(" in a field");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Sample<'a> {
        text: &'a str,
        n: u64,
        neg: i64,
        missing: Option<String>,
        present: Option<&'a str>,
        #[serde(skip)]
        _skipped: u8,
    }

    /// What the csv crate's serde writer makes of the same row, header included.
    fn csv_crate(row: &Sample) -> Vec<u8> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(row).unwrap();
        writer.into_inner().unwrap()
    }

    fn ours(row: &Sample) -> Vec<u8> {
        let mut out = Vec::new();
        write_header(&mut out, &field_names(row).unwrap());
        write_row(&mut out, row, true).unwrap();
        out
    }

    #[test]
    fn rows_are_the_csv_crates_byte_for_byte() {
        for text in [
            "plain",
            "",
            "a, b",
            "she said \"no\"",
            "\"",
            "line\nbreak",
            "cr\rhere",
            "crlf\r\n",
            "“curly” quotes, unquoted?",
            " spaces ",
            "#hash",
        ] {
            for present in [None, Some(""), Some("x,y")] {
                let row = Sample { text, n: 1234567890123, neg: -42, missing: None, present, _skipped: 0 };
                assert_eq!(
                    String::from_utf8(ours(&row)).unwrap(),
                    String::from_utf8(csv_crate(&row)).unwrap(),
                    "{text:?} {present:?}"
                );
            }
        }
        let row = Sample { text: "x", n: 0, neg: i64::MIN, missing: Some("m".into()), present: None, _skipped: 0 };
        assert_eq!(ours(&row), csv_crate(&row));
    }

    /// The word-at-a-time test finds each byte that makes a field quoted, and no other, at every
    /// place of fields of every length up to past three words.
    #[test]
    fn a_special_byte_is_found_wherever_it_is() {
        for len in 0..=26 {
            assert!(!has_special(&b"abcdefghijklmnopqrstuvwxyz"[..len]), "{len}");
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut field = vec![b'x'; len];
                    field[at] = b;
                    // A byte just below or above a special one next to it, for the borrows.
                    if at + 1 < len {
                        field[at + 1] = b.wrapping_add(1);
                    }
                    let expected = field.iter().any(|&b| SPECIAL[b as usize]);
                    assert_eq!(has_special(&field), expected, "{field:?}");
                }
            }
        }
    }

    /// A text cell a spreadsheet would run as a formula gets a leading `'`, quoted where its
    /// bytes ask; numbers (negative ones too) and other text are as they were; told to keep
    /// formulas, the writer writes the crate's bytes.
    #[test]
    fn a_text_that_reads_as_a_formula_is_written_behind_a_quote_mark() {
        let line = |text: &str, keep: bool| {
            let row = Sample { text, n: 7, neg: -42, missing: None, present: Some("@x"), _skipped: 0 };
            let mut out = Vec::new();
            write_row(&mut out, &row, keep).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(line("=1+1", false), "'=1+1,7,-42,,'@x\n");
        assert_eq!(
            line("=HYPERLINK(\"http://x?a=\"&A1,\"click\")", false),
            "\"'=HYPERLINK(\"\"http://x?a=\"\"&A1,\"\"click\"\")\",7,-42,,'@x\n"
        );
        for formula in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(line(formula, false).trim_start_matches('"').starts_with('\''), "{formula:?}");
        }
        assert_eq!(line("plain = text", false), "plain = text,7,-42,,'@x\n");
        assert_eq!(line("=1+1", true), "=1+1,7,-42,,@x\n");
    }

    #[test]
    fn a_nested_value_is_an_error_not_a_garbled_line() {
        #[derive(serde::Serialize)]
        struct Nested {
            list: Vec<u8>,
        }
        let mut out = Vec::new();
        let err = write_row(&mut out, &Nested { list: vec![1] }, false).unwrap_err();
        assert!(err.to_string().contains("sequence"), "{err}");
    }
}
