//! Interviews: articles laid out as turns, each paragraph of a turn opened by who speaks
//! ("((WN)) What …?", "((Anthony Boccaletti)) It will …", "NG: I've wanted …", "Q:"/"A:").
//!
//! The interviewer's turns are questions, not statements: their rows go. Each paragraph of an
//! interviewee's turn is one statement of that interviewee, in their own words (`direct`, rule
//! `interview/turn`), in place of the fragments the cue rules found in it ("I think …", "As far
//! as I know"): the whole answer is what they said.

use super::names::NameIndex;
use super::{resolve, speaker_profile, Mention, MentionKind};
use crate::doc::Doc;
use crate::model::{Gender, Quote, QuoteType, Rule, Span, SpeakerType};
use rustc_hash::FxHashSet;

/// Who speaks in a turn.
#[derive(Debug, Clone, PartialEq)]
enum Speaker {
    /// The interviewer (or a question label): no statement.
    Interviewer,
    /// The interviewee the marker names (its tokens), or none ("A:").
    Interviewee(Option<(usize, usize)>),
}

/// A turn: from the end of its marker to the next marker (or the end of the text).
#[derive(Debug, Clone, PartialEq)]
struct Turn {
    content: Span,
    speaker: Speaker,
}

/// Labels that open a paragraph with a colon but name no one.
const LABELS: &[&str] = &[
    "image",
    "file",
    "photo",
    "picture",
    "source",
    "sources",
    "note",
    "update",
    "editor",
    "disclaimer",
    "caption",
    "video",
    "credit",
    "credits",
    "correction",
    "related",
    "see",
    "read",
    "watch",
    "listen",
    "warning",
];

/// Markers of the interviewer.
const INTERVIEWERS: &[&str] = &["wn", "wikinews", "interviewer", "q", "question", "reporter"];

/// A turn marker at the start of the paragraph `paragraph`: its text (without the brackets or
/// colon) and where the turn's words start.
fn marker(doc: &Doc, paragraph: &Span) -> Option<(Span, usize)> {
    let text = &doc.text()[paragraph.clone()];
    let lead = text.len() - text.trim_start().len();
    let body = &text[lead..];
    let (name, after) = if let Some(inner) = body.strip_prefix("((") {
        // "((hi))": a wiki template (a language's tag), not who speaks.
        if !inner.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let close = inner.find("))")?;
        (paragraph.start + lead + 2..paragraph.start + lead + 2 + close, paragraph.start + lead + 4 + close)
    } else {
        // A speaker's name and its colon are in the paragraph's first few words: a paragraph is
        // not searched further.
        let head = &body[..body.floor_char_boundary(48.min(body.len()))];
        // A byte search: `str::find` of a char set up a searcher for each paragraph.
        let colon = memchr::memchr(b':', head.as_bytes())?;
        let name = &body[..colon];
        // A speaker's name: up to four capitalized words and no more than 40 bytes.
        let words: Vec<&str> = name.split_whitespace().collect();
        // (not "The :", a lone determiner; "A:" is an answer's label)
        let lone_determiner =
            words.len() == 1 && words[0] != "A" && crate::speakers::lexicon::LEXICON.entry(words[0]).is_determiner();
        let named = !words.is_empty()
            && !lone_determiner
            && words.len() <= 4
            && name.len() <= 40
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains(['.', ',']))
            && !LABELS.iter().any(|l| words[0].eq_ignore_ascii_case(l))
            // ("Jo JorgensenImage: Gage Skidmore.": a caption's credit, its label glued to the name)
            && !words.last().is_some_and(|w| ["Image", "Photo", "Picture", "Credit", "File"].iter().any(|l| w.ends_with(l) && w.len() > l.len()));
        // What follows a speaker's colon is what they say: words, not a figure ("Clinton: 2,383").
        let said = &body[colon + 1..];
        let answers = said.trim_start().starts_with(char::is_alphabetic) && said.split_whitespace().nth(3).is_some();
        if !named || !answers {
            return None;
        }
        (paragraph.start + lead..paragraph.start + lead + colon, paragraph.start + lead + colon + 1)
    };
    let name = trim_span(doc.text(), name);
    (!name.is_empty()).then_some((name, after))
}

fn trim_span(text: &str, span: Span) -> Span {
    let inner = &text[span.clone()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    start..start + inner.trim().len()
}

/// The initials of a name ("Natasha Gownaris" → "NG"), upper case, when they could be a marker
/// that [`acronym`] reads: one to four ASCII capitals. None otherwise, as no marker is them; a
/// name's initials were a new string, made for every marker of every article.
fn initials(name: &str) -> Option<Acronym> {
    let mut letters = [0u8; 4];
    let mut len = 0;
    for c in name.split_whitespace().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase) {
        if len == letters.len() || !c.is_ascii_uppercase() {
            return None;
        }
        letters[len] = c as u8;
        len += 1;
    }
    (len > 0).then_some(letters)
}

