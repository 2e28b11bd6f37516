//! An open assessment: the loaded bundle, its score (recomputed after every
//! change, never while drawing), tabs and selections.

use std::collections::HashMap;

use crate::action_plan::PlanRecords;
use crate::bundle::Bundle;
use crate::domain::assessment::{Answer, Response};
use crate::domain::lang::Lang;
use crate::domain::pack::Item;
use crate::domain::plan::Cite;
use crate::domain::scoring::AssessmentScore;
use crate::tui::action::{Previous, Refresh};

use super::equipment::EquipmentState;
use super::plan::PlanState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Index into the pack's pillars.
    Pillar(usize),
    Equipment,
    Plan,
    /// The previous final assessment's plan under review (only when there is one).
    FollowUp,
    Summary,
}

#[derive(Debug, Clone)]
pub struct WorkspaceState {
    pub bundle: Bundle,
    pub score: AssessmentScore,
    pub previous: Option<Previous>,
    answers: HashMap<String, Answer>,
    /// Per pillar: indices into its items, applicable ones only, by section.
    pub items: Vec<Vec<usize>>,
    /// Per pillar: the selected position in `items`.
    pub selected: Vec<usize>,
    pub tab: usize,
    pub detail_scroll: u16,
    pub equipment: EquipmentState,
    pub summary_scroll: u16,
    /// The selected line of the summary's lists: the critical gaps, then the
    /// weakest items (`summary_items` order).
    pub summary_selected: usize,
    /// The answers changed since the workspace opened, each with what it was
    /// before and whether a carried-over proposal waited for it then, the
    /// latest last: what `u` undoes.
    pub undo: Vec<(String, Response, bool)>,
    pub plan: PlanState,
    /// The pillar tabs list only items with an open review flag.
    pub flagged_only: bool,
    /// The pillar tabs (and search) list only the items these filters keep.
    pub filters: super::filters::ItemFilters,
    /// The pillar tabs show the selected item on the whole pane (question,
    /// answer and the five level descriptors first) instead of list + detail.
    pub focus: bool,
}

impl WorkspaceState {
    pub fn new(bundle: Bundle, previous: Option<Previous>, plan: PlanRecords) -> Self {
        let items = item_order(&bundle, None);
        let selected = vec![0; items.len()];
        let equipment = EquipmentState::new(&bundle);
        let mut state = WorkspaceState {
            score: bundle.score(),
            answers: HashMap::new(),
            previous,
            items,
            selected,
            tab: 0,
            detail_scroll: 0,
            equipment,
            summary_scroll: 0,
            focus: false,
            summary_selected: 0,
            undo: Vec::new(),
            plan: PlanState {
                records: plan,
                ..PlanState::default()
            },
            flagged_only: false,
            filters: super::filters::ItemFilters::default(),
            bundle,
        };
        state.index_answers();
        state.refresh_targets();
        state
    }

    /// Recomputes each pillar's gap to target (after the score or the plan changed).
    pub fn refresh_targets(&mut self) {
        self.plan.targets =
            crate::action_plan::targets(&self.bundle, &self.score, &self.plan.records.actions);
    }

    /// Lists only flagged items, or all again, keeping the selected item
    /// where it stays listed. Returns how many items are listed.
    pub fn set_flagged_only(&mut self, on: bool) -> usize {
        self.flagged_only = on;
        self.relist()
    }

    /// Lists only the items `filters` keep, keeping the selected item where
    /// it stays listed. Returns how many items are listed.
    pub fn set_filters(&mut self, filters: super::filters::ItemFilters) -> usize {
        self.filters = filters;
        self.relist()
    }

