//! One minimal case per attribution rule: `check(text, rows)`, each row
//! `rule | quote as written | speaker mention | speaker_name`.

use crate::tokenize::FastTokenizer;

/// Each statement of `text` as `rule | quote as written | speaker mention | speaker_name`.
pub(super) fn render(text: &str) -> Vec<String> {
    crate::extract(text, None, &FastTokenizer)
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or("-", |s| &text[s.clone()]);
            format!(
                "{} | {} | {} | {}",
                q.rule,
                &text[q.span.clone()],
                speaker,
                q.speaker_name.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(render(text), expected, "in {text:?}");
}

#[test]
fn cue_and_speaker_after_the_quote() {
    check(
        "“We will not agree to this,” Lavrov said.",
        &["direct/after | “We will not agree to this,” | Lavrov | Lavrov"],
    );
    check(
        "\"It is a disgrace and a shame,\" said Senator Lindsey Graham.",
        &["direct/after | \"It is a disgrace and a shame,\" | Senator Lindsey Graham | Lindsey Graham"],
    );
    check(
        "\"I kind of got into a panic,\" Ki Hong, 33, said.",
        &["direct/after | \"I kind of got into a panic,\" | Ki Hong | Ki Hong"],
    );
    check(
        "\"Will he be the next attorney general?\" a staffer in the room wondered.",
        &["direct/after | \"Will he be the next attorney general?\" | a staffer | -"],
    );
}

#[test]
fn cue_and_speaker_before_the_quote() {
    check(
        "Trump said on Friday \"I can do it if I want to do it.\"",
        &["direct/before | \"I can do it if I want to do it.\" | Trump | Trump"],
    );
    check(
        "Nancy Pelosi, the Speaker of the House, said: \"We are committed to this.\"",
        &["direct/before | \"We are committed to this.\" | Nancy Pelosi | Nancy Pelosi"],
    );
    check(
        "The Vice President, Mike Pence, said: \"We are in a crisis now.\"",
        &["direct/before | \"We are in a crisis now.\" | Mike Pence | Mike Pence"],
    );
    check(
        "According to the BBC, \"the talks have collapsed and will not resume.\"",
        &["direct/according-to | \"the talks have collapsed and will not resume.\" | the BBC | BBC"],
    );
    check(
        "According to a statement released by Erdogan's office, \"the threat is gone for good now.\"",
        &["direct/according-to | \"the threat is gone for good now.\" | Erdogan's office | Erdogan's office"],
    );
}

#[test]
fn a_quoted_fragment_in_reported_speech_is_one_mixed_row() {
    // The reported clause goes on after the fragment, up to a comma or a second clause.
    check(
        "Clinton noted the “kind of problems” Sanders had answering questions, and left.",
        &["mixed/embedded | the “kind of problems” Sanders had answering questions | Clinton | Clinton"],
    );
    check(
        "Putin said the proposal is “good and we absolutely support it” before leaving.",
        &["mixed/embedded | the proposal is “good and we absolutely support it” | Putin | Putin"],
    );
    check(
        "Putin said the plan is “good,” naming a number of “conditions that need to be studied.”",
        &[
            "mixed/embedded | the plan is “good,” | Putin | Putin",
            "mixed/elided-subject | a number of “conditions that need to be studied.” | Putin | Putin",
        ],
    );
}

#[test]
fn colon_introductions() {
    check(
        "Cruz continued:\n\n“You look at the questions and you see the bias.”",
        &["direct/colon | “You look at the questions and you see the bias.” | Cruz | Cruz"],
    );
    check(
        "Sanders delivered a snappy retort: \"No one is tearing this up today.\"",
        &["direct/colon | \"No one is tearing this up today.\" | Sanders | Sanders"],
    );
    check(
        "When Wallace died, President Bill Clinton released the following statement:\n\n“Hillary and I offer our condolences.”",
        &["direct/colon | “Hillary and I offer our condolences.” | President Bill Clinton | Bill Clinton"],
    );
}

#[test]
fn floating_quotes_continue_the_speaker_before_them() {
    check(
        "Brett McGurk also criticized the decision via Twitter. \"The statement shows a lack of understanding.\"",
        &["direct/floating | \"The statement shows a lack of understanding.\" | Brett McGurk | Brett McGurk"],
    );
    check(
        "“We will win this,” Ana Costa said.\n\n“And nobody will stop us, not now and not later.”",
        &[
            "direct/after | “We will win this,” | Ana Costa | Ana Costa",
            "direct/floating | “And nobody will stop us, not now and not later.” | Ana Costa | Ana Costa",
        ],
    );
    check(
        "Schumer said \"we made a plea to the president\" and \"we told him to open the government.\"",
        &[
            "direct/before | \"we made a plea to the president\" | Schumer | Schumer",
            "direct/floating | \"we told him to open the government.\" | Schumer | Schumer",
        ],
    );
}

/// A colon introduces the quote after it, whatever phrases of the narration stand before it; a
/// clause there is reported with it.
#[test]
fn a_colon_introduces_its_quote_after_any_phrases() {
    check(
        "Hurley paraphrased Alan Shepard, commenting before launch on the occasion of the return of human spaceflight: \"Let's light this candle.\"",
        &["direct/elided-subject | \"Let's light this candle.\" | Hurley | Hurley"],
    );
    check(
        "Ryan told the press the new drugs were only part of the solution in the long fight against the disease: \"What will stop Ebola is good surveillance.\"",
        &["mixed/embedded | the new drugs were only part of the solution in the long fight against the disease: \"What will stop Ebola is good surveillance.\" | Ryan | Ryan"],
    );
}

/// "told reporters that …": a bare description as the one told (no determiner, no capital), up
/// to a pronoun or a verb of what was told; a participle after the one told reports on its own;
/// a report told beside the statement ("…, with some local press claiming …") is its own.
#[test]
fn told_a_bare_description_and_reports_beside_it() {
    check(
        "John Smith told reporters that the plan failed.",
        &["indirect/subject-cue | that the plan failed | John Smith | John Smith"],
    );
    check(
        "She told police she had diplomatic immunity.",
        &["indirect/subject-cue | she had diplomatic immunity | She | -"],
    );
    check(
        "A total of 39 are dead, officials told state media, adding that rescuers ended their work.",
        &["indirect/subject-cue | that rescuers ended their work | officials | -"],
    );
    check(
        "The bus driver told police he lost control, with some local press claiming he was passing another vehicle.",
        &[
            "indirect/subject-cue | he lost control | The bus driver | -",
            "indirect/subject-cue | he was passing another vehicle | some local press | -",
        ],
    );
}

/// The one told, and where or when, is no part of what was told: a name with its hyphened and
/// apostrophed words, a role and its holder, a description of a few words.
#[test]
fn the_one_told_is_no_part_of_what_was_told() {
    check(
        "Kubiak told Agence France-Presse the victim is in intensive care with \"severe burns\".",
        &["mixed/embedded | the victim is in intensive care with \"severe burns\" | Kubiak | Kubiak"],
    );
    check(
        "Mendez told The Washington Post he considered himself \"an artist first.\"",
        &["mixed/embedded | he considered himself \"an artist first.\" | Mendez | Mendez"],
    );
    check(
        "Sanders told co-host Joe Scarborough that he \"honestly does not know the answer\" to that.",
        &["mixed/embedded | he \"honestly does not know the answer\" to that | Sanders | Sanders"],
    );
    check(
        "Duda told local media Adamowicz's heart was restarted by doctors \"and there is hope.\"",
        &["mixed/embedded | Adamowicz's heart was restarted by doctors \"and there is hope.\" | Duda | Duda"],
    );
    check(
        "She told a guard at the door, in French and English, \"they raped me\".",
        &["direct/before | \"they raped me\" | She | -"],
    );
}

/// A participle of saying after the comma that follows a quoted fragment reports a statement of
/// its own, also where the comma and the closing mark are one token.
#[test]
fn a_participle_after_a_fragment_is_a_statement_of_its_own() {
    check(
        "The prosecutor said the men must face \"murder charges\", adding Iran will pursue the case.",
        &[
            "mixed/embedded | the men must face \"murder charges\" | The prosecutor | -",
            "indirect/subject-cue | Iran will pursue the case | The prosecutor | -",
        ],
    );
}

/// A quote its sentence goes on after, with no cue, is a phrase of the narration, not a
/// statement the sentence before introduces.
#[test]
fn a_quote_the_narration_uses_as_a_phrase_is_no_statement() {
    check("Protests continued in Portland. \"Law and order\" was a common theme at the convention.", &[]);
    check(
        "Protests continued, Smith said. \"We will restore order now.\"",
        &["direct/floating | \"We will restore order now.\" | Smith | Smith"],
    );
}

#[test]
fn interrupted_statements_are_one_row() {
    check(
        "“We will not agree,” Costa said, “to any of it.”",
        &["direct/after | “We will not agree,” Costa said, “to any of it.” | Costa | Costa"],
    );
    check(
        "“It is a trap,” she said. “Nobody will sign it.”",
        &["direct/after | “It is a trap,” she said. “Nobody will sign it.” | she | -"],
    );
    check(
        "\"Not a serious candidate,\" said David Axelrod, the top strategist on the 2008 campaign. \"That is not enough to win.\"",
        &["direct/after | \"Not a serious candidate,\" said David Axelrod, the top strategist on the 2008 campaign. \"That is not enough to win.\" | David Axelrod | David Axelrod"],
    );
    // After a quote of several sentences that ends its sentence, a new quote is a new statement;
    // one that ends in a comma, inside its marks or after them, goes on after the attribution.
    check(
        "\"It is over. We lost. It was low.\" Graham continued. \"This decision has undone all the gains.\"",
        &[
            "direct/after | \"It is over. We lost. It was low.\" | Graham | Graham",
            "direct/floating | \"This decision has undone all the gains.\" | Graham | Graham",
        ],
    );
    check(
        "\"It is over. We lost. It was low\", Graham continued. \"This decision has undone all the gains.\"",
        &["direct/after | \"It is over. We lost. It was low\", Graham continued. \"This decision has undone all the gains.\" | Graham | Graham"],
    );
    check(
        "“It is over. We lost. It was low,” Graham said. “This decision has undone all the gains.”",
        &["direct/after | “It is over. We lost. It was low,” Graham said. “This decision has undone all the gains.” | Graham | Graham"],
    );
    // "X wrote," after a finished quote introduces the next one.
    check(
        "\"It is over and done now.\" McGurk later wrote, \"The SDF suffered thousands of casualties.\"",
        &[
            "direct/none | \"It is over and done now.\" | - | -",
            "direct/before | \"The SDF suffered thousands of casualties.\" | McGurk | McGurk",
        ],
    );
}

#[test]
fn speakers_resolve_to_the_fullest_name() {
    check(
        "Prime Minister Boris Johnson spoke at a hospital. He said, \"I think everybody is with the family.\"",
        &["direct/before | \"I think everybody is with the family.\" | He | Boris Johnson"],
    );
    check(
        "A summary by Russian state media RIA Novosti differed. “Moscow will not agree to this,” the outlet wrote.",
        &["direct/after | “Moscow will not agree to this,” | the outlet | RIA Novosti"],
    );
    check(
        "Foreign Minister Ana Costa arrived. “We will not agree to this plan,” the minister said.",
        &["direct/after | “We will not agree to this plan,” | the minister | Ana Costa"],
    );
    check(
        "Contrast that with Trump, who has called the pact \"insanity and a disaster for workers.\"",
        &["mixed/embedded | the pact \"insanity and a disaster for workers.\" | who | Trump"],
    );
}

#[test]
fn subjects_of_participles_passives_and_later_cues() {
    check(
        "Republicans chimed in, with Donald Trump tweeting that it was a \"disaster\" for her.",
        &["mixed/elided-subject | it was a \"disaster\" for her | Donald Trump | Donald Trump"],
    );
    check(
        "Rubio was asked by moderator Gerard Baker whether the plan was \"a giveaway to the rich and nothing else.\"",
        &["mixed/embedded | whether the plan was \"a giveaway to the rich and nothing else.\" | Gerard Baker | Gerard Baker"],
    );
    // Any cue in the passive speaks through its agent, up to what the agent called them, and a
    // participle after it is the agent's too.
    check(
        "The plans were described by Johnson as a \"historic mandate\", saying he intends to leave by January.",
        &[
            "mixed/embedded | a \"historic mandate\" | Johnson | Johnson",
            "indirect/subject-cue | he intends to leave by January | Johnson | Johnson",
        ],
    );
    check(
        "\"Many would consider that an embarrassment for her\" if she did not win, said David Wasserman.",
        &["mixed/later | \"Many would consider that an embarrassment for her\" if she did not win | David Wasserman | David Wasserman"],
    );
    check(
        "Hours later, she issued a statement calling on the country \"to redouble our efforts.\"",
        &["direct/elided-subject | \"to redouble our efforts.\" | she | -"],
    );
    check(
        "In a wide-ranging, in-prison interview last year, Lazar said he welcomed it and added, \"I will plead guilty, no problem.\"",
        &[
            "indirect/subject-cue | he welcomed it | Lazar | Lazar",
            "direct/elided-subject | \"I will plead guilty, no problem.\" | Lazar | Lazar",
        ],
    );
    check(
        "Clinton, during a town hall meeting in Columbus, Ohio, said she was \"going to put a lot of miners out of work.\"",
        &["mixed/embedded | she was \"going to put a lot of miners out of work.\" | Clinton | Clinton"],
    );
}

#[test]
fn scare_quotes_and_titles_are_not_statements() {
    check("The so-called “peace plan” was published on Monday.", &[]);
    check("He is now host of “The Nightly Show with Larry Wilmore.”", &[]);
    check(
        "Critics called it a “rush to judgment” in the end.",
        &["mixed/embedded | it a “rush to judgment” in the end | Critics | -"],
    );
}

#[test]
fn indirect_speech_without_quote_marks() {
    check(
        "Russian Foreign Minister Sergey Lavrov on Wednesday called for Moscow to be involved in the talks.",
        &["indirect/subject-cue | Moscow to be involved in the talks | Russian Foreign Minister Sergey Lavrov | Sergey Lavrov"],
    );
    check(
        "Its foreign minister also told the EU that China cannot abide a defeat.",
        &["indirect/subject-cue | that China cannot abide a defeat | Its foreign minister | -"],
    );
    check(
        "Trump said on Friday he can and may declare an emergency.",
        &["indirect/subject-cue | he can and may declare an emergency | Trump | Trump"],
    );
    check(
        "The building was home to over a thousand people, officials said.",
        &["indirect/clause-cue | The building was home to over a thousand people | officials | -"],
    );
    check(
        "The SDF is largely made up of militia, said the BBC.",
        &["indirect/clause-cue | The SDF is largely made up of militia | the BBC | BBC"],
    );
    check(
        "According to CNN, Turkey has two million refugees from Syria.",
        &["indirect/according-to | Turkey has two million refugees from Syria | CNN | CNN"],
    );
    check(
        "Turkey has two million refugees from Syria, according to CNN.",
        &["indirect/according-to | Turkey has two million refugees from Syria | CNN | CNN"],
    );
}

#[test]
fn cues_that_report_nothing_make_no_indirect_row() {
    // A cue already used by a direct quote, a cue inside quote marks, a naming "called".
    check(
        "“We will not agree to this,” the outlet wrote in its update.",
        &["direct/after | “We will not agree to this,” | the outlet | -"],
    );
    check("The movie, called Sons of Trump, opened on Friday.", &[]);
    check(
        "“As I said, we will win this,” she told the crowd.",
        &["direct/after | “As I said, we will win this,” | she | -"],
    );
}

#[test]
fn a_fragment_in_a_clause_whose_subject_speaks_is_mixed() {
    // No cue in the lexicon: the sentence's subject and verb make the fragment theirs.
    check(
        "She pinned the violence on a “disturbed person” last week.",
        &["mixed/subject-verb | the violence on a “disturbed person” last week | She | -"],
    );
    // A fragment with no person as subject stays a scare quote.
    check("The old building has a “fortress” look.", &[]);
}

#[test]
fn reported_clauses_that_hold_a_fragment_are_mixed() {
    check(
        "“We’re happy” about the decision, said Anna Smith, director of the union.",
        &["mixed/later | “We’re happy” about the decision | Anna Smith | Anna Smith"],
    );
    check(
        "Obama \"felt an obligation\" to act on climate, Axelrod said.",
        &["mixed/clause-cue | Obama \"felt an obligation\" to act on climate | Axelrod | Axelrod"],
    );
}

#[test]
fn typewriter_double_apostrophes_are_quote_marks() {
    check(
        "''It's not an unfair position to hold,'' he added.",
        &["direct/after | ''It's not an unfair position to hold,'' | he | -"],
    );
}

#[test]
fn bare_noun_phrases_and_abbreviated_titles_are_subjects() {
    check(
        "Clinton aides said details of her tax plan will be unveiled soon.",
        &["indirect/subject-cue | details of her tax plan will be unveiled soon | Clinton aides | -"],
    );
    check(
        "Now, 52 percent said the governor would be better.",
        &["indirect/subject-cue | the governor would be better | 52 percent | -"],
    );
    check(
        "Ms. Conway rejected the idea and said that Mr. Manafort was not being diminished.",
        &["indirect/subject-cue | that Mr. Manafort was not being diminished | Ms. Conway | Conway"],
    );
    check(
        "Trump will give a speech this month, Mr. Manafort said, adding that it would be short.",
        &[
            "indirect/clause-cue | Trump will give a speech this month | Mr. Manafort | Manafort",
            "indirect/subject-cue | that it would be short | Mr. Manafort | Manafort",
        ],
    );
}

#[test]
fn beliefs_intentions_and_findings_are_reported_content() {
    check(
        "Some strategists think that the remaining candidate will receive a windfall.",
        &["indirect/subject-cue | that the remaining candidate will receive a windfall | Some strategists | -"],
    );
    check(
        "A study by the university found that tuition costs are the highest in the region.",
        &["indirect/subject-cue | that tuition costs are the highest in the region | the university | -"],
    );
    // A noun "hope" is no cue.
    check("There is hope for the town after the flood.", &[]);
}

#[test]
fn stances_and_cues_with_particles() {
    check(
        "Sanders spoke about how much the voters hoped for a change.",
        &["indirect/subject-cue | how much the voters hoped for a change | Sanders | Sanders"],
    );
    // A position taken on a plain object names what was judged, not what was said; the reason
    // given for it is what was said.
    check("The senator criticized the ruling on abortion clinics.", &[]);
    check("Mugabe opposed the white minority rule.", &[]);
    check(
        "The senator criticized the court for ignoring the law.",
        &["indirect/subject-cue | the court for ignoring the law | The senator | -"],
    );
    check("She supports the police state and the taxing authority equally.", &[]);
    // An agreement to act and a "spoke" with no particle report nothing.
    check("Trump agreed to provide security guarantees for Ukraine.", &[]);
    check("She spoke for an hour in the town hall.", &[]);
}

#[test]
fn fragments_after_later_cues_parentheticals_and_progressives() {
    check(
        "\"Boots on the ground\" would be appropriate, Ben Carson said after the attacks.",
        &["mixed/later | \"Boots on the ground\" would be appropriate | Ben Carson | Ben Carson"],
    );
    check(
        "Cruz, with unconcealed delight, chided Trump for doubting his \"natural born\" status.",
        &["mixed/subject-verb | Trump for doubting his \"natural born\" status | Cruz | Cruz"],
    );
    check(
        "Then he cut into Bush, calling him a \"stiff\" on stage.",
        &["mixed/elided-subject | him a \"stiff\" on stage | he | -"],
    );
    check(
        "And he’s predicting that the contest will show that Trump “has no chance.”",
        &["mixed/elided-subject | the contest will show that Trump “has no chance.” | he | -"],
    );
    check(
        "The Anti-Defamation League strongly denounced the remarks and said it would \"redirect\" the money.",
        &["mixed/elided-subject | it would \"redirect\" the money | The Anti-Defamation League | Anti-Defamation League"],
    );
}

#[test]
fn infinitives_objects_and_manner_adverbs_around_cues() {
    check(
        "He also pledged to shut down private detention centers.",
        &["indirect/subject-cue | to shut down private detention centers | He | -"],
    );
    check(
        "Jones assured Trump that most listeners supported him.",
        &["indirect/subject-cue | that most listeners supported him | Jones | Jones"],
    );
    check(
        "Mr. Rubio defiantly told voters that he would continue.",
        &["indirect/subject-cue | that he would continue | Mr. Rubio | Rubio"],
    );
    check(
        "After he admitted they had “been friends,” he claimed they had never met.",
        &["mixed/embedded | they had “been friends,” | he | -", "indirect/subject-cue | they had never met | he | -"],
    );
}

#[test]
fn questions_put_names_given_and_where_a_reported_clause_ends() {
    check(
        "Asked whether he would back the bill, Johnson demurred.",
        &["indirect/asked | whether he would back the bill | Johnson | Johnson"],
    );
    check(
        "Sanders called him divisive in the debate.",
        &["indirect/subject-cue | him divisive in the debate | Sanders | Sanders"],
    );
    check("Obama called Trump on Friday.", &[]);
    check(
        "The mayor said the plan was dead, while the council met again on Monday.",
        &["indirect/subject-cue | the plan was dead | The mayor | -"],
    );
    check(
        "The mayor said the plan was dead, and he left the room.",
        &["indirect/subject-cue | the plan was dead | The mayor | -"],
    );
}

#[test]
fn according_to_a_phrase_the_name_rules_do_not_read() {
    check(
        "The plan would cost about $1.38 trillion a year, according to the “Medicare for all” document.",
        &["indirect/according-to | The plan would cost about $1.38 trillion a year | the “Medicare for all” document | -"],
    );
    check(
        "She is the woman Americans admire most, according to a yearly Gallup poll.",
        &["indirect/according-to | She is the woman Americans admire most | a yearly Gallup poll | Gallup"],
    );
}

#[test]
fn pronouns_skip_a_closer_person_of_the_other_gender() {
    check(
        "Ms. Anne Sacoolas left the country. Spokesman Nick Adderley met Mr. Tim Dunn. \
         “I did not know,” she said.",
        &["direct/after | “I did not know,” | she | Anne Sacoolas"],
    );
    // With no evidence in the article, the given names: Nick and Tim lean male.
    check(
        "Anne Sacoolas left the country. Nick Adderley met Tim Dunn. “I did not know,” she said.",
        &["direct/after | “I did not know,” | she | Anne Sacoolas"],
    );
    // With neither, the nearest subject: a careful reader takes the one the sentence is about.
    check(
        "Zhanna Sacoolas left the country. Nyoman Adderley met Tsvet Dunn. “I did not know,” she said.",
        &["direct/after | “I did not know,” | she | Nyoman Adderley"],
    );
    // A name between quote marks is someone's words, no antecedent of the narration.
    check(
        "Zhanna Sacoolas left. She read from “Tsvet Dunn Returns” aloud. “I did not know,” she said.",
        &["direct/after | “I did not know,” | she | Zhanna Sacoolas"],
    );
}

#[test]
fn a_fragment_whose_clause_goes_on_is_mixed() {
    check(
        "Ryan said that “we need more information” about how the FBI reached it.",
        &["mixed/embedded | “we need more information” about how the FBI reached it | Ryan | Ryan"],
    );
    // A whole quoted sentence after "that" stays direct.
    check("Ryan said that “We need more information.”", &["direct/before | “We need more information.” | Ryan | Ryan"]);
}

#[test]
fn attributions_that_interrupt_a_clause_and_quantities_as_speakers() {
    check(
        "In his state, Christie said, first-time offenders are sent to treatment.",
        &["indirect/interrupted | In his state, Christie said, first-time offenders are sent to treatment | Christie | Christie"],
    );
    // A sentence adverb before the attribution is the narration's.
    check(
        "Indeed, News 12 reported, only buildings next to the break were without water.",
        &["indirect/interrupted | only buildings next to the break were without water | News 12 | News 12"],
    );
    check(
        "And more than 4 in 10 said the governor would be best at it.",
        &["indirect/subject-cue | the governor would be best at it | more than 4 in 10 | -"],
    );
    check(
        "Several supporters of reform said it is more realistic to change the rules.",
        &["indirect/subject-cue | it is more realistic to change the rules | Several supporters of reform | -"],
    );
}

#[test]
fn positions_taken_but_not_gerunds_or_passives() {
    check(
        "The union endorsed the senator for a second term.",
        &["indirect/subject-cue | the senator for a second term | The union | -"],
    );
    // A gerund after "short of" is no report; in the passive the subject did not speak.
    check("Beijing stopped short of directly endorsing the invasion of Ukraine.", &[]);
    check("Prime Minister Johnson was questioned about the case at a hospital.", &[]);
    // An attribution inside a relative clause reports the relative clause, not its antecedent.
    check(
        "Turkey would guard the fighters which, the statement said, other nations refused to take back.",
        &["indirect/subject-cue | other nations refused to take back | the statement | -"],
    );
}

#[test]
fn a_mixed_statement_runs_over_later_fragments_of_its_clause() {
    check(
        "Trump said Friday that the refusal was “not a good thing” and “something the party should fix.”",
        &["mixed/embedded | the refusal was “not a good thing” and “something the party should fix.” | Trump | Trump"],
    );
    // It stops before an attribution of its own.
    check(
        "Ryan said he was “very encouraged” and Trump called it a “great meeting.”",
        &[
            "mixed/embedded | he was “very encouraged” | Ryan | Ryan",
            "mixed/embedded | it a “great meeting.” | Trump | Trump",
        ],
    );
}

#[test]
fn a_new_sentence_or_a_participle_clause_is_no_interruption() {
    check(
        "“It is over,” said Ann Lee, a former governor. Voters “think she is not worried,” she said.",
        &[
            "direct/after | “It is over,” | Ann Lee | Ann Lee",
            "mixed/after | Voters “think she is not worried,” | she | Ann Lee",
        ],
    );
    check(
        "“We wrote two dozen songs,” Kiedis said, mentioning the album is “in the home stretch.”",
        &[
            "direct/after | “We wrote two dozen songs,” | Kiedis | Kiedis",
            "mixed/embedded | mentioning the album is “in the home stretch.” | Kiedis | Kiedis",
        ],
    );
}

#[test]
fn a_possessive_name_opens_a_nominal_speaker() {
    check(
        "Donald Trump’s campaign manager says he is “gratified” by the decision.",
        &["mixed/embedded | he is “gratified” by the decision | Donald Trump’s campaign manager | -"],
    );
}

#[test]
fn a_fragment_inside_an_earlier_report_belongs_to_that_report() {
    // The cue nearest the fragment ("asked", "shows") is inside what "said" reports.
    check(
        "She said she asked the question “to build on his comments” at the forum.",
        &["mixed/embedded | she asked the question “to build on his comments” at the forum | She | -"],
    );
    check(
        "Westmacott also said that Obama shows “great charm” toward Britain.",
        &["mixed/embedded | Obama shows “great charm” toward Britain | Westmacott | Westmacott"],
    );
    // A whole quote after a coordinated cue is that cue's.
    check(
        "Lazar said he welcomed it and added, \"I will plead guilty.\"",
        &[
            "indirect/subject-cue | he welcomed it | Lazar | Lazar",
            "direct/elided-subject | \"I will plead guilty.\" | Lazar | Lazar",
        ],
    );
}

/// A name that a naming word gives a thing is nobody's statement ("a plan called “Build Back
/// Better”", "also known as “cosmonaut No. 11”"); a person calling something a name is theirs,
/// and so is a name given "by" someone.
#[test]
fn a_name_given_a_thing_is_no_statement() {
    check("Biden introduced an economic plan called \"Build Back Better\" designed to lift the economy.", &[]);
    check("Hungary launched a program dubbed \"Zrínyi 2026\" in 2017.", &[]);
    check("Leonov, also known as \"cosmonaut No. 11\", was part of the team.", &[]);
    check(
        "The president called \"fake news\" a threat to democracy.",
        &["mixed/embedded | \"fake news\" a threat to democracy | The president | -"],
    );
    check(
        "Apple's chief executive, Tim Cook, called it \"total political crap\".",
        &["mixed/embedded | it \"total political crap\" | Tim Cook | Tim Cook"],
    );
}

/// A group of people named by where they are or whose they are is no name: the place or the
/// person they are of is not the speaker ("Hospital officials in Omsk said", "Supporters of the
/// plan said", "Associates of Navalny alleged").
#[test]
fn a_group_of_a_place_or_a_person_is_no_name() {
    check(
        "Alexei Navalny fell ill. Associates of Navalny alleged he drank tea laced with poison. Hospital officials in Omsk said no traces of poison were found.",
        &[
            "indirect/subject-cue | he drank tea laced with poison | Associates of Navalny | -",
            "indirect/subject-cue | no traces of poison were found | Hospital officials in Omsk | -",
        ],
    );
    check(
        "Supporters of the plan said it was good.",
        &["indirect/subject-cue | it was good | Supporters of the plan | -"],
    );
}

/// A name with a given name of its own is that person's, not the fullest name the family name
/// has elsewhere ("Ivanka Trump" after "Donald Trump", "Jonna Mendez" after "Tony Mendez"); the
/// family name alone is the one named in full.
#[test]
fn a_name_with_its_own_given_name_is_that_persons() {
    check(
        "Donald Trump spoke. Ivanka Trump said that she was proud. Trump said that he was proud too.",
        &[
            "indirect/subject-cue | that she was proud | Ivanka Trump | Ivanka Trump",
            "indirect/subject-cue | that he was proud too | Trump | Donald Trump",
        ],
    );
    check(
        "Tony Mendez, the CIA officer, died. His wife Jonna Mendez said that he died in his sleep.",
        &["indirect/subject-cue | that he died in his sleep | Jonna Mendez | Jonna Mendez"],
    );
    // (An honorific is no given name of its own.)
    check(
        "Jane Smith spoke. Miss Smith said that she was proud.",
        &["indirect/subject-cue | that she was proud | Miss Smith | Jane Smith"],
    );
    // (Nor a platform the words were posted on.)
    check(
        "Kanye West announced his campaign. On Twitter West accused Democrats of lying.",
        &["indirect/subject-cue | Democrats of lying | Twitter West | Kanye West"],
    );
}

/// A family name written once with its diacritics and once without is one person's ("Erdoğan",
/// "Erdogan").
#[test]
fn a_family_name_without_its_diacritics_is_the_same_persons() {
    check(
        "Trump spoke with Turkish President Recep Tayyip Erdoğan. Erdogan said that Turkey would act.",
        &["indirect/subject-cue | that Turkey would act | Erdogan | Recep Tayyip Erdoğan"],
    );
}

/// A person's office speaks for the person named in full, written with or without the
/// diacritics ("Erdogan's office" after "Recep Tayyip Erdoğan"), and so does a statement that
/// office released.
#[test]
fn an_office_speaks_for_its_owner_named_in_full() {
    check(
        "Turkish President Recep Tayyip Erdoğan spoke to Trump. Erdogan's office said that a safe zone was needed.",
        &["indirect/subject-cue | that a safe zone was needed | Erdogan's office | Recep Tayyip Erdoğan's office"],
    );
    check(
        "Turkish President Recep Tayyip Erdoğan spoke to Trump. A statement was released by Erdogan's office. The statement said that a safe zone was needed.",
        &["indirect/subject-cue | that a safe zone was needed | The statement | Recep Tayyip Erdoğan's office"],
    );
}

/// A proclamation, a warning or an advisory speaks for whoever issued or signed it; an office
/// is one whether a country calls it a secretary's or a minister's.
#[test]
fn orders_and_warnings_speak_for_their_issuer_and_a_secretary_is_a_minister() {
    check(
        "President Donald Trump signed a proclamation on Friday. The proclamation said that the virus was a threat.",
        &["indirect/subject-cue | that the virus was a threat | The proclamation | Donald Trump"],
    );
    check(
        "Met Éireann issued orange warnings for six counties. The warnings said that winds would be strong.",
        &["indirect/subject-cue | that winds would be strong | The warnings | Met Éireann"],
    );
    // (Only its maker: not whoever spoke before it.)
    check(
        "The World Health Organization said the outbreak was a pandemic. The proclamation said that the outbreak was an emergency.",
        &[
            "indirect/subject-cue | the outbreak was a pandemic | The World Health Organization | World Health Organization",
            "indirect/subject-cue | that the outbreak was an emergency | The proclamation | -",
        ],
    );
    check(
        "Mexico's Foreign Secretary Marcelo Ebrard flew to El Paso. The foreign minister said that eight Mexicans died.",
        &["indirect/subject-cue | that eight Mexicans died | The foreign minister | Marcelo Ebrard"],
    );
}

/// A passive after "and" goes on with what was said, whose subject it shares ("the man showed
/// symptoms and was suspected to have it"); a new subject and its cue after "and" do not.
#[test]
fn a_passive_after_and_goes_on_with_what_was_said() {
    check(
        "Officials said the man showed symptoms and was suspected to have the virus.",
        &["indirect/subject-cue | the man showed symptoms and was suspected to have the virus | Officials | -"],
    );
    check(
        "People changed their minds and several said they wanted a new vote.",
        &["indirect/subject-cue | they wanted a new vote | several | -"],
    );
}

/// A report that relays a speaker's words ("…, CNN Philippines reported the governor said.") is
/// no content of its own: the clause before it is the speaker's.
#[test]
fn a_relayed_report_gives_the_clause_to_its_speaker() {
    check(
        "The hospital, which sustained cracks, treated 25 wounded people, CNN Philippines reported the governor said.",
        &["indirect/clause-cue | The hospital, which sustained cracks, treated 25 wounded people | the governor | -"],
    );
    check(
        "The hospital treated 25 people, the governor said.",
        &["indirect/clause-cue | The hospital treated 25 people | the governor | -"],
    );
    // A subject and its cue with no clause before a comma are what was said.
    check("Police said the man admitted.", &["indirect/subject-cue | the man admitted | Police | -"]);
    check(
        "Trump's grasp of policy and temperament are worrying, Cuban said.",
        &["indirect/clause-cue | Trump's grasp of policy and temperament are worrying | Cuban | Cuban"],
    );
}

/// A cue's form in "-ing" that a determiner opens is a noun ("The orange warning issued by …
/// applied to …"); a participle after its noun still reports ("a puppet saying …").
#[test]
fn a_cue_in_ing_after_a_determiner_is_a_noun() {
    check("The orange warning issued by Met Éireann applied to counties Galway and Mayo.", &[]);
    // ("the agency warning residents": a participle with its object, after its noun)
    check(
        "Officials issued a statement, with the agency warning residents to evacuate.",
        &["indirect/subject-cue | residents to evacuate | the agency | -"],
    );
    check(
        "He's a puppet saying exactly what people want to hear.",
        &["indirect/subject-cue | what people want to hear | He | -"],
    );
}

/// A cue's form in "-s" that is also a plural noun is that noun after a possessive or a
/// determiner, past modifiers only ("the terrorist attacks", "Sanders's recent attacks"), or
/// before a verb of its own; after its subject it is still a verb ("The poll shows", "The family
/// hopes", "The official claims"), and a named owner's claims that … are still theirs.
#[test]
fn a_cue_in_s_after_a_possessive_or_a_determiner_is_a_noun() {
    check("The president's claims of fraud have not gained momentum in the courts.", &[]);
    check("Calabrese is honest about some of the challenges the island is facing.", &[]);
    check("The terrorist attacks reframed the contest, forcing a debate.", &[]);
    check("Sanders's recent attacks have alarmed her supporters.", &[]);
    check("The poll shows that Clinton leads.", &["indirect/subject-cue | that Clinton leads | The poll | -"]);
    check(
        "The family hopes that the search goes on.",
        &["indirect/subject-cue | that the search goes on | The family | -"],
    );
    check(
        "The official claims that the vote was rigged.",
        &["indirect/subject-cue | that the vote was rigged | The official | -"],
    );
    check(
        "It was a show of muscle that Clinton hopes can help block a challenge.",
        &["indirect/subject-cue | help block a challenge | Clinton | Clinton"],
    );
    check(
        "Reporters checked Mr. Trump's claims that the election was stolen.",
        &["indirect/subject-cue | that the election was stolen | Trump | Trump"],
    );
}

/// "The mayor of London said": a role of a place or a body speaks, named as the article
/// introduced whoever holds it there, never the place and never a holder of the role elsewhere;
/// after a name's comma the role is the name's apposition, as before.
#[test]
fn a_role_of_a_place_speaks_not_the_place() {
    check(
        "The mayor of London said that the city was safe.",
        &["indirect/subject-cue | that the city was safe | The mayor of London | -"],
    );
    check(
        "London mayor Sadiq Khan visited the site. The mayor of London said that the city was safe.",
        &["indirect/subject-cue | that the city was safe | The mayor of London | Sadiq Khan"],
    );
    check(
        "President Franklin Roosevelt spoke of war. The president of Turkey said that his country would wait.",
        &["indirect/subject-cue | that his country would wait | The president of Turkey | -"],
    );
    check(
        "Matthew Prince, chief executive of CloudFlare, said that the site was attacked.",
        &["indirect/subject-cue | that the site was attacked | Matthew Prince | Matthew Prince"],
    );
    // ("Dr" without its full stop before the apposed name)
    check(
        "The director of IEDCR, Dr Jane Flora, said that two patients died.",
        &["indirect/subject-cue | that two patients died | The director of IEDCR | Jane Flora"],
    );
}

/// A name with a particle joined by a hyphen is whole ("Nabil Hasan al-Quaety"), and a capital
/// particle opening a sentence ("Al-Quaety") is no given name that would make its run the
/// fuller; a person "of" a place is the person ("Senator Bernie Sanders of Vermont"), a body of
/// a place is still the body's whole name.
#[test]
fn particles_and_places_after_a_name() {
    check(
        "Yemeni commander Nabil Hasan al-Quaety said that the war was lost. Later, Al-Quaety said that he would retreat.",
        &[
            "indirect/subject-cue | that the war was lost | Nabil Hasan al-Quaety | Nabil Hasan al-Quaety",
            "indirect/subject-cue | that he would retreat | Al-Quaety | Nabil Hasan al-Quaety",
        ],
    );
    check(
        "Senator Bernie Sanders of Vermont said that the deal was bad.",
        &["indirect/subject-cue | that the deal was bad | Senator Bernie Sanders of Vermont | Bernie Sanders"],
    );
    // (A person of a body, "of the" or not, named from a given name or a title.)
    check(
        "Kristian Andersen of Scripps Research said that the virus was natural.",
        &["indirect/subject-cue | that the virus was natural | Kristian Andersen of Scripps Research | Kristian Andersen"],
    );
    check(
        "Carl Hensman of the Bill and Melinda Gates Foundation said that toilets matter.",
        &["indirect/subject-cue | that toilets matter | Carl Hensman of the Bill and Melinda Gates Foundation | Carl Hensman"],
    );
    check(
        "Archbishop Aris Shirvanian of the Armenian Patriarchate said that the land was sold.",
        &["indirect/subject-cue | that the land was sold | Archbishop Aris Shirvanian of the Armenian Patriarchate | Aris Shirvanian"],
    );
    check(
        "The Ministry of the Interior said that the border was closed.",
        &["indirect/subject-cue | that the border was closed | The Ministry of the Interior | Ministry of the Interior"],
    );
    check(
        "Bank of America said that profits rose.",
        &["indirect/subject-cue | that profits rose | Bank of America | Bank of America"],
    );
    check(
        "The Armenian Patriarchate of Jerusalem said that the land was sold.",
        &["indirect/subject-cue | that the land was sold | The Armenian Patriarchate of Jerusalem | Armenian Patriarchate of Jerusalem"],
    );
}

/// An amount opens what was said ("said at least 116 people died", "about 20"), "Reports" opening
/// a sentence is so many reports and no name, a place of several words before a comma goes on
/// in the next ("mayor of South Bend, Indiana,"), and a given name with an accent is one.
#[test]
fn amounts_reports_places_and_accented_given_names() {
    check(
        "Reports said at least 116 people died due to this earthquake.",
        &["indirect/subject-cue | at least 116 people died due to this earthquake | Reports | -"],
    );
    check(
        "Officials said about 20 people were hurt.",
        &["indirect/subject-cue | about 20 people were hurt | Officials | -"],
    );
    check(
        "Some Democrats, such as Pete Buttigieg, the former mayor of South Bend, Indiana, proposed major changes to the Court.",
        &["indirect/subject-cue | major changes to the Court | Pete Buttigieg | Pete Buttigieg"],
    );
    check(
        "Mexican President Andrés Manuel López Obrador said that six Mexicans were killed.",
        &["indirect/subject-cue | that six Mexicans were killed | Mexican President Andrés Manuel López Obrador | Andrés Manuel López Obrador"],
    );
}

/// A statement ends before "and" and another subject of up to three words with its own cue ("and
/// the White House claimed …" is the White House's), and before the dash that precedes it.
#[test]
fn a_statement_ends_before_another_subjects_cue() {
    check(
        "Trump dismissed the story as possibly a hoax and the White House claimed it did not brief Trump on the matter.",
        &[
            "indirect/subject-cue | the story as possibly a hoax | Trump | Trump",
            "indirect/subject-cue | it did not brief Trump on the matter | the White House | White House",
        ],
    );
    check(
        "Clinton proposed a debate on April 4 - but the Sanders campaign said that it was too late.",
        &[
            "indirect/subject-cue | a debate on April 4 | Clinton | Clinton",
            "indirect/subject-cue | that it was too late | the Sanders campaign | -",
        ],
    );
}

/// A letter is no one's name, whichever rule found it ("E" of "E. coli" for the paper that
/// reported on it).
#[test]
fn a_letter_is_no_name() {
    check(
        "In May, a study by Sara Seager was published. The research paper reported E. coli releases a number of gases. The paper suggests that researchers could observe smaller planets.",
        &[
            "indirect/subject-cue | E. coli releases a number of gases | The research paper | -",
            "indirect/subject-cue | that researchers could observe smaller planets | The paper | -",
        ],
    );
    // (An ampersand between capitals is inside the name: "PG&E" was "E".)
    check(
        "PG&E stated it scheduled the blackouts.",
        &["indirect/subject-cue | it scheduled the blackouts | PG&E | PG&E"],
    );
    check("AT&T said that the network was down.", &["indirect/subject-cue | that the network was down | AT&T | AT&T"]);
}

/// Figures speak for whose they are ("Johns Hopkins University data indicated"); an acronym
/// after a number or an article is a kind of person, no name ("One MP said").
#[test]
fn figures_speak_for_their_source_and_one_mp_is_no_name() {
    check(
        "Johns Hopkins University data indicated that more than one million people were infected.",
        &["indirect/subject-cue | that more than one million people were infected | Johns Hopkins University data | Johns Hopkins University"],
    );
    check("Official data showed that prices rose.", &["indirect/subject-cue | that prices rose | Official data | -"]);
    check("One MP said that the march was huge.", &["indirect/subject-cue | that the march was huge | One MP | -"]);
}

/// Names joined by "and" (and commas) before a cue speak together, each named in full; "and"
/// inside one name or title joins no speakers, and an object before the subject is none.
#[test]
fn names_joined_by_and_speak_together() {
    check(
        "Green Party nominee Howie Hawkins and Brian Carroll spoke. Gloria La Riva, Hawkins, and Carroll all argued they should not be mandatory.",
        &["indirect/subject-cue | they should not be mandatory | Gloria La Riva, Hawkins, and Carroll | Gloria La Riva, Howie Hawkins and Brian Carroll"],
    );
    check(
        "Trump thanked Pence and Barr said that the plan was wrong.",
        &["indirect/subject-cue | that the plan was wrong | Barr | Barr"],
    );
    check(
        "Scientists from Tsinghua University and the Chinese Academy of Sciences said that dinosaurs flapped their wings.",
        &["indirect/subject-cue | that dinosaurs flapped their wings | Tsinghua University and the Chinese Academy of Sciences | Tsinghua University and Chinese Academy of Sciences"],
    );
    check(
        "The Department of Health and Human Services said that it was ready.",
        &["indirect/subject-cue | that it was ready | The Department of Health and Human Services | Department of Health and Human Services"],
    );
}

/// A participle that describes the subject is no cue of its own, and its object is no
/// subject: the subject is the noun it describes, with the description ("State legislators
/// supporting the law argued", "People familiar with the matter said"); a participle with a
/// clause of its own still reports.
#[test]
fn a_participle_describing_the_subject_is_part_of_it() {
    check(
        "State legislators supporting the law argued it was to prevent voter fraud.",
        &["indirect/subject-cue | it was to prevent voter fraud | State legislators supporting the law | -"],
    );
    check(
        "People familiar with the matter said the deal was done.",
        &["indirect/subject-cue | the deal was done | People familiar with the matter | -"],
    );
    check(
        "A newly released analysis by the Department of Veterans Affairs said suicides were rising.",
        &["indirect/subject-cue | suicides were rising | the Department of Veterans Affairs | Department of Veterans Affairs"],
    );
    check(
        "He's a puppet saying exactly what people want to hear.",
        &["indirect/subject-cue | what people want to hear | He | -"],
    );
    check(
        "Protesters opposing the plan said it would hurt the city.",
        &["indirect/subject-cue | it would hurt the city | Protesters opposing the plan | -"],
    );
    check(
        "Bobulinski held a press conference claiming Joe Biden knew about the deals.",
        &["indirect/subject-cue | Joe Biden knew about the deals | Bobulinski | Bobulinski"],
    );
    check(
        "Boseman died at home according to a statement posted to his official Twitter account.",
        &["indirect/according-to | Boseman died at home | a statement | -"],
    );
}

/// A relative clause after a comma is about the noun before it, not what a cue reports; a
/// cue inside it reports on its own, and "asked which …" is still a question.
#[test]
fn a_relative_clause_is_no_reported_content() {
    check(
        "Obama took a shot at Trump for his attacks on mail-in voting, which critics, like Obama, have said amounted to voter suppression.",
        &["indirect/subject-cue | amounted to voter suppression | critics | -"],
    );
    check("She asked which candidate would win.", &["indirect/asked | which candidate would win | She | -"]);
}

/// A deadline after the cue and a clause opened by "once" are part of what was said ("estimated
/// by 9 pm there would be …", "said once in office he would …"); a margin "by" a figure and a
/// manner "by phone" are not.
#[test]
fn deadlines_and_once_clauses_are_what_was_said() {
    check(
        "The city estimated by 9 pm there would be enough pressure for all to have water.",
        &["indirect/subject-cue | by 9 pm there would be enough pressure for all to have water | The city | -"],
    );
    check(
        "Biden said once in office he would sign the bill.",
        &["indirect/subject-cue | once in office he would sign the bill | Biden | Biden"],
    );
    check(
        "Voters said by 55%-41% that the bill should pass.",
        &["indirect/subject-cue | the bill should pass | Voters | -"],
    );
    check("He said by phone that he was fine.", &["indirect/subject-cue | he was fine | He | -"]);
}

/// "and" inside a body's name joins its fields ("Department of Health and Human Services",
/// "Institute of Volcanology and Seismology"); two bodies it joins speak together.
#[test]
fn and_joins_the_fields_of_a_bodys_name() {
    check(
        "The Department of Health and Human Services said that it was ready.",
        &["indirect/subject-cue | that it was ready | The Department of Health and Human Services | Department of Health and Human Services"],
    );
    check(
        "According to the Philippine Institute of Volcanology and Seismology, the quake struck at 4:42.",
        &["indirect/according-to | the quake struck at 4:42 | the Philippine Institute | Philippine Institute of Volcanology and Seismology"],
    );
    check(
        "The Department of Justice and FBI said that they were ready.",
        &["indirect/subject-cue | that they were ready | The Department of Justice and FBI | Department of Justice and FBI"],
    );
}

/// A time phrase between a subject and its cue is no subject ("during the weekend", "earlier
/// this week"); a journal a study was published in is not who reports, the study is.
#[test]
fn time_phrases_and_journals_before_a_cue_are_no_speakers() {
    check(
        "Another report from the Mexican government during the weekend said eight Mexicans died in the attack.",
        &["indirect/subject-cue | eight Mexicans died in the attack | the Mexican government | Mexican government"],
    );
    check(
        "The ministry earlier this week said eight people died.",
        &["indirect/subject-cue | eight people died | The ministry | -"],
    );
    check(
        "A study published in journal Astronomy & Astrophysics last month reported astronomers discovered a black hole.",
        &["indirect/subject-cue | astronomers discovered a black hole | A study | -"],
    );
}

/// A share of those asked is a speaker with no name ("Half said", "Nearly half say", "About a
/// third said"), and "Nearly" opens a phrase, no name.
#[test]
fn shares_of_those_asked_name_no_one() {
    check(
        "Half said they prefer someone who has experience.",
        &["indirect/subject-cue | they prefer someone who has experience | Half | -"],
    );
    check(
        "About a third said they prefer someone who has experience.",
        &["indirect/subject-cue | they prefer someone who has experience | About a third | -"],
    );
    check(
        "Nearly a third of voters said they were unsure.",
        &["indirect/subject-cue | they were unsure | Nearly a third of voters | -"],
    );
}

/// A fragment's row starts after the subject's verb, past the body or place the subject is "of"
/// and a name set off by commas: never inside the subject.
#[test]
fn a_fragments_row_starts_after_the_whole_subject() {
    check(
        "The Foreign Ministry of Iraq characterized the attack as \"a serious violation of Iraqi sovereignty\".",
        &["mixed/sentence-subject | the attack as \"a serious violation of Iraqi sovereignty\" | The Foreign Ministry | Foreign Ministry of Iraq"],
    );
    check(
        "The mayor of London, Sadiq Khan, thanked \"the police and emergency services for their swift response\".",
        &["mixed/sentence-subject | \"the police and emergency services for their swift response\" | Sadiq Khan | Sadiq Khan"],
    );
}

#[test]
fn a_fragment_with_no_cue_of_its_own_takes_the_sentences_speaker() {
    check(
        "Senator Ann Lee, who chairs the panel, is “deeply troubled” by the report.",
        &["mixed/sentence-subject | “deeply troubled” by the report | Senator Ann Lee | Ann Lee"],
    );
    check(
        "“We will fight this,” Senator Lee said. In the end, the plan was still “a disaster in the making” for the state.",
        &[
            "direct/after | “We will fight this,” | Senator Lee | Lee",
            "mixed/previous-speaker | “a disaster in the making” for the state | Senator Lee | Lee",
        ],
    );
    // A labelled term is not the sentence subject's statement.
    check("Critics read the report while the “experts” disagreed.", &[]);
}

/// The cues a token can start: a cue word as written, a participle opening its sentence, and
/// "according to" in any case; "according" alone and "accordingly" start none.
#[test]
fn cue_at_answers_for_cue_words_participles_and_according_to() {
    use crate::doc::Doc;
    let text = "Asked, he said so. ACCORDING TO him, according as it was, accordingly.";
    let doc = Doc::new(text, &FastTokenizer);
    let cues: Vec<(&str, &str)> = (0..doc.tokens().len())
        .filter_map(|i| super::cue_at(&doc, i))
        .map(|(first, last)| (doc.tok(first), doc.tok(last)))
        .collect();
    assert_eq!(cues, [("Asked", "Asked"), ("said", "said"), ("ACCORDING", "TO")]);
    assert_eq!(super::cue_at(&doc, doc.tokens().len()), None);
}

/// A definite description of one person resolves to the person the article gave that role, its
/// party or place words included ("the Democratic nominee" is not the Republican one); with no
/// such role in the article, to the subject of the sentence before it.
#[test]
fn a_role_resolves_to_the_person_introduced_in_it_or_the_subject_just_before() {
    check(
        "Republican presidential nominee Donald Trump and Democratic nominee Hillary Clinton met. \
         The Republican nominee said the debate was rigged.",
        &["indirect/subject-cue | the debate was rigged | The Republican nominee | Donald Trump"],
    );
    check(
        "Trump met Clinton, the Democratic nominee, on Monday. The Democratic nominee said the debate was fair.",
        &["indirect/subject-cue | the debate was fair | The Democratic nominee | Clinton"],
    );
    check(
        "Mike Pence says too much is made of the tweets.\n\nThe nominee was speaking in Fort Wayne.\n\n\
         The Indiana governor said Democrats are to blame.",
        &[
            "indirect/subject-cue | too much is made of the tweets | Mike Pence | Mike Pence",
            "indirect/subject-cue | Democrats are to blame | The Indiana governor | Mike Pence",
        ],
    );
    check(
        "Mike Pence says too much is made of the tweets.\n\nThe Indiana governor said Democrats are to blame.",
        &[
            "indirect/subject-cue | too much is made of the tweets | Mike Pence | Mike Pence",
            "indirect/subject-cue | Democrats are to blame | The Indiana governor | Mike Pence",
        ],
    );
}

/// A quote signed by a dash and a name ending its line is that person's.
#[test]
fn a_quote_signed_with_a_dash_and_a_name() {
    check(
        "“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture.”— Pamela Padilla.",
        &[
            "direct/signature | “He represents our greatest shame.” | Sonya Herridge | Sonya Herridge",
            "direct/signature | “He is ignorant of our culture.” | Pamela Padilla | Pamela Padilla",
        ],
    );
    // A dash and a name that the sentence goes on from is no signature.
    check("“It was over.” — Smith and his aides left the room.", &[]);
}

/// A cue of saying or finding with a plain object reports nothing; with a clause, or with what
/// the object was called, it does.
#[test]
fn a_plain_object_is_no_reported_content() {
    check("He posted footage on Twitter.", &[]);
    check("The team confirmed their conclusion.", &[]);
    check("The governor declared a state of emergency on Thursday.", &[]);
    check("The team confirmed the ship was lost.", &["indirect/subject-cue | the ship was lost | The team | -"]);
    check(
        "The government announced the cause of death as a cardiac arrest.",
        &["indirect/subject-cue | the cause of death as a cardiac arrest | The government | -"],
    );
    // An observation or a pointing with an object is an act; so is a sum paid.
    check("The astronomers observed the protoplanetary disk around the star.", &[]);
    check("She pointed to a video of the attack.", &[]);
    check("He was released after his lawyers posted US$2 million bond.", &[]);
    check("University have maintained top spot on the ladder.", &[]);
    check("Trump made a much-criticized ride to wave at them.", &[]);
    check("He maintains his innocence.", &["indirect/subject-cue | his innocence | He | -"]);
    // (A memory recalled is none; what was recalled in a clause is.)
    check(
        "Ryan Coogler wrote of Boseman, \"He was an anomaly\", recalling their first meeting.",
        &["direct/before | \"He was an anomaly\" | Ryan Coogler | Ryan Coogler"],
    );
    check("She recalled that he was calm.", &["indirect/subject-cue | that he was calm | She | -"]);
    check(
        "The astronomers observed that the disk was twisted.",
        &["indirect/subject-cue | that the disk was twisted | The astronomers | -"],
    );
}

/// What a speaker did not say is no statement: a negated cue ("would not confirm", "did not
/// respond", "didn't say", and the second of two cues one negation covers), and what a clause
/// opened by "whether" or "if" says is asked or supposed. A belief denied is still held.
#[test]
fn a_negated_cue_or_a_supposed_clause_reports_nothing() {
    check("Mears would not confirm the account.", &[]);
    check("The campaign did not respond to requests for comment.", &[]);
    check("The company didn't say what work the helicopter was doing.", &[]);
    check("The president did not concede or admit defeat in his statement.", &[]);
    check("Trump has not yet conceded the election, and made legal challenges.", &[]);
    check("Biden would not say whether or not he supported the plan.", &[]);
    // A question put to someone is the unnamed asker's.
    check(
        "Council spokesperson Barend Leyts, when asked whether an investigation was conducted, told reporters that safety procedures had been followed.",
        &["indirect/subject-cue | that safety procedures had been followed | Barend Leyts | Barend Leyts"],
    );
    check("Smith does not think the plan will pass.", &["indirect/subject-cue | the plan will pass | Smith | Smith"]);
}

/// What follows a coordinator after a cue's phrase goes on with the narration ("It is written in
/// the C++ programming language, and the source code is …").
#[test]
fn reported_content_never_opens_with_a_coordinator() {
    check("The game is open source. It is written in the Rust programming language, and the source code is available online.", &[]);
}

/// A broadcaster's name ends in its number ("Channel 4 News", "Radio 4"); a number after other
/// words is no name's.
#[test]
fn a_broadcasters_name_holds_its_number() {
    check(
        "Channel 4 News said the water was back.",
        &["indirect/subject-cue | the water was back | Channel 4 News | Channel 4 News"],
    );
    check(
        "Radio 4 reported that the mayor resigned.",
        &["indirect/subject-cue | that the mayor resigned | Radio 4 | Radio 4"],
    );
    check("On Monday, 12 people said they were ill.", &["indirect/subject-cue | they were ill | 12 people | -"]);
}

/// A role before a name is no part of it ("Rapper Kanye West"), nor of where the person is from
/// ("Businessman Don Blankenship of West Virginia"); a point of the compass after a name is a
/// family name, and alone it is that person, the subject "he" refers to.
#[test]
fn roles_before_names_and_family_names_of_the_compass() {
    check(
        "Rapper Kanye West announced his run. West held a rally in Charleston. He proposed a payment for parents.",
        &["indirect/subject-cue | a payment for parents | He | Kanye West"],
    );
    check(
        "Businessman Don Blankenship of West Virginia spoke to reporter William Saturn. A jury convicted Blankenship in 2016. He blames federal regulators for the disaster.",
        &["indirect/subject-cue | federal regulators for the disaster | He | Don Blankenship"],
    );
}

/// A role before a name makes the words after it a person's, a place's name among them ("Actor
/// Denzel Washington"); an acronym before a name that starts at its given name is the person's
/// title, not an organisation's name ("MP Penny Sharpe", "Red Hat CTO Chris Wright").
#[test]
fn a_role_or_an_acronym_before_a_name_is_its_title() {
    check(
        "Actor Denzel Washington said that Boseman was a gentle soul.",
        &["indirect/subject-cue | that Boseman was a gentle soul | Actor Denzel Washington | Denzel Washington"],
    );
    check(
        "Early opponent MP Tanya Davies said the bill was better.",
        &["indirect/subject-cue | the bill was better | MP Tanya Davies | Tanya Davies"],
    );
    check(
        "Red Hat CTO Chris Wright said the move was needed.",
        &["indirect/subject-cue | the move was needed | Red Hat CTO Chris Wright | Chris Wright"],
    );
    check("The NHS said that it was ready.", &["indirect/subject-cue | that it was ready | The NHS | NHS"]);
}

/// A question's opening "Will" is no part of the name after it, so it is not the organisation's
/// fullest name; "Will" that opens a statement may be a given name.
#[test]
fn a_questions_opening_will_is_no_part_of_a_name() {
    check(
        "((WN)) Will Red Hat employees be barred from contributing? ((Rich Bowen)) No. Red Hat said that it was proud.",
        &["indirect/subject-cue | that it was proud | Red Hat | Red Hat"],
    );
    check(
        "Will Smith said that he was proud.",
        &["indirect/subject-cue | that he was proud | Will Smith | Will Smith"],
    );
}

/// "According to" a people's adjective and a noun names a group, not the adjective; a name the
/// noun phrase is set before is the source ("Russian news agency TASS").
#[test]
fn according_to_a_peoples_adjective_and_a_noun() {
    check(
        "According to Philippine officials, 25 people were injured.",
        &["indirect/according-to | 25 people were injured | Philippine officials | -"],
    );
    check(
        "According to Russian news agency TASS, the bomb killed five people.",
        &["indirect/according-to | the bomb killed five people | TASS | TASS"],
    );
    check("According to Germany, the deal is dead.", &["indirect/according-to | the deal is dead | Germany | Germany"]);
}

/// Who speaks through a description, a body or a document: the name a role's description is set
/// after (its closing comma left out), the owner of an office, the maker of a speech or a
/// statement a participle hangs on, and a group after an inverted cue.
#[test]
fn speakers_behind_descriptions_bodies_and_documents() {
    check(
        "In the blog post Chris Wright, the Chief Technological Officer of Red Hat said Red Hat had informed the board.",
        &["indirect/subject-cue | Red Hat had informed the board | the Chief Technological Officer of Red Hat | Chris Wright"],
    );
    check(
        "Asked about Hillary Clinton, the senator said she was wrong.",
        &[
            "indirect/asked | about Hillary Clinton | the senator | -",
            "indirect/subject-cue | she was wrong | the senator | -",
        ],
    );
    check(
        "President Recep Tayyip Erdogan spoke. According to a statement released by Erdogan's office, the aim is a safe zone.",
        &["indirect/according-to | the aim is a safe zone | Erdogan's office | Recep Tayyip Erdogan's office"],
    );
    check(
        "The next day, President Trump delivered a speech declaring himself the \"president of law and order.\"",
        &["mixed/elided-subject | himself the \"president of law and order.\" | President Trump | Trump"],
    );
    check(
        "A gunman shot shoppers at a store, with the death toll rising to 22 on Monday, reported officials, with 25 others injured.",
        &["indirect/clause-cue | A gunman shot shoppers at a store, with the death toll rising to 22 on Monday | officials | -"],
    );
}

/// "The office", "the embassy", "the ministry" are the organisation of their kind the article
/// named before.
#[test]
fn an_office_is_the_organisation_of_its_kind_named_before() {
    check(
        "The United States Embassy in Iraq had suspended operations. The office asked citizens not to approach the building.",
        &["indirect/subject-cue | citizens not to approach the building | The office | United States Embassy"],
    );
}

/// A picture's caption, a paragraph that ends in its credit, holds no one's words; nor does a
/// cue in the passive with no agent, irregular participles too ("were told to", "was shown").
#[test]
fn captions_and_agentless_passives_are_no_statements() {
    check("People holding a banner saying \"united in diversity\". Image: John Lubbock (flickr).", &[]);
    check("Residents were told to stay off the roads and ferries were closed.", &[]);
    check(
        "The audience was also shown a replay from the 2018 ceremony when Boseman gave his \"Best Hero\" award to James Shaw Jr.",
        &[],
    );
}

/// A paragraph the outlet opens with "Editor's note:" is its own words, no one's statement.
#[test]
fn an_editors_note_is_no_statement() {
    check("Editor’s note: Donald Trump is a birther who has repeatedly pledged to ban all Muslims.", &[]);
    check("Editor's note: this article said the vote was on Monday.", &[]);
}

/// A company named by its first word is named in full where the article spells it out ("Ford"
/// after "Ford Motor Company"), not a place's or a person's word ("Washington").
#[test]
fn a_company_named_by_its_first_word_is_named_in_full() {
    check(
        "Ford Motor Company is under investigation. \"We are fully cooperating,\" Ford told The Verge.",
        &["direct/after | \"We are fully cooperating,\" | Ford | Ford Motor Company"],
    );
    check(
        "The Washington Post Company was sold. Washington said the deal was done.",
        &["indirect/subject-cue | the deal was done | Washington | Washington"],
    );
}

/// An apostrophe after a single capital joins a family name ("O’Donnell", "O'Rourke"), which
/// alone is the person named in full.
#[test]
fn an_apostrophe_after_an_initial_joins_the_family_name() {
    check(
        "Rosie O’Donnell said the event happened. O’Donnell added that it was true.",
        &[
            "indirect/subject-cue | the event happened | Rosie O’Donnell | Rosie O’Donnell",
            "indirect/subject-cue | that it was true | O’Donnell | Rosie O’Donnell",
        ],
    );
}

/// Two name words and "of" a place are a person and where they are from, whatever the given
/// name ("Karsten Warholm of Norway"), and the family name alone is that person after.
#[test]
fn a_person_of_a_place_is_split_from_it() {
    check(
        "Yesterday, Karsten Warholm of Norway won the final. Speaking to BBC Sport, Warholm said, \"This was a very tough race.\"",
        &["direct/before | \"This was a very tough race.\" | Warholm | Karsten Warholm"],
    );
}

/// An indefinite description introduces someone new: no person the article named in that role.
#[test]
fn an_indefinite_description_is_no_named_person() {
    check(
        "Republican nominee Donald Trump spoke first. One third party nominee said the court should have fifteen justices.",
        &["indirect/subject-cue | the court should have fifteen justices | One third party nominee | -"],
    );
}

/// An organisation's name runs past the "of" its mention stops at, and "the court" is the court
/// the article named.
#[test]
fn organisations_are_named_in_full() {
    check(
        "According to the Ministry of Foreign Affairs, Mugabe was hospitalized in Singapore.",
        &["indirect/according-to | Mugabe was hospitalized in Singapore | the Ministry | Ministry of Foreign Affairs"],
    );
    check(
        "According to the National Conference of State Legislatures, the next primary is on March 3.",
        &["indirect/according-to | the next primary is on March 3 | the National Conference | National Conference of State Legislatures"],
    );
    // "on" joins an organisation's word to the rest of its name.
    check(
        "The next day, the Commission on Presidential Debates announced its second debate would be virtual.",
        &["indirect/subject-cue | its second debate would be virtual | the Commission on Presidential Debates | Commission on Presidential Debates"],
    );
    // A country's state media, with or without "the".
    check(
        "According to Syrian state media, government forces began deploying yesterday.",
        &["indirect/according-to | government forces began deploying yesterday | Syrian state media | Syrian state media"],
    );
    check(
        "The Iranian state television said the plane crashed.",
        &["indirect/subject-cue | the plane crashed | The Iranian state television | Iranian state television"],
    );
    check(
        "The Court of Session sat on Monday. The court said the advice was improper.",
        &["indirect/subject-cue | the advice was improper | The court | Court of Session"],
    );
    check(
        "The Royal Swedish Academy of Sciences met. The academy said the prize would be shared.",
        &["indirect/subject-cue | the prize would be shared | The academy | Royal Swedish Academy of Sciences"],
    );
}

/// What each speaker is and the gender the article gives them; never a guess from a first name.
#[test]
fn speaker_type_and_gender_come_from_the_article() {
    let profile = |text: &str| -> Vec<(String, &'static str, &'static str)> {
        crate::extract(text, None, &FastTokenizer)
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_ref().map_or("-", |s| &text[s.clone()]).to_string();
                (speaker, q.speaker_type.map_or("-", |t| t.as_str()), q.speaker_gender.map_or("-", |g| g.as_str()))
            })
            .collect()
    };
    let one = |speaker: &str, kind, gender| vec![(speaker.to_string(), kind, gender)];
    assert_eq!(profile("“We won the vote,” she said."), one("she", "person", "female"));
    assert_eq!(profile("“We won the vote,” Hillary Clinton said."), one("Hillary Clinton", "person", "-"));
    assert_eq!(
        profile("Ms. Anne Sacoolas came. “We won the vote,” Sacoolas said."),
        one("Sacoolas", "person", "female")
    );
    assert_eq!(profile("“The plant will close,” the company said."), one("the company", "organisation", "-"));
    assert_eq!(profile("“The plant will close,” officials said."), one("officials", "group", "-"));
    assert_eq!(profile("“The plant will close,” a spokeswoman said."), one("a spokeswoman", "person", "female"));
}

