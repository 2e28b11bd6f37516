//! Subsetting the embedded font to the glyphs a document uses, so a report
//! carries tens of kilobytes of font instead of the whole 700 KB face, and
//! naming the subset as PDF readers expect (`ABCDEF+DejaVuSans`).

use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use sha2::{Digest, Sha256};
use ttf_parser::Face;

use super::PdfError;

/// A font program cut down to some glyphs, and its PDF name.
pub struct Subset {
    pub bytes: Vec<u8>,
    /// The PostScript name behind a six-letter tag, e.g.
    /// `KXQBWE+DejaVuSans-Bold`: the tag tells readers the program is a
    /// subset (ISO 32000-1, 9.6.4) and differs between different subsets.
    pub name: String,
}

/// A copy of the font `ttf` (whose parsed face is `face`) holding only the
/// glyphs of `chars` and .notdef. Its cmap maps the characters to the new
/// glyph ids, so the PDF writer encodes text against the subset directly.
pub fn subset_font(
    ttf: &[u8],
    face: &Face<'_>,
    chars: &BTreeSet<char>,
) -> Result<Subset, PdfError> {
    let used: BTreeSet<u16> = chars
        .iter()
        .filter_map(|c| face.glyph_index(*c))
        .map(|g| g.0)
        .filter(|g| *g != 0)
        .collect();
    // Glyph 0 (.notdef) must come first: the subsetter renumbers by position.
    let ids: Vec<u16> = std::iter::once(0).chain(used).collect();
    let fail = |e: &dyn std::fmt::Display| PdfError::Font(e.to_string());
    let file = ReadScope::new(ttf)
        .read::<FontData<'_>>()
        .map_err(|e| fail(&e))?;
    let provider = file.table_provider(0).map_err(|e| fail(&e))?;
    let bytes =
        subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| fail(&e))?;
    let base = postscript_name(face).unwrap_or_else(|| "Font".to_string());
    Ok(Subset {
        bytes,
        name: format!("{}+{base}", subset_tag(&base, &ids)),
    })
}

/// The face's PostScript name (name table id 6), kept to the characters a
/// PDF name may hold without escapes.
fn postscript_name(face: &Face<'_>) -> Option<String> {
    let name = face
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())?;
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Six capitals from a hash of the face's name and the glyphs kept: the same
/// subset always gets the same tag (the same input gives the same file), and
/// two subsets a different one.
fn subset_tag(base: &str, glyphs: &[u16]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(base.as_bytes());
    for g in glyphs {
        hasher.update(g.to_be_bytes());
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::text::{BOLD_TTF, REGULAR_TTF};

    #[test]
    fn a_subset_is_small_and_keeps_the_characters_it_was_made_for() {
        let face = Face::parse(REGULAR_TTF, 0).unwrap();
        let chars: BTreeSet<char> = "Evaluación ñandutí ãõç Ä".chars().collect();
        let bytes = subset_font(REGULAR_TTF, &face, &chars).unwrap().bytes;
        assert!(
            bytes.len() < REGULAR_TTF.len() / 10,
            "{} bytes",
            bytes.len()
        );
        let small = Face::parse(&bytes, 0).unwrap();
        for c in chars.iter().filter(|c| !c.is_whitespace()) {
            assert!(small.glyph_index(*c).is_some(), "{c} kept");
        }
        assert!(small.glyph_index('Z').is_none());
    }

    #[test]
    fn a_subset_is_named_with_a_tag_that_follows_its_glyphs() {
        let face = Face::parse(BOLD_TTF, 0).unwrap();
        let name = |text: &str| {
            let chars: BTreeSet<char> = text.chars().collect();
            subset_font(BOLD_TTF, &face, &chars).unwrap().name
        };
        let first = name("Plan de acción");
        let (tag, base) = first.split_once('+').unwrap();
        assert_eq!(base, "DejaVuSans-Bold");
        assert_eq!(tag.len(), 6);
        assert!(tag.chars().all(|c| c.is_ascii_uppercase()), "{tag}");
        assert_eq!(
            name("Plan de acción"),
            first,
            "the same glyphs, the same tag"
        );
        assert_ne!(name("Plan de accion"), first, "other glyphs, another tag");
        let regular = Face::parse(REGULAR_TTF, 0).unwrap();
        let chars: BTreeSet<char> = "Plan de acción".chars().collect();
        let other = subset_font(REGULAR_TTF, &regular, &chars).unwrap().name;
        assert!(
            other.ends_with("+DejaVuSans") && !other.starts_with(tag),
            "{other}"
        );
    }
}
