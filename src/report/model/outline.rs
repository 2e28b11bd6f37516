//! A report model as compact text, one line per paragraph, pair or table row:
//! what the snapshot tests keep, and easy to read in a review.

use std::fmt::Write;

use super::{Block, Cell, Chart, ReportModel, RowKind, Series, Tone};

fn cell(c: &Cell) -> String {
    let mut text = c.text.replace('\n', " / ");
    if let Some(muted) = &c.muted {
        text.push_str(&format!(" ~{muted}~"));
    }
    if let Some(link) = &c.link {
        text.push_str(&format!(" →{link}"));
    }
    let text = if c.bold { format!("**{text}**") } else { text };
    match c.tone {
        Tone::Plain => text,
        Tone::Level(l) => format!("{text} [L{l}]"),
        Tone::Good => format!("{text} [+]"),
        Tone::Bad => format!("{text} [-]"),
    }
}

fn series(out: &mut String, s: &Series) {
    let _ = writeln!(out, "  {:?} {}: {}", s.style, s.name, s.labels.join(" | "));
}

impl ReportModel {
    pub fn outline(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "title: {}", self.title);
        let _ = writeln!(
            out,
            "header: {} | {}",
            self.running_head,
            self.marking.as_deref().unwrap_or("")
        );
        let _ = writeln!(
            out,
            "footer: {} | {} | {}",
            self.reference, self.date, self.page_template
        );
        if let Some(mark) = &self.draft_mark {
            let _ = writeln!(out, "mark: {mark}");
        }
        for block in &self.blocks {
            match block {
                Block::Title { title, subtitle } => {
                    let _ = writeln!(out, "\n== {title} ==\n{subtitle}");
                }
                Block::List {
                    items, numbered, ..
                } => {
                    for (n, item) in items.iter().enumerate() {
                        if *numbered {
                            let _ = writeln!(out, "{}. {item}", n + 1);
                        } else {
                            let _ = writeln!(out, "* {item}");
                        }
                    }
                }
                Block::Contents { title, depth } => {
                    let _ = writeln!(out, "\n[{title} (to level {depth})]");
                }
                Block::Heading { level, text } => {
                    let _ = writeln!(out, "\n{} {text}", "#".repeat(usize::from(*level)));
                }
                Block::Paragraph { text, style } => {
                    let _ = writeln!(out, "({style:?}) {text}");
                }
                Block::KeyValues(pairs) => {
                    for (k, v) in pairs {
                        let _ = writeln!(out, "- {k}: {v}");
                    }
                }
                Block::Table(t) => {
                    let titles: Vec<String> = t
                        .columns
                        .iter()
                        .map(|c| format!("{} ({:?} {})", c.title, c.align, c.width))
                        .collect();
                    let _ = writeln!(out, "| {} |", titles.join(" | "));
                    for row in &t.rows {
                        let cells: Vec<String> = row.cells.iter().map(cell).collect();
                        let mark = match row.kind {
                            RowKind::Normal => "",
                            RowKind::Group => "group ",
                            RowKind::Alert => "ALERT ",
                        };
                        let anchor = row
                            .anchor
                            .as_ref()
                            .map_or(String::new(), |a| format!("@{a} "));
                        let _ = writeln!(out, "{mark}{anchor}| {} |", cells.join(" | "));
                    }
                }
                Block::Chart(Chart::Radar {
                    title,
                    axes,
                    ticks,
                    series: all,
                    ..
                }) => {
                    let _ = writeln!(out, "[radar] {title}: {}", axes.join(" | "));
                    let ticks: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
                    let _ = writeln!(out, "  ticks {}", ticks.join(" "));
                    all.iter().for_each(|s| series(&mut out, s));
                }
                Block::Chart(Chart::Bars {
                    title,
                    categories,
                    ticks,
                    series: all,
                    ..
                }) => {
                    let _ = writeln!(out, "[bars] {title}: {}", categories.join(" | "));
                    let ticks: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
                    let _ = writeln!(out, "  ticks {}", ticks.join(" "));
                    all.iter().for_each(|s| series(&mut out, s));
                }
                Block::Signatures { roles, fields } => {
                    let _ = writeln!(
                        out,
                        "[signatures] {} × {}",
                        roles.join(", "),
                        fields.join(", ")
                    );
                }
                Block::PageBreak => {
                    let _ = writeln!(out, "---");
                }
            }
        }
        out
    }
}
