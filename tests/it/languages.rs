//! Articles in several languages in one run: each read in its own language (given by the input
//! or told from the text), German by its rules, a language without rules by its quote marks only.

use crate::util::{extract, read_jsonl, run_json, stderr};

const ENGLISH: &str = "The mayor of the city said on Monday that the schools would reopen next week, after months \
                       of closures. \"We are ready for the children to come back,\" she told reporters.";
const GERMAN: &str = "Die Bürgermeisterin der Stadt sagte am Montag, die Schulen würden in der nächsten Woche wieder \
                      öffnen. Man sei bereit für die Rückkehr der Kinder. „Wir freuen uns auf alle Schülerinnen und \
                      Schüler“, sagte sie vor Journalisten.";
const FRENCH: &str = "Le maire de la ville a déclaré lundi que les écoles rouvriraient la semaine prochaine, après des \
                      mois de fermeture. « Nous sommes prêts pour le retour des enfants », a-t-elle dit aux journalistes.";

#[test]
fn a_mixed_corpus_is_read_in_each_articles_language_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.jsonl");
    let lines = [
        serde_json::json!({"id": "en", "text": ENGLISH, "published": "2025-08-22"}),
        serde_json::json!({"id": "de", "text": GERMAN, "published": "2025-08-22"}),
        serde_json::json!({"id": "fr", "text": FRENCH}),
        // the input's `lang` wins over the text's
        serde_json::json!({"id": "tagged", "text": GERMAN, "lang": "en-GB"}),
        serde_json::json!({"id": "bad", "text": ENGLISH, "lang": "English"}),
    ];
    std::fs::write(&input, lines.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
    let out = dir.path().join("out");
    let output = extract(&[&input], &out, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));

    let articles = read_jsonl(&out.join("articles.jsonl"));
    let lang_of = |id: &str| articles.iter().find(|a| a["article_id"] == id).map(|a| a["lang"].clone());
    assert_eq!(lang_of("en"), Some("en".into()));
    assert_eq!(lang_of("de"), Some("de".into()));
    assert_eq!(lang_of("fr"), Some("fr".into()));
    assert_eq!(lang_of("tagged"), Some("en".into()));
    let rejects = read_jsonl(&out.join("rejects.jsonl"));
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert!(rejects[0]["reason"].as_str().unwrap().contains("not a language tag"), "{rejects:?}");
    let run = run_json(&out);
    assert_eq!(run["counts"]["languages"], serde_json::json!({"de": 1, "en": 2, "fr": 1}));

    let quotes = read_jsonl(&out.join("quotes.jsonl"));
    let of = |id: &str| quotes.iter().filter(|q| q["article_id"] == id).collect::<Vec<_>>();
    // German: the indirect report, its Konjunktiv continuation and the quote, each the mayor's,
    // dated by "am Montag"
    let german = of("de");
    assert_eq!(german.len(), 3, "{german:?}");
    assert!(german.iter().all(|q| q["lang"] == "de" && q["speaker"].is_string()), "{german:?}");
    assert_eq!(german[0]["said_on"], "2025-08-18");
    // French has no rules: its quote, without cue or speaker
    let french = of("fr");
    assert_eq!(french.len(), 1, "{french:?}");
    assert_eq!(
        (french[0]["speaker"].clone(), french[0]["rule"].clone()),
        (serde_json::Value::Null, "direct/marks-only".into())
    );
    // English rules never read the German text tagged English as German rules would
    assert!(of("tagged").iter().all(|q| !q["rule"].as_str().unwrap().starts_with("german")));
}
