//! Item by item against the previous final assessment of the same post:
//! improved, regressed, unchanged or new.

use crate::bundle::Bundle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemChange {
    Improved,
    Regressed,
    Unchanged,
    /// Answered with a level now, but not before (open, N/A or not in its pack).
    New,
}

/// Each item answered with a level now: (item id, level before, level now, change).
pub fn compare_items(now: &Bundle, before: &Bundle) -> Vec<(String, Option<u8>, u8, ItemChange)> {
    now.applicable_items()
        .filter_map(|item| {
            let level = now.response(&item.id).level()?;
            let old = before.response(&item.id).level();
            let change = match old {
                None => ItemChange::New,
                Some(o) if level > o => ItemChange::Improved,
                Some(o) if level < o => ItemChange::Regressed,
                Some(_) => ItemChange::Unchanged,
            };
            Some((item.id.clone(), old, level, change))
        })
        .collect()
}
