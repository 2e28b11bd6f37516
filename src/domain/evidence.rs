//! Evidence attached to an assessment: what a file is (its type, sniffed from
//! its bytes), what it is attached to, and the record kept of it. Pure: no
//! file, database or parser of outside formats here.

use std::fmt;

/// The largest file accepted, in bytes. A phone photo is 2–8 MB and a scanned
/// SOP rarely passes 20 MB; the database is one file that travels on a USB
/// stick and inside bundles, so a video or a disk image must not end up in it.
pub const MAX_BYTES: u64 = 25 * 1024 * 1024;

/// The kinds of file accepted as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    Jpeg,
    Png,
    Pdf,
    Text,
    Docx,
    Xlsx,
}

impl MediaType {
    pub const ALL: [MediaType; 6] = [
        MediaType::Jpeg,
        MediaType::Png,
        MediaType::Pdf,
        MediaType::Text,
        MediaType::Docx,
        MediaType::Xlsx,
    ];

    /// The IANA media type, as stored and exported.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Pdf => "application/pdf",
            MediaType::Text => "text/plain",
            MediaType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            MediaType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    pub fn from_mime(text: &str) -> Option<MediaType> {
        MediaType::ALL.into_iter().find(|m| m.mime() == text)
    }

    /// A short name for people: "JPEG", "plain text".
    pub fn label(self) -> &'static str {
        match self {
            MediaType::Jpeg => "JPEG",
            MediaType::Png => "PNG",
            MediaType::Pdf => "PDF",
            MediaType::Text => "plain text",
            MediaType::Docx => "DOCX",
            MediaType::Xlsx => "XLSX",
        }
    }

    pub fn is_photo(self) -> bool {
        matches!(self, MediaType::Jpeg | MediaType::Png)
    }
}

/// What a file that is not accepted looks like, to name it in the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub &'static str);

/// The type of `bytes`, from their content (never the file name: a renamed
/// file is still what it is).
pub fn sniff(bytes: &[u8]) -> Result<MediaType, Unsupported> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(MediaType::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(MediaType::Png);
    }
    if starts(b"%PDF-") {
        return Ok(MediaType::Pdf);
    }
    if starts(b"PK\x03\x04") {
        // An Office file is a zip whose part names are stored uncompressed in
        // its headers; the main part says which kind it is.
        return if contains(bytes, b"word/document.xml") {
            Ok(MediaType::Docx)
        } else if contains(bytes, b"xl/workbook.xml") {
            Ok(MediaType::Xlsx)
        } else {
            Err(Unsupported("ZIP archive"))
        };
    }
    if let Some(kind) = known_other(bytes) {
        return Err(Unsupported(kind));
    }
    if is_plain_text(bytes) {
        return Ok(MediaType::Text);
    }
    Err(Unsupported("binary data"))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Common files people may try to attach, named so the error says what they are.
fn known_other(bytes: &[u8]) -> Option<&'static str> {
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    if at(0, b"GIF8") {
        Some("GIF image")
    } else if at(4, b"ftypheic") || at(4, b"ftypheix") || at(4, b"ftypmif1") {
        Some("HEIC image")
    } else if at(4, b"ftyp") {
        Some("MP4/QuickTime video")
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        Some("TIFF image")
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Some("WebP image")
    } else if at(0, &[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("old Microsoft Office file (.doc/.xls)")
    } else if at(0, &[0x1F, 0x8B]) {
        Some("gzip archive")
    } else if at(0, b"SQLite format 3\0") {
        Some("SQLite database")
    } else {
        None
    }
}

/// UTF-8 (a byte-order mark allowed) without control characters other than
/// tab, line breaks and form feed: what a text editor shows as text.
fn is_plain_text(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => text
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0C')),
        Err(_) => false,
    }
}

/// What a file is attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Assessment,
    Item(String),
    Equipment(String),
}

