//! Where a pack's files come from: the binary, a folder, or a stored snapshot.
//! A source is just the files' relative paths and texts, sorted by path.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The shipped pack, compiled in by `build.rs`.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_pack.rs"));
}

/// The folders of a pack, relative to its root.
pub const FOLDERS: [&str; 2] = ["checklists", "procedures"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSource {
    /// Where it came from, for messages ("embedded pack", a folder path).
    pub origin: String,
    /// What to put before a relative path to name a file to the user.
    pub display_prefix: String,
    /// Relative path (`checklists/scoring.toml`) → text.
    pub files: BTreeMap<String, String>,
    /// Files of a folder that are not UTF-8 (so not in `files`): where the
    /// first bad byte is. Loading reports each as an error.
    pub not_utf8: BTreeMap<String, BadEncoding>,
}

/// The first byte of a file that is not valid UTF-8, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadEncoding {
    /// 1-based: newlines before the byte + 1.
    pub line: usize,
    /// 1-based, in characters of the valid text before it on its line.
    pub column: usize,
    pub byte: u8,
}

/// Decodes a file's bytes, or says where its first invalid byte is.
pub fn decode(bytes: Vec<u8>) -> Result<String, BadEncoding> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        // The prefix up to `valid_up_to` is valid UTF-8 by definition.
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        BadEncoding {
            line,
            column,
            byte: bytes[at],
        }
    })
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("content folder {path}: {reason}")]
    Folder { path: PathBuf, reason: String },
    #[error("{path}: cannot be read: {reason}")]
    File { path: PathBuf, reason: String },
}

/// The built-in pack's hash, computed when the binary was built.
pub fn embedded_hash() -> &'static str {
    embedded::HASH
}

impl PackSource {
    pub fn embedded() -> Self {
        PackSource {
            origin: "embedded pack".into(),
            display_prefix: String::new(),
            files: embedded::FILES
                .iter()
                .map(|(path, text)| (path.to_string(), text.to_string()))
                .collect(),
            not_utf8: BTreeMap::new(),
        }
    }

    /// Reads every `.toml` file under `DIR/checklists` and `DIR/procedures`. A
    /// file that is not UTF-8 is kept aside in `not_utf8`, for loading to report.
    pub fn from_dir(dir: &Path) -> Result<Self, SourceError> {
        if !dir.is_dir() {
            return Err(SourceError::Folder {
                path: dir.to_path_buf(),
                reason: "is not a folder (it should hold checklists/ and procedures/)".into(),
            });
        }
        let mut files = BTreeMap::new();
        let mut not_utf8 = BTreeMap::new();
        for folder in FOLDERS {
            let sub = dir.join(folder);
            let entries = fs::read_dir(&sub).map_err(|e| SourceError::Folder {
                path: sub.clone(),
                reason: format!("cannot be listed: {e}"),
            })?;
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
                    let bytes = fs::read(&path).map_err(|e| SourceError::File {
                        path: path.clone(),
                        reason: e.to_string(),
                    })?;
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let rel = format!("{folder}/{name}");
                    match decode(bytes) {
                        Ok(text) => {
                            files.insert(rel, text);
                        }
                        Err(bad) => {
                            not_utf8.insert(rel, bad);
                        }
                    }
                }
            }
        }
        Ok(PackSource {
            origin: dir.display().to_string(),
            display_prefix: format!("{}/", dir.display().to_string().trim_end_matches('/')),
            files,
            not_utf8,
        })
    }

    /// Stored files, e.g. a snapshot kept with an assessment.
    pub fn from_files(origin: &str, files: BTreeMap<String, String>) -> Self {
        PackSource {
            origin: origin.to_string(),
            display_prefix: String::new(),
            files,
            not_utf8: BTreeMap::new(),
        }
    }

    /// SHA-256 over every path and text, in path order: the pack's identity.
    pub fn hash(&self) -> String {
        let mut hasher = Sha256::new();
        for (path, text) in &self.files {
            hasher.update((path.len() as u64).to_le_bytes());
            hasher.update(path.as_bytes());
            hasher.update((text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_time_hash_is_the_embedded_packs_hash() {
        assert_eq!(embedded_hash(), PackSource::embedded().hash());
    }

    #[test]
    fn the_embedded_pack_has_its_core_files() {
        let pack = PackSource::embedded();
        for file in [
            "checklists/pack.toml",
            "checklists/scoring.toml",
            "checklists/equipment.toml",
        ] {
            assert!(
                pack.files.contains_key(file),
                "{file} missing from the binary"
            );
        }
    }

    #[test]
    fn a_bad_byte_is_placed_by_line_and_character_column() {
        assert_eq!(decode(b"a = 1\n".to_vec()).unwrap(), "a = 1\n");
        // Line 3; before the bad byte on that line: 'x', ' ', 'é' (2 bytes), ' '
        // = 4 characters (5 bytes), so column 5.
        let mut bytes = b"a = 1\nb = 2\nx \xC3\xA9 ".to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(b" rest\n");
        assert_eq!(
            decode(bytes),
            Err(BadEncoding {
                line: 3,
                column: 5,
                byte: 0xFF
            })
        );
        // A bad first byte is at 1:1; a truncated sequence points at its start.
        assert_eq!(decode(vec![0x80]).unwrap_err().column, 1);
        let cut = decode(b"ab\xC3".to_vec()).unwrap_err();
        assert_eq!((cut.line, cut.column, cut.byte), (1, 3, 0xC3));
    }

    #[test]
    fn the_hash_changes_with_any_byte_and_any_name() {
        let mut a = PackSource {
            origin: "t".into(),
            display_prefix: String::new(),
            files: BTreeMap::new(),
            not_utf8: BTreeMap::new(),
        };
        a.files.insert("checklists/a.toml".into(), "x = 1".into());
        let h = a.hash();
        assert_eq!(h.len(), 64);
        let mut b = a.clone();
        b.files.insert("checklists/a.toml".into(), "x = 2".into());
        assert_ne!(b.hash(), h);
        let mut c = PackSource {
            origin: "t".into(),
            display_prefix: String::new(),
            files: BTreeMap::new(),
            not_utf8: BTreeMap::new(),
        };
        c.files.insert("checklists/b.toml".into(), "x = 1".into());
        assert_ne!(c.hash(), h);
    }
}
