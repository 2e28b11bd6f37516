//! The three languages frontera speaks, and texts given in all of them.

use std::fmt;

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A language of the interface, the content and the report.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Lang {
    #[default]
    En,
    Es,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Pt];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// Picks a language from a locale string such as `es_PE.UTF-8` or `pt-BR`;
    /// anything unknown is English.
    /// The language of a stored code (`en`, `es`, `pt`), if it is one.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }

    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("es") {
            Lang::Es
        } else if lower.starts_with("pt") {
            Lang::Pt
        } else {
            Lang::En
        }
    }

    /// The decimal separator written in this language (2.4 / 2,4).
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Es | Lang::Pt => ',',
        }
    }

    /// Formats a number with `decimals` places and this language's separator.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        if self.decimal_separator() == '.' {
            text
        } else {
            text.replace('.', ",")
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Lang::En),
            "es" => Ok(Lang::Es),
            "pt" => Ok(Lang::Pt),
            other => Err(format!("unknown language '{other}' (use en, es or pt)")),
        }
    }
}

/// A value given once per language. The loader fills a missing translation with
/// the English one (and warns), so every language always has a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Localized<T> {
    pub en: T,
    pub es: T,
    pub pt: T,
}

impl<T> Localized<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
            Lang::Pt => &self.pt,
        }
    }
}

impl Localized<String> {
    /// The same text in every language (for names that are not translated).
    pub fn same(text: &str) -> Self {
        Localized {
            en: text.to_string(),
            es: text.to_string(),
            pt: text.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_language_and_defaults_to_english() {
        assert_eq!(Lang::from_locale("es_PE.UTF-8"), Lang::Es);
        assert_eq!(Lang::from_locale("pt-BR"), Lang::Pt);
        assert_eq!(Lang::from_locale("de_DE"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn numbers_use_decimal_comma_in_spanish_and_portuguese() {
        assert_eq!(Lang::En.number(2.456, 2), "2.46");
        assert_eq!(Lang::Es.number(2.456, 2), "2,46");
        assert_eq!(Lang::Pt.number(0.5, 1), "0,5");
    }
}
