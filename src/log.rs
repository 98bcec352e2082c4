//! Log lines on standard error. A nightly job's standard error is often a log file on a disk that
//! can fill up: a line that cannot be written is counted (`run.json`'s `log_lines_lost`) and
//! dropped, and the run goes on (`eprintln!` panicked, so a full log disk failed every night's
//! run before its commit). A line's control characters are escaped, so that a file name or an
//! input's text cannot move the cursor or recolour the terminal it is shown on.

use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};

static LOST: AtomicU64 = AtomicU64::new(0);

/// Writes `line` and a line end to standard error, its control characters escaped; a failed
/// write is counted, never an error.
pub fn line(line: &str) {
    let mut stderr = std::io::stderr().lock();
    if writeln!(stderr, "{}", printable(line)).and_then(|()| stderr.flush()).is_err() {
        LOST.fetch_add(1, Ordering::Relaxed);
    }
}

/// The log lines this process could not write.
pub fn lost() -> u64 {
    LOST.load(Ordering::Relaxed)
}

/// `text` with each control character (an escape, a carriage return, a line end …) written as
/// `\u{1b}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(super::printable("plain “text” é"), "plain “text” é");
        assert_eq!(super::printable("a\x1b[31mred\r\nb"), "a\\u{1b}[31mred\\u{d}\\u{a}b");
    }
}