/// One to four ASCII capitals, zero after the last (which no letter is): a marker written in
/// initials ("NG"), or a name's initials.
type Acronym = [u8; 4];

/// The letters of `word` when it [`is_acronym`].
fn acronym(word: &str) -> Option<Acronym> {
    is_acronym(word).then(|| {
        let mut letters = [0u8; 4];
        letters[..word.len()].copy_from_slice(word.as_bytes());
        letters
    })
}

/// An article's turns, when it is laid out as an interview (none otherwise): found once, before
/// the detectors, which skip what the turns hold (their rows would go: a third of the sample
/// corpus's rows are interview answers, and finding and resolving the fragments inside them was
/// work thrown away).
pub struct Turns(Vec<Turn>);

impl Turns {
    pub fn of(doc: &Doc) -> Turns {
        Turns(turns(doc))
    }

    /// Whether byte `at` is inside a turn's words.
    pub fn holds(&self, at: usize) -> bool {
        let next = self.0.partition_point(|t| t.content.end <= at);
        self.0.get(next).is_some_and(|t| t.content.start <= at)
    }
}

/// The turns of an article, when it is laid out as an interview: at least two markers, one of
/// them an interviewer's or an interviewee's met more than once. None otherwise.
fn turns(doc: &Doc) -> Vec<Turn> {
    let text = doc.text();
    let markers: Vec<(usize, Span, usize)> = doc
        .segments
        .paragraphs
        .iter()
        .enumerate()
        .filter_map(|(p, paragraph)| marker(doc, paragraph).map(|(name, after)| (p, name, after)))
        .collect();
    // (Most articles have no marker, or one: no interview, and nothing more to ask.)
    if markers.len() < 2 {
        return Vec::new();
    }
    let bracketed = markers
        .iter()
        .filter(|(p, _, _)| text[doc.segments.paragraphs[*p].clone()].trim_start().starts_with("(("))
        .count();
    let seen: Vec<&str> = markers.iter().map(|(_, name, _)| &text[name.clone()]).collect();
    // Full names used as markers, whose initials may mark the same person's later turns.
    let full_names: Vec<&str> = seen.iter().copied().filter(|n| n.split_whitespace().count() >= 2).collect();
    // "Name:" lines count as turns only where a speaker comes back (by name or initials) or an
    // interviewer's marker is among them: a label or two is no interview.
    // One pass with sets (an interview of a hundred turns compared every pair, and made the
    // initials of each name for every comparison).
    let mut repeated = false;
    let (mut names, mut initials_of_names, mut acronyms) =
        (FxHashSet::default(), FxHashSet::default(), FxHashSet::default());
    for &name in &seen {
        let (own_initials, written_as) = (initials(name), acronym(name));
        repeated |= names.contains(name)
            || written_as.is_some_and(|a| initials_of_names.contains(&a))
            || own_initials.is_some_and(|i| acronyms.contains(&i));
        names.insert(name);
        acronyms.extend(written_as);
        initials_of_names.extend(own_initials);
    }
    let asks = seen.iter().any(|n| INTERVIEWERS.iter().any(|i| n.eq_ignore_ascii_case(i)));
    if bracketed < 2 && !repeated && !asks {
        return Vec::new();
    }
    let full_initials: Vec<(Acronym, &str)> = full_names.iter().filter_map(|n| Some((initials(n)?, *n))).collect();
    let mut turns: Vec<Turn> = Vec::new();
    for (idx, (_, name, after)) in markers.iter().enumerate() {
        let end = markers.get(idx + 1).map_or(text.len(), |(p, _, _)| doc.segments.paragraphs[*p].start);
        let written = &text[name.clone()];
        let written_as = acronym(written);
        let interviewer = INTERVIEWERS.iter().any(|i| written.eq_ignore_ascii_case(i))
            || written_as.is_some_and(|a| !full_initials.iter().any(|(i, _)| *i == a));
        let speaker = if interviewer {
            Speaker::Interviewer
        } else if written.eq_ignore_ascii_case("a") || written.eq_ignore_ascii_case("answer") {
            Speaker::Interviewee(None)
        } else {
            // "NG" for "Natasha Gownaris": the full name's tokens where the marker is initials.
            let full = written_as.and_then(|a| full_initials.iter().find(|(i, _)| *i == a)).map(|(_, n)| n);
            let span = match full {
                Some(full) => markers.iter().map(|(_, n, _)| n.clone()).find(|n| &text[n.clone()] == *full),
                None => Some(name.clone()),
            };
            Speaker::Interviewee(span.map(|s| (doc.token_at_or_after(s.start), doc.token_at_or_after(s.end) - 1)))
        };
        turns.push(Turn { content: *after..end, speaker });
    }
    turns
}