/// A pronoun near a name is weaker evidence of that person's gender than a given name that
/// leans one way: "she" after a sentence with Donald Trump and another woman is not Trump.
#[test]
fn a_pronouns_nearness_does_not_outweigh_a_given_name() {
    check(
        "Donald Trump met the woman, and she cried.\n\n“We lost everything,” she said.",
        &["direct/after | “We lost everything,” | she | -"],
    );
}

/// "According to …, CLAUSE" at the start of a sentence: the source runs to its comma, and a
/// document's author is its source.
#[test]
fn according_to_a_long_source_at_the_start_of_a_sentence() {
    check(
        "According to early results of the exit poll conducted by Edison Research, Clinton led in both states.",
        &["indirect/according-to | Clinton led in both states | Edison Research | Edison Research"],
    );
    check(
        "According to state law, no one may solicit a vote near a polling place.",
        &["indirect/according-to | no one may solicit a vote near a polling place | state law | -"],
    );
}

/// "it" refers to the organisation that is the subject of a recent sentence.
#[test]
fn it_refers_to_the_organisation_just_spoken_of() {
    check(
        "The Environmental Protection Agency issued new rules on Monday. It said the rules would cut emissions.",
        &["indirect/subject-cue | the rules would cut emissions | It | Environmental Protection Agency"],
    );
    // No organisation as a subject nearby: no name.
    check("The plan failed. It said nothing more.", &[]);
}

