//! Word keys: a word of at most 16 bytes packed into one `u128`, so that a word list's lookup
//! hashes and compares one integer. The lexicon of the rules (`lang/lexicon.rs`) and the name
//! lists ([`super::NameWords`]) key their words so.

/// No listed word is longer than this many bytes: a word is its key, its bytes packed
/// into one `u128` (zero-padded), so a lookup hashes and compares one integer.
const MAX_WORD: usize = 16;

/// The key of `word`, lowered when `lower` (ASCII letters only, as the lexicon is written): its
/// bytes in a `u128`, the length in the last byte when shorter than 16 (so "he" and "he\0"
/// differ); none for a word longer than any in the lexicon.
pub(crate) fn key(word: &[u8], lower: bool) -> Option<u128> {
    const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
    const LOW7: u128 = u128::from_ne_bytes([0x7f; 16]);
    const TO_A: u128 = u128::from_ne_bytes([0x80 - b'A'; 16]);
    const PAST_Z: u128 = u128::from_ne_bytes([0x80 - b'Z' - 1; 16]);
    if word.len() > MAX_WORD {
        return None;
    }
    let packed = pack(word) | if word.len() < MAX_WORD { (word.len() as u128) << 120 } else { 0 };
    if !lower {
        return Some(packed);
    }
    // Every byte at once: 0x80 marks an ASCII capital (its low seven bits in 'A'..='Z', its high
    // bit clear), and 0x80 >> 2 is the 0x20 that lowers it. The length byte is below 'A'.
    let low = packed & LOW7;
    let capital = (low + TO_A) & !(low + PAST_Z) & !packed & HIGH;
    Some(packed | (capital >> 2))
}

/// The key of `word` with bit 0x20 set in each of its bytes: for a word of ASCII letters, that
/// is its lower case, in one OR. A word with other bytes can fold to the key of another ("Ü" and
/// "ü" differ in that bit), so the table keeps those words' exact keys to check a match with.
/// None for a word longer than any in the lexicon, or empty.
pub(crate) fn folded(word: &[u8]) -> Option<u128> {
    let n = word.len();
    if n == 0 || n > MAX_WORD {
        return None;
    }
    Some(pack(word) | FOLD_AND_LENGTH[n])
}

/// [`folded`] of the word at `start..end` of `text`. With 16 bytes of text from the word's
/// start, the key is one load masked to the word's length: no branch on the length, which is
/// different from one word to the next and was mispredicted in `Doc::new`'s loop.
#[inline(always)]
pub(crate) fn folded_in(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let n = end - start;
    if n == 0 || n > MAX_WORD {
        return None;
    }
    match text.get(start..start + MAX_WORD) {
        Some(block) => Some(u128::from_le_bytes(block.try_into().expect("16 bytes")) & KEEP[n] | FOLD_AND_LENGTH[n]),
        None => folded(&text[start..end]),
    }
}

/// For each length, a mask of that many low bytes.
const KEEP: [u128; MAX_WORD + 1] = {
    let mut table = [0; MAX_WORD + 1];
    let mut n = 1;
    while n <= MAX_WORD {
        table[n] = u128::MAX >> (8 * (MAX_WORD - n));
        n += 1;
    }
    table
};

/// For each length, 0x20 in each of the word's bytes and the length in the last byte (as in
/// [`key`]): a shift of a `u128` by a variable count is a dozen instructions, a table one load.
const FOLD_AND_LENGTH: [u128; MAX_WORD + 1] = {
    let mut table = [0; MAX_WORD + 1];
    let mut n = 1;
    while n <= MAX_WORD {
        let fold = u128::from_le_bytes([0x20; 16]) & (u128::MAX >> (8 * (MAX_WORD - n)));
        table[n] = if n < MAX_WORD { fold | (n as u128) << 120 } else { fold };
        n += 1;
    }
    table
};

/// `word` (at most 16 bytes) as the low bytes of a `u128`, read with two overlapping loads
/// rather than a copy into a buffer.
fn pack(word: &[u8]) -> u128 {
    let n = word.len();
    let load8 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8 bytes"));
    let load4 = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().expect("4 bytes")));
    match n {
        // The last load ends at the word's end; its bytes past the first load are the word's rest.
        8 => u128::from(load8(0)),
        9..=16 => u128::from(load8(0)) | u128::from(load8(n - 8) >> (8 * (16 - n))) << 64,
        4..=7 => u128::from(load4(0) | (load4(n - 4) >> (8 * (8 - n))) << 32),
        _ => word.iter().rev().fold(0u128, |packed, &b| packed << 8 | u128::from(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_packs_to_its_bytes_at_every_length() {
        let word = b"abcdefghijklmnop";
        for n in 0..=16 {
            let mut buffer = [0u8; 16];
            buffer[..n].copy_from_slice(&word[..n]);
            assert_eq!(pack(&word[..n]), u128::from_le_bytes(buffer), "length {n}");
        }
    }

    /// A word's key read in its text is the key of the word alone, whether 16 bytes of text
    /// follow its start or not.
    #[test]
    fn a_key_read_in_the_text_is_the_words_own() {
        let text = "Said the PRESIDENT, “Bürgermeisterin” and a-word-longer-than-16-bytes.".as_bytes();
        for start in 0..text.len() {
            for end in start..=text.len() {
                assert_eq!(folded_in(text, start, end), folded(&text[start..end]), "{start}..{end}");
            }
        }
    }

    #[test]
    fn keys_lower_ascii_capitals_only_and_keep_lengths_apart() {
        assert_eq!(key(b"SAID", true), key(b"said", false));
        assert_eq!(key("Bürgermeisterin".as_bytes(), true), key("bürgermeisterin".as_bytes(), false));
        // The bytes around 'A'..='Z' are no capitals.
        assert_eq!(key(b"@[`{", true), key(b"@[`{", false));
        assert_ne!(key(b"he", false), key(b"he\0", false));
        assert_eq!(key(b"a-word-longer-than-16", true), None);
    }
}
