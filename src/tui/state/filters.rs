//! The checklist's filters: which items the pillar tabs (and search) list —
//! open, critical, with notes, N/A, below target — combinable, each narrowing
//! the list further.

use crate::domain::assessment::Response;
use crate::domain::pack::Item;

/// One filter, in the order the filter menu lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemFilter {
    Open,
    Critical,
    Noted,
    NotApplicable,
    BelowTarget,
}

impl ItemFilter {
    pub const ALL: [ItemFilter; 5] = [
        ItemFilter::Open,
        ItemFilter::Critical,
        ItemFilter::Noted,
        ItemFilter::NotApplicable,
        ItemFilter::BelowTarget,
    ];

    /// Whether an item passes this filter.
    fn keeps(self, item: &Item, response: &Response, note: &str, target: u8) -> bool {
        match self {
            ItemFilter::Open => response.is_open(),
            ItemFilter::Critical => item.critical,
            ItemFilter::Noted => !note.trim().is_empty(),
            ItemFilter::NotApplicable => matches!(response, Response::NotApplicable { .. }),
            ItemFilter::BelowTarget => matches!(response, Response::Level(l) if *l < target),
        }
    }
}

/// The filters switched on; none lists every item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemFilters {
    on: Vec<ItemFilter>,
}

impl ItemFilters {
    pub fn is_on(&self, filter: ItemFilter) -> bool {
        self.on.contains(&filter)
    }

    pub fn is_empty(&self) -> bool {
        self.on.is_empty()
    }

    /// Switches `filter` on, or off when it was on.
    pub fn toggle(&mut self, filter: ItemFilter) {
        if let Some(at) = self.on.iter().position(|f| *f == filter) {
            self.on.remove(at);
        } else {
            self.on.push(filter);
            self.on
                .sort_by_key(|f| ItemFilter::ALL.iter().position(|g| g == f));
        }
    }

    /// The filters on, in menu order.
    pub fn active(&self) -> &[ItemFilter] {
        &self.on
    }

    /// Whether an item passes every filter on.
    pub fn keeps(&self, item: &Item, response: &Response, note: &str, target: u8) -> bool {
        self.on
            .iter()
            .all(|f| f.keeps(item, response, note, target))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::item;
    use crate::domain::post::PostKind;

    #[test]
    fn filters_combine_and_toggle_off() {
        let critical = item("p1.a", 1, 1, true, &[PostKind::Land], false);
        let plain = item("p1.b", 1, 1, false, &[PostKind::Land], false);
        let mut f = ItemFilters::default();
        assert!(f.keeps(&plain, &Response::Level(4), "", 3));
        f.toggle(ItemFilter::BelowTarget);
        f.toggle(ItemFilter::Critical);
        assert_eq!(f.active(), [ItemFilter::Critical, ItemFilter::BelowTarget]);
        assert!(f.keeps(&critical, &Response::Level(2), "", 3));
        assert!(!f.keeps(&critical, &Response::Level(3), "", 3));
        assert!(!f.keeps(&plain, &Response::Level(2), "", 3));
        f.toggle(ItemFilter::Critical);
        assert!(f.keeps(&plain, &Response::Level(2), "", 3));
        f.toggle(ItemFilter::Noted);
        assert!(!f.keeps(&plain, &Response::Level(2), "  ", 3));
        assert!(f.keeps(&plain, &Response::Level(2), "seen", 3));
        let na = Response::NotApplicable {
            reason: "no river".into(),
        };
        let mut only_na = ItemFilters::default();
        only_na.toggle(ItemFilter::NotApplicable);
        assert!(only_na.keeps(&plain, &na, "", 3));
        only_na.toggle(ItemFilter::Open);
        assert!(!only_na.keeps(&plain, &na, "", 3));
        assert!(ItemFilters::default().is_empty());
    }
}