#[test]
fn an_acronym_is_the_name_the_article_spells_out() {
    check(
        "The International Monetary Fund cut its forecast. The IMF said growth would slow.",
        &["indirect/subject-cue | growth would slow | The IMF | International Monetary Fund"],
    );
    // An acronym the article never spells out stays as written; a person's initials are no acronym.
    check("The IMF said growth would slow.", &["indirect/subject-cue | growth would slow | The IMF | IMF"]);
}

#[test]
fn a_capitalized_word_then_a_role_before_a_name_is_the_name() {
    check(
        "Republican presidential candidate Donald Trump is attacking a rival who is far behind.",
        &["indirect/subject-cue | a rival who is far behind | Donald Trump | Donald Trump"],
    );
}

#[test]
fn a_word_capitalized_by_opening_its_sentence_is_no_speaker() {
    // "early" in lower case elsewhere: "Early" opens the sentence and a noun phrase that names no one.
    check(
        "Polls closed early.\n\nEarly results of an entrance poll are showing that Clinton won.",
        &["indirect/subject-cue | that Clinton won | Early results | -"],
    );
    // A focusing word before the subject is no part of it.
    check(
        "Even Hillary Clinton said that the plan was bold.",
        &["indirect/subject-cue | that the plan was bold | Hillary Clinton | Hillary Clinton"],
    );
    // A name seen once, at a sentence's start, stays a name.
    check(
        "Regalado said that the city would appeal.",
        &["indirect/subject-cue | that the city would appeal | Regalado | Regalado"],
    );
}

