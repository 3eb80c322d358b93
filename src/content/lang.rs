//! Languages of the content. A text a person sees is written either as a plain string
//! (English) or with its translations beside it:
//!
//! ```ron
//! text: (en: "Are you a U.S. citizen?", es: "¿Tiene usted la ciudadanía de EE. UU.?"),
//! ```
//!
//! Content is compiled for one language at a time: each text resolves to that language
//! while the file is read, falling back to English, so the engine and every front end
//! only ever see plain strings. Facts, ids and rules are the same in every language,
//! so answers carry over when the language changes.

use std::cell::RefCell;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::mark::{self, Located, Mark};
pub use crate::model::lang::Lang;

struct Reading {
    lang: Lang,
    /// English texts that had no translation into `lang`, with where they are.
    missing: Vec<(String, Mark)>,
}

thread_local! {
    static READING: RefCell<Reading> = const {
        RefCell::new(Reading { lang: Lang::En, missing: Vec::new() })
    };
}

/// Reads with `lang` as the language of texts, and returns what `read` returned with
/// the English texts that had no translation, and where each is.
pub fn reading_in<T>(lang: Lang, read: impl FnOnce() -> T) -> (T, Vec<(String, Mark)>) {
    let previous = READING.with(|r| {
        let mut r = r.borrow_mut();
        let previous = r.lang;
        r.lang = lang;
        r.missing.clear();
        previous
    });
    let value = read();
    let missing = READING.with(|r| {
        let mut r = r.borrow_mut();
        r.lang = previous;
        std::mem::take(&mut r.missing)
    });
    (value, missing)
}

/// A text as a person reads it: a long text is written over several lines in the
/// content files, so that a rule reads in under 100 columns; each line break there,
/// with the indent around it, is one space.
fn joined(text: String) -> String {
    if !text.contains('\n') {
        return text;
    }
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `#[serde(deserialize_with = "lang::line")]` for a text in one language (a
/// citation) that may be written over several lines.
pub fn line<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d).map(joined)
}

fn resolve(en: String, translations: Vec<(String, String)>, mark: Mark) -> String {
    let en = joined(en);
    let translations: Vec<(String, String)> = translations
        .into_iter()
        .map(|(code, text)| (code, joined(text)))
        .collect();
    READING.with(|r| {
        let mut r = r.borrow_mut();
        if r.lang == Lang::En {
            return en;
        }
        let code = r.lang.code();
        match translations.into_iter().find(|(c, _)| c == code) {
            Some((_, text)) => text,
            None => {
                // Codes such as form numbers ("CR-180") stay as they are in every
                // language; only texts with words need translating.
                if en.chars().any(char::is_lowercase) {
                    r.missing.push((en.clone(), mark));
                }
                en
            }
        }
    })
}

struct TextVisitor(Mark);

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or its translations like (en: \"…\", es: \"…\")")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(resolve(v.to_string(), Vec::new(), self.0))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(resolve(v, Vec::new(), self.0))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<String, M::Error> {
        let mut en = None;
        let mut others = Vec::new();
        while let Some(code) = map.next_key::<String>()? {
            let text: String = map.next_value()?;
            match Lang::parse(&code) {
                Some(Lang::En) => en = Some(text),
                Some(_) => others.push((code, text)),
                None => {
                    return Err(de::Error::custom(format!(
                        "\"{code}\" is not a language clearpath offers (en, es)"
                    )));
                }
            }
        }
        let en =
            en.ok_or_else(|| de::Error::custom("a translated text needs its English, en: \"…\""))?;
        Ok(resolve(en, others, self.0))
    }
}

/// `#[serde(deserialize_with = "lang::text")]` for a text a person sees.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let mark = mark::next()?;
    d.deserialize_any(TextVisitor(mark))
}

/// `#[serde(deserialize_with = "lang::located_text")]` for a text a person sees that a
/// problem may point at (an outcome's reason).
pub fn located_text<'de, D: Deserializer<'de>>(d: D) -> Result<Located<String>, D::Error> {
    let mark = mark::next()?;
    let value = d.deserialize_any(TextVisitor(mark))?;
    Ok(Located { value, mark })
}

/// A list of texts.
pub fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct ListVisitor;
    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of texts")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(t) = seq.next_element::<Text>()? {
                out.push(t.0);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(ListVisitor)
}

/// A list of `(value, label)` choices, the labels being texts.
pub fn choices<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    let pairs: Vec<(String, Text)> = serde::Deserialize::deserialize(d)?;
    Ok(pairs.into_iter().map(|(v, l)| (v, l.0)).collect())
}

/// A list of `(name, text)` pairs, the name located (a choice's value), the text
/// translated.
pub fn named_texts<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<(Located<String>, String)>, D::Error> {
    let pairs: Vec<(Located<String>, Text)> = serde::Deserialize::deserialize(d)?;
    Ok(pairs.into_iter().map(|(v, t)| (v, t.0)).collect())
}

/// A text inside another shape (lists, pairs).
struct Text(String);

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text(d).map(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Sample {
        #[serde(deserialize_with = "text")]
        a: String,
        #[serde(deserialize_with = "choices")]
        b: Vec<(String, String)>,
    }

    const SAMPLE: &str =
        r#"(a: (en: "Yes", es: "Sí"), b: [("x", "Ex"), ("y", (en: "Why", es: "Por qué"))])"#;

    #[test]
    fn texts_resolve_to_the_language_read_in() {
        let (s, missing) = reading_in(Lang::Es, || ron::from_str::<Sample>(SAMPLE).unwrap());
        assert_eq!(s.a, "Sí");
        assert_eq!(
            s.b,
            vec![("x".into(), "Ex".into()), ("y".into(), "Por qué".into())]
        );
        assert_eq!(
            missing.into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
            vec!["Ex".to_string()],
            "the untranslated label is reported"
        );
        let (s, missing) = reading_in(Lang::En, || ron::from_str::<Sample>(SAMPLE).unwrap());
        assert_eq!((s.a.as_str(), s.b[1].1.as_str()), ("Yes", "Why"));
        assert!(missing.is_empty());
    }

    #[test]
    fn language_codes_from_flags_and_locales() {
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse("es_US.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn a_translation_needs_its_english() {
        let err = reading_in(Lang::Es, || {
            ron::from_str::<Sample>(r#"(a: (es: "Sí"), b: [])"#)
        })
        .0
        .err()
        .unwrap();
        assert!(err.to_string().contains("needs its English"), "{err}");
    }
}
