//! The PDF writer: laid-out pages to PDF bytes with printpdf (the only place
//! that knows it), the font embedded as a subset of the glyphs used, then
//! finished as lopdf objects (metadata, navigation, attachment) by `finish`.

mod attach;
pub mod document;
mod finish;
mod font;
mod icc;
mod navigation;
mod xmp;

pub use document::{Attachment, DocumentInfo, LinkArea, OutlineEntry};

use std::collections::BTreeSet;

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem,
    TextMatrix, WindingOrder,
};

use crate::report::layout::text::{BOLD_TTF, REGULAR_TTF};
use crate::report::layout::{Draw, Fonts, PAGE_HEIGHT, Page, Rgb};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the report font could not be embedded: {0}")]
    Font(String),
    #[error("the PDF could not be finished ({0}); this is a bug in frontera, please report it")]
    Structure(String),
}

/// The fonts' resource names in the page content: fixed, where printpdf
/// would pick 32 random letters, so the same pages give the same bytes.
const REGULAR: &str = "FR";
const BOLD: &str = "FB";

/// Rounds to `1 / per_unit`: numbers are written in their shortest form, so coarser
/// values make smaller streams, which compress faster. 0.05 pt is far below
/// what a printer or screen can show.
fn round(value: f32, per_unit: f32) -> f32 {
    (value * per_unit).round() / per_unit
}

fn colour(c: Rgb) -> Color {
    let channel = |v: u8| round(f32::from(v) / 255.0, 1000.0);
    Color::Rgb(printpdf::Rgb::new(
        channel(c.0),
        channel(c.1),
        channel(c.2),
        None,
    ))
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(round(x, 20.0)),
            y: Pt(round(PAGE_HEIGHT - y, 20.0)),
        },
        bezier: false,
    }
}

fn polygon(points: Vec<LinePoint>, fill: bool, stroke: bool) -> Op {
    let mode = match (fill, stroke) {
        (true, true) => PaintMode::FillStroke,
        (true, false) => PaintMode::Fill,
        _ => PaintMode::Stroke,
    };
    Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points }],
            mode,
            winding_order: WindingOrder::NonZero,
        },
    }
}

fn paint(ops: &mut Vec<Op>, fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
    if let Some(f) = fill {
        ops.push(Op::SetFillColor { col: colour(f) });
    }
    if let Some((c, w)) = stroke {
        ops.push(Op::SetOutlineColor { col: colour(c) });
        ops.push(Op::SetOutlineThickness { pt: Pt(w) });
    }
}

/// The font and fill colour last set on the page. Both are graphics state and
/// outlive a text section, so runs of text set them only when they change
/// (smaller streams, faster compression). Each text still gets its own section:
/// text extractors end a line at the end of a section.
#[derive(Default)]
struct TextState {
    font: Option<(bool, f32)>,
    colour: Option<Rgb>,
}

fn page_ops(page: &Page, regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.draws.len() * 3);
    let mut state = TextState::default();
    for draw in &page.draws {
        if !matches!(draw, Draw::Text { .. }) {
            // Shapes set their own fill colour.
            state.colour = None;
        }
        match draw {
            Draw::Text {
                x,
                y,
                size,
                bold: is_bold,
                color,
                text,
                angle,
            } => {
                ops.push(Op::StartTextSection);
                if state.font != Some((*is_bold, *size)) {
                    let font = if *is_bold { bold } else { regular };
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(*size),
                    });
                    state.font = Some((*is_bold, *size));
                }
                if state.colour != Some(*color) {
                    ops.push(Op::SetFillColor {
                        col: colour(*color),
                    });
                    state.colour = Some(*color);
                }
                let (sin, cos) = angle.to_radians().sin_cos();
                let (sin, cos) = (round(sin, 10000.0), round(cos, 10000.0));
                let (x, y) = (round(*x, 20.0), round(PAGE_HEIGHT - y, 20.0));
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Draw::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                paint(&mut ops, *fill, *stroke);
                let corners = vec![
                    point(*x, *y),
                    point(x + w, *y),
                    point(x + w, y + h),
                    point(*x, y + h),
                ];
                ops.push(polygon(corners, fill.is_some(), stroke.is_some()));
            }
            Draw::Shape { rings, fill } => {
                if rings.is_empty() {
                    // A fill with no path is an error in the content stream.
                    continue;
                }
                ops.push(Op::SetFillColor { col: colour(*fill) });
                let rings = rings
                    .iter()
                    .map(|ring| PolygonRing {
                        points: ring.iter().map(|(x, y)| point(*x, *y)).collect(),
                    })
                    .collect();
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings,
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
            Draw::Path {
                points,
                closed,
                fill,
                stroke,
                dashed,
            } => {
                paint(&mut ops, *fill, *stroke);
                if *dashed {
                    ops.push(Op::SetLineDashPattern {
                        dash: LineDashPattern::new(0.0, &[4.0, 2.5]),
                    });
                }
                let points: Vec<LinePoint> = points.iter().map(|(x, y)| point(*x, *y)).collect();
                if *closed || fill.is_some() {
                    ops.push(polygon(points, fill.is_some(), stroke.is_some()));
                } else {
                    ops.push(Op::DrawLine {
                        line: Line {
                            points,
                            is_closed: false,
                        },
                    });
                }
                if *dashed {
                    ops.push(Op::SetLineDashPattern {
                        dash: LineDashPattern::solid(),
                    });
                }
            }
        }
    }
    ops
}