#[test]
fn they_refers_to_two_names_joined_or_an_organisation() {
    check(
        "But Mr. Grassley and Mr. Leahy say other changes are needed.\n\nThe program has grown beyond its intent, they say.",
        &[
            "indirect/subject-cue | other changes are needed | Mr. Grassley and Mr. Leahy | Grassley and Leahy",
            "indirect/clause-cue | The program has grown beyond its intent | they | Grassley and Leahy",
        ],
    );
    check(
        "The Environmental Protection Agency issued rules on Monday. They said that the rules would cut emissions.",
        &["indirect/subject-cue | that the rules would cut emissions | They | Environmental Protection Agency"],
    );
    // A group the article does not name: no one.
    check(
        "Democrats met on Monday. They said that the rules would cut emissions.",
        &["indirect/subject-cue | that the rules would cut emissions | They | -"],
    );
}

#[test]
fn a_pronoun_takes_a_person_of_its_gender_over_one_of_none_stated() {
    // Melanie is named by her given name only; Justice Scalia is given no gender.
    check(
        "Melanie watched the rally on Monday. Melanie cheered. The crowd was loud. The band played. Many came. \
         Some believed the idea that Justice Antonin Scalia was murdered. “Here comes Big Daddy,” she said.",
        &["direct/after | “Here comes Big Daddy,” | she | Melanie"],
    );
}

