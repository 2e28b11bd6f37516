//! Finishing the document printpdf built, as lopdf objects: what printpdf
//! 0.12 does not write, or writes wrong — the metadata (Info and XMP), the
//! language, the PDF/A output intent, bookmarks and links, the attached
//! file, the font names, the file identifier.
//! Runs before compression, except the identifier, which is a hash of the
//! finished file. Never reads the clock.

use pdf_objects::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, text_string};
use sha2::{Digest, Sha256};

use super::document::DocumentInfo;
use super::{PdfError, attach, icc, navigation, xmp};
use crate::domain::time::rfc3339;

/// The PDF version written: 1.7, the base of PDF/A-3 (printpdf writes 1.3,
/// older than the language, metadata and output-intent entries it uses).
const VERSION: &str = "1.7";

/// A font's resource name in the page content and the name to give it.
pub struct FontName<'a> {
    pub resource: &'a str,
    pub name: &'a str,
}

/// An unexpected shape in printpdf's output (a printpdf upgrade, not the data).
fn structure(what: &str, e: impl std::fmt::Display) -> PdfError {
    PdfError::Structure(format!("{what}: {e}"))
}

/// Everything but the identifier, see [`identify`].
pub fn finish(
    doc: &mut Document,
    info: &DocumentInfo,
    fonts: &[FontName<'_>],
) -> Result<(), PdfError> {
    doc.version = VERSION.to_string();
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    set_info(doc, info)?;
    rename_fonts(doc, &pages, fonts)?;
    let mut dict = Dictionary::new();
    dict.set("Type", "Metadata");
    dict.set("Subtype", "XML");
    // Left uncompressed (PDF/A): tools that know no PDF can still find it.
    let packet = Stream::new(dict, xmp::packet(info).into_bytes()).with_compression(false);
    let metadata = doc.add_object(packet);
    let intents = icc::output_intents(doc);
    // Worked on as a copy: the additions below add objects to `doc`.
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| structure("the catalog", e))?;
    let mut catalog = doc
        .get_dictionary(catalog_id)
        .map_err(|e| structure("the catalog", e))?
        .clone();
    catalog.set("Lang", text_string(info.lang.code()));
    catalog.set("Metadata", metadata);
    catalog.set("OutputIntents", intents);
    // printpdf's own bookmarks are flat and point at page tops; frontera
    // adds none through it, so there is nothing of it to keep.
    catalog.remove(b"Outlines");
    match navigation::outline(doc, &pages, &info.outline) {
        Some(root) => {
            catalog.set("Outlines", root);
            catalog.set("PageMode", "UseOutlines");
        }
        None => catalog.set("PageMode", "UseNone"),
    }
    navigation::links(doc, &pages, &info.links);
    if let Some(file) = &info.attachment {
        let fallback = info.modified.max(info.created);
        attach::attach(doc, &mut catalog, file, fallback);
    }
    doc.objects.insert(catalog_id, Object::Dictionary(catalog));
    Ok(())
}

/// `D:YYYYMMDDHHmmSSZ`, or nothing for a time outside years 1970 to 9999
/// (0 is "unknown": no date beats a wrong one).
pub fn pdf_date(unix_seconds: i64) -> Option<String> {
    xmp_date(unix_seconds).map(|d| format!("D:{}", d.replace(['-', ':', 'T'], "")))
}

/// `YYYY-MM-DDTHH:mm:SSZ` (XMP's date form), under the rule of [`pdf_date`].
pub fn xmp_date(unix_seconds: i64) -> Option<String> {
    // 9999-12-31T23:59:59Z: both forms have four-digit years.
    (1..=253_402_300_799)
        .contains(&unix_seconds)
        .then(|| rfc3339(unix_seconds))
}

/// A fresh Info dictionary in place of printpdf's, which has no author,
/// creator or producer, 1970 dates, and empty `/GTS_PDFXVersion` and
/// `/Identifier` entries that make readers call the file PDF/X.
fn set_info(doc: &mut Document, info: &DocumentInfo) -> Result<(), PdfError> {
    let mut dict = Dictionary::new();
    let keywords = info.keywords.join(", ");
    for (key, value) in [
        ("Title", &info.title),
        ("Author", &info.author),
        ("Subject", &info.subject),
        ("Keywords", &keywords),
        ("Creator", &info.producer),
        ("Producer", &info.producer),
    ] {
        if !value.is_empty() {
            dict.set(key, text_string(value));
        }
    }
    for (key, time) in [("CreationDate", info.created), ("ModDate", info.modified)] {
        if let Some(date) = pdf_date(time) {
            dict.set(key, Object::string_literal(date));
        }
    }
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(dict));
        }
        Err(_) => {
            let id = doc.add_object(dict);
            doc.trailer.set("Info", id);
        }
    }
    Ok(())
}

