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
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("content folder {path}: {reason}")]
    Folder { path: PathBuf, reason: String },
    #[error("{path}: cannot be read: {reason}")]
    File { path: PathBuf, reason: String },
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
        }
    }

    /// Reads every `.toml` file under `DIR/checklists` and `DIR/procedures`.
    pub fn from_dir(dir: &Path) -> Result<Self, SourceError> {
        if !dir.is_dir() {
            return Err(SourceError::Folder {
                path: dir.to_path_buf(),
                reason: "is not a folder (it should hold checklists/ and procedures/)".into(),
            });
        }
        let mut files = BTreeMap::new();
        for folder in FOLDERS {
            let sub = dir.join(folder);
            let entries = fs::read_dir(&sub).map_err(|e| SourceError::Folder {
                path: sub.clone(),
                reason: format!("cannot be listed: {e}"),
            })?;
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
                    let text = fs::read_to_string(&path).map_err(|e| SourceError::File {
                        path: path.clone(),
                        reason: e.to_string(),
                    })?;
                    let name = entry.file_name().to_string_lossy().into_owned();
                    files.insert(format!("{folder}/{name}"), text);
                }
            }
        }
        Ok(PackSource {
            origin: dir.display().to_string(),
            display_prefix: format!("{}/", dir.display().to_string().trim_end_matches('/')),
            files,
        })
    }

    /// Stored files, e.g. a snapshot kept with an assessment.
    pub fn from_files(origin: &str, files: BTreeMap<String, String>) -> Self {
        PackSource {
            origin: origin.to_string(),
            display_prefix: String::new(),
            files,
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
    fn the_hash_changes_with_any_byte_and_any_name() {
        let mut a = PackSource {
            origin: "t".into(),
            display_prefix: String::new(),
            files: BTreeMap::new(),
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
        };
        c.files.insert("checklists/b.toml".into(), "x = 1".into());
        assert_ne!(c.hash(), h);
    }
}
