//! The printed font: the bundled Noto Sans JP subset read with `skrifa` (character map, advances,
//! vertical metrics), so the poster measures its labels with the font the PDF embeds.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId, MetadataProvider as _};

/// A font read for printing: one glyph per character (no shaping: Latin and Japanese labels need
/// none), advances in font units.
pub struct PrintFont<'a> {
    data: &'a [u8],
    font: FontRef<'a>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
    cap_height: f32,
    bbox: [f32; 4],
}

impl<'a> PrintFont<'a> {
    /// Reads an OpenType font.
    pub fn new(data: &'a [u8]) -> Result<Self, String> {
        let font = FontRef::new(data).map_err(|e| format!("the font cannot be read: {e}"))?;
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let bbox = metrics
            .bounds
            .map_or([0.0, metrics.descent, units_per_em, metrics.ascent], |b| [b.x_min, b.y_min, b.x_max, b.y_max]);
        Ok(Self {
            data,
            font,
            units_per_em,
            ascent: metrics.ascent,
            descent: metrics.descent,
            cap_height: metrics.cap_height.unwrap_or(metrics.ascent * 0.7),
            bbox,
        })
    }

    /// The font file's bytes.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The glyph of a character; 0 (the "missing" box) when the font has none.
    pub fn glyph(&self, c: char) -> u16 {
        self.font.charmap().map(c).map_or(0, |g| g.to_u32() as u16)
    }

    /// Whether the font draws this character.
    pub fn has(&self, c: char) -> bool {
        c.is_whitespace() || self.glyph(c) != 0
    }

    /// A glyph's advance in thousandths of the font size (PDF's text space).
    pub fn advance_1000(&self, glyph: u16) -> f32 {
        let metrics = self.font.glyph_metrics(Size::unscaled(), LocationRef::default());
        metrics.advance_width(GlyphId::new(u32::from(glyph))).unwrap_or(0.0) * 1000.0 / self.units_per_em
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let metrics = self.font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let charmap = self.font.charmap();
        let units: f32 =
            text.chars().map(|c| metrics.advance_width(charmap.map(c).unwrap_or(GlyphId::NOTDEF)).unwrap_or(0.0)).sum();
        units * size / self.units_per_em
    }

    /// `text` cut to fit `max` points at `size`, ending in "…" when cut.
    pub fn elide(&self, text: &str, size: f32, max: f32) -> String {
        if self.width(text, size) <= max {
            return text.to_owned();
        }
        let room = max - self.width("…", size);
        let mut out = String::new();
        let mut used = 0.0;
        for c in text.chars() {
            let w = self.width(c.encode_utf8(&mut [0; 4]), size);
            if used + w > room {
                break;
            }
            used += w;
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }

    /// `text` broken at spaces (or anywhere in a word longer than a line) into lines of at most
    /// `max` points; at most `rows` lines, the last elided when there is more.
    pub fn wrap(&self, text: &str, size: f32, max: f32, rows: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(&candidate, size) <= max || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        if lines.len() > rows.max(1) {
            let rest = lines.split_off(rows.max(1) - 1).join(" ");
            lines.push(rest);
        }
        lines.into_iter().map(|l| self.elide(&l, size, max)).collect()
    }

    /// Ascent, descent (negative), cap height, in font units; and the units per em.
    pub fn vertical(&self) -> (f32, f32, f32, f32) {
        (self.ascent, self.descent, self.cap_height, self.units_per_em)
    }

    /// The font's bounding box in font units: left, bottom, right, top.
    pub fn bbox(&self) -> [f32; 4] {
        self.bbox
    }

    /// The baseline of a line of text at `size` whose top is at `top` (y down).
    pub fn baseline(&self, top: f32, size: f32) -> f32 {
        top + self.ascent / self.units_per_em * size
    }
}
