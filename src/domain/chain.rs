//! The hash chain of one device's change-log rows: which fields a row's hash
//! covers and how they are encoded. Pure: no database, no files.

use sha2::{Digest, Sha256};

/// The `prev_hash` of a device's first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of a change-log row that its hash covers (everything but the
/// local `seq`, which differs from one database to the next).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRow {
    pub device_id: String,
    pub device_seq: i64,
    pub prev_hash: String,
    pub at: String,
    pub actor: String,
    pub assessment_id: Option<String>,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl ChainRow {
    /// SHA-256 (hex) of the row's canonical encoding: each field length-prefixed,
    /// absent values marked apart from empty ones, so no two rows share an encoding.
    pub fn hash(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"frontera-chain-v1\n");
        let seq = self.device_seq.to_string();
        let fields: [Option<&str>; 11] = [
            Some(&self.device_id),
            Some(&seq),
            Some(&self.prev_hash),
            Some(&self.at),
            Some(&self.actor),
            self.assessment_id.as_deref(),
            Some(&self.entity),
            Some(&self.entity_id),
            Some(&self.field),
            self.old.as_deref(),
            self.new.as_deref(),
        ];
        for field in fields {
            match field {
                None => h.update([0u8]),
                Some(text) => {
                    h.update([1u8]);
                    h.update((text.len() as u64).to_be_bytes());
                    h.update(text.as_bytes());
                }
            }
        }
        hex::encode(h.finalize())
    }
}

/// One link of a chain as a verifier sees it: a full row, or only its hashes.
#[derive(Debug, Clone)]
pub struct Link {
    pub device_seq: i64,
    pub prev_hash: String,
    pub row_hash: String,
    /// The row itself, when its content is known (a stub has none).
    pub row: Option<ChainRow>,
}

/// Where a chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// Sequence numbers jump: rows are missing (a row was removed).
    Gap { expected: i64, found: i64 },
    /// A row's `prev_hash` is not the hash of the row before it (reordered or replaced).
    Link { seq: i64 },
    /// A row's content no longer matches its own hash (edited behind frontera's back).
    Content { seq: i64 },
}

/// Checks one device's links, sorted by `device_seq`: numbers 1, 2, 3… without
/// gaps, each linked to the one before, each full row matching its hash.
pub fn check(links: &[Link]) -> Result<(), Break> {
    let mut prev = GENESIS.to_string();
    for (index, link) in links.iter().enumerate() {
        let expected = index as i64 + 1;
        if link.device_seq != expected {
            return Err(Break::Gap {
                expected,
                found: link.device_seq,
            });
        }
        // The link first: a row moved to another place still carries the
        // hash of its old predecessor, which names a reordering as such.
        if link.prev_hash != prev {
            return Err(Break::Link {
                seq: link.device_seq,
            });
        }
        if let Some(row) = &link.row
            && (row.hash() != link.row_hash || row.prev_hash != link.prev_hash)
        {
            return Err(Break::Content {
                seq: link.device_seq,
            });
        }
        prev = link.row_hash.clone();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(seq: i64, prev: &str, new: &str) -> ChainRow {
        ChainRow {
            device_id: "dev-a".into(),
            device_seq: seq,
            prev_hash: prev.into(),
            at: "2026-01-01T00:00:00Z".into(),
            actor: "ana".into(),
            assessment_id: Some("a1".into()),
            entity: "answer".into(),
            entity_id: "1.1".into(),
            field: "response".into(),
            old: None,
            new: Some(new.into()),
        }
    }

    fn chain(values: &[&str]) -> Vec<Link> {
        let mut prev = GENESIS.to_string();
        let mut links = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let r = row(i as i64 + 1, &prev, v);
            let hash = r.hash();
            links.push(Link {
                device_seq: r.device_seq,
                prev_hash: prev.clone(),
                row_hash: hash.clone(),
                row: Some(r),
            });
            prev = hash;
        }
        links
    }

    #[test]
    fn absent_and_empty_values_hash_apart() {
        let mut a = row(1, GENESIS, "x");
        let mut b = a.clone();
        a.old = None;
        b.old = Some(String::new());
        assert_ne!(a.hash(), b.hash());
    }

    #[test]
    fn a_good_chain_passes_and_each_break_is_named() {
        let links = chain(&["1", "2", "3"]);
        assert_eq!(check(&links), Ok(()));

        let mut edited = links.clone();
        edited[1].row.as_mut().unwrap().new = Some("4".into());
        assert_eq!(check(&edited), Err(Break::Content { seq: 2 }));

        let mut removed = links.clone();
        removed.remove(1);
        assert_eq!(
            check(&removed),
            Err(Break::Gap {
                expected: 2,
                found: 3
            })
        );

        // Swapping two rows and renumbering them keeps each row's own hash
        // valid only if its content is rewritten; a stub swap breaks the links.
        let mut swapped = links.clone();
        for l in &mut swapped {
            l.row = None;
        }
        swapped.swap(1, 2);
        swapped[1].device_seq = 2;
        swapped[2].device_seq = 3;
        assert_eq!(check(&swapped), Err(Break::Link { seq: 2 }));
    }
}
