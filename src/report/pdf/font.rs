//! Subsetting the embedded font to the glyphs a document uses, so a report
//! carries tens of kilobytes of font instead of the whole 700 KB face.

use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use ttf_parser::Face;

use super::PdfError;

/// A copy of the font `ttf` (whose parsed face is `face`) holding only the
/// glyphs of `chars` and .notdef. Its cmap maps the characters to the new
/// glyph ids, so the PDF writer encodes text against the subset directly.
pub fn subset_font(
    ttf: &[u8],
    face: &Face<'_>,
    chars: &BTreeSet<char>,
) -> Result<Vec<u8>, PdfError> {
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
    subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::text::REGULAR_TTF;

    #[test]
    fn a_subset_is_small_and_keeps_the_characters_it_was_made_for() {
        let face = Face::parse(REGULAR_TTF, 0).unwrap();
        let chars: BTreeSet<char> = "Evaluación ñandutí ãõç Ä".chars().collect();
        let bytes = subset_font(REGULAR_TTF, &face, &chars).unwrap();
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
}