/// Names each font as `fonts` says: the Type0 font, its CIDFont and the
/// descriptor must carry the same name. printpdf names them after its own
/// font id (here the resource name) when the subset has no name table.
fn rename_fonts(
    doc: &mut Document,
    pages: &[ObjectId],
    fonts: &[FontName<'_>],
) -> Result<(), PdfError> {
    let Some(&page) = pages.first() else {
        return Ok(());
    };
    // printpdf gives every page the same font dictionary.
    let resources = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"Resources"))
        .and_then(|r| doc.dereference(r))
        .and_then(|(_, r)| r.as_dict())
        .map_err(|e| structure("the page resources", e))?;
    let Ok(font_map) = resources
        .get(b"Font")
        .and_then(|f| doc.dereference(f))
        .and_then(|(_, f)| f.as_dict())
    else {
        return Ok(());
    };
    let mut targets = Vec::new();
    for font in fonts {
        // A face the pages never use is not written at all.
        if let Ok(object) = font_map.get(font.resource.as_bytes()) {
            let id = object
                .as_reference()
                .map_err(|e| structure("a font reference", e))?;
            targets.push((id, font.name));
        }
    }
    for (id, name) in targets {
        let type0 = doc
            .get_dictionary_mut(id)
            .map_err(|e| structure("a font", e))?;
        type0.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
        let descendants = type0
            .get_mut(b"DescendantFonts")
            .and_then(Object::as_array_mut)
            .map_err(|e| structure("a font's descendant", e))?;
        let mut descriptors = Vec::new();
        let mut referenced = Vec::new();
        for descendant in descendants.iter_mut() {
            match descendant {
                Object::Dictionary(cid) => {
                    cid.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
                    descriptors.extend(cid.get(b"FontDescriptor").and_then(Object::as_reference));
                }
                Object::Reference(r) => referenced.push(*r),
                _ => return Err(structure("a font's descendant", "not a dictionary")),
            }
        }
        for r in referenced {
            let cid = doc
                .get_dictionary_mut(r)
                .map_err(|e| structure("a CID font", e))?;
            cid.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
            descriptors.extend(cid.get(b"FontDescriptor").and_then(Object::as_reference));
        }
        for d in descriptors {
            doc.get_dictionary_mut(d)
                .map_err(|e| structure("a font descriptor", e))?
                .set("FontName", Object::Name(name.as_bytes().to_vec()));
        }
    }
    Ok(())
}

/// Feeds what lopdf writes into a hash instead of a buffer.
struct HashWriter(Sha256);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sets the trailer's `/ID` (PDF/A wants one) to the first 16 bytes of a
/// hash of the file written without it, in place of printpdf's random
/// letters: the same pages and information give the same bytes. Both
/// halves are equal, as for a file never modified.
pub fn identify(doc: &mut Document) -> Result<(), PdfError> {
    doc.trailer.remove(b"ID");
    let mut hasher = HashWriter(Sha256::new());
    doc.save_to(&mut hasher)
        .map_err(|e| PdfError::Font(format!("the PDF could not be written: {e}")))?;
    let id = hasher.0.finalize()[..16].to_vec();
    doc.trailer.set(
        "ID",
        vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ],
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_take_the_pdf_and_xmp_forms_and_unknown_ones_are_left_out() {
        assert_eq!(
            pdf_date(1_795_882_832).as_deref(),
            Some("D:20261128162032Z")
        );
        assert_eq!(
            xmp_date(1_795_882_832).as_deref(),
            Some("2026-11-28T16:20:32Z")
        );
        assert_eq!(pdf_date(951_782_400).as_deref(), Some("D:20000229000000Z"));
        assert_eq!(pdf_date(0), None, "no 1970");
        assert_eq!(pdf_date(-5), None);
        assert_eq!(pdf_date(253_402_300_800), None, "no five-digit year");
    }
}
