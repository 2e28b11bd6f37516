//! Where things are on the screen just drawn: each list row, tab and
//! scrolling pane, so a mouse click or wheel can be turned into the action
//! a key would give. Drawing records them; it stays a function of the state.

use ratatui::layout::{Position, Rect};

/// A list the pointer can choose an entry of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Posts,
    Assessments,
    Items,
    Equipment,
    Plan,
    FollowUp,
    /// The Summary's gaps and weakest items, numbered as one list.
    Summary,
}

/// What a place on the screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The workspace tab at this position.
    Tab(usize),
    /// Entry `index` of a list.
    Row(Pane, usize),
    /// Text that scrolls (the item detail, the focused item).
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    pub area: Rect,
    pub target: Target,
    /// The entry is the one already chosen: a click on it acts like Enter.
    pub selected: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    zones: Vec<Zone>,
}

impl Hits {
    pub fn push(&mut self, area: Rect, target: Target, selected: bool) {
        if area.width > 0 && area.height > 0 {
            self.zones.push(Zone {
                area,
                target,
                selected,
            });
        }
    }

    /// One zone per visible row of a list drawn inside `inner` from its
    /// first row: `entries[row]` is the entry a row shows (`None` for a
    /// heading), `offset` the first row shown.
    pub fn rows(
        &mut self,
        pane: Pane,
        inner: Rect,
        entries: &[Option<usize>],
        offset: usize,
        selected: usize,
    ) {
        for (shown, entry) in entries
            .iter()
            .skip(offset)
            .take(usize::from(inner.height))
            .enumerate()
        {
            if let Some(index) = entry {
                // `take` bounds `shown` by the height, a u16.
                let y = inner.y + shown as u16;
                let area = Rect::new(inner.x, y, inner.width, 1);
                self.push(area, Target::Row(pane, *index), *index == selected);
            }
        }
    }

    /// The zone under the pointer; the last drawn wins, as it is on top.
    pub fn at(&self, column: u16, row: u16) -> Option<Zone> {
        let here = Position::new(column, row);
        self.zones
            .iter()
            .rev()
            .find(|z| z.area.contains(here))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_take_a_row_but_no_zone_and_the_offset_is_skipped() {
        let mut hits = Hits::default();
        let inner = Rect::new(1, 5, 30, 3);
        let entries = [None, Some(0), Some(1), None, Some(2), Some(3)];
        hits.rows(Pane::Items, inner, &entries, 2, 2);
        // Rows shown: entry 1, heading, entry 2.
        assert_eq!(
            hits.at(3, 5).map(|z| z.target),
            Some(Target::Row(Pane::Items, 1))
        );
        assert_eq!(hits.at(3, 6), None);
        let third = hits.at(3, 7).expect("a zone on the third row");
        assert_eq!(third.target, Target::Row(Pane::Items, 2));
        assert!(third.selected);
        assert_eq!(hits.at(3, 8), None, "nothing below the pane");
        assert_eq!(hits.at(0, 5), None, "nothing on the border");
    }
}