impl Target {
    /// The stored kind: `assessment`, `item` or `equipment`.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Assessment => "assessment",
            Target::Item(_) => "item",
            Target::Equipment(_) => "equipment",
        }
    }

    /// The item or equipment type id; none for the assessment as a whole.
    pub fn id(&self) -> Option<&str> {
        match self {
            Target::Assessment => None,
            Target::Item(id) | Target::Equipment(id) => Some(id),
        }
    }

    pub fn from_parts(kind: &str, id: Option<String>) -> Result<Target, String> {
        match (kind, id) {
            ("assessment", None) => Ok(Target::Assessment),
            ("item", Some(id)) => Ok(Target::Item(id)),
            ("equipment", Some(id)) => Ok(Target::Equipment(id)),
            (kind, id) => Err(format!("bad evidence target {kind} {id:?}")),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id() {
            Some(id) => write!(f, "{}:{id}", self.kind()),
            None => f.write_str(self.kind()),
        }
    }
}

/// What a photo's EXIF says about when and where it was taken.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhotoInfo {
    /// `2026-03-14T10:22:05`, the camera's local time (EXIF has no zone
    /// unless the camera wrote one, and most do not).
    pub time: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl PhotoInfo {
    /// `-16.56667, -69.03333` when both are known.
    pub fn place(&self) -> Option<String> {
        Some(format!("{:.5}, {:.5}", self.lat?, self.lon?))
    }
}

/// Who took a file off the record, when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub at: String,
    pub by: String,
    pub reason: String,
}

/// One file attached to an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub id: String,
    pub assessment: String,
    pub target: Target,
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
    pub file_name: String,
    pub caption: String,
    pub photo: PhotoInfo,
    pub added_at: String,
    pub added_by: String,
    pub removed: Option<Removal>,
}

impl Evidence {
    /// The first 12 hex digits of the hash: enough to tell files apart on a page.
    pub fn short_hash(&self) -> &str {
        self.sha256.get(..12).unwrap_or(&self.sha256)
    }

    pub fn is_removed(&self) -> bool {
        self.removed.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_sniffed_from_content_not_names() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]), Ok(MediaType::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Ok(MediaType::Png));
        assert_eq!(sniff(b"%PDF-1.7\n"), Ok(MediaType::Pdf));
        assert_eq!(
            sniff("Acta de visita, día 2\r\n".as_bytes()),
            Ok(MediaType::Text)
        );
        assert_eq!(
            sniff(b"PK\x03\x04....word/document.xml...."),
            Ok(MediaType::Docx)
        );
        assert_eq!(sniff(b"PK\x03\x04....xl/workbook.xml"), Ok(MediaType::Xlsx));
        assert_eq!(
            sniff(b"PK\x03\x04....other"),
            Err(Unsupported("ZIP archive"))
        );
        assert_eq!(sniff(b"GIF89a...."), Err(Unsupported("GIF image")));
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic...."),
            Err(Unsupported("HEIC image"))
        );
        assert_eq!(sniff(b"text\0with a nul"), Err(Unsupported("binary data")));
        assert_eq!(sniff(&[0xC3, 0x28]), Err(Unsupported("binary data")));
    }

    #[test]
    fn targets_round_trip_through_their_stored_parts() {
        for target in [
            Target::Assessment,
            Target::Item("p1-s1-01".into()),
            Target::Equipment("document-reader".into()),
        ] {
            let back = Target::from_parts(target.kind(), target.id().map(str::to_string));
            assert_eq!(back, Ok(target));
        }
        assert!(Target::from_parts("item", None).is_err());
        assert_eq!(Target::Item("x".into()).to_string(), "item:x");
    }

    #[test]
    fn every_media_type_round_trips_through_its_mime_name() {
        for m in MediaType::ALL {
            assert_eq!(MediaType::from_mime(m.mime()), Some(m));
        }
        assert_eq!(MediaType::from_mime("image/gif"), None);
    }
}
