//! The report's typeface (DejaVu Sans, embedded) and text measured with its real
//! glyph widths: string widths and word wrapping.

use ttf_parser::{Face, GlyphId};

/// DejaVu Sans: covers every accent of es/pt and of Aymara, Quechua and
/// Guaraní names. Licence: assets/fonts/LICENSE-DejaVu.txt.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// A character's advance width in font units (the missing glyph's for a
/// character the font lacks).
fn advance(face: &Face<'_>, c: char) -> u16 {
    let glyph = face.glyph_index(c).unwrap_or(GlyphId(0));
    face.glyph_hor_advance(glyph).unwrap_or(0)
}

/// The embedded font files could not be read (a broken build, not user input).
#[derive(Debug, thiserror::Error)]
#[error("the report font {0} embedded in frontera cannot be read")]
pub struct FontError(pub &'static str);

/// Characters whose advance widths are looked up once, when the fonts load:
/// Latin with its accents, Greek, Cyrillic and more (everything of es/pt).
const TABLE: usize = 0x0800;

/// The two faces reports are set in, ready to measure text.
pub struct Fonts {
    regular: Face<'static>,
    bold: Face<'static>,
    /// Advance widths (font units) of the first [`TABLE`] characters, regular
    /// then bold: measuring goes through a cmap lookup otherwise.
    widths: Box<[[u16; TABLE]; 2]>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts(DejaVu Sans, DejaVu Sans Bold)")
    }
}

impl Fonts {
    pub fn embedded() -> Result<Fonts, FontError> {
        let regular = Face::parse(REGULAR_TTF, 0).map_err(|_| FontError("DejaVuSans.ttf"))?;
        let bold = Face::parse(BOLD_TTF, 0).map_err(|_| FontError("DejaVuSans-Bold.ttf"))?;
        let mut widths = Box::new([[0u16; TABLE]; 2]);
        for (table, face) in widths.iter_mut().zip([&regular, &bold]) {
            for (code, slot) in table.iter_mut().enumerate() {
                if let Some(c) = char::from_u32(code as u32) {
                    *slot = advance(face, c);
                }
            }
        }
        Ok(Fonts {
            regular,
            bold,
            widths,
        })
    }

    pub fn face(&self, bold: bool) -> &Face<'static> {
        if bold { &self.bold } else { &self.regular }
    }

    /// The width of `text` in points at `size`, as the PDF will draw it (no
    /// kerning: the writer does not kern either).
    pub fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let face = self.face(bold);
        let table = &self.widths[usize::from(bold)];
        let units: u32 = text
            .chars()
            .map(|c| {
                let code = c as usize;
                u32::from(if code < TABLE {
                    table[code]
                } else {
                    advance(face, c)
                })
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em())
    }

    /// Splits `text` into lines no wider than `width`, at spaces where it can
    /// and inside a word only when the word alone is too wide. `\n` starts a new
    /// line; an empty text gives no lines.
    pub fn wrap(&self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let space = self.width(" ", bold, size);
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_width = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let w = self.width(word, bold, size);
                if line.is_empty() {
                    // Starts a line.
                } else if line_width + space + w <= width {
                    line.push(' ');
                    line_width += space;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                if w <= width {
                    line.push_str(word);
                    line_width += w;
                    continue;
                }
                // A word wider than the column (an item id, a hash): break it after
                // a '.', '-' or '/' where it can, else where it overflows.
                for piece in pieces(word) {
                    let pw = self.width(piece, bold, size);
                    if line_width + pw > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    if pw <= width {
                        line.push_str(piece);
                        line_width += pw;
                        continue;
                    }
                    for c in piece.chars() {
                        let cw = self.width(c.encode_utf8(&mut [0; 4]), bold, size);
                        if line_width + cw > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line_width = 0.0;
                        }
                        line.push(c);
                        line_width += cw;
                    }
                }
            }
            lines.push(line);
        }
        if text.is_empty() {
            lines.clear();
        }
        lines
    }
}

/// A word cut after each '.', '-' or '/', keeping the marks.
fn pieces(word: &str) -> impl Iterator<Item = &str> {
    word.split_inclusive(['.', '-', '/'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font_and_grow_with_size() {
        let fonts = Fonts::embedded().unwrap();
        let narrow = fonts.width("iiii", false, 10.0);
        let wide = fonts.width("MMMM", false, 10.0);
        assert!(narrow < wide, "{narrow} < {wide}");
        let double = fonts.width("MMMM", false, 20.0);
        assert!((double - 2.0 * wide).abs() < 1e-3);
        assert!(fonts.width("MMMM", true, 10.0) > wide);
    }

    #[test]
    fn wrapping_keeps_every_line_inside_the_width_and_every_word() {
        let fonts = Fonts::embedded().unwrap();
        let text = "Evaluación del paso fronterizo de Desaguadero: la señalización \
                    en aymara y quechua es insuficiente; ñandutí, Paraguay.";
        let lines = fonts.wrap(text, false, 9.0, 120.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(fonts.width(line, false, 9.0) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn identifiers_break_after_their_dots_and_dashes() {
        let fonts = Fonts::embedded().unwrap();
        let id = "p3.management.supervision-performance";
        let width = fonts.width("p3.management.supervision-", false, 8.0) + 1.0;
        let lines = fonts.wrap(id, false, 8.0, width);
        assert_eq!(lines, vec!["p3.management.supervision-", "performance"]);
    }

    #[test]
    fn long_words_are_cut_and_newlines_kept() {
        let fonts = Fonts::embedded().unwrap();
        let lines = fonts.wrap(
            "a\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            false,
            10.0,
            50.0,
        );
        assert_eq!(lines[0], "a");
        assert!(lines.len() > 2);
        assert!(
            lines[1..]
                .iter()
                .all(|l| fonts.width(l, false, 10.0) <= 50.0)
        );
        assert!(fonts.wrap("", false, 10.0, 50.0).is_empty());
    }
}
