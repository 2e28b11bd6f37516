//! Text as outlines: a string turned into closed rings of points from the
//! face's glyph shapes, for a mark that must look like text without being
//! read as text (the draft mark). Pure geometry: no PDF here.

use ttf_parser::{Face, GlyphId, OutlineBuilder};

/// A curve becomes between `MIN_SEGMENTS` and `MAX_SEGMENTS` straight pieces
/// of about `SEGMENT_LENGTH` points: at the draft mark's 96 pt a letter's
/// bowl gets five or six, which looks round in print, and a page's mark
/// stays a few hundred points.
const MIN_SEGMENTS: usize = 2;
const MAX_SEGMENTS: usize = 8;
const SEGMENT_LENGTH: f32 = 5.0;

/// Where outlined text goes, as `Draw::Text` places text: the start of the
/// baseline in layout points (from the page's top-left, `y` down), the size
/// in points and the angle in degrees, counter-clockwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub angle: f32,
}

/// The outlines of `text` set in `face` at `at`, one closed ring per glyph
/// contour (outer contours and holes wind in opposite directions, so a
/// non-zero fill keeps the holes open). No kerning, like the PDF text and
/// `Fonts::width`; a character the face lacks draws its missing-glyph box.
pub fn outline_text(face: &Face<'_>, text: &str, at: Placement) -> Vec<Vec<(f32, f32)>> {
    let scale = at.size / f32::from(face.units_per_em().max(1));
    let (sin, cos) = at.angle.to_radians().sin_cos();
    let mut pen = Pen {
        at,
        sin,
        cos,
        scale,
        advance: 0.0,
        current: (0.0, 0.0),
        ring: Vec::new(),
        rings: Vec::new(),
    };
    for c in text.chars() {
        let glyph = face.glyph_index(c).unwrap_or(GlyphId(0));
        // A glyph without an outline (a space) draws nothing but still advances.
        face.outline_glyph(glyph, &mut pen);
        pen.close();
        pen.advance += f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) * scale;
    }
    pen.rings
}

/// Collects glyph contours: points arrive in font units, are kept in text
/// space (points along and across the baseline) to size the curve pieces,
/// and are stored placed on the page.
struct Pen {
    at: Placement,
    sin: f32,
    cos: f32,
    scale: f32,
    /// How far along the baseline the current glyph starts, in points.
    advance: f32,
    /// The last point, in text space.
    current: (f32, f32),
    ring: Vec<(f32, f32)>,
    rings: Vec<Vec<(f32, f32)>>,
}

impl Pen {
    fn text_space(&self, x: f32, y: f32) -> (f32, f32) {
        (self.advance + x * self.scale, y * self.scale)
    }

    /// Adds a text-space point, placed on the page: rotated about the
    /// baseline start, then flipped, since layout `y` grows downwards.
    fn put(&mut self, (tx, ty): (f32, f32)) {
        self.current = (tx, ty);
        let x = self.at.x + self.cos * tx - self.sin * ty;
        let y = self.at.y - (self.sin * tx + self.cos * ty);
        self.ring.push((x, y));
    }

    /// Flattens a curve of `controls` (after the current point) given the
    /// point on it at `t` from the start of those points.
    fn flatten(&mut self, controls: &[(f32, f32)], at: impl Fn(f32) -> (f32, f32)) {
        let mut length = 0.0;
        let mut from = self.current;
        for &p in controls {
            length += (p.0 - from.0).hypot(p.1 - from.1);
            from = p;
        }
        let n = ((length / SEGMENT_LENGTH).ceil() as usize).clamp(MIN_SEGMENTS, MAX_SEGMENTS);
        for i in 1..=n {
            self.put(at(i as f32 / n as f32));
        }
    }
}