#[test]
fn a_family_name_shared_by_two_persons_keeps_each_ones_given_name() {
    // "his wife Hillary Clinton" makes Clinton a woman; Bill Clinton is still a man.
    check(
        "Bill Clinton spoke with his wife Hillary Clinton on Monday. He said that the campaign was strong.",
        &["indirect/subject-cue | that the campaign was strong | He | Bill Clinton"],
    );
    // Keith Lamont Scott's evidence is not Rakeyia Scott's.
    check(
        "Police shot Keith Lamont Scott on Tuesday. Rakeyia Scott can be heard yelling. “Don't shoot him,” she says.",
        &["direct/after | “Don't shoot him,” | she | Rakeyia Scott"],
    );
}

#[test]
fn a_pronoun_ending_a_sentence_is_no_honorific() {
    // "him." before "Jo-Renee Formicola" is not "Mr." before it.
    check(
        "The professor had high hopes for him. Jo-Renee Formicola teaches at the university. She said that the vote mattered.",
        &["indirect/subject-cue | that the vote mattered | She | Jo-Renee Formicola"],
    );
}

#[test]
fn a_pronoun_refers_to_the_subject_a_role_or_a_party_tag_sets_apart() {
    // The name after "White House spokesman" is the subject; "Trump" before "campaign
    // spokesman" is none.
    check(
        "President Obama spoke on Monday. White House spokesman Josh Earnest said the trip was planned. \
         He added that the president was tired.",
        &[
            "indirect/subject-cue | the trip was planned | Josh Earnest | Josh Earnest",
            "indirect/subject-cue | that the president was tired | He | Josh Earnest",
        ],
    );
    check(
        "Donald Trump spoke on Monday. Rep. Stephen Lynch (D-Mass.) said the trip was planned. \
         He added that the candidate was tired.",
        &[
            "indirect/subject-cue | the trip was planned | Rep. Stephen Lynch | Stephen Lynch",
            "indirect/subject-cue | that the candidate was tired | He | Stephen Lynch",
        ],
    );
}

#[test]
fn which_after_a_name_is_the_organisation_it_names() {
    check(
        "The attempt has also included members of the Saudi government, which has strongly denied any involvement.",
        &["indirect/subject-cue | any involvement | which | Saudi government"],
    );
    check(
        "They turned to the Chicago Police Department which reported “2,521 shooting incidents” in the city.",
        &["direct/before | “2,521 shooting incidents” | which | Chicago Police Department"],
    );
}

#[test]
fn a_day_a_party_adjective_or_a_participle_opener_is_no_speaker() {
    check(
        "\"Europe must be able to defend itself,\" French President François Hollande said Friday as he entered.",
        &["direct/after | \"Europe must be able to defend itself,\" | French President François Hollande | François Hollande"],
    );
    // "Republican claims": "claims" is a noun.
    check("PolitiFact rated 32% of Republican claims as false.", &[]);
    check(
        "Chastened by the analyses, Trump said that he would revise his plan.",
        &["indirect/subject-cue | that he would revise his plan | Trump | Trump"],
    );
}

#[test]
fn a_work_speaks_for_its_author_and_an_organisation_word_for_a_recent_organisation() {
    check(
        "A study was released Tuesday by the Tax Policy Center. The study says that most firms pay less.",
        &["indirect/subject-cue | that most firms pay less | The study | Tax Policy Center"],
    );
    check(
        "Mariano’s book describes the case. The book says that the clot was hidden.",
        &["indirect/subject-cue | that the clot was hidden | The book | Mariano"],
    );
    check(
        "The Federal Reserve Bank raised rates on Monday. The bank said that inflation was too high.",
        &["indirect/subject-cue | that inflation was too high | The bank | Federal Reserve Bank"],
    );
    check(
        "IBM agreed to pay a fine. The company said that it regretted the sales practices.",
        &["indirect/subject-cue | that it regretted the sales practices | The company | IBM"],
    );
    // A union is no agency.
    check(
        "The Environmental Protection Agency issued new rules. The union said that jobs would be lost.",
        &["indirect/subject-cue | that jobs would be lost | The union | -"],
    );
}

#[test]
fn a_group_after_a_conjunction_and_a_clause_with_a_common_verb_report() {
    check(
        "His profile is expected to grow, and aides say he will almost certainly seek reelection.",
        &["indirect/subject-cue | he will almost certainly seek reelection | aides | -"],
    );
    check(
        "Digital experts said social media success depends on authenticity.",
        &["indirect/subject-cue | social media success depends on authenticity | Digital experts | -"],
    );
}

#[test]
fn descriptions_and_pronouns_keep_to_their_own_person() {
    // A description of the other gender is another person, not the one the chain before it named.
    check(
        "David Turpin was also charged.\n\nThe father said \"I love my children.\"\n\nThe mother said \"I am sorry.\"",
        &[
            "direct/before | \"I love my children.\" | The father | David Turpin",
            "direct/before | \"I am sorry.\" | The mother | -",
        ],
    );
    // The subject that opens the sentence before is the antecedent, whatever the article says of
    // a nearer name's gender.
    check(
        "Al Jazeera reported that Wiranto was flown to a hospital.\n\nDedi Prasetyo, a police spokesperson, \
         confirmed that two suspects were arrested. He told the BBC that police suspect radicalism.",
        &[
            "indirect/subject-cue | that Wiranto was flown to a hospital | Al Jazeera | Al Jazeera",
            "indirect/subject-cue | that two suspects were arrested | Dedi Prasetyo | Dedi Prasetyo",
            "indirect/subject-cue | that police suspect radicalism | He | Dedi Prasetyo",
        ],
    );
    // The end of a fullest name is that person.
    check(
        "Gloria La Riva is running. La Riva said that she wants higher wages.",
        &["indirect/subject-cue | that she wants higher wages | La Riva | Gloria La Riva"],
    );
    // A person named with an organisation is no organisation spelled out: the person.
    check(
        "The United States Geological Survey (USGS) tracks quakes. John Geiger of USGS said \"We had hundreds.\"",
        &["direct/before | \"We had hundreds.\" | John Geiger of USGS | John Geiger"],
    );
}

#[test]
fn a_title_without_a_name_names_no_one() {
    check(
        "The Indian Prime Minister urged his countrymen to stay at home.",
        &["indirect/subject-cue | his countrymen to stay at home | The Indian Prime Minister | -"],
    );
}

#[test]
fn show_reports_after_a_plural_subject_or_before_that() {
    check(
        "The latest polls show Clinton with a narrow lead in Ohio.",
        &["indirect/subject-cue | Clinton with a narrow lead in Ohio | The latest polls | -"],
    );
    check(
        "He agreed to sell the plane to Mr. Trump in 2010, records show.",
        &["indirect/clause-cue | He agreed to sell the plane to Mr. Trump in 2010 | records | -"],
    );
    // "the show" is a noun.
    check("Millions watched the show on Sunday night.", &[]);
}

#[test]
fn a_title_alone_is_a_description_and_a_conjunction_ends_no_mention() {
    // "The President" is the person the article titled so.
    check(
        "President Donald Trump spoke on Friday. Congress met. The President insists that the budget include the wall.",
        &["indirect/subject-cue | that the budget include the wall | The President | Donald Trump"],
    );
    // "The embassy declined the request and said": the embassy, the one the article named.
    check(
        "Police wrote to the US Embassy. The embassy declined the request and said the family had left.",
        &["indirect/subject-cue | the family had left | The embassy | US Embassy"],
    );
}

#[test]
fn a_statement_speaks_for_who_made_it_and_an_addressee_is_no_content() {
    check(
        "On Sunday, President Donald Trump, in a statement delivered via the press secretary, announced a withdrawal. \
         The statement also said the troops had defeated ISIS.",
        &["indirect/subject-cue | the troops had defeated ISIS | The statement | Donald Trump"],
    );
    // A phrase of place after the addressee is no content: what was said follows "that", or
    // nothing does ("asking" reports what was asked).
    check(
        "The chief constable wrote to the US Embassy in London asking to waive her immunity.",
        &["indirect/subject-cue | to waive her immunity | The chief constable | -"],
    );
}

#[test]
fn clauses_with_contractions_shares_and_demonstratives_report() {
    check(
        "Trump talked about the stock market. He said stocks aren’t a great investment right now.",
        &["indirect/subject-cue | stocks aren’t a great investment right now | He | -"],
    );
    check(
        "That person said the hostility Cruz faced from his colleagues hampered his campaign.",
        &["indirect/subject-cue | the hostility Cruz faced from his colleagues hampered his campaign | That person | -"],
    );
    check(
        "Most are liberal; 26% say they are conservative.",
        &["indirect/subject-cue | they are conservative | 26% | -"],
    );
}