/// The characters drawn in the regular and the bold face.
fn used_chars(pages: &[Page]) -> (BTreeSet<char>, BTreeSet<char>) {
    let mut regular = BTreeSet::new();
    let mut bold = BTreeSet::new();
    for draw in pages.iter().flat_map(|p| &p.draws) {
        if let Draw::Text { bold: b, text, .. } = draw {
            let set = if *b { &mut bold } else { &mut regular };
            set.extend(text.chars());
        }
    }
    (regular, bold)
}

/// Adds the subset of `ttf` for `chars` under the resource name `resource`
/// and returns the subset's name (`ABCDEF+DejaVuSans`).
fn embed(
    doc: &mut PdfDocument,
    resource: &str,
    ttf: &[u8],
    face: &ttf_parser::Face<'_>,
    chars: &BTreeSet<char>,
) -> Result<String, PdfError> {
    let subset = font::subset_font(ttf, face, chars)?;
    let parsed = ParsedFont::from_bytes(&subset.bytes, 0, &mut Vec::new())
        .ok_or_else(|| PdfError::Font("the font subset does not parse".into()))?;
    // What `PdfDocument::add_font` does, with our id instead of a random one.
    doc.resources
        .fonts
        .map
        .insert(FontId(resource.to_string()), PdfFont::new(parsed));
    Ok(subset.name)
}

/// The PDF of `pages`, titled `title`, without the rest of a
/// [`DocumentInfo`] (see [`DocumentInfo::titled`]).
pub fn write_pdf(pages: &[Page], title: &str, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    write_document(pages, &DocumentInfo::titled(title), fonts)
}

/// The PDF of `pages` with the metadata, bookmarks, links and attachment of
/// `info`, aiming at PDF/A-3b. The same arguments give the same bytes.
pub fn write_document(
    pages: &[Page],
    info: &DocumentInfo,
    fonts: &Fonts,
) -> Result<Vec<u8>, PdfError> {
    let (regular_chars, bold_chars) = used_chars(pages);
    let mut doc = PdfDocument::new(&info.title);
    let regular_name = embed(
        &mut doc,
        REGULAR,
        REGULAR_TTF,
        fonts.face(false),
        &regular_chars,
    )?;
    let bold_name = embed(&mut doc, BOLD, BOLD_TTF, fonts.face(true), &bold_chars)?;
    let (regular, bold) = (FontId(REGULAR.into()), FontId(BOLD.into()));
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| PdfPage::new(Mm(210.0), Mm(297.0), page_ops(p, &regular, &bold)))
        .collect();
    let options = PdfSaveOptions {
        // The fonts are already subset above; printpdf without its layout
        // feature would embed them whole anyway.
        subset_fonts: false,
        // Compressed below, at a level of our choosing.
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let doc = doc.with_pages(pdf_pages);
    let mut objects = printpdf::serialize::to_lopdf_doc(doc, &options, &mut Vec::new());
    let names = [
        finish::FontName {
            resource: REGULAR,
            name: &regular_name,
        },
        finish::FontName {
            resource: BOLD,
            name: &bold_name,
        },
    ];
    finish::finish(&mut objects, info, &names)?;
    compress(&mut objects);
    finish::identify(&mut objects)?;
    let mut bytes = Vec::new();
    objects
        .save_to(&mut bytes)
        .map_err(|e| PdfError::Font(format!("the PDF could not be written: {e}")))?;
    Ok(bytes)
}

/// Deflates every stream at zlib's default level: printpdf (through lopdf)
/// compresses at the slowest level, which here took about a third of the
/// report's time for files a few per cent smaller.
fn compress(doc: &mut pdf_objects::Document) {
    use std::io::Write as _;
    for object in doc.objects.values_mut() {
        let pdf_objects::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(packed) = encoder.finish()
            && packed.len() + 19 < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}
