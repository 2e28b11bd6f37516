//! Where a reader can jump: the nested bookmarks (`/Outlines`) and the link
//! areas on pages (`/Link` annotations), both aimed at a page and a height
//! given in layout points from the page's top.

use pdf_objects::{Dictionary, Document, Object, ObjectId, text_string};

use super::document::{LinkArea, OutlineEntry};
use crate::report::layout::PAGE_HEIGHT;

/// Bookmarks nested deeper than this are left out: no report has more than
/// three levels, and it bounds the recursion whatever the input.
const MAX_DEPTH: usize = 16;

/// Layout `y` (from the top, downwards) as PDF user space (from the bottom,
/// upwards), kept on the page.
fn user_y(y: f32) -> f32 {
    if y.is_finite() {
        ((PAGE_HEIGHT - y).clamp(0.0, PAGE_HEIGHT) * 100.0).round() / 100.0
    } else {
        PAGE_HEIGHT
    }
}

/// `[page /XYZ 0 top null]`: the page's left edge at height `y`, the zoom
/// left as it is. `None` for a page the document does not have.
fn destination(pages: &[ObjectId], page: usize, y: f32) -> Option<Object> {
    let page = *pages.get(page)?;
    Some(Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Integer(0),
        Object::Real(user_y(y)),
        Object::Null,
    ]))
}

/// Adds the bookmarks of `entries` and returns the outline's root, for the
/// catalog's `/Outlines`; `None` when there are none. Every level is open.
pub fn outline(
    doc: &mut Document,
    pages: &[ObjectId],
    entries: &[OutlineEntry],
) -> Option<ObjectId> {
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let (first, last, count) = level(doc, pages, root, entries, 1);
    let mut dict = Dictionary::new();
    dict.set("Type", "Outlines");
    dict.set("First", first);
    dict.set("Last", last);
    dict.set("Count", count);
    doc.objects.insert(root, Object::Dictionary(dict));
    Some(root)
}

/// Adds `entries` (not empty) as the children of `parent`; returns the first
/// and last child and how many items they show, open, with their own.
fn level(
    doc: &mut Document,
    pages: &[ObjectId],
    parent: ObjectId,
    entries: &[OutlineEntry],
    depth: usize,
) -> (ObjectId, ObjectId, i64) {
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    let mut shown = 0;
    for (n, entry) in entries.iter().enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&entry.title));
        dict.set("Parent", parent);
        if n > 0 {
            dict.set("Prev", ids[n - 1]);
        }
        if let Some(next) = ids.get(n + 1) {
            dict.set("Next", *next);
        }
        // A bookmark to a missing page stays, as a heading for its children.
        if let Some(dest) = destination(pages, entry.page, entry.y) {
            dict.set("Dest", dest);
        }
        shown += 1;
        if !entry.children.is_empty() && depth < MAX_DEPTH {
            let (first, last, count) = level(doc, pages, ids[n], &entry.children, depth + 1);
            dict.set("First", first);
            dict.set("Last", last);
            // Positive: open, showing its children.
            dict.set("Count", count);
            shown += count;
        }
        doc.objects.insert(ids[n], Object::Dictionary(dict));
    }
    (ids[0], ids[ids.len() - 1], shown)
}