#[test]
fn a_participle_of_saying_ends_the_clause_and_a_stance_in_passing_is_no_statement() {
    check(
        "Biden criticized Trump for the tweet, claiming he used it to distract voters.",
        &[
            "indirect/subject-cue | Trump for the tweet | Biden | Biden",
            "indirect/subject-cue | he used it to distract voters | Biden | Biden",
        ],
    );
    check(
        "Putin said the plan is good before questioning the effectiveness of the proposal.",
        &["indirect/subject-cue | the plan is good before questioning the effectiveness of the proposal | Putin | Putin"],
    );
}

#[test]
fn a_name_never_runs_over_a_line_end() {
    check(
        "The fighters belong to Hayat Tahrir al-Sham\n\nLate on Sunday Erdogan said that the operation had begun.",
        &["indirect/subject-cue | that the operation had begun | Erdogan | Erdogan"],
    );
}

#[test]
fn it_refers_to_a_described_organisation_and_i_to_the_writer_named_at_the_end() {
    check(
        "The US Embassy received the letter. The embassy declined the request. It said the family had left.",
        &["indirect/subject-cue | the family had left | It | US Embassy"],
    );
    check(
        "My father taught me to read. I said that books would save me.\n\nCharlotte Meehan is a playwright in Providence.",
        &["indirect/subject-cue | that books would save me | I | Charlotte Meehan"],
    );
    // Without such a line, "I" names no one.
    check(
        "My father taught me to read. I said that books would save me.",
        &["indirect/subject-cue | that books would save me | I | -"],
    );
    // "Late on Sunday, X, in a statement, …": the day opens the sentence, X is its subject.
    check(
        "Late on Sunday, President Donald Trump, in a statement delivered by his press secretary, announced a withdrawal. \
         The statement said the troops had won.",
        &["indirect/subject-cue | the troops had won | The statement | Donald Trump"],
    );
}

#[test]
fn who_reaches_past_an_apposition_a_year_and_an_infinitive() {
    check(
        "Obama has a frosty relationship with Mitch McConnell, now the Senate majority leader, who in 2010 said \
         the party's goal was to make Obama a one-term president.",
        &["indirect/subject-cue | the party's goal was to make Obama a one-term president | who | Mitch McConnell"],
    );
    check(
        "The decision is risky for Ted Cruz, who pointedly refused to endorse Trump in July.",
        &["indirect/subject-cue | Trump in July | who | Ted Cruz"],
    );
}

#[test]
fn a_party_member_and_a_work_with_its_maker_are_described() {
    check(
        "Donald Trump spoke in Ohio on Monday. The Republican said that the debate was rigged.",
        &["indirect/subject-cue | that the debate was rigged | The Republican | Donald Trump"],
    );
    check(
        "The transcript of the debate, published by The Washington Post, shows that Clinton talked about reform.",
        &["indirect/subject-cue | that Clinton talked about reform | The transcript | Washington Post"],
    );
}

#[test]
fn a_time_or_a_place_makes_no_work() {
    check(
        "One study, from March, found that jackal horns were seized in the same period.",
        &["indirect/subject-cue | that jackal horns were seized in the same period | One study | -"],
    );
}

#[test]
fn a_day_is_never_a_speakers_name_and_a_country_may_be() {
    check(
        "The election is in March.\n\nThis past Friday, the princess, 67, urged voters to back her party.",
        &["indirect/subject-cue | voters to back her party | the princess | -"],
    );
    check(
        "Iran said that its forces had shot down the plane.",
        &["indirect/subject-cue | that its forces had shot down the plane | Iran | Iran"],
    );
}

#[test]
fn a_family_name_alone_takes_its_fullest_names_gender_and_a_titles_for_joins_the_role() {
    // "Melania Trump, his wife," marks the family female; "Trump" alone is Donald Trump.
    check(
        "Donald Trump met Melania Trump, his wife, on Monday. Biden spoke. Trump said the selection was wrong. \
         He said that Harris attacked Biden.",
        &[
            "indirect/subject-cue | the selection was wrong | Trump | Donald Trump",
            "indirect/subject-cue | that Harris attacked Biden | He | Donald Trump",
        ],
    );
    check(
        "President Donald Trump spoke on Monday. US Special Representative for Iran Brian Hook said that the sanctions \
         would stay. He added that it was a stunt.",
        &[
            "indirect/subject-cue | that the sanctions would stay | Iran Brian Hook | Brian Hook",
            "indirect/subject-cue | that it was a stunt | He | Brian Hook",
        ],
    );
}

/// The speaker of each row, as `mention -> speaker_name`.
fn speakers(text: &str) -> Vec<String> {
    render(text).iter().map(|row| row.split(" | ").skip(2).collect::<Vec<_>>().join(" -> ")).collect()
}

#[test]
fn he_or_she_after_a_quote_is_the_speaker_just_named() {
    // The speaker a cue after a quote names opens its sentence as much as a subject does.
    last_speakers_are(&[
        ("Donald Trump spoke on Monday about Europe.\n\n\"We need progress,\" said Nick Witney, a fellow at the council.\n\n\"There are plenty of reasons,\" he said.", "Nick Witney"),
        ("Donald Trump spoke on Monday about Europe.\n\n\"We need progress,\" Nick Witney said.\n\n\"There are plenty of reasons,\" he said.", "Nick Witney"),
        // A cue after a clause, the name after a possessive.
        ("Donald Trump spoke on Monday about the debates. However debates are not likely to alter the race, noted NBC's Dante Chinni.\n\n\"Debates happen late,\" he wrote.", "Dante Chinni"),
        // The source of "according to", past a title.
        ("\"We are concerned,\" said Donald Trump.\n\nAccording to Dr. Tom Frieden, the pandemic is new. He said, in remarks published by CNN, \"No other virus has spread.\"", "Tom Frieden"),
    ]);
}

/// Each text's last row is of the person named beside it.
#[track_caller]
fn last_speakers_are(cases: &[(&str, &str)]) {
    for (text, name) in cases {
        let got = speakers(text);
        assert!(got.last().is_some_and(|s| s.ends_with(&format!("-> {name}"))), "{got:?} in {text:?}");
    }
}

#[test]
fn a_name_after_a_cue_may_start_what_was_said() {
    // "…, said Ivanka Trump's statement …": Ivanka Trump is what was spoken of, not a speaker.
    let text = "Donald Trump spoke on Monday. The economist Aparna Mathur, who studies tax policy, said Ivanka Trump's statement did not clarify the matter.\n\n\"I don't see details,\" she said.";
    assert_eq!(speakers(text).last().map(String::as_str), Some("she -> Aparna Mathur"));
    // A quoted word before a name ends no quoted clause: "the “nasty” Harris" is no speaker.
    let text = "Donald Trump questioned the choice of Kamala Harris, whose father is Donald J. Harris. He said the \"nasty\" Harris attacked Biden. He also said her numbers dropped.";
    assert!(speakers(text).iter().all(|s| s.ends_with("Trump")), "{:?}", speakers(text));
}

#[test]
fn a_subject_past_an_opening_phrase_a_long_relative_clause_or_where_they_are_from() {
    last_speakers_are(&[
        ("Brock Pierce spoke first. In conclusion, Brian Carroll explained that he is pro-life. He supported social justice.", "Brian Carroll"),
        ("Keith Scott died on Tuesday. Chris Christie, who has campaigned beside Donald Trump for months since he suspended his own bid in February, blasted Clinton on Monday. \"She is a disgrace,\" he said.", "Chris Christie"),
        ("Chris Matthews praised Mike Pence. Dan McLaughlin at the National Review agreed with Matthews.\n\n\"Pence succeeded,\" he wrote.", "Dan McLaughlin"),
    ]);
}

/// The speaker_name of the row whose mention is `mention`.
fn name_of(text: &str, mention: &str) -> String {
    let got = speakers(text);
    let row = got.iter().find(|s| s.starts_with(&format!("{mention} -> "))).unwrap_or_else(|| panic!("{got:?}"));
    row[mention.len() + 4..].to_string()
}

/// Each text's row of the mention beside it has the name beside that.
#[track_caller]
fn names_are(cases: &[(&str, &str, &str)]) {
    for (text, mention, name) in cases {
        assert_eq!(name_of(text, mention), *name, "in {text:?}");
    }
}

#[test]
fn a_work_speaks_for_the_author_of_a_work_of_its_kind_or_who_just_spoke() {
    names_are(&[
        // A work of the same kind in another word, nearby.
        ("Ohio's policy appears to help Republicans, according to a recent Reuters survey of voter lists. The study found that voters were removed.", "The study", "Reuters"),
        ("A web video by the Republican National Committee attacks Kaine. The clip says Kaine is wrong.", "The clip", "Republican National Committee"),
        // The name right before the verb that made it.
        ("The Washington Post ran a feature Saturday that profiled a woman. The piece said that she was ill.", "The piece", "Washington Post"),
        // No work brought up: the organisation that spoke just before.
        ("The State Department Refugee Processing Center said that most refugees are Sunni. According to the data, Christians make up less than 1 percent.", "the data", "State Department Refugee Processing Center"),
        ("The Aviation Herald reported the landing was a mistake. The industry publication stated that the aircraft overran the runway.", "The industry publication", "Aviation Herald"),
    ]);
}

#[test]
fn a_work_takes_no_author_from_a_capitalized_common_word_a_journal_or_a_source_of_data() {
    let cases = [
        ("Findings also suggested the birds were wild. According to the data, since 1987 the overall population of the penguins has declined by more than a third.", "the data"),
        ("The research was published in Nature's Scientific Reports journal. The study stated that the bones were old.", "The study"),
        ("Siegel compared data from the Centers for Disease Control and Prevention. The study notes that suicides rose.", "The study"),
    ];
    for (text, mention) in cases {
        let name = name_of(text, mention);
        assert!(!["Findings", "Nature", "Centers"].iter().any(|n| name.contains(n)), "{name:?} in {text:?}");
    }
}

#[test]
fn an_adverb_set_off_by_a_comma_is_no_subject() {
    let text = "Most Republican claims were false. Conversely, PolitiFact said 22% of Democratic claims were true.";
    assert_eq!(speakers(text).last().map(String::as_str), Some("PolitiFact -> PolitiFact"));
    let text = "The Central and East European Coalition wants to preserve its policy. Recently, however, it issued a paper calling for new bases in Poland.";
    assert!(speakers(text).iter().all(|s| !s.contains("Recently")), "{:?}", speakers(text));
    let text = "Companies shelter profits offshore. Worse, the companies have said that they will hide more.";
    assert_eq!(speakers(text).last().map(String::as_str), Some("the companies -> -"));
    // A given name in "-ly" is a name.
    let text = "Kelly, a spokeswoman for the city, said the road will close.";
    assert_eq!(speakers(text), ["Kelly -> Kelly"]);
}

#[test]
fn a_candidates_campaign_or_team_is_the_campaign() {
    names_are(&[
        ("Donald Trump spoke in Ohio. Donald Trump's campaign is defending his tweets. It said that the attack was coordinated.", "It", "Trump campaign"),
        // A team is the campaign the article names so.
        ("Donald Trump spoke. Hillary Clinton read the Trump campaign's outline. The Trump team has said single people would qualify.", "The Trump team", "Trump campaign"),
        ("Vlada Stamenković spoke to Wikinews. Stamenković's team said that the probe will fly.", "Stamenković's team", "Stamenković team"),
        // One of two is no campaign's.
        ("Donald Trump spoke. People in the Trump administration and campaign said that they were ill.", "People in the Trump administration and campaign", "-"),
    ]);
}

#[test]
fn who_after_its_noun_phrase_is_the_speaker_it_stands_for() {
    // The apposition's person, not the organisation after its preposition.
    let text = "Investigators interviewed John Bentel, a tech staffer at the State Department who told his staff that the server was safe.";
    assert_eq!(speakers(text), ["who -> John Bentel"]);
    // The name right before it: a person after "by", a source after "according to".
    let text = "The bill was drafted by Alex Greenwich who said, \"It follows decades of work.\"";
    assert_eq!(name_of(text, "who"), "Alex Greenwich");
    let text = "Bermuda was rarely hit, according to CNN who reported that only 21 hurricanes came near.";
    assert_eq!(name_of(text, "who"), "CNN");
    // No name before it: none, and "anybody who complains" is no mention ("saying" is Clinton's).
    let text = "Hillary Clinton had mocked the complaint, saying anybody who complains about a microphone is having a bad night.";
    assert!(speakers(text).iter().all(|s| s == "Hillary Clinton -> Hillary Clinton"), "{:?}", speakers(text));
}

#[test]
fn a_position_taken_on_someone_ends_before_their_own_statement() {
    let text = "Ted Cruz endorses Donald Trump, who says he is honored.";
    assert_eq!(
        render(text),
        [
            "indirect/subject-cue | Donald Trump | Ted Cruz | Ted Cruz",
            "indirect/subject-cue | he is honored | who | Donald Trump"
        ]
    );
}

#[test]
fn a_description_takes_the_name_set_beside_it_and_its_abbreviations() {
    names_are(&[
        ("Mexico's president met Donald Trump.\n\nThe minister of the economy, Mr. Ildefonso Guajardo Villarreal, argues there is little point for Mexico to respond now.", "Mr. Ildefonso Guajardo Villarreal", "Ildefonso Guajardo Villarreal"),
        ("The firm grew. His former business partner at Lenox, Lawrence B. Cummings, said that he was a master of deals.", "His former business partner", "Lawrence B. Cummings"),
        // Not a description of a person: the name after it opens what was said.
        ("Donald Trump fell ill. According to official statements, Trump, now operating from the hospital, is to continue his duties.", "official statements", "-"),
        // An initialism's or a title's full stop is inside the mention.
        ("Hillary Clinton spoke on Monday.\n\nThe former U.S. senator said that the email was a mistake.", "The former U.S. senator", "Hillary Clinton"),
        ("\"The city will never go back to normal,\" said the Rev. Peter Wherry, of Mayfield Church.", "the Rev. Peter Wherry", "Peter Wherry"),
    ]);
}

#[test]
fn a_subject_after_whether_or_although_is_the_description_after_it() {
    names_are(&[
        ("Bernie Sanders spoke on Friday. As far as whether Sanders still senses anger among his supporters, the Vermont senator said that some people feel that way.", "the Vermont senator", "Bernie Sanders"),
    ]);
}

/// A description whose apposition the text's end cuts short (found by the fuzz test).
#[test]
fn a_description_at_the_end_of_the_text_takes_no_apposition() {
    assert_eq!(speakers("“We agree,” said the minister,"), ["the minister -> -"]);
}

#[test]
fn they_are_two_persons_each_with_an_apposition() {
    names_are(&[
        ("Senators Charles E. Grassley, Republican of Iowa, and Patrick J. Leahy, Democrat of Vermont, see the bill as a chance. They said that the program must change.", "They", "Charles E. Grassley and Patrick J. Leahy"),
    ]);
}

#[test]
fn the_city_is_the_place_the_article_named_so() {
    names_are(&[
        ("The city of White Plains closed its schools on Monday. The city said that there would be enough pressure for all to have water.", "The city", "White Plains"),
    ]);
}

#[test]
fn a_claim_is_its_owners() {
    let text = "Following Monday’s debate Politifact did a fact-check on Donald Trump’s claim that there have been “thousands of shootings” in Chicago this year.";
    assert_eq!(speakers(text), ["Donald Trump -> Donald Trump"]);
    let text = "Donald Trump spoke on Monday. Contrary to his claim that people would “learn nothing,” there would be a wealth of information.";
    assert_eq!(speakers(text).last().map(String::as_str), Some("his -> Donald Trump"));
    // A noun that is no cue of its own.
    let text = "Hillary Clinton spoke on Monday. Critics seized on Donald Trump's remark that the system is “rigged” against him.";
    assert_eq!(speakers(text).last().map(String::as_str), Some("Donald Trump -> Donald Trump"));
    // "claims of …", "claims about …": no "that", no statement of the owner's here.
    let text =
        "Though it is hard to assess North Korea's claims about the test, experts say it shows the regime's resolve.";
    assert_eq!(speakers(text), ["experts -> -"]);
}