impl OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.close();
        let p = self.text_space(x, y);
        self.put(p);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.text_space(x, y);
        self.put(p);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (p0, p1, p2) = (self.current, self.text_space(x1, y1), self.text_space(x, y));
        self.flatten(&[p1, p2], |t| {
            let u = 1.0 - t;
            let (a, b, c) = (u * u, 2.0 * u * t, t * t);
            (
                a * p0.0 + b * p1.0 + c * p2.0,
                a * p0.1 + b * p1.1 + c * p2.1,
            )
        });
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let p0 = self.current;
        let (p1, p2, p3) = (
            self.text_space(x1, y1),
            self.text_space(x2, y2),
            self.text_space(x, y),
        );
        self.flatten(&[p1, p2, p3], |t| {
            let u = 1.0 - t;
            let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            (
                a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
                a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
            )
        });
    }

    fn close(&mut self) {
        let mut ring = std::mem::take(&mut self.ring);
        // Contours usually end on their first point; the fill closes them anyway.
        if let (Some(first), Some(last)) = (ring.first(), ring.last())
            && ring.len() > 1
            && (first.0 - last.0).abs() < 1e-3
            && (first.1 - last.1).abs() < 1e-3
        {
            ring.pop();
        }
        if ring.len() >= 3 {
            self.rings.push(ring);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::Fonts;

    fn signed_area(ring: &[(f32, f32)]) -> f32 {
        let n = ring.len();
        (0..n)
            .map(|i| {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                a.0 * b.1 - b.0 * a.1
            })
            .sum::<f32>()
            / 2.0
    }

    fn bounds(rings: &[Vec<(f32, f32)>]) -> (f32, f32, f32, f32) {
        let points = rings.iter().flatten();
        points.fold(
            (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
            |(x0, y0, x1, y1), &(x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        )
    }

    fn flat(x: f32, y: f32, size: f32) -> Placement {
        Placement {
            x,
            y,
            size,
            angle: 0.0,
        }
    }

    #[test]
    fn a_letter_with_a_hole_has_an_outer_ring_and_an_opposite_inner_one() {
        let fonts = Fonts::embedded().unwrap();
        let rings = outline_text(fonts.face(true), "O", flat(0.0, 100.0, 96.0));
        assert_eq!(rings.len(), 2);
        let (a, b) = (signed_area(&rings[0]), signed_area(&rings[1]));
        assert!(a * b < 0.0, "the hole winds the other way: {a} {b}");
        // The hole lies inside the outer ring.
        let (outer, hole) = if a.abs() > b.abs() { (0, 1) } else { (1, 0) };
        let (o, h) = (bounds(&rings[outer..=outer]), bounds(&rings[hole..=hole]));
        assert!(
            o.0 < h.0 && o.1 < h.1 && o.2 > h.2 && o.3 > h.3,
            "{o:?} {h:?}"
        );
    }

    #[test]
    fn flat_text_sits_on_its_baseline_and_spans_its_measured_width() {
        let fonts = Fonts::embedded().unwrap();
        let (x, y, size) = (50.0, 300.0, 96.0);
        let rings = outline_text(fonts.face(true), "DRAFT", flat(x, y, size));
        let (x0, y0, x1, y1) = bounds(&rings);
        let width = fonts.width("DRAFT", true, size);
        // Capitals: from the baseline up to about 0.73 em, inside the advance.
        assert!((y1 - y).abs() < 0.5, "bottom {y1} on the baseline {y}");
        assert!(y0 < y - 0.6 * size && y0 > y - 0.8 * size, "top {y0}");
        assert!(x0 > x && x0 < x + 0.1 * size, "left {x0}");
        assert!(x1 < x + width && x1 > x + width - 0.2 * size, "right {x1}");
    }

    #[test]
    fn an_angle_turns_the_outlines_about_the_baseline_start() {
        let fonts = Fonts::embedded().unwrap();
        let (x, y) = (200.0, 400.0);
        let flat_rings = outline_text(fonts.face(true), "BORRADOR", flat(x, y, 96.0));
        let at = Placement {
            angle: 50.0,
            ..flat(x, y, 96.0)
        };
        let turned = outline_text(fonts.face(true), "BORRADOR", at);
        let (sin, cos) = 50f32.to_radians().sin_cos();
        assert_eq!(flat_rings.len(), turned.len());
        for (a, b) in flat_rings.iter().flatten().zip(turned.iter().flatten()) {
            // Counter-clockwise on the page is clockwise in y-down coordinates.
            let (dx, dy) = (a.0 - x, a.1 - y);
            let expected = (x + cos * dx + sin * dy, y - sin * dx + cos * dy);
            assert!(
                (expected.0 - b.0).abs() < 0.01 && (expected.1 - b.1).abs() < 0.01,
                "{a:?} turned is {expected:?}, not {b:?}"
            );
        }
    }

    #[test]
    fn curves_are_cut_into_a_modest_number_of_points() {
        let fonts = Fonts::embedded().unwrap();
        let rings = outline_text(fonts.face(true), "RASCUNHO", flat(0.0, 0.0, 96.0));
        let points: usize = rings.iter().map(Vec::len).sum();
        assert!((150..1200).contains(&points), "{points} points");
        assert!(outline_text(fonts.face(true), " ", flat(0.0, 0.0, 96.0)).is_empty());
        assert!(outline_text(fonts.face(true), "", flat(0.0, 0.0, 96.0)).is_empty());
    }
}