fn is_acronym(word: &str) -> bool {
    (1..=4).contains(&word.len()) && word.bytes().all(|c| c.is_ascii_uppercase())
}

/// A speaker's resolved name and title.
type NameAndTitle = (Option<String>, Option<String>);

/// Rewrites the statements of an interview: the interviewer's go, each paragraph of an
/// interviewee's turn becomes one statement of theirs. An article that is no interview keeps its
/// statements as they are.
pub fn attribute_turns(doc: &Doc, names: &NameIndex, quotes: Vec<Quote>, turns: &Turns) -> Vec<Quote> {
    let turns = &turns.0;
    if turns.is_empty() {
        return quotes;
    }
    let in_turn = |at: usize| turns.iter().find(|t| t.content.start <= at && at < t.content.end);
    let mut kept: Vec<Quote> = quotes.into_iter().filter(|q| in_turn(q.span.start).is_none()).collect();
    // Turns and paragraphs are both in text order: one walk over the paragraphs.
    let paragraphs = &doc.segments.paragraphs;
    let mut first_paragraph = 0;
    // Who a marker names, by its words: an interviewee's every turn names them alike ("((Anthony
    // Boccaletti))" or "NG" each time), and is resolved once.
    let mut known: Vec<(&str, NameAndTitle, Option<Gender>)> = Vec::new();
    for turn in turns {
        while first_paragraph < paragraphs.len() && paragraphs[first_paragraph].end <= turn.content.start {
            first_paragraph += 1;
        }
        let Speaker::Interviewee(marker) = &turn.speaker else { continue };
        let mention = marker.filter(|(first, last)| last >= first).map(|(first, last)| Mention {
            first,
            last,
            kind: MentionKind::Name,
        });
        let ((speaker_name, speaker_title), speaker_gender) = match mention {
            Some(mention) => {
                let words = doc.text_of(mention.first, mention.last);
                match known.iter().find(|(w, _, _)| *w == words) {
                    Some((_, resolved, gender)) => (resolved.clone(), *gender),
                    None => {
                        let resolved = resolve(doc, names, mention, None);
                        // An interviewee is a person, of the gender the article gives them.
                        let gender = speaker_profile(doc, names, mention).1;
                        known.push((words, resolved.clone(), gender));
                        (resolved, gender)
                    }
                }
            }
            None => ((None, None), None),
        };
        // An answer's row: its parts, one paragraph or a lead-in and the paragraph it leads into.
        let answer = |parts: Vec<Span>| Quote {
            span: parts[0].start..parts[parts.len() - 1].end,
            parts,
            kind: QuoteType::Direct,
            cue: None,
            speaker: marker.map(|(first, last)| doc.span_of(first, last)),
            speaker_name: speaker_name.clone(),
            speaker_title: speaker_title.clone(),
            speaker_type: Some(SpeakerType::Person),
            speaker_gender,
            rule: Rule { detector: "interview", attribution: "turn" },
            said_on: None,
        };
        // ("According to 2016 census:": a paragraph that ends in a colon leads into the next one
        // of its turn, and is one row with it.)
        let mut lead_in: Option<Span> = None;
        for paragraph in paragraphs[first_paragraph..].iter().take_while(|p| p.start < turn.content.end) {
            let start = paragraph.start.max(turn.content.start);
            let end = paragraph.end.min(turn.content.end);
            if start >= end {
                continue;
            }
            let span = trim_span(doc.text(), start..end);
            let words = &doc.text()[span.clone()];
            // A photo's caption, a wiki template ("((hi))Hindi language: …") or a stray word of a
            // paragraph broken mid-sentence is no answer.
            let template = words.starts_with("((") && words[2..].starts_with(|c: char| c.is_lowercase());
            if words.contains("Image:") || template || words.split_whitespace().nth(2).is_none() {
                continue;
            }
            if words.ends_with(':') && end < turn.content.end && lead_in.is_none() {
                lead_in = Some(span);
                continue;
            }
            let parts = match lead_in.take() {
                Some(lead) => vec![lead, span],
                None => vec![span],
            };
            kept.push(answer(parts));
        }
        // (a lead-in whose next paragraph was no answer stands alone)
        if let Some(lead) = lead_in {
            kept.push(answer(vec![lead]));
        }
    }
    kept.sort_by_key(|q| (q.span.start, q.span.end));
    kept
}