#[test]
fn a_recording_of_someone_saying_is_theirs() {
    let text = "A new ad is out.\n\nThe ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”";
    assert_eq!(speakers(text), ["Hillary Clinton -> Hillary Clinton"]);
    let text = "The spot concludes with footage of Donald Trump saying during the debate, “That makes me smart,” as Clinton spoke.";
    assert_eq!(speakers(text), ["Donald Trump -> Donald Trump"]);
}

#[test]
fn the_union_is_the_organisation_named_with_a_word_of_its_kind() {
    names_are(&[
        ("The Association of Flight Attendants endorsed Hillary Clinton on Friday. The union said that she would protect workers.", "The union", "Association of Flight Attendants"),
    ]);
}

#[test]
fn the_agency_is_a_government_office_where_no_medium_is_named() {
    names_are(&[
        ("The top 1 percent paid 25 percent of all taxes, according to the nonpartisan Congressional Budget Office. The agency said that the middle fifth paid 9 percent.", "The agency", "Congressional Budget Office"),
    ]);
}

#[test]
fn the_state_is_the_place_before_it_not_a_secretary_of_state() {
    names_are(&[
        ("Ohio Secretary of State Jon Husted defended the rules. Advocates cite the 2000 election in Florida, when the state said that 12,000 voters were ex-convicts.", "the state", "Florida"),
    ]);
}

/// A determiner alone before a colon is no interviewee (found by the fuzz test: it panicked).
#[test]
fn a_lone_determiner_before_a_colon_names_no_one() {
    let text = "Q: What do you think about the plan now?\n\nThe : software will respect Australia and all of it.\n\nQ: Why is that so?\n\nThe : because it is the most secure we now have.";
    assert!(speakers(text).iter().all(|s| !s.starts_with("The ->")), "{:?}", speakers(text));
}

#[test]
fn a_participle_after_a_determiner_is_no_cue() {
    // "the proposed end point": an adjective; and "Italy," is no adverb for its "-ly".
    check(
        "Italy, the proposed end point, and Egypt, which have gas fields of their own, were openly called to join.",
        &[],
    );
    check(
        "Police arrested the accused in the neighborhood, 36 minutes after the shooting, according to police.",
        &["indirect/according-to | Police arrested the accused in the neighborhood, 36 minutes after the shooting | police | -"],
    );
}

#[test]
fn a_participle_after_a_preposition_or_a_think_tank_is_no_cue() {
    // "the number of confirmed deaths", "among pledged delegates": adjectives.
    check("The country had the highest number of confirmed deaths linked to the virus in the region.", &[]);
    check("Howie Hawkins broadened his lead among pledged Green Party delegates last week.", &[]);
    // (a time word listed with the prepositions is none: "yesterday questioned")
    check(
        "Senator Dick Durbin yesterday questioned the President's power to do as he proposed.",
        &["indirect/subject-cue | the President's power to do as he proposed | Senator Dick Durbin | Dick Durbin"],
    );
    check(
        "In his talk at the think tank Atlantic Council, Mitsotakis reaffirmed that the pipeline is open for other countries to join.",
        &["indirect/subject-cue | that the pipeline is open for other countries to join | Mitsotakis | Mitsotakis"],
    );
}

#[test]
fn a_phrase_after_the_cue_ends_before_what_was_said() {
    // A determiner after the phrase's noun opens what was said; the phrase's own determiner is
    // still the phrase's ("in a statement").
    check(
        "The city announced on Twitter the Federal Aviation Administration would investigate the crash.",
        &["indirect/subject-cue | the Federal Aviation Administration would investigate the crash | The city | -"],
    );
    check(
        "The fire service indicated on Twitter the baby girl was critically ill.",
        &["indirect/subject-cue | the baby girl was critically ill | The fire service | -"],
    );
    check(
        "The company said in a statement it would appeal the ruling.",
        &["indirect/subject-cue | it would appeal the ruling | The company | -"],
    );
    // A phrase longer than its few words: what was said follows its "that".
    check(
        "Ford said in a financial filing to the U.S. Securities and Exchange Commission that the investigation started in March.",
        &["indirect/subject-cue | the investigation started in March | Ford | Ford"],
    );
}

#[test]
fn a_name_with_a_suffix_is_named_by_the_word_before_it() {
    names_are(&[
        (
            "Robert Downey Jr., Scarlett Johansson and Mark Ruffalo paid tribute. Downey said of Boseman, \"He was humble.\"",
            "Downey",
            "Robert Downey Jr.",
        ),
        ("Robert Downey Jr said \"It is fine.\" Downey said \"It is good.\"", "Downey", "Robert Downey Jr"),
    ]);
}

#[test]
fn a_work_speaks_for_whose_it_is() {
    names_are(&[
        ("Pfizer met on Monday. According to Pfizer's report, the virus claimed 6606 lives.", "Pfizer's report", "Pfizer"),
        // An acronym that is also a word starts no name run: named as the article spells it out.
        (
            "The World Health Organization (WHO) met. The WHO's situation report said the virus claimed 6606 lives.",
            "WHO's situation report",
            "World Health Organization",
        ),
        // A participle after the work's noun ends the source.
        (
            "The World Health Organization (WHO) met. According to the WHO's situation report dated March 16, the virus claimed 6606 lives.",
            "the WHO's situation report",
            "World Health Organization",
        ),
    ]);
}

#[test]
fn a_plural_or_a_quantifier_opening_its_sentence_names_no_one() {
    // The cue's plural form tells a plural noun from a name ("Reuters predicts", "Sanders says").
    check(
        "Meteorologists predict landfall on Saturday morning.",
        &["indirect/subject-cue | landfall on Saturday morning | Meteorologists | -"],
    );
    check("Others dismissed the claims outright.", &["indirect/subject-cue | the claims outright | Others | -"]);
    check("Reuters predicts the plan will fail.", &["indirect/subject-cue | the plan will fail | Reuters | Reuters"]);
    // A party's or a people's members are named so.
    check("Democrats say the plan will fail.", &["indirect/subject-cue | the plan will fail | Democrats | Democrats"]);
}

#[test]
fn a_word_joined_by_a_hyphen_is_neither_cue_nor_the_start_of_what_was_said() {
    check("The party received 6,776 votes, largely from write-ins in other states.", &[]);
    check("Buyers were stocking up due to fears of COVID-19 in case people need to self-isolate.", &[]);
    check("He said write-in votes would count.", &["indirect/subject-cue | write-in votes would count | He | -"]);
}

#[test]
fn what_was_said_ends_where_another_statement_or_the_speakers_next_act_begins() {
    check(
        "One interviewee said people changed their minds and several said they wanted the politicians to listen.",
        &[
            "indirect/subject-cue | people changed their minds | One interviewee | -",
            "indirect/subject-cue | they wanted the politicians to listen | several | -",
        ],
    );
    check(
        "Pierce emphasized the need for education across the nation and likened the current system to indoctrination.",
        &["indirect/subject-cue | the need for education across the nation | Pierce | Pierce"],
    );
    // A participle between a quantifier and its noun is an adjective.
    check("Even though Waseem confessed to acting alone, several alleged accomplices were tried.", &[]);
    // A clause's own second verb stays: "played well and scored twice".
    check(
        "She said the team played well and scored twice.",
        &["indirect/subject-cue | the team played well and scored twice | She | -"],
    );
}

#[test]
fn a_plural_noun_after_a_noun_is_no_cue() {
    check(
        "The strike follows rocket attacks on the embassy; Business Insider reported that the strikes were carried out by militias.",
        &["indirect/subject-cue | that the strikes were carried out by militias | Business Insider | Business Insider"],
    );
    // A conjunction before the cue is none: "… and expects them to …".
    check(
        "McKinley is bearish on student loans and expects them to become less available.",
        &["indirect/subject-cue | them to become less available | McKinley | McKinley"],
    );
}

#[test]
fn a_connector_joined_by_a_hyphen_an_administrator_and_a_website_name_their_speaker() {
    names_are(&[
        (
            "Ahmed al-Assadi, a spokesman for the PMF, spoke on Friday. Assadi said the strike was illegal.",
            "Assadi",
            "Ahmed al-Assadi",
        ),
        (
            "NASA Administrator Jim Bridenstine has said it may be ready. Bridenstine said the flight was a success.",
            "Bridenstine",
            "Jim Bridenstine",
        ),
        (
            "The pandemic was declared by the World Health Organization (WHO). The WHO's website said the remedies do not work.",
            "WHO's website",
            "World Health Organization",
        ),
    ]);
}

#[test]
fn the_person_named_before_where_they_are_from_is_the_speaker() {
    names_are(&[
        (
            "Xiaogang Wei of the Beijing Gender Health Education Institute commented on the decision: \"The government has pointed to tradition.\"",
            "Xiaogang Wei of the Beijing Gender Health Education Institute",
            "Xiaogang Wei",
        ),
        ("John Smith of Reuters said the talks were over.", "John Smith of Reuters", "John Smith"),
    ]);
}

#[test]
fn a_countrys_institution_is_named_by_its_people() {
    names_are(&[
        (
            "The German government announced the tests found Novichok in his blood.",
            "The German government",
            "German government",
        ),
        (
            "The Iranian foreign ministry said the talks were over.",
            "The Iranian foreign ministry",
            "Iranian foreign ministry",
        ),
    ]);
    check(
        "The government said the talks were over.",
        &["indirect/subject-cue | the talks were over | The government | -"],
    );
}

#[test]
fn a_titles_place_a_hyphenated_role_and_a_peoples_adjective_are_no_part_of_the_name() {
    names_are(&[
        (
            "President of Argentina Alberto Fernández spoke. Fernández said the bill was ready.",
            "Fernández",
            "Alberto Fernández",
        ),
        (
            "Russian Minister of Foreign Affairs Sergey Lavrov spoke. Lavrov said the talks were over.",
            "Lavrov",
            "Sergey Lavrov",
        ),
    ]);
    check(
        "\"It is a new process,\" said study co-author Ted Scambos.",
        &["direct/after | \"It is a new process,\" | Ted Scambos | Ted Scambos"],
    );
    check(
        "On Monday, state-owned Iranian news agency Fars reported Iran issued arrest warrants.",
        &["indirect/subject-cue | Iran issued arrest warrants | Fars | Fars"],
    );
}

/// A cue's "-ed" form after a determiner or a preposition is an adjective ("of alleged police
/// violence", "the alleged attack"): no cue, and no row of the noun phrase after it.
#[test]
fn an_ed_cue_after_a_determiner_or_preposition_is_an_adjective() {
    check(
        "Protesters' demands include investigation of alleged police violence, the release of those \
         arrested, and more.",
        &[],
    );
    check("Police are looking into the alleged attack on the mayor.", &[]);
    check(
        "Police alleged that the driver was drunk.",
        &["indirect/subject-cue | that the driver was drunk | Police | -"],
    );
}

/// "According to ROLE, NAME, CLAUSE": the name is in apposition to the role, and the clause
/// starts after it; after a group the name is the clause's subject.
#[test]
fn a_name_in_apposition_after_according_to_a_role_is_no_part_of_the_clause() {
    check(
        "According to the El Paso mayor, Dee Margo, police were investigating whether a manifesto was his.",
        &["indirect/according-to | police were investigating whether a manifesto was his | the El Paso mayor | Dee Margo"],
    );
    check(
        "According to police, John Smith, 45, was arrested at his home on Friday.",
        &["indirect/according-to | John Smith, 45, was arrested at his home on Friday | police | -"],
    );
}

/// "NAME, TITLE called …" (the apposition's closing comma left out): the person is the speaker,
/// not the title.
#[test]
fn a_title_after_a_name_without_its_closing_comma_is_the_names() {
    check(
        "Others spoke. Erwin Chemerinsky, Dean of UC Berkeley School of Law said the claim was silly.",
        &["indirect/subject-cue | the claim was silly | Erwin Chemerinsky | Erwin Chemerinsky"],
    );
}

/// A sentence adverb before a family name in "-man" is no name with its title: "Reluctantly,
/// Brafman said" is Brafman's.
#[test]
fn an_adverb_before_a_name_makes_no_apposition() {
    check(
        "Ben Brafman spoke. Reluctantly, Brafman said he had come to the conclusion that it was over.",
        &["indirect/subject-cue | he had come to the conclusion that it was over | Brafman | Ben Brafman"],
    );
}

/// A body's name with "and" between its fields ("Centers for Disease Control and Prevention",
/// "North Wales Fire and Rescue Service") is one name, and "the fire service" after it is that
/// body.
#[test]
fn a_bodys_name_holds_and_between_its_fields() {
    check(
        "The Centers for Disease Control and Prevention said the risk was low.",
        &["indirect/subject-cue | the risk was low | The Centers for Disease Control and Prevention | Centers for Disease Control and Prevention"],
    );
    check(
        "A fire broke out. North Wales Fire and Rescue Service sent crews. The fire service indicated an investigation was underway.",
        &["indirect/subject-cue | an investigation was underway | The fire service | North Wales Fire and Rescue Service"],
    );
    // (a body's name is its own, though its last word ends a name the article gives a person)
    check(
        "Groups such as Earth Action spent money. The fiscally conservative Club for Growth Action said it \
         spent $1.1 million on ads.",
        &["indirect/subject-cue | it spent $1.1 million on ads | Club for Growth Action | Club for Growth Action"],
    );
    check(
        "Microsoft and Apple Inc said the deal was off.",
        &["indirect/subject-cue | the deal was off | Microsoft and Apple Inc | Apple Inc"],
    );
}

/// A body's name before its acronym in brackets is the whole name the acronym spells, commas,
/// "and" and "to" in it or not.
#[test]
fn a_name_before_its_acronym_is_what_the_acronym_spells() {
    check(
        "Bangladesh's Institute of Epidemiology, Disease Control and Research (IEDCR) reported the number \
         of cases rose to 114.",
        &["indirect/subject-cue | the number of cases rose to 114 | Institute of Epidemiology, Disease Control and Research | Institute of Epidemiology, Disease Control and Research"],
    );
    check(
        "The Committee to Protect Journalists (CPJ) said the risk was high.",
        &["indirect/subject-cue | the risk was high | Committee to Protect Journalists | Committee to Protect Journalists"],
    );
    check(
        "Sen. Marco Rubio (R-Fla.) said the bill was bad.",
        &["indirect/subject-cue | the bill was bad | Sen. Marco Rubio | Marco Rubio"],
    );
}

/// "According to its polling": the poll of the outlet the article last named as its maker.
#[test]
fn its_polling_is_the_pollsters() {
    check(
        "The Las Vegas Review-Journal reported the caucus could be the last. According to its polling, roughly \
         two-thirds of the Democratic voters preferred a primary.",
        &[
            "indirect/subject-cue | the caucus could be the last | The Las Vegas Review-Journal | Las Vegas Review-Journal",
            "indirect/according-to | roughly two-thirds of the Democratic voters preferred a primary | its polling | Las Vegas Review-Journal",
        ],
    );
}

/// "Police said" at a sentence's start is "the police": the body the article named with the word
/// ("Thames Valley Police"); no other body.
#[test]
fn a_bodys_word_alone_opening_a_sentence_is_the_body_named_with_it() {
    check(
        "Thames Valley Police arrested a man on Saturday. Police said the toilet was stolen overnight.",
        &["indirect/subject-cue | the toilet was stolen overnight | Police | Thames Valley Police"],
    );
    check(
        "Acme Corp fired 200 workers on Monday. Police said the protest was peaceful.",
        &["indirect/subject-cue | the protest was peaceful | Police | -"],
    );
}

/// "a prisoner, suspected to be Louis De Zoysa": a participle set off after a noun says what is
/// thought, by no one named; "the five demands" is a plural noun; "was commonly called “swine
/// flu”" is a name given, nobody's words.
#[test]
fn set_off_participles_counted_nouns_and_names_given_are_no_statements() {
    check("Ratana was shot at the custody centre by a prisoner, suspected to be Louis De Zoysa.", &[]);
    check("This was one of the five demands of the protesters, sometimes numbering in the millions.", &[]);
    check("That year's H1N1 was commonly called \"swine flu.\" The government ordered pigs killed.", &[]);
    check(
        "American Samoans do not gain citizenship at birth. Instead, they are called \"U.S. nationals\" on their \
         passports.",
        &[],
    );
}