/// Adds a borderless `/Link` annotation for each area, to its page's
/// `/Annots`. Areas on or to pages the document lacks, or not finite, are
/// skipped.
pub fn links(doc: &mut Document, pages: &[ObjectId], areas: &[LinkArea]) {
    for area in areas {
        let (Some(&page), Some(dest)) = (
            pages.get(area.page),
            destination(pages, area.target_page, area.target_y),
        ) else {
            continue;
        };
        let corners = [area.x, area.y, area.x + area.w, area.y + area.h];
        if !corners.iter().all(|v| v.is_finite()) {
            continue;
        }
        let (x0, x1) = (corners[0].min(corners[2]), corners[0].max(corners[2]));
        let (top, bottom) = (corners[1].min(corners[3]), corners[1].max(corners[3]));
        let mut annot = Dictionary::new();
        annot.set("Type", "Annot");
        annot.set("Subtype", "Link");
        annot.set(
            "Rect",
            vec![
                Object::Real(x0),
                Object::Real(user_y(bottom)),
                Object::Real(x1),
                Object::Real(user_y(top)),
            ],
        );
        annot.set("Border", vec![0.into(), 0.into(), 0.into()]);
        // Print (PDF/A wants it on every annotation).
        annot.set("F", 4);
        annot.set("Dest", dest);
        annot.set("P", page);
        let id = doc.add_object(annot);
        let Ok(page_dict) = doc.get_dictionary_mut(page) else {
            continue;
        };
        match page_dict.get_mut(b"Annots").and_then(Object::as_array_mut) {
            Ok(list) => list.push(Object::Reference(id)),
            Err(_) => page_dict.set("Annots", vec![Object::Reference(id)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, page: usize, children: Vec<OutlineEntry>) -> OutlineEntry {
        OutlineEntry {
            title: title.into(),
            page,
            y: 100.0,
            children,
        }
    }

    fn dict(doc: &Document, id: ObjectId) -> &Dictionary {
        doc.get_dictionary(id).unwrap()
    }

    fn reference(d: &Dictionary, key: &[u8]) -> ObjectId {
        d.get(key).unwrap().as_reference().unwrap()
    }

    #[test]
    fn bookmarks_nest_with_their_links_and_counts() {
        let mut doc = Document::with_version("1.7");
        let pages = vec![(10, 0), (11, 0)];
        let entries = vec![
            entry(
                "Uno",
                0,
                vec![entry("Uno.a", 1, vec![]), entry("Uno.b", 1, vec![])],
            ),
            entry("Dos", 7, vec![entry("Dos.a", 1, vec![])]),
        ];
        let root = outline(&mut doc, &pages, &entries).unwrap();
        let r = dict(&doc, root);
        assert_eq!(r.get(b"Count").unwrap().as_i64().unwrap(), 5);
        let (uno, dos) = (reference(r, b"First"), reference(r, b"Last"));
        let u = dict(&doc, uno);
        assert_eq!(reference(u, b"Next"), dos);
        assert_eq!(reference(dict(&doc, dos), b"Prev"), uno);
        assert_eq!(reference(u, b"Parent"), root);
        assert_eq!(u.get(b"Count").unwrap().as_i64().unwrap(), 2);
        let a = reference(u, b"First");
        assert_eq!(reference(dict(&doc, a), b"Parent"), uno);
        let dest = dict(&doc, a).get(b"Dest").unwrap().as_array().unwrap();
        assert_eq!(dest[0].as_reference().unwrap(), (11, 0));
        assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
        let top = dest[3].as_float().unwrap();
        assert!((top - (PAGE_HEIGHT - 100.0)).abs() < 0.01, "{top}");
        // Page 7 does not exist: the bookmark stays, without a destination.
        assert!(!dict(&doc, dos).has(b"Dest"));
        assert!(outline(&mut doc, &pages, &[]).is_none());
    }

    #[test]
    fn links_go_to_their_page_in_user_space_and_bad_ones_are_skipped() {
        let mut doc = Document::with_version("1.7");
        let page = doc.add_object(Dictionary::new());
        let target = doc.add_object(Dictionary::new());
        let pages = [page, target];
        let area = LinkArea {
            page: 0,
            x: 56.0,
            y: 100.0,
            w: 200.0,
            h: 12.0,
            target_page: 1,
            target_y: 72.0,
        };
        let missing = LinkArea {
            target_page: 9,
            ..area
        };
        let nan = LinkArea {
            w: f32::NAN,
            ..area
        };
        links(&mut doc, &pages, &[area, missing, nan]);
        let annots = dict(&doc, page).get(b"Annots").unwrap().as_array().unwrap();
        assert_eq!(annots.len(), 1);
        let a = dict(&doc, annots[0].as_reference().unwrap());
        assert_eq!(a.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
        let rect: Vec<f32> = a
            .get(b"Rect")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        let expected = [56.0, PAGE_HEIGHT - 112.0, 256.0, PAGE_HEIGHT - 100.0];
        for (got, want) in rect.iter().zip(expected) {
            assert!((got - want).abs() < 0.01, "{rect:?}");
        }
        let dest = a.get(b"Dest").unwrap().as_array().unwrap();
        assert_eq!(dest[0].as_reference().unwrap(), target);
    }
}
