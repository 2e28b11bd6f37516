//! Evidence files from outside: reading one from disk within the limits,
//! hashing it, and what a JPEG's EXIF says; writing files back out on extract.
//! Nothing here touches the database (the store keeps what this reads).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::evidence::{MAX_BYTES, MediaType, PhotoInfo, sniff};

/// Why a file could not be taken as evidence, or written out again.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceFileError {
    #[error("{}: cannot read it ({source}); nothing was added", .path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is a folder, not a file; nothing was added", .path.display())]
    NotAFile { path: PathBuf },
    #[error("{} is empty; nothing was added", .path.display())]
    Empty { path: PathBuf },
    #[error(
        "{} is {} MB; evidence files may be at most {} MB (make a smaller copy: a photo at a lower resolution, a PDF scanned at 150 dpi); nothing was added",
        .path.display(), mb(*.size), mb(MAX_BYTES)
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "{} is a {kind}, which is not a supported evidence type (JPEG, PNG, PDF, plain text, DOCX, XLSX); nothing was added",
        .path.display()
    )]
    Unsupported { path: PathBuf, kind: &'static str },
    #[error(
        "{} already exists and differs from evidence {evidence}; it was not overwritten (extract into an empty folder)",
        .path.display()
    )]
    WouldOverwrite { path: PathBuf, evidence: String },
    #[error(
        "the stored content of evidence {evidence} no longer matches its SHA-256 ({expected}); the database is damaged, run `frontera db check`"
    )]
    HashMismatch { evidence: String, expected: String },
    #[error(transparent)]
    Write(#[from] crate::output::WriteError),
}

