//! Charts as vector drawings: the radar of the pillars and horizontal bars,
//! with their title, scale, value labels and legend.

use super::{ACCENT, BLACK, BODY_WIDTH, Draw, Flow, GREY, MARGIN_X, RULE, Rgb};
use crate::report::model::{Chart, Series, SeriesStyle};

const LABEL: f32 = 7.5;
const RADIUS: f32 = 82.0;
const RADAR_HEIGHT: f32 = 22.0 + 2.0 * RADIUS + 70.0 + 24.0;
const BAR: f32 = 9.0;

/// The height a chart takes, so a heading can be kept with it.
pub fn height(flow: &Flow<'_>, chart: &Chart) -> f32 {
    match chart {
        Chart::Radar { .. } => RADAR_HEIGHT,
        Chart::Bars {
            categories, series, ..
        } => bars_height(flow, categories, series),
    }
}

fn bar_labels(flow: &Flow<'_>, categories: &[String]) -> Vec<Vec<String>> {
    categories
        .iter()
        .map(|c| flow.fonts.wrap(c, false, LABEL, BODY_WIDTH * 0.32))
        .collect()
}

/// The height of one category's band: its label lines or its bars.
fn band(lines: usize, series: usize) -> f32 {
    (lines as f32 * 9.0).max(series as f32 * (BAR + 1.0)) + 7.0
}

fn bars_height(flow: &Flow<'_>, categories: &[String], series: &[Series]) -> f32 {
    let body: f32 = bar_labels(flow, categories)
        .iter()
        .map(|l| band(l.len(), series.len()))
        .sum();
    22.0 + body + 20.0 + if series.len() > 1 { 20.0 } else { 0.0 } + 10.0
}
const CURRENT: Rgb = Rgb(0x2b, 0x6c, 0xb0);
const CURRENT_FILL: Rgb = Rgb(0xcf, 0xe0, 0xf3);
const PREVIOUS: Rgb = Rgb(0xd9, 0x7a, 0x1e);

fn colour(style: SeriesStyle) -> Rgb {
    match style {
        SeriesStyle::Current => CURRENT,
        SeriesStyle::Previous => PREVIOUS,
    }
}

pub fn chart(flow: &mut Flow<'_>, chart: &Chart) {
    match chart {
        Chart::Radar {
            title,
            axes,
            max,
            ticks,
            series,
        } => radar(flow, title, axes, *max, ticks, series),
        Chart::Bars {
            title,
            categories,
            max,
            ticks,
            series,
        } => bars(flow, title, categories, *max, ticks, series),
    }
}

fn chart_title(flow: &mut Flow<'_>, title: &str) {
    flow.y += 14.0;
    flow.text(MARGIN_X, flow.y, 10.0, true, ACCENT, title);
    flow.y += 8.0;
}

fn legend(flow: &mut Flow<'_>, series: &[Series]) {
    let mut x = MARGIN_X;
    flow.y += 12.0;
    for s in series {
        let c = colour(s.style);
        flow.rect(x, flow.y - 7.0, 14.0, 7.0, Some(c), None);
        flow.text(x + 18.0, flow.y, LABEL, false, BLACK, &s.name);
        x += 30.0 + flow.fonts.width(&s.name, false, LABEL);
    }
    flow.y += 6.0;
}