    /// Rebuilds the pillar lists from the review flag and the filters. The
    /// lists stay as they are between changes of filter: an item answered
    /// under "open" stays listed until the filters change, so the selection
    /// does not jump away from what was just answered.
    fn relist(&mut self) -> usize {
        let keep: Vec<Option<String>> = (0..self.items.len())
            .map(|p| self.item_at(p, self.selected[p]).map(|i| i.id.clone()))
            .collect();
        let flagged: Vec<String> = self
            .plan
            .records
            .open_flags()
            .filter_map(|f| match &f.target {
                Cite::Item(id) => Some(id.clone()),
                Cite::Equipment(_) => None,
            })
            .collect();
        let kept: Option<Vec<String>> =
            (self.flagged_only || !self.filters.is_empty()).then(|| {
                self.bundle
                    .pack
                    .pillars
                    .iter()
                    .flat_map(|p| &p.items)
                    .filter(|i| !self.flagged_only || flagged.contains(&i.id))
                    .filter(|i| {
                        let target =
                            self.bundle.header.targets[usize::from(i.pillar.clamp(1, 4)) - 1];
                        self.filters
                            .keeps(i, &self.response(&i.id), self.note(&i.id), target)
                    })
                    .map(|i| i.id.clone())
                    .collect()
            });
        self.items = item_order(&self.bundle, kept.as_deref());
        for (p, id) in keep.iter().enumerate() {
            let position = id.as_ref().and_then(|id| {
                (0..self.items[p].len())
                    .find(|&pos| self.item_at(p, pos).is_some_and(|i| &i.id == id))
            });
            self.selected[p] = position.unwrap_or(0);
        }
        self.detail_scroll = 0;
        self.items.iter().map(Vec::len).sum()
    }

    /// Where `item` is listed: (pillar tab, position), turning the flag
    /// filter and the filters off when they hide the item.
    pub fn locate(&mut self, item: &str) -> Option<(usize, usize)> {
        let find = |ws: &WorkspaceState| {
            (0..ws.items.len()).find_map(|p| {
                (0..ws.items[p].len())
                    .find(|&pos| ws.item_at(p, pos).is_some_and(|i| i.id == item))
                    .map(|pos| (p, pos))
            })
        };
        if let Some(found) = find(self) {
            return Some(found);
        }
        if self.flagged_only || !self.filters.is_empty() {
            self.flagged_only = false;
            self.set_filters(super::filters::ItemFilters::default());
            return find(self);
        }
        None
    }

    fn index_answers(&mut self) {
        self.answers = self
            .bundle
            .answers
            .iter()
            .map(|a| (a.item.clone(), a.clone()))
            .collect();
    }

    /// Replaces the data with what the database holds and rescores.
    pub fn apply_refresh(&mut self, refresh: Refresh) {
        self.bundle.header = refresh.header;
        self.bundle.answers = refresh.answers;
        self.bundle.equipment = refresh.equipment;
        self.bundle.carry = refresh.carry;
        self.index_answers();
        self.equipment.rebuild(&self.bundle);
        self.score = self.bundle.score();
        let had_followup = self.plan.records.followup.is_some();
        let tab = self.tab();
        self.plan.records = refresh.plan;
        self.plan.clamp();
        self.refresh_targets();
        if self.flagged_only {
            self.set_flagged_only(true);
        }
        // The follow-up tab comes and goes with the previous plan; stay on
        // the same kind of tab.
        if had_followup != self.plan.records.followup.is_some() {
            self.show(tab);
        }
    }

    /// Goes to the tab of kind `tab` (the summary when it is not there).
    pub fn show(&mut self, tab: Tab) {
        let pillars = self.items.len();
        let followup = usize::from(self.plan.records.followup.is_some());
        self.tab = match tab {
            Tab::Pillar(p) => p.min(pillars.saturating_sub(1)),
            Tab::Equipment => pillars,
            Tab::Plan => pillars + 1,
            Tab::FollowUp if followup == 1 => pillars + 2,
            Tab::FollowUp | Tab::Summary => pillars + 2 + followup,
        };
    }

    pub fn tab_count(&self) -> usize {
        self.items.len() + 3 + usize::from(self.plan.records.followup.is_some())
    }

    pub fn tab(&self) -> Tab {
        let pillars = self.items.len();
        let followup = self.plan.records.followup.is_some();
        match self.tab {
            t if t < pillars => Tab::Pillar(t),
            t if t == pillars => Tab::Equipment,
            t if t == pillars + 1 => Tab::Plan,
            t if t == pillars + 2 && followup => Tab::FollowUp,
            _ => Tab::Summary,
        }
    }

    pub fn locked(&self) -> bool {
        self.bundle.header.status.is_locked()
    }