/// Megabytes with one decimal, for messages.
fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// A file read and checked, ready for the store.
#[derive(Debug, Clone)]
pub struct IncomingFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
    pub media_type: MediaType,
    pub photo: PhotoInfo,
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads `path` as evidence: a regular file of at most [`MAX_BYTES`], of a
/// supported type.
pub fn read_file(path: &Path) -> Result<IncomingFile, EvidenceFileError> {
    let unreadable = |source| EvidenceFileError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(EvidenceFileError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    // Checked before reading, so a huge file is refused without filling memory;
    // the read is capped too, in case the file grows meanwhile.
    if meta.len() > MAX_BYTES {
        return Err(EvidenceFileError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    let file_name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    from_bytes(&file_name, bytes).map_err(|e| e.at(path))
}

/// What can be wrong with bytes, before a path is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BytesProblem {
    Empty,
    TooLarge(u64),
    Unsupported(&'static str),
}

impl BytesProblem {
    fn at(self, path: &Path) -> EvidenceFileError {
        let path = path.to_path_buf();
        match self {
            BytesProblem::Empty => EvidenceFileError::Empty { path },
            BytesProblem::TooLarge(size) => EvidenceFileError::TooLarge { path, size },
            BytesProblem::Unsupported(kind) => EvidenceFileError::Unsupported { path, kind },
        }
    }
}

/// Checks, hashes and reads the EXIF of a file's bytes (the parser the fuzz
/// target drives).
pub fn from_bytes(file_name: &str, bytes: Vec<u8>) -> Result<IncomingFile, BytesProblem> {
    if bytes.is_empty() {
        return Err(BytesProblem::Empty);
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(BytesProblem::TooLarge(bytes.len() as u64));
    }
    let media_type = sniff(&bytes).map_err(|u| BytesProblem::Unsupported(u.0))?;
    let photo = if media_type == MediaType::Jpeg {
        photo_info(&bytes)
    } else {
        PhotoInfo::default()
    };
    Ok(IncomingFile {
        file_name: file_name.to_string(),
        sha256: sha256_hex(&bytes),
        bytes,
        media_type,
        photo,
    })
}

/// Capture time and GPS position from a JPEG's EXIF; whatever is missing or
/// unreadable is left empty (a photo without EXIF is still evidence).
pub fn photo_info(jpeg: &[u8]) -> PhotoInfo {
    let mut cursor = std::io::Cursor::new(jpeg);
    let Ok(exif) = exif::Reader::new().read_from_container(&mut cursor) else {
        return PhotoInfo::default();
    };
    let time = [exif::Tag::DateTimeOriginal, exif::Tag::DateTime]
        .into_iter()
        .find_map(|tag| exif_time(exif.get_field(tag, exif::In::PRIMARY)?));
    let lat = coordinate(
        &exif,
        exif::Tag::GPSLatitude,
        exif::Tag::GPSLatitudeRef,
        b'S',
        90.0,
    );
    let lon = coordinate(
        &exif,
        exif::Tag::GPSLongitude,
        exif::Tag::GPSLongitudeRef,
        b'W',
        180.0,
    );
    // A position needs both halves.
    let (lat, lon) = match (lat, lon) {
        (Some(a), Some(b)) => (Some(a), Some(b)),
        _ => (None, None),
    };
    PhotoInfo { time, lat, lon }
}

fn exif_time(field: &exif::Field) -> Option<String> {
    let exif::Value::Ascii(parts) = &field.value else {
        return None;
    };
    let t = exif::DateTime::from_ascii(parts.first()?).ok()?;
    let valid = (1..=12).contains(&t.month)
        && (1..=31).contains(&t.day)
        && t.hour < 24
        && t.minute < 60
        && t.second < 61;
    valid.then(|| {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            t.year, t.month, t.day, t.hour, t.minute, t.second
        )
    })
}

/// Degrees from EXIF's (degrees, minutes, seconds) rationals, negative in the
/// southern or western half; none when absent, malformed or out of range.
fn coordinate(
    exif: &exif::Exif,
    tag: exif::Tag,
    reference: exif::Tag,
    negative: u8,
    limit: f64,
) -> Option<f64> {
    let exif::Value::Rational(dms) = &exif.get_field(tag, exif::In::PRIMARY)?.value else {
        return None;
    };
    let part = |i: usize| {
        let r = dms.get(i)?;
        (r.denom != 0).then(|| r.to_f64())
    };
    let degrees = part(0)? + part(1).unwrap_or(0.0) / 60.0 + part(2).unwrap_or(0.0) / 3600.0;
    let sign = match &exif.get_field(reference, exif::In::PRIMARY)?.value {
        exif::Value::Ascii(parts) => match parts.first()?.first()? {
            c if *c == negative => -1.0,
            _ => 1.0,
        },
        _ => return None,
    };
    let value = sign * degrees;
    (value.is_finite() && value.abs() <= limit).then_some(value)
}

/// Writes `bytes` to `path` unless a file is there already: the same content
/// is left alone (extracting twice is harmless), different content is
/// refused. Returns whether a file was written.
pub fn write_out(path: &Path, bytes: &[u8], evidence: &str) -> Result<bool, EvidenceFileError> {
    if let Ok(existing) = std::fs::read(path) {
        if existing == bytes {
            return Ok(false);
        }
        return Err(EvidenceFileError::WouldOverwrite {
            path: path.to_path_buf(),
            evidence: evidence.to_string(),
        });
    }
    if path.exists() {
        // There but unreadable (a folder, no permission): not ours to replace.
        return Err(EvidenceFileError::WouldOverwrite {
            path: path.to_path_buf(),
            evidence: evidence.to_string(),
        });
    }
    crate::output::write_output(path, bytes)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence");
        std::fs::read(dir.join(name)).unwrap()
    }

    #[test]
    fn a_photo_with_exif_gives_its_time_and_place() {
        let info = photo_info(&fixture("scanner.jpg"));
        assert_eq!(info.time.as_deref(), Some("2026-03-14T10:22:05"));
        // 16° 34' 0.12" S, 69° 1' 59.88" W (see make_fixtures.py).
        let lat = info.lat.unwrap();
        let lon = info.lon.unwrap();
        assert!((lat - -16.5667).abs() < 1e-4, "{lat}");
        assert!((lon - -69.0333).abs() < 1e-4, "{lon}");
        assert_eq!(info.place().as_deref(), Some("-16.56670, -69.03330"));
    }

    #[test]
    fn a_photo_without_exif_is_still_evidence() {
        let file = from_bytes("plain.jpg", fixture("plain.jpg")).unwrap();
        assert_eq!(file.media_type, MediaType::Jpeg);
        assert_eq!(file.photo, PhotoInfo::default());
    }

    #[test]
    fn empty_oversized_and_unsupported_bytes_are_refused() {
        assert_eq!(
            from_bytes("a", Vec::new()).unwrap_err(),
            BytesProblem::Empty
        );
        let big = vec![b'a'; MAX_BYTES as usize + 1];
        assert_eq!(
            from_bytes("a", big).unwrap_err(),
            BytesProblem::TooLarge(MAX_BYTES + 1)
        );
        assert_eq!(
            from_bytes("a.gif", b"GIF89a..".to_vec()).unwrap_err(),
            BytesProblem::Unsupported("GIF image")
        );
    }

    #[test]
    fn the_hash_is_sha256_in_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