#[cfg(test)]
mod tests {
    use crate::speakers::tests::render as rows;

    #[test]
    fn the_interviewers_turns_go_and_each_answer_paragraph_is_the_interviewees() {
        let text = "Wikinews spoke with astronomer Anthony Boccaletti.\n\n((WN)) What did you find, and why do you think it matters?\n\n\
                    ((Anthony Boccaletti)) I think it is a planet. As far as I know, nobody saw one form.\n\n\
                    It will be a giant planet, really.\n\ndetection.\n\n((hi))Hindi language: यह एक ग्रह है।\n\n((WN)) Thank you.";
        assert_eq!(
            rows(text),
            [
                "interview/turn | I think it is a planet. As far as I know, nobody saw one form. | Anthony Boccaletti | Anthony Boccaletti",
                "interview/turn | It will be a giant planet, really. | Anthony Boccaletti | Anthony Boccaletti",
            ]
        );
    }

    /// A paragraph of an answer that ends in a colon leads into the next one: one row of both.
    #[test]
    fn a_lead_in_and_the_paragraph_it_leads_into_are_one_answer() {
        let text = "Wikinews spoke with candidate Wayne Tseng.\n\n((WN)) What does Melbourne look like?\n\n\
                    ((Wayne Tseng)) According to the 2016 census:\n\nChildren made up 3.8% of the population.\n\n\
                    ((WN)) Thank you.";
        assert_eq!(
            rows(text),
            [
                "interview/turn | According to the 2016 census:\n\nChildren made up 3.8% of the population. | Wayne Tseng | Wayne Tseng"
            ]
        );
    }

    #[test]
    fn initials_mark_the_turns_of_the_person_first_named_in_full() {
        let text = "Natasha Gownaris: I have wanted to be a marine scientist since I was a child.\n\n\
                    Wikinews: What do penguins eat?\n\nNG: They eat fish, and I think they like it.";
        assert_eq!(
            rows(text),
            [
                "interview/turn | I have wanted to be a marine scientist since I was a child. | Natasha Gownaris | Natasha Gownaris",
                "interview/turn | They eat fish, and I think they like it. | Natasha Gownaris | Natasha Gownaris",
            ]
        );
    }

    /// "A:" marks an answer, though "a" is a determiner; "The :" marks nothing (it made a
    /// one-token name of a determiner, which panicked where the name was resolved).
    #[test]
    fn an_answers_label_is_a_marker_and_a_lone_determiner_none() {
        let doc = crate::doc::Doc::new(
            "A: I said that the plan will work.\n\nThe : software will respect it all.",
            &crate::tokenize::FastTokenizer,
        );
        let markers: Vec<bool> = doc.segments.paragraphs.iter().map(|p| super::marker(&doc, p).is_some()).collect();
        assert_eq!(markers, [true, false]);
    }

    /// A label or two with a colon is no interview, nor a tally of names and figures; the
    /// article's statements stay as they are.
    #[test]
    fn labels_and_tallies_with_a_colon_make_no_interview() {
        let text = "Image: Gage Skidmore.\n\nThe minister said the talks were over.\n\nNote: updated.";
        assert_eq!(rows(text), ["indirect/subject-cue | the talks were over | The minister | -"]);
        let text =
            "Delegate Update: The latest count in the race.\n\nHillary Clinton: 2,383.\n\nBernie Sanders: 1,501.\n\n\
                    Hillary Clinton: 2,390.\n\nBernie Sanders: 1,510.\n\nOfficials said the talks were over.";
        assert_eq!(rows(text), ["indirect/subject-cue | the talks were over | Officials | -"]);
        // A wiki's file lines ("File:Susan Rice official portrait.jpg") name an image, not a speaker.
        let text = "File:Keisha Lance Bottoms official photo cropped.jpg\n\nThe mayor spoke first on Monday.\n\n\
                    File:Susan Rice official portrait from the White House.jpg\n\nRice said the plan would pass.";
        assert_eq!(rows(text), ["indirect/subject-cue | the plan would pass | Rice | Susan Rice"]);
        // A caption's credit with its label glued to the name is no turn either.
        let text = "Jo JorgensenImage: Jo Jorgensen for President.\n\nDon BlankenshipImage: Brian Hayden of Ohio.\n\n\
                    The party nominated Blankenship on the second ballot.\n\nJo JorgensenImage: Gage Skidmore of Arizona.";
        assert_eq!(rows(text), Vec::<String>::new());
    }
}
