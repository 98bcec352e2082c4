//! `Doc`: one article's text with its segments and tokens, the view the detectors work on.

use std::ops::Range;

use crate::lang::lexicon::{Entry, LEXICON};
use crate::model::Span;
use crate::segment::Segments;
use crate::tokenize::{Token, TokenKind};

pub struct Doc<'a> {
    text: &'a str,
    pub segments: Segments,
    /// Each on character boundaries of `text`, in order: [`Doc::new`] checks that once, and the
    /// detectors' many `tok` and `text_of` then slice the text without checking it again.
    tokens: Vec<Token>,
    /// What the lexicon says of each token, looked up once here, and whether it is a word,
    /// capitalized, a number: the detectors ask of nearly every token whether it is a cue, a
    /// preposition, a name's title …, many times over, and scan these for where a name, a cue
    /// or a date may start.
    entries: Vec<Entry>,
    /// The tokens of each sentence, in [`Segments::sentences`] order: the detectors walk the
    /// sentences of an article several times over.
    sentence_tokens: Vec<Range<usize>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, tokenizer: &dyn crate::tokenize::Tokenize) -> Doc<'a> {
        Doc::new_in(text, tokenizer, crate::lang::Language::English)
    }

    /// The document of a text in `language` (its sentences are split by that language's rules).
    pub fn new_in(
        text: &'a str,
        tokenizer: &dyn crate::tokenize::Tokenize,
        language: crate::lang::Language,
    ) -> Doc<'a> {
        let segments = crate::segment::segment_in(text, language);
        let mut tokens = Vec::new();
        tokenizer.tokenize(text, &mut tokens);
        // A tokenizer is code behind a trait: what `tok` and `text_of` rely on is checked here,
        // unless the tokenizer is whosaid's own, whose bounds are right by construction (a
        // check of every token was 2% of the run).
        if tokenizer.own_bounds().is_none() {
            assert!(on_char_boundaries(text, &tokens), "the tokenizer split inside a character or out of order");
        }
        // Every listed word is letters only: punctuation is in no list.
        let (lexicon, bytes) = (&*LEXICON, text.as_bytes());
        let entries = tokens
            .iter()
            .map(|t| {
                if t.kind != TokenKind::Word {
                    return Entry::default();
                }
                let first = bytes[t.start()];
                lexicon.entry_in(bytes, t.start(), t.end()).of_word(first, || starts_upper_case(text, t.start()))
            })
            .collect();
        // Sentences are in text order: one walk over the tokens places them all.
        let mut at = 0;
        let mut token_at_or_after = |byte: usize| {
            while at < tokens.len() && tokens[at].start() < byte {
                at += 1;
            }
            at
        };
        let sentence_tokens =
            segments.sentences.iter().map(|s| token_at_or_after(s.start)..token_at_or_after(s.end)).collect();
        Doc { text, segments, tokens, entries, sentence_tokens }
    }

    /// Whether the text near token `idx` (a window of [`NEAR`] tokens either side) writes `word`
    /// (lower case) as a word of its own, and reads as English: more than one token in 40 is
    /// "the", "and" or "of" (in English news; about none in German, which capitalizes every noun
    /// and a sentence's "Er"). A window, not the article: a long article stays linear.
    pub fn writes_in_lower_case_near(&self, idx: usize, word: &str) -> bool {
        const NEAR: usize = 300;
        let window = idx.saturating_sub(NEAR)..self.tokens.len().min(idx + NEAR);
        let (bytes, word) = (self.text.as_bytes(), word.as_bytes());
        let tokens = &self.tokens[window.clone()];
        // A token's length is in its bounds: its text is read only where the length is the
        // word's or a common word's (comparing every token's text was most of a run's cost here).
        // Each scan stops as soon as it knows.
        let seen = tokens.iter().any(|t| t.span().len() == word.len() && &bytes[t.span()] == word);
        let needed = window.len() / 40 + 1;
        seen && tokens
            .iter()
            .filter(|t| matches!(t.span().len(), 2 | 3) && matches!(&bytes[t.span()], b"the" | b"and" | b"of"))
            .nth(needed - 1)
            .is_some()
    }

    /// The article's text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Each sentence with its tokens (first to one past the last), in text order.
    pub fn sentences(&self) -> impl Iterator<Item = (&Span, Range<usize>)> {
        self.segments.sentences.iter().zip(self.sentence_tokens.iter().cloned())
    }

    /// The tokens of sentence `sentence` (an index into [`Segments::sentences`]): first to one
    /// past the last, as [`Doc::token_at_or_after`] gives them for its start and end, without
    /// its two searches.
    pub fn sentence_tokens(&self, sentence: usize) -> Range<usize> {
        self.sentence_tokens[sentence].clone()
    }

    /// What the lexicon says of token `idx`.
    pub fn lex(&self, idx: usize) -> Entry {
        self.entries[idx]
    }

    pub fn tok(&self, idx: usize) -> &'a str {
        // SAFETY: a token's bounds are character boundaries of the text, in order (checked in
        // `Doc::new`; the tokens and the text are private and never changed after).
        unsafe { self.text.get_unchecked(self.tokens[idx].span()) }
    }

    /// Whether token `idx` is the "s" of a possessive ("Trump’s", "the company's").
    pub fn is_possessive_s(&self, idx: usize) -> bool {
        idx > 0 && self.tok_is(idx, "s") && matches!(self.tok(idx - 1), "’" | "'")
    }

    /// Whether token `idx` exists and is `word`, in any case.
    pub fn tok_is(&self, idx: usize, word: &str) -> bool {
        idx < self.tokens.len() && self.tok(idx).eq_ignore_ascii_case(word)
    }

    /// Whether token `idx` exists and is one of `words` (lower case), in any case.
    #[inline]
    pub fn tok_in(&self, idx: usize, words: &[&str]) -> bool {
        let Some(token) = self.tokens.get(idx) else { return false };
        // (A token's length is in its bounds: a word of another length is told apart without
        // reading the text.)
        let len = token.span().len();
        let tok = &self.text.as_bytes()[token.span()];
        words.iter().any(|w| w.len() == len && tok.eq_ignore_ascii_case(w.as_bytes()))
    }

    pub fn is_word(&self, idx: usize) -> bool {
        self.entries.get(idx).is_some_and(|e| e.is_word())
    }

    /// A word token whose first letter is upper case.
    pub fn is_capitalized(&self, idx: usize) -> bool {
        self.entries.get(idx).is_some_and(|e| e.is_capitalized())
    }

    /// Each token's [`Entry`], in token order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The first token starting at or after byte `at`.
    pub fn token_at_or_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < at)
    }

    /// The span from the start of token `first` to the end of token `last`.
    pub fn span_of(&self, first: usize, last: usize) -> Span {
        self.tokens[first].start()..self.tokens[last].end()
    }

    /// The text from the start of token `first` to the end of token `last`.
    pub fn text_of(&self, first: usize, last: usize) -> &'a str {
        let span = self.span_of(first, last);
        assert!(span.start <= span.end, "tokens {first} to {last} run backwards");
        // SAFETY: both ends are token bounds, so character boundaries of the text (see `tok`),
        // and the span runs forwards.
        unsafe { self.text.get_unchecked(span) }
    }

    /// Whether tokens `idx` and `idx + 1` exist and are written with no space between them.
    pub fn touches_next(&self, idx: usize) -> bool {
        self.tokens.get(idx + 1).is_some_and(|next| self.tokens[idx].end() == next.start())
    }

    /// Whether token `idx` is punctuation holding a comma: "," or a run of marks with one (`",`
    /// after a quoted fragment, `),`), which the tokenizer keeps as one token.
    pub fn has_comma(&self, idx: usize) -> bool {
        self.tokens.get(idx).is_some_and(|t| t.kind == TokenKind::Punct) && self.tok(idx).contains(',')
    }

    /// Whether token `idx` is the punctuation `p` (or starts with it, for runs such as `,”`).
    pub fn is_punct(&self, idx: usize, p: &str) -> bool {
        self.tokens.get(idx).is_some_and(|t| t.kind == TokenKind::Punct) && self.tok(idx).starts_with(p)
    }

    pub fn paragraph_end(&self, at: usize) -> usize {
        self.segments.paragraph_of(at).map_or(self.text.len(), |p| self.segments.paragraphs[p].end)
    }

    pub fn paragraph_start(&self, at: usize) -> usize {
        self.segments.paragraph_of(at).map_or(0, |p| self.segments.paragraphs[p].start)
    }

    /// How many paragraph boundaries lie between bytes `a` and `b` (a ≤ b).
    pub fn paragraph_of_gap(&self, a: usize, b: usize) -> usize {
        match (self.segments.paragraph_of(a), self.segments.paragraph_of(b)) {
            (Some(pa), Some(pb)) => pb.saturating_sub(pa),
            _ => usize::MAX,
        }
    }

    pub fn sentence_start(&self, at: usize) -> usize {
        self.segments.sentence_of(at).map_or(0, |s| self.segments.sentences[s].start)
    }

    /// The end of the sentence holding byte `at` (the text's end when none does).
    pub fn sentence_end(&self, at: usize) -> usize {
        self.segments.sentence_of(at).map_or(self.text.len(), |s| self.segments.sentences[s].end)
    }
}