fn radar(
    flow: &mut Flow<'_>,
    title: &str,
    axes: &[String],
    max: f64,
    ticks: &[(f64, String)],
    series: &[Series],
) {
    let radius = RADIUS;
    let label_width = 130.0;
    flow.ensure(RADAR_HEIGHT);
    chart_title(flow, title);
    let cx = MARGIN_X + BODY_WIDTH / 2.0;
    let cy = flow.y + 30.0 + radius;
    let n = axes.len().max(3);
    // Axis k points up for k = 0 and goes round clockwise.
    let point = |k: usize, value: f64| -> (f32, f32) {
        let angle = std::f32::consts::TAU * k as f32 / n as f32 - std::f32::consts::FRAC_PI_2;
        let r = radius * (value / max).clamp(0.0, 1.0) as f32;
        (cx + r * angle.cos(), cy + r * angle.sin())
    };
    let shape = |s: &Series| -> Vec<(f32, f32)> {
        (0..n)
            .map(|k| point(k, s.values.get(k).copied().flatten().unwrap_or(0.0)))
            .collect()
    };
    // Fill first, outlines after, so the previous outline shows through.
    for s in series.iter().filter(|s| s.style == SeriesStyle::Current) {
        flow.push(Draw::Path {
            points: shape(s),
            closed: true,
            fill: Some(CURRENT_FILL),
            stroke: None,
            dashed: false,
        });
    }
    for (value, label) in ticks.iter().filter(|(v, _)| *v > 0.0) {
        let ring: Vec<(f32, f32)> = (0..n).map(|k| point(k, *value)).collect();
        flow.push(Draw::Path {
            points: ring,
            closed: true,
            fill: None,
            stroke: Some((RULE, 0.6)),
            dashed: false,
        });
        let (x, y) = point(0, *value);
        flow.text(x + 3.0, y + 3.0, 6.5, false, GREY, label);
    }
    for k in 0..n {
        flow.line(vec![(cx, cy), point(k, max)], RULE, 0.6);
    }
    for s in series.iter().rev() {
        let points = shape(s);
        let current = s.style == SeriesStyle::Current;
        flow.push(Draw::Path {
            points: points.clone(),
            closed: true,
            fill: None,
            stroke: Some((colour(s.style), if current { 1.6 } else { 1.2 })),
            dashed: !current,
        });
        for p in points {
            flow.rect(p.0 - 1.8, p.1 - 1.8, 3.6, 3.6, Some(colour(s.style)), None);
        }
    }
    let fonts = flow.fonts;
    for (k, axis) in axes.iter().enumerate() {
        let (x, y) = point(k, max * 1.08);
        let lines = fonts.wrap(axis, true, LABEL, label_width);
        let block = lines.len() as f32 * 9.0;
        let dx = x - cx;
        let top = if (y - cy).abs() < 1.0 {
            y - block / 2.0
        } else if y < cy {
            y - block
        } else {
            y + 2.0
        };
        for (i, line) in lines.iter().enumerate() {
            let w = fonts.width(line, true, LABEL);
            let lx = if dx.abs() < 1.0 {
                x - w / 2.0
            } else if dx > 0.0 {
                x + 2.0
            } else {
                x - w - 2.0
            };
            flow.text(
                lx,
                top + (i + 1) as f32 * 9.0 - 2.0,
                LABEL,
                true,
                BLACK,
                line,
            );
        }
    }
    flow.y = cy + radius + 40.0;
    legend(flow, series);
    flow.y += 10.0;
}

fn bars(
    flow: &mut Flow<'_>,
    title: &str,
    categories: &[String],
    max: f64,
    ticks: &[(f64, String)],
    series: &[Series],
) {
    let fonts = flow.fonts;
    let label_width = BODY_WIDTH * 0.32;
    let value_room = 34.0;
    let area_x = MARGIN_X + label_width + 8.0;
    let area_w = BODY_WIDTH - label_width - 8.0 - value_room;
    let bar = BAR;
    let labels = bar_labels(flow, categories);
    let group = |lines: usize| band(lines, series.len());
    let body: f32 = labels.iter().map(|l| group(l.len())).sum();
    flow.ensure(bars_height(flow, categories, series));
    chart_title(flow, title);
    let top = flow.y + 4.0;
    let x_of = |v: f64| area_x + area_w * (v / max).clamp(0.0, 1.0) as f32;
    let bottom = top + body;
    for (value, label) in ticks {
        let x = x_of(*value);
        flow.line(vec![(x, top), (x, bottom)], RULE, 0.5);
        let w = fonts.width(label, false, 6.5);
        flow.text(x - w / 2.0, bottom + 10.0, 6.5, false, GREY, label);
    }
    let mut y = top;
    for (k, lines) in labels.iter().enumerate() {
        let h = group(lines.len());
        let block = lines.len() as f32 * 9.0;
        for (i, line) in lines.iter().enumerate() {
            let ly = y + (h - 7.0 - block) / 2.0 + (i + 1) as f32 * 9.0 - 2.0;
            flow.text(MARGIN_X, ly, LABEL, false, BLACK, line);
        }
        let bars_height = series.len() as f32 * (bar + 1.0);
        let mut by = y + (h - 7.0 - bars_height) / 2.0;
        for s in series {
            let value = s.values.get(k).copied().flatten();
            if let Some(v) = value {
                let w = (x_of(v) - area_x).max(0.5);
                flow.rect(area_x, by, w, bar, Some(colour(s.style)), None);
            }
            let label = s.labels.get(k).map_or("", String::as_str);
            let lx = value.map_or(area_x, x_of) + 3.0;
            flow.text(lx, by + bar - 1.5, 6.5, false, BLACK, label);
            by += bar + 1.0;
        }
        y += h;
    }
    flow.line(vec![(area_x, top), (area_x, bottom)], GREY, 0.8);
    flow.y = bottom + 14.0;
    if series.len() > 1 {
        legend(flow, series);
    }
    flow.y += 10.0;
}
