//! Gathers a text from its `[en]`, `[es]` and `[pt]` blocks: English is required,
//! a missing translation falls back to English and is counted as a warning.

use std::ops::Range;

use crate::domain::lang::Localized;

use super::diagnostics::FileDiagnostics;

/// The three languages' values of one field, as the file gives them.
pub struct Versions<T> {
    pub en: Option<T>,
    pub es: Option<T>,
    pub pt: Option<T>,
}

impl<T: Clone> Versions<T> {
    /// Builds from the three optional blocks with `get` reading the field.
    pub fn of<B>(blocks: [Option<&B>; 3], get: impl Fn(&B) -> Option<T>) -> Self {
        let [en, es, pt] = blocks.map(|b| b.and_then(&get));
        Versions { en, es, pt }
    }

    /// The localized value, or `None` (with an error) when English is missing.
    pub fn require(
        self,
        diags: &mut FileDiagnostics<'_>,
        span: Range<usize>,
        what: &str,
    ) -> Option<Localized<T>> {
        let Some(en) = self.en else {
            diags.error(span, format!("{what}: missing English text ([en])"));
            return None;
        };
        let mut fill = |value: Option<T>, language: &str| {
            value.unwrap_or_else(|| {
                diags.missing_translation(
                    span.clone(),
                    format!("{what}: no {language} text; English will be shown"),
                );
                en.clone()
            })
        };
        let es = fill(self.es, "Spanish ([es])");
        let pt = fill(self.pt, "Portuguese ([pt])");
        Some(Localized { en, es, pt })
    }
}

/// A non-empty string, or `None`: an empty text counts as missing.
pub fn text(value: &Option<String>) -> Option<String> {
    value.as_ref().filter(|s| !s.trim().is_empty()).cloned()
}

/// A non-empty list, or `None`.
pub fn list(value: &Option<Vec<String>>) -> Option<Vec<String>> {
    value.as_ref().filter(|v| !v.is_empty()).cloned()
}
