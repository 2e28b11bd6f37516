//! What frontera says to people, in English, Spanish and Portuguese, shared by
//! the command line and the interface: the names of statuses, kinds and flags
//! (`terms`), every error a person can meet (`errors`), and the command line's
//! own lines (`cli`). The interface's screen texts live in `tui::i18n`; the
//! report's in `report::strings`.

pub mod cli;
pub mod errors;
pub mod evidence_cli;
pub mod interop;
pub mod plan;
pub mod plan_cli;
pub mod terms;

use crate::domain::lang::Lang;

/// Where a message is shown: hints differ (a command to type, a key to press).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Cli,
    Tui,
}

/// The text for `lang` of an (en, es, pt) triple.
pub fn pick<T: Copy>(lang: Lang, [en, es, pt]: [T; 3]) -> T {
    match lang {
        Lang::En => en,
        Lang::Es => es,
        Lang::Pt => pt,
    }
}

/// Replaces `{name}` placeholders in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// `n` and the noun in the right number: "1 cargo lane", "3 carriles",
/// "0 faixas". All three languages use the singular for one only.
pub fn count(n: u32, [one, many]: [&str; 2]) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, ["carril", "carriles"]), "1 carril");
        assert_eq!(count(0, ["carril", "carriles"]), "0 carriles");
        assert_eq!(count(3, ["cargo lane", "cargo lanes"]), "3 cargo lanes");
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(pick(Lang::Pt, ["a", "b", "c"]), "c");
    }
}