/// A name after an honorific is whole, its first word one the lists do not know ("Dr Meerjady
/// Sabrina Flora"), and the honorific with that first word alone is that person ("Dr Meerjady";
/// "Ms. Gao" after "Gao Junlan", family name first).
#[test]
fn an_honorific_and_a_first_word_is_the_person_named_in_full() {
    check(
        "The director of IEDCR, Dr Meerjady Sabrina Flora, said five people died. According to Dr Meerjady, \
         two cases were aged above 60.",
        &[
            "indirect/subject-cue | five people died | The director of IEDCR | Meerjady Sabrina Flora",
            "indirect/according-to | two cases were aged above 60 | Dr Meerjady | Meerjady Sabrina Flora",
        ],
    );
    check(
        "Gao Junlan, a lawyer from Sichuan, was worried. Ms. Gao said the government should act.",
        &["indirect/subject-cue | the government should act | Ms. Gao | Gao Junlan"],
    );
}

/// Initials inside a name join it, "A." and "I." too ("Wayne A. I. Frederick").
#[test]
fn initials_stay_inside_a_name() {
    check(
        "Wayne A. I. Frederick, president of Howard University, wrote \"We mourn the loss of Chadwick Boseman.\"",
        &["direct/before | \"We mourn the loss of Chadwick Boseman.\" | Wayne A. I. Frederick | Wayne A. I. Frederick"],
    );
}

/// "As X put it, “…”" reports X's words; "put it" elsewhere is no cue.
#[test]
fn as_someone_put_it_is_a_cue() {
    check("As Smith put it, \"the plan is dead.\"", &["direct/before | \"the plan is dead.\" | Smith | Smith"]);
    check("He put it on the table and left.", &[]);
}

/// An apposition that ends in a work's title in quote marks, its comma inside them, is still
/// the name's, and the title ends no clause before the cue.
#[test]
fn a_title_in_quote_marks_inside_an_apposition_leaves_the_speaker_the_name() {
    check(
        "As Akhil Amar, professor of law at Yale and author of ''America's Unwritten Constitution,'' put it, \
         ''Senate Republicans should remember that a compromise candidate may be better.''",
        &["direct/before | ''Senate Republicans should remember that a compromise candidate may be better.'' | Akhil Amar | Akhil Amar"],
    );
}

/// "Scientists from Tsinghua University said": researchers of a body the article names speak
/// for it; officials or scientists "from" a place are no one named.
#[test]
fn researchers_from_a_body_speak_for_it() {
    check(
        "Scientists from Tsinghua University said the dinosaurs flapped their wings.",
        &["indirect/subject-cue | the dinosaurs flapped their wings | Scientists from Tsinghua University | Tsinghua University"],
    );
    check(
        "Officials from Iran said the plane crashed.",
        &["indirect/subject-cue | the plane crashed | Officials from Iran | -"],
    );
}

/// "One of these groups, the Syrian Democratic Forces (SDF), opposed … and said …": a
/// description, then the name it is in apposition (its acronym's bracket written together with
/// the comma): the name speaks, for the cue after "and" too.
#[test]
fn a_name_in_apposition_to_a_description_is_the_subject() {
    check(
        "One of these groups, the Syrian Democratic Forces (SDF), opposed the withdrawal and said it was \
         previously given \"assurances from the US that it would not allow any operations.\"",
        &[
            "mixed/elided-subject | it was previously given \"assurances from the US that it would not allow any operations.\" | the Syrian Democratic Forces | Syrian Democratic Forces",
        ],
    );
    // (not after a pronoun: "she" is the subject, her husband the one told)
    check(
        "She confided to her husband, Frank Fiorina, that it would be \"incredibly ugly.\"",
        &["mixed/subject-verb | to her husband, Frank Fiorina, that it would be \"incredibly ugly.\" | She | -"],
    );
}

/// "Scientists from Tsinghua University and the Chinese Academy of Sciences …. They found":
/// "they" are the researchers, named by their bodies; researchers who are no subject are not.
#[test]
fn they_after_researchers_from_bodies_are_the_bodies() {
    check(
        "Scientists from Tsinghua University and the Chinese Academy of Sciences published a study. They found \
         the faster each ostrich ran, the more it flapped.",
        &["indirect/subject-cue | the faster each ostrich ran, the more it flapped | They | Tsinghua University and Chinese Academy of Sciences"],
    );
    check(
        "The team met scientists from Oxford University. They said the plan was good.",
        &["indirect/subject-cue | the plan was good | They | -"],
    );
    // (another team's sentence between: "they" are no longer the first researchers)
    check(
        "Scientists from Oxford University published a study. The Montreal team, led by Björn Benneke, used \
         data from Hubble. They found that the light weakened.",
        &["indirect/subject-cue | that the light weakened | They | -"],
    );
}

/// "According to X by UpGuard, a cybersecurity firm, CLAUSE": what a named source is, set off
/// after its name, is not what it said; after a noun the words set off are the clause's.
#[test]
fn a_description_set_off_after_a_named_source_is_not_what_it_said() {
    check(
        "According to a report on Wednesday by UpGuard, a cybersecurity firm, two databases were found on public servers.",
        &["indirect/according-to | two databases were found on public servers | UpGuard | UpGuard"],
    );
    check(
        "According to the ruling, a host, such as Facebook, must remove the original post.",
        &["indirect/according-to | a host, such as Facebook, must remove the original post | the ruling | -"],
    );
}

/// A phrase with no verb before "…, X concluded" is no clause that was said; nor is what a
/// cue of concluding or testifying takes as a plain object.
#[test]
fn a_phrase_before_a_cue_and_a_plain_object_of_concluding_are_no_statements() {
    check("Like the previous, the debate concluded with final statements from the candidates.", &[]);
    check("In her Facebook video, Jorgensen confirmed this course of treatment.", &[]);
    check("He testified at the impeachment hearings.", &[]);
    check(
        "He testified that he had not seen the letter.",
        &["indirect/subject-cue | that he had not seen the letter | He | -"],
    );
}

/// "While X said A, Y said B": a clause opened by "while" or "although" ends at its comma
/// (not at a number's), where the main clause and its own statement begin.
#[test]
fn a_while_clause_ends_at_its_comma() {
    check(
        "While Smith said the plan would work, Jones said it would fail.",
        &[
            "indirect/subject-cue | the plan would work | Smith | Smith",
            "indirect/subject-cue | it would fail | Jones | Jones",
        ],
    );
    check(
        "Although Smith said there are 2,400 of them, Jones was not sure.",
        &["indirect/subject-cue | there are 2,400 of them | Smith | Smith"],
    );
}

/// Where a statement was made, at its end ("in his announcement"), is the narration's; a
/// picture shows what it depicts (what it shows to be so follows "that"); a range of numbers
/// ("49.7 percent to 43.1 percent") and a hyphenated "head-to-head" open no clause.
#[test]
fn the_medium_a_depiction_and_a_range_are_not_what_was_said() {
    check(
        "She said the minimum wage should rise to USD15 an hour in her announcement.",
        &["indirect/subject-cue | the minimum wage should rise to USD15 an hour | She | -"],
    );
    check("The video showed a police officer surrounded by protesters.", &[]);
    check(
        "The video showed that police had fired first.",
        &["indirect/subject-cue | that police had fired first | The video | -"],
    );
    check("Biden maintained his lead in the head-to-head average, 49.7 percent to 43.1 percent.", &[]);
}

/// A research team's findings ("They found", "The researchers concluded", "The study found") go
/// under the lead the article names ("Lead author X", "led by X", "X and colleagues", "X, the
/// study's lead author"); with no lead named, or two, under no one.
#[test]
fn a_research_teams_findings_go_under_its_named_lead() {
    check(
        "An international team of scientists studied ibises. Lead author Sally Wasef of Griffith University explained \
         the work. The team collected DNA samples. They found the DNA sequences to be diverse.",
        &["indirect/subject-cue | the DNA sequences to be diverse | They | Sally Wasef"],
    );
    check(
        "A study led by Björn Benneke of the University of Montreal was published. The researchers concluded there \
         was water vapour in the atmosphere.",
        &["indirect/subject-cue | there was water vapour in the atmosphere | The researchers | Björn Benneke"],
    );
    check(
        "Naomi Martisius and colleagues studied bone tools. The study found that Neanderthals made them.",
        &["indirect/subject-cue | that Neanderthals made them | The study | Naomi Martisius"],
    );
    check(
        "Scientists studied the sharks. They found that sevengills moved in.",
        &["indirect/subject-cue | that sevengills moved in | They | -"],
    );
    // (a campaign's team is no research team)
    check(
        "A letter went to Joe Biden and his team. The team said the transition would begin.",
        &["indirect/subject-cue | the transition would begin | The team | -"],
    );
}

/// "X cited Y as saying …", "X quoted Y as saying …": the one quoted said it, with the title set
/// off after the name.
#[test]
fn the_one_quoted_as_saying_is_the_speaker() {
    check(
        "The BBC also cited Budi Gunawan, head of the State Intelligence Agency, as saying the attacker was part of a network.",
        &["indirect/subject-cue | the attacker was part of a network | Budi Gunawan | Budi Gunawan"],
    );
    check(
        "Reuters quoted a police spokesman as saying that two people had been arrested.",
        &["indirect/subject-cue | that two people had been arrested | a police spokesman | -"],
    );
}

/// "Ricardo Rosselló Nevares …. Rosselló said": the first of two family names names the person
/// alone too; not an initial ("John F. Kennedy"), not a show's title after "the", and a person
/// whose own family name it is keeps it.
#[test]
fn the_first_of_two_family_names_names_the_person() {
    check(
        "Ricardo Rosselló Nevares resigned on Wednesday. Rosselló said he would leave office on Friday.",
        &["indirect/subject-cue | he would leave office on Friday | Rosselló | Ricardo Rosselló Nevares"],
    );
    check(
        "Pedro Rosselló was governor. His son Ricardo Rosselló Nevares resigned. Rosselló said he was sorry.",
        &["indirect/subject-cue | he was sorry | Rosselló | Pedro Rosselló"],
    );
    check(
        "She hosts The Rachel Maddow Show. Maddow said the race was close.",
        &["indirect/subject-cue | the race was close | Maddow | Maddow"],
    );
}

/// "the Guardian newspaper said", "The New York Times newspaper reported": an outlet named
/// before its kind is that name; "State media" or a sentence's opening word is no name.
#[test]
fn an_outlet_named_before_its_kind_is_its_name() {
    check(
        "The Guardian newspaper reported that the minister had resigned.",
        &["indirect/subject-cue | that the minister had resigned | The Guardian newspaper | Guardian"],
    );
    check(
        "On Friday, State media reported that the plane had crashed.",
        &["indirect/subject-cue | that the plane had crashed | State media | -"],
    );
}

/// What the rules above must keep (a review's cases): a while-clause's own commas, a place in
/// what was said, a picture that shows a clause, a list after "According to X,", a clause after
/// an opening phrase with a comma, a blame put "on" something; and whom they must not name: a
/// lead of no study, a campaign's or a raid's, a people's newspaper.
#[test]
fn the_rules_keep_what_was_said_and_name_no_one_wrongly() {
    check(
        "Although the mayor said that, in her view, the plan was sound, the council rejected it.",
        &["indirect/subject-cue | that, in her view, the plan was sound | the mayor | -"],
    );
    check("He said the error was in the filing.", &["indirect/subject-cue | the error was in the filing | He | -"]);
    check(
        "Satellite images showed the airbase had been badly damaged.",
        &["indirect/subject-cue | the airbase had been badly damaged | Satellite images | -"],
    );
    check(
        "According to the Interior Ministry, a soldier, two police officers and a civilian were killed.",
        &["indirect/according-to | a soldier, two police officers and a civilian were killed | the Interior Ministry | Interior Ministry"],
    );
    check(
        "In the south, floods swept away hundreds of homes, officials said.",
        &["indirect/clause-cue | In the south, floods swept away hundreds of homes | officials | -"],
    );
    check(
        "Investigators blamed the fire on faulty wiring in the basement.",
        &["indirect/subject-cue | the fire on faulty wiring in the basement | Investigators | -"],
    );
    check(
        "The raid was led by Colonel John Smith. Researchers said the raids had failed.",
        &["indirect/subject-cue | the raids had failed | Researchers | -"],
    );
    check(
        "Interfax quoted the Foreign Ministry's spokeswoman, Maria Zakharova, as saying the talks would go on.",
        &["indirect/subject-cue | the talks would go on | Maria Zakharova | Maria Zakharova"],
    );
    check(
        "Jones, who was quoting a colleague, was heard by reporters as saying the deal was dead.",
        &["indirect/subject-cue | the deal was dead | Jones | Jones"],
    );
    check(
        "The British newspaper reported that the minister had resigned.",
        &["indirect/subject-cue | that the minister had resigned | The British newspaper | -"],
    );
}

/// "Biden-Harris released a statement": two persons' family names joined by a hyphen are the
/// two; "Both officers", "the two men" after two persons named as a subject are those two.
#[test]
fn joint_speakers_by_hyphen_or_by_both_are_the_two() {
    check(
        "Joe Biden and Kamala Harris campaigned. Biden-Harris released a statement saying the election was fair.",
        &["indirect/subject-cue | the election was fair | Biden-Harris | Joe Biden and Kamala Harris"],
    );
    check(
        "Antoine Quirin and Nicolas Redouane were sentenced. Both officers indicated they would appeal.",
        &["indirect/subject-cue | they would appeal | Both officers | Antoine Quirin and Nicolas Redouane"],
    );
    check(
        "Antoine Quirin was sentenced. Both officers said they would appeal.",
        &["indirect/subject-cue | they would appeal | Both officers | -"],
    );
    check(
        "Smith-Jones said the plan would work.",
        &["indirect/subject-cue | the plan would work | Smith-Jones | Smith-Jones"],
    );
}

/// "One of the study's authors, herpetologist Jane Blackburn, said:": role words and a full name
/// set off after a description are the speaker and their title; "“…,” Crystal C'Bearing of the
/// tribal historic preservation office told those gathered": a name's affiliation between the
/// name and the cue after a quote.
#[test]
fn a_name_set_off_after_a_description_or_before_its_affiliation_speaks() {
    check(
        "One of the study's authors, herpetologist Jane Blackburn, said: \"Somehow, these frogs are turning on machinery.\"",
        &["direct/before | \"Somehow, these frogs are turning on machinery.\" | Jane Blackburn | Jane Blackburn"],
    );
    check(
        "\"Bringing the buffalo back here is going to heal us,\" Crystal C'Bearing of the Northern Arapaho tribal historic \
         preservation office told those gathered.",
        &["direct/after | \"Bringing the buffalo back here is going to heal us,\" | Crystal C'Bearing | Crystal C'Bearing"],
    );
}

/// "the government of Samoa executed …. The government said": the state's institution the
/// article named with its country; with none named, no one.
#[test]
fn the_government_is_the_one_the_article_named_with_its_country() {
    check(
        "On December 5, the government of Samoa shut down public services. The government said 128 teams took part.",
        &["indirect/subject-cue | 128 teams took part | The government | Government of Samoa"],
    );
    check("The government said the plan was good.", &["indirect/subject-cue | the plan was good | The government | -"]);
}

/// "The ruling Democratic Rally in Cyprus said": a name, then where it is, is the name's; a
/// place after "in" is no speaker.
#[test]
fn a_name_in_a_place_is_the_names() {
    check(
        "The ruling Democratic Rally in Cyprus said the deal was historic.",
        &["indirect/subject-cue | the deal was historic | Democratic Rally | Democratic Rally"],
    );
    check(
        "Officials in Cyprus said the deal was historic.",
        &["indirect/subject-cue | the deal was historic | Officials in Cyprus | -"],
    );
}