/// Whether each token starts where the one before it ended or later, and ends at or after its
/// start, at character boundaries of `text` (so within it).
fn on_char_boundaries(text: &str, tokens: &[Token]) -> bool {
    let mut end = 0;
    tokens.iter().all(|t| {
        let ok =
            end <= t.start && t.start <= t.end && text.is_char_boundary(t.start()) && text.is_char_boundary(t.end());
        end = t.end;
        ok
    })
}

/// Whether the character at byte `at` of `text` is upper case: the rare case of a word that
/// starts with a character outside ASCII.
#[cold]
fn starts_upper_case(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::FastTokenizer;

    /// The one walk that places the sentences finds the tokens a search of each would.
    #[test]
    fn each_sentence_has_the_tokens_from_its_start_to_its_end() {
        let doc = Doc::new("He came. “Yes!” she said.\n\nMr. Smith left…  Then?\nEnd", &FastTokenizer);
        let sentences: Vec<_> = doc.sentences().collect();
        assert_eq!(sentences.len(), doc.segments.sentences.len());
        assert!(sentences.len() >= 4);
        for (idx, (sentence, tokens)) in sentences.into_iter().enumerate() {
            assert_eq!(tokens, doc.token_at_or_after(sentence.start)..doc.token_at_or_after(sentence.end));
            assert_eq!(doc.sentence_tokens(idx), tokens);
            let words: Vec<&str> = tokens.map(|i| doc.tok(i)).collect();
            assert_eq!(words.concat(), doc.text[sentence.clone()].replace(' ', ""));
        }
    }

    /// Tokens touch when no space lies between them; the last token touches nothing.
    #[test]
    fn tokens_touch_when_written_together() {
        let doc = Doc::new("Jean-Luc said, “no”", &FastTokenizer);
        let touching: Vec<bool> = (0..doc.tokens().len()).map(|i| doc.touches_next(i)).collect();
        // Jean - Luc said , “ no ”
        assert_eq!(touching, [true, true, false, true, false, true, true, false], "{:?}", doc.tokens());
    }

    /// What `tok` and `text_of` slice unchecked is checked once: bounds inside a character, out
    /// of order, backwards or past the text's end are refused.
    #[test]
    fn token_bounds_must_be_ordered_character_boundaries() {
        let text = "Zürich said";
        let tokens = |spans: &[(u32, u32)]| -> Vec<Token> {
            spans.iter().map(|&(start, end)| Token { start, end, kind: TokenKind::Word }).collect()
        };
        assert!(on_char_boundaries(text, &tokens(&[(0, 7), (8, 12)])));
        assert!(on_char_boundaries(text, &[]));
        for bad in [&[(0, 2)][..], &[(8, 12), (0, 7)], &[(5, 3)], &[(8, 13)], &[(2, 7)]] {
            assert!(!on_char_boundaries(text, &tokens(bad)), "{bad:?}");
        }
    }

    /// A tokenizer is outside code: one that splits inside a character stops `Doc::new`.
    #[test]
    #[should_panic(expected = "split inside a character")]
    fn a_tokenizer_that_splits_inside_a_character_is_refused() {
        struct Splits;
        impl crate::tokenize::Tokenize for Splits {
            fn tokenize(&self, _: &str, out: &mut Vec<Token>) {
                *out = vec![Token { start: 0, end: 2, kind: TokenKind::Word }];
            }
        }
        Doc::new("Zürich", &Splits);
    }

    /// `tok_in` answers as lowering the token and comparing it with the (lower-case, ASCII)
    /// words would, with no new string: any ASCII case matches, a character outside ASCII
    /// never stands for an ASCII letter, and a token past the end is in no list.
    #[test]
    fn tok_in_ignores_ascii_case_only() {
        let doc = Doc::new("But BUT but Ｂut büt", &FastTokenizer);
        let words = &["and", "but", "so"];
        let got: Vec<bool> = (0..=doc.tokens.len()).map(|i| doc.tok_in(i, words)).collect();
        let lowered: Vec<bool> =
            (0..doc.tokens.len()).map(|i| words.contains(&doc.tok(i).to_lowercase().as_str())).collect();
        assert_eq!(got[..doc.tokens.len()], lowered);
        assert_eq!(got, [true, true, true, false, false, false]);
    }

    /// The entries answer for each token as its text does: word or not, capitalized or not,
    /// for first letters in and outside ASCII.
    #[test]
    fn entries_say_which_tokens_are_capitalized_words() {
        let doc = Doc::new("Ärzte said: über 3 «Élan» x_Y, Ωmega ωmega _Q.", &FastTokenizer);
        for idx in 0..doc.tokens.len() {
            let word = doc.tokens[idx].kind == TokenKind::Word;
            let first = doc.tok(idx).chars().next().unwrap();
            assert_eq!(doc.is_word(idx), word, "{}", doc.tok(idx));
            assert_eq!(doc.is_capitalized(idx), word && first.is_uppercase(), "{}", doc.tok(idx));
        }
        let capitalized: Vec<&str> =
            (0..doc.tokens.len()).filter(|&i| doc.is_capitalized(i)).map(|i| doc.tok(i)).collect();
        assert_eq!(capitalized, ["Ärzte", "Élan", "Ωmega"]);
        assert!(!doc.is_word(doc.tokens.len()) && !doc.is_capitalized(doc.tokens.len()));
    }
}