    pub fn item_at(&self, pillar: usize, position: usize) -> Option<&Item> {
        let index = *self.items.get(pillar)?.get(position)?;
        self.bundle.pack.pillars.get(pillar)?.items.get(index)
    }

    /// The selected item of the current pillar tab.
    pub fn current_item(&self) -> Option<&Item> {
        match self.tab() {
            Tab::Pillar(p) => self.item_at(p, self.selected[p]),
            _ => None,
        }
    }

    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.get(item)
    }

    pub fn response(&self, item: &str) -> Response {
        self.answers
            .get(item)
            .map_or(Response::Open, |a| a.response.clone())
    }

    /// A level's name from the pinned pack's scale ("3 Established" shows
    /// "Established"), or the interface's word when the pack has none.
    pub fn level_name(&self, level: u8, lang: Lang) -> String {
        self.bundle
            .pack
            .scoring
            .levels
            .get(usize::from(level))
            .map_or_else(
                || crate::tui::i18n::texts(lang).level_name(level).to_string(),
                |l| l.name.get(lang).clone(),
            )
    }

    /// The item's carried-over answer, while it waits for confirmation.
    pub fn carried(&self, item: &str) -> Option<&crate::domain::carry::CarriedAnswer> {
        self.bundle.carry.pending_for(item)
    }

    /// What the previous final assessment answered for the item.
    pub fn previous_answer(&self, item: &str) -> Option<&Answer> {
        self.previous
            .as_ref()
            .and_then(|p| p.answers.iter().find(|a| a.item == item))
    }

    pub fn note(&self, item: &str) -> &str {
        self.answers.get(item).map_or("", |a| a.note.as_str())
    }

    /// Shows a change before it is committed; the refresh after the save
    /// replaces it with what the database holds.
    pub fn set_local(&mut self, item: &str, response: Option<Response>, note: Option<String>) {
        let answer = self.answers.entry(item.to_string()).or_insert(Answer {
            item: item.to_string(),
            response: Response::Open,
            note: String::new(),
            updated_at: String::new(),
            updated_by: String::new(),
            copied_from: None,
            note_lang: None,
        });
        if let Some(response) = response {
            answer.response = response;
        }
        if let Some(note) = note {
            answer.note = note;
        }
        self.bundle.answers = self.answers.values().cloned().collect();
        self.bundle.answers.sort_by(|a, b| a.item.cmp(&b.item));
        self.score = self.bundle.score();
        self.refresh_targets();
    }

    /// The next open item: after the selection in its own pillar, then round
    /// to the pillar's earlier items (so a search jump into the middle leaves
    /// nothing behind), then the following pillars and round again; `None`
    /// when every item is answered.
    pub fn next_open(&self) -> Option<(usize, usize)> {
        let pillars = self.items.len();
        let (here, from) = match self.tab() {
            Tab::Pillar(p) => (p, self.selected[p] + 1),
            _ => (0, 0),
        };
        let is_open = |p: usize, pos: usize| {
            self.item_at(p, pos)
                .is_some_and(|item| self.response(&item.id).is_open())
        };
        let len = self.items.get(here).map_or(0, Vec::len);
        let in_pillar = (from..len).chain(0..from.min(len));
        if let Some(pos) = in_pillar.into_iter().find(|&pos| is_open(here, pos)) {
            return Some((here, pos));
        }
        (1..pillars).map(|k| (here + k) % pillars).find_map(|p| {
            (0..self.items[p].len())
                .find(|&pos| is_open(p, pos))
                .map(|pos| (p, pos))
        })
    }

    pub fn first_open(&self) -> Option<(usize, usize)> {
        (0..self.items.len()).find_map(|p| {
            (0..self.items[p].len()).find_map(|pos| {
                self.item_at(p, pos)
                    .filter(|item| self.response(&item.id).is_open())
                    .map(|_| (p, pos))
            })
        })
    }

    pub fn go_to(&mut self, pillar: usize, position: usize) {
        if pillar < self.items.len() {
            self.tab = pillar;
            self.selected[pillar] = position.min(self.items[pillar].len().saturating_sub(1));
            self.detail_scroll = 0;
        }
    }

    /// Items whose id, question, guidance or note holds every word of
    /// `query`, whatever the case and accents ("proteccion" finds
    /// "protección"), as (pillar, position).
    pub fn search(&self, query: &str, lang: Lang) -> Vec<(usize, usize)> {
        if query.split_whitespace().next().is_none() {
            return Vec::new();
        }
        let mut found = Vec::new();
        for (p, positions) in self.items.iter().enumerate() {
            for pos in 0..positions.len() {
                let Some(item) = self.item_at(p, pos) else {
                    continue;
                };
                let text = item.text.get(lang);
                let haystack = format!(
                    "{} {} {} {}",
                    item.id,
                    text.question,
                    text.guidance,
                    self.note(&item.id)
                );
                if crate::domain::search_text::matches_all(&haystack, query) {
                    found.push((p, pos));
                }
            }
        }
        found
    }

    /// The items of `section` this assessment asks (applicable to the post,
    /// at its depth), whatever the filters list.
    pub fn asked_in_section(&self, section: &str) -> Vec<&Item> {
        self.bundle
            .pack
            .pillars
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| i.section == section && asks(&self.bundle, i))
            .collect()
    }

    /// Sets `item`'s answer locally, remembering what it was so `u` can
    /// undo it.
    pub fn change_response(&mut self, item: &str, response: Response) {
        let before = self.response(item);
        if before != response {
            // Answering consumes a proposal; undoing must bring it back.
            let proposed = before.is_open() && self.carried(item).is_some();
            self.undo.push((item.to_string(), before, proposed));
        }
        self.set_local(item, Some(response), None);
    }

    /// The summary's lists: critical items below target, lowest first, and
    /// the other items below target or lower than the previous final
    /// assessment had them (heaviest first among equals), each with its level
    /// and, for a regression, the previous level.
    pub fn summary_items(&self) -> (Ranked<'_>, Ranked<'_>) {
        let mut gaps = Vec::new();
        let mut weak = Vec::new();
        for (p, positions) in self.items.iter().enumerate() {
            for pos in 0..positions.len() {
                let Some(item) = self.item_at(p, pos) else {
                    continue;
                };
                let target = crate::domain::plan::propose::target_of(
                    &self.bundle.header.targets,
                    item.pillar,
                );
                let Response::Level(level) = self.response(&item.id) else {
                    continue;
                };
                let before = self
                    .previous_answer(&item.id)
                    .and_then(|a| a.response.level())
                    .filter(|was| *was > level);
                if item.critical && level < target {
                    gaps.push((item, level, before));
                } else if level < target || before.is_some() {
                    weak.push((item, level, before));
                }
            }
        }
        gaps.sort_by_key(|(i, l, _)| (*l, std::cmp::Reverse(i.weight)));
        weak.sort_by_key(|(i, l, _)| (*l, std::cmp::Reverse(i.weight)));
        (gaps, weak)
    }

    /// (answered or N/A, applicable) of one section of a pillar.
    /// Over every item the section asks, listed or not: a filter narrows
    /// the list, not the progress.
    pub fn section_progress(&self, section: &str) -> (usize, usize) {
        let asked = self.asked_in_section(section);
        let done = asked
            .iter()
            .filter(|i| !self.response(&i.id).is_open())
            .count();
        (done, asked.len())
    }
}

/// Items with their levels, lowest first, and the previous final
/// assessment's level where it was higher (a regression).
pub type Ranked<'a> = Vec<(&'a Item, u8, Option<u8>)>;

/// Per pillar: indices into its items, applicable ones at the assessment's
/// depth only, by section; only those in `only` when it is given.
fn item_order(bundle: &Bundle, only: Option<&[String]>) -> Vec<Vec<usize>> {
    bundle
        .pack
        .pillars
        .iter()
        .map(|pillar| {
            let mut order: Vec<usize> = Vec::new();
            for section in &pillar.sections {
                order.extend(pillar.items.iter().enumerate().filter_map(|(i, item)| {
                    (item.section == section.id
                        && asks(bundle, item)
                        && only.is_none_or(|ids| ids.contains(&item.id)))
                    .then_some(i)
                }));
            }
            order
        })
        .collect()
}

/// Whether the assessment asks `item`: applicable to the post, at its depth.
fn asks(bundle: &Bundle, item: &Item) -> bool {
    item.applicability.applies_to(&bundle.post) && bundle.header.depth.asks(item)
}
