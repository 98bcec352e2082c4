//! Dates: reads an article's `published` value, in the common forms news data comes in.
//!
//! Accepted: ISO 8601 dates and datetimes (`2019-01-04`, `2019-01-04T10:00:00Z`,
//! `2019-01-04 10:00:00`), RFC 2822 (`Fri, 04 Jan 2019 10:00:00 +0000`), and written dates
//! (`Jan 4, 2019`, `January 4, 2019`, `4 January 2019`, `Friday, January 4, 2019`). A datetime
//! gives the date as written in its own time zone. Anything else is `None`: the raw text is kept
//! by the writer and the article is not rejected for it.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

const DATE_FORMATS: &[&str] =
    &["%Y-%m-%d", "%Y/%m/%d", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%b. %d, %Y"];
const DATETIME_FORMATS: &[&str] =
    &["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"];

pub fn parse_published(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Ok(datetime) = DateTime::parse_from_rfc3339(raw) {
        return Some(datetime.date_naive());
    }
    if let Ok(datetime) = DateTime::parse_from_rfc2822(raw) {
        return Some(datetime.date_naive());
    }
    for format in DATETIME_FORMATS {
        if let Ok(datetime) = NaiveDateTime::parse_from_str(raw, format) {
            return Some(datetime.date());
        }
    }
    DATE_FORMATS.iter().find_map(|format| NaiveDate::parse_from_str(raw, format).ok())
}

/// Days since 1970-01-01, the physical value of an Arrow/Parquet `date32`.
pub fn days_since_epoch(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    (date - epoch).num_days() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: Option<&str>) {
        assert_eq!(parse_published(raw).map(|d| d.to_string()).as_deref(), expected, "{raw}");
    }

    #[test]
    fn reads_the_common_forms() {
        check("2019-01-04", Some("2019-01-04"));
        check("2019-01-04T23:30:00-05:00", Some("2019-01-04"));
        check("2019-01-04 10:00:00", Some("2019-01-04"));
        check("Fri, 04 Jan 2019 10:00:00 +0000", Some("2019-01-04"));
        check("Jan 4, 2019", Some("2019-01-04"));
        check("4 January 2019", Some("2019-01-04"));
        check("Friday, January 4, 2019", Some("2019-01-04"));
        check("last week", None);
        check("", None);
    }

    #[test]
    fn counts_days_from_the_unix_epoch() {
        assert_eq!(days_since_epoch(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
        assert_eq!(days_since_epoch(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()), -1);
    }
}
